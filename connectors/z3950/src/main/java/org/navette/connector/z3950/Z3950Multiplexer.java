package org.navette.connector.z3950;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.navette.connector.z3950.internal.Multiplexer;
import org.navette.connector.z3950.internal.Posix;

/**
 * Drives many concurrent Z39.50 searches — of any number of targets — from a small fixed number of
 * threads, the way pazpar2 does: every connection runs in ZOOM's asynchronous mode and one event
 * loop per thread polls all their sockets. Share one multiplexer among all the Z39.50 connectors
 * of a federation by handing it to their factory; {@code searchAsync} then never blocks a thread per
 * target.
 *
 * <pre>{@code
 * try (Z3950Multiplexer mux = Z3950Multiplexer.ofThreads(1)) {
 *     ConnectorRegistry registry = ConnectorRegistry.of(Z3950ConnectorFactory.builder().multiplexer(mux).build());
 *     List<CompletableFuture<SearchOutcome>> all = targets.stream()
 *             .map(t -> registry.create(t).searchAsync(request, listener, executor)).toList();
 * }
 * }</pre>
 *
 * <p>Threads start on first use and end after {@link Builder#idleLinger idleLinger} without work, so an
 * idle multiplexer holds no thread; {@link #close()} ends running searches as cancelled.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class Z3950Multiplexer implements AutoCloseable {
    private final Multiplexer multiplexer;

    private Z3950Multiplexer(Multiplexer multiplexer) {
        this.multiplexer = multiplexer;
    }

    /** One thread, lingering 30 s when idle. */
    public static Z3950Multiplexer ofDefaults() {
        return builder().build();
    }

    /** {@code threads} threads, lingering 30 s when idle. */
    public static Z3950Multiplexer ofThreads(int threads) {
        return builder().threads(threads).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of event-loop threads: the most this multiplexer ever runs at once. */
    public int threads() {
        return multiplexer.threads();
    }

    /** Event-loop threads running now. */
    public int liveThreads() {
        return multiplexer.liveThreads();
    }

    Multiplexer internal() {
        return multiplexer;
    }

    /** Ends the searches still running as cancelled (releasing their connections) and stops the threads. */
    @Override
    public void close() {
        multiplexer.close();
    }

    /** Builds {@link Z3950Multiplexer}s; not thread-safe. */
    public static final class Builder {
        private int threads = 1;
        private Duration idleLinger = Duration.ofSeconds(30);
        private ThreadFactory threadFactory;

        private Builder() {
        }

        /** Event-loop threads, 1..256 (default 1: one thread handles hundreds of targets). */
        public Builder threads(int value) {
            if (value < 1 || value > 256) {
                throw new IllegalArgumentException("Z3950Multiplexer threads must be within 1..256, was " + value);
            }
            threads = value;
            return this;
        }

        /** How long an idle thread waits for new searches before it ends (default 30 s). */
        public Builder idleLinger(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("Z3950Multiplexer idleLinger must be >= 0, was " + value);
            }
            idleLinger = value;
            return this;
        }

        /** Where the event-loop threads come from (default: daemon threads named navette-z3950-mux-N). */
        public Builder threadFactory(ThreadFactory value) {
            threadFactory = Objects.requireNonNull(value, "threadFactory");
            return this;
        }

        public Z3950Multiplexer build() {
            ThreadFactory tf = threadFactory != null ? threadFactory : daemonThreads();
            return new Z3950Multiplexer(new Multiplexer(threads, idleLinger, Posix.load(), System::nanoTime, tf));
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "navette-z3950-mux-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
