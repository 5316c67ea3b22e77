package org.navette.connector.opac.internal;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.navette.spi.CancellationSignal;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Politeness per web host, shared by every OPAC target on that host: a request rate limit
 * (Resilience4j {@code RateLimiter}), a cap on concurrent requests (Resilience4j {@code Bulkhead})
 * and the pause a host asked for with {@code Retry-After}. Two libraries of one consortium OPAC
 * are one host: they share its limits.
 *
 * <p>One instance per {@link org.navette.connector.opac.OpacConnectorFactory} (no global state);
 * when targets on one host ask for different limits, the strictest wins.
 *
 * <pre>{@code
 * HostGates gates = new HostGates(Clock.systemUTC());
 * HostGates.Gate gate = gates.gate("opac.example.org:443", 1.0, 2);
 * try (HostGates.Permit p = gate.enter(deadline, "opac.example.org")) { ...one request... }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class HostGates {
    /** How long one bulkhead wait lasts before the deadline and cancellation are checked again. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(50);
    /** A host cannot make us wait longer than this, whatever its Retry-After says. */
    static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final Clock clock;
    private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();

    public HostGates(Clock clock) {
        this.clock = clock;
    }

    /** The gate of a host ({@code host:port}), created or tightened to the given limits. */
    Gate gate(String host, double requestsPerSecond, int maxConcurrent) {
        Gate g = gates.computeIfAbsent(host, h -> new Gate(h, requestsPerSecond, maxConcurrent));
        g.tighten(requestsPerSecond, maxConcurrent);
        return g;
    }

    /** A permission to send one request; closing it frees the concurrency slot. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** The limits of one host. */
    final class Gate {
        private final String host;
        private volatile Limits limits;
        private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

        private Gate(String host, double requestsPerSecond, int maxConcurrent) {
            this.host = host;
            this.limits = new Limits(host, requestsPerSecond, maxConcurrent);
        }

        private synchronized void tighten(double requestsPerSecond, int maxConcurrent) {
            Limits l = limits;
            if (requestsPerSecond < l.requestsPerSecond || maxConcurrent < l.maxConcurrent) {
                limits = new Limits(host, Math.min(requestsPerSecond, l.requestsPerSecond),
                        Math.min(maxConcurrent, l.maxConcurrent));
            }
        }

        double requestsPerSecond() {
            return limits.requestsPerSecond;
        }

        int maxConcurrent() {
            return limits.maxConcurrent;
        }

        /** Makes every request to this host wait until {@code now + pause} (a Retry-After). */
        void pause(Duration pause) {
            Duration p = pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
            Instant until = clock.instant().plus(p);
            pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        }

        /** Until when the host asked us to wait; {@link Instant#MIN} when it did not. */
        Instant pausedUntil() {
            return pausedUntil.get();
        }

        /**
         * Waits for the host's pause, a rate-limit permit and a concurrency slot, within the
         * search's deadline.
         *
         * @throws TargetException RATE_LIMITED when the host's pause outlasts the deadline, TIMEOUT
         *                         when our own limits do, CANCELLED when the search is cancelled
         */
        Permit enter(Deadline deadline) {
            deadline.check();
            Instant until = pausedUntil.get();
            Duration pause = Duration.between(clock.instant(), until);
            if (!pause.isNegative() && !pause.isZero()) {
                if (pause.toNanos() > deadline.remainingNanos()) {
                    throw new TargetException(TargetDiagnostic.of(DiagnosticKind.RATE_LIMITED, "opac:host-paused",
                            "host " + host + " asked us to wait until " + until + " (Retry-After); that is beyond"
                                    + " this search's time budget", host));
                }
                sleep(pause.toNanos(), deadline.signal());
            }
            Limits l = limits;
            long wait = l.rateLimiter.getDetailedMetrics().getNanosToWait();
            if (wait > deadline.remainingNanos()) {
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, "opac:politeness",
                        "politeness limit for host " + host + " (" + l.requestsPerSecond + " requests/s): the next request"
                                + " may go in " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms, beyond this search's time"
                                + " budget", host));
            }
            long reserved = l.rateLimiter.reservePermission(1);
            if (reserved < 0) {
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, "opac:politeness",
                        "politeness limit for host " + host + ": no request slot within the wait limit", host));
            }
            if (reserved > 0) {
                sleep(reserved, deadline.signal());
            }
            Bulkhead bulkhead = l.bulkhead;
            while (!bulkhead.tryAcquirePermission()) {
                deadline.signal().throwIfCancelled();
                if (deadline.expired()) {
                    throw new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, "opac:politeness",
                            "politeness limit for host " + host + ": all " + l.maxConcurrent + " concurrent request"
                                    + " slot(s) stayed busy for this search's whole time budget", host));
                }
            }
            return bulkhead::onComplete;
        }

        /** Waits, waking up at once when the search is cancelled. */
        private void sleep(long nanos, CancellationSignal signal) {
            CountDownLatch cancelled = new CountDownLatch(1);
            AutoCloseable registration = signal.onCancel(cancelled::countDown);
            try {
                if (cancelled.await(nanos, TimeUnit.NANOSECONDS)) {
                    signal.throwIfCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search thread interrupted"));
            } finally {
                Closing.quietly(registration);
            }
        }
    }

    /** One set of Resilience4j limiters; replaced as a whole when a stricter target arrives. */
    private static final class Limits {
        final double requestsPerSecond;
        final int maxConcurrent;
        final AtomicRateLimiter rateLimiter;
        final Bulkhead bulkhead;

        Limits(String host, double requestsPerSecond, int maxConcurrent) {
            this.requestsPerSecond = requestsPerSecond;
            this.maxConcurrent = maxConcurrent;
            int perPeriod;
            Duration period;
            if (requestsPerSecond >= 1) {
                perPeriod = (int) Math.round(requestsPerSecond);
                period = Duration.ofSeconds(1);
            } else {
                perPeriod = 1;
                period = Duration.ofNanos(Math.round(1e9 / requestsPerSecond));
            }
            this.rateLimiter = new AtomicRateLimiter("opac-" + host, RateLimiterConfig.custom()
                    .limitForPeriod(perPeriod)
                    .limitRefreshPeriod(period)
                    // waits are checked against each search's own deadline before reserving
                    .timeoutDuration(Duration.ofDays(1))
                    .build());
            this.bulkhead = Bulkhead.of("opac-" + host, BulkheadConfig.custom()
                    .maxConcurrentCalls(maxConcurrent)
                    .maxWaitDuration(WAIT_SLICE)
                    .build());
        }
    }
}
