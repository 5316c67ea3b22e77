package org.navette.federation.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.navette.federation.TargetState;

/**
 * {@link EngineMetrics} on a Micrometer registry:
 * <ul>
 *   <li>{@code navette.federation.target.latency} — timer per target ({@code target} tag);</li>
 *   <li>{@code navette.federation.target.outcomes} — counter per target and final state
 *       ({@code target}, {@code state} = done, failed, timed-out, skipped, cancelled);</li>
 *   <li>{@code navette.federation.circuit.state} — gauge per target: 0 closed, 1 open, 2 half-open
 *       (Resilience4j's state order);</li>
 *   <li>{@code navette.federation.inflight} — gauge of target searches in flight;</li>
 *   <li>{@code navette.federation.search.duration} — timer of whole searches.</li>
 * </ul>
 *
 * <pre>{@code
 * EngineMetrics m = EngineMetrics.forRegistry(new SimpleMeterRegistry());
 * }</pre>
 *
 * <p>Only ever loaded by {@link EngineMetrics#forRegistry} with Micrometer present.
 *
 * <p>Thread-safety: safe for concurrent use (Micrometer meters are).
 */
final class MicrometerMetrics implements EngineMetrics {
    private final MeterRegistry registry;
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    MicrometerMetrics(Object registry) {
        this.registry = (MeterRegistry) registry;
    }

    @Override
    public void targetEnded(String targetId, TargetState state, Duration elapsed) {
        Timer.builder("navette.federation.target.latency").description("time until a target's search ended")
                .tag("target", targetId).register(registry).record(elapsed);
        Counter.builder("navette.federation.target.outcomes").description("target searches by final state")
                .tag("target", targetId).tag("state", state.label()).register(registry).increment();
    }

    @Override
    public void breakerCreated(String targetId, CircuitBreaker breaker) {
        gauges.add(Gauge.builder("navette.federation.circuit.state", breaker, b -> b.getState().getOrder())
                .description("circuit breaker state: 0 closed, 1 open, 2 half-open").tag("target", targetId)
                .strongReference(true).register(registry));
    }

    @Override
    public void inFlight(IntSupplier inFlight) {
        gauges.add(Gauge.builder("navette.federation.inflight", inFlight, IntSupplier::getAsInt)
                .description("target searches in flight")
                // A gauge holds its object weakly by default; the method reference handed in here is reachable
                // from nothing else, so a garbage collection would turn the gauge into NaN.
                .strongReference(true).register(registry));
    }

    @Override
    public void searchEnded(Duration elapsed) {
        Timer.builder("navette.federation.search.duration").description("duration of federated searches")
                .register(registry).record(elapsed);
    }

    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
