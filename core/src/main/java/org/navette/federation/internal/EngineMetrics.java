package org.navette.federation.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.navette.federation.TargetState;

/**
 * What the federation engine measures, behind a small interface so that Micrometer is needed only
 * when the embedding application brings it: {@link #NONE} otherwise. The Micrometer implementation
 * is loaded only through {@link #forRegistry}, when the registry given is a real
 * {@code io.micrometer.core.instrument.MeterRegistry}.
 *
 * <pre>{@code
 * EngineMetrics metrics = EngineMetrics.forRegistry(meterRegistryOrNull);
 * metrics.targetEnded("zebra", TargetState.DONE, Duration.ofMillis(120));
 * }</pre>
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
public interface EngineMetrics {
    /** Measures nothing. */
    EngineMetrics NONE = new EngineMetrics() { };

    /** One target search ended in {@code state} after {@code elapsed}. */
    default void targetEnded(String targetId, TargetState state, Duration elapsed) { }

    /** A target's circuit breaker exists (for a state gauge). */
    default void breakerCreated(String targetId, CircuitBreaker breaker) { }

    /** The federation's in-flight target searches, for a gauge. */
    default void inFlight(IntSupplier inFlight) { }

    /** One federated search ended. */
    default void searchEnded(Duration elapsed) { }

    /** Removes this federation's meters (the registry outlives the federation). */
    default void close() { }

    /**
     * The metrics for a Micrometer registry, or {@link #NONE} when {@code registry} is null.
     *
     * @throws IllegalArgumentException when Micrometer is not on the class path or {@code registry}
     *         is not a {@code MeterRegistry}
     */
    static EngineMetrics forRegistry(Object registry) {
        if (registry == null) {
            return NONE;
        }
        Class<?> meterRegistry;
        try {
            meterRegistry = Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                    EngineMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("meterRegistry needs io.micrometer:micrometer-core on the class path", e);
        }
        if (!meterRegistry.isInstance(registry)) {
            throw new IllegalArgumentException("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry, was "
                    + registry.getClass().getName());
        }
        // only reached with Micrometer present: MicrometerMetrics is not loaded otherwise
        return new MicrometerMetrics(registry);
    }
}
