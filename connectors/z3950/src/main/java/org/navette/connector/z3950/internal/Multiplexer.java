package org.navette.connector.z3950.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;

/**
 * A fixed number of worker threads, each running one {@link EventLoop}, that drive any number of
 * concurrent Z39.50 searches (of any targets) with ZOOM in asynchronous mode. Searches are spread
 * round-robin. A worker starts its thread on first use and lets it end after {@code linger} without
 * work, so an idle multiplexer holds no thread and no descriptor.
 *
 * <pre>{@code
 * Multiplexer mux = new Multiplexer(2, Duration.ofSeconds(30), Posix.load(), System::nanoTime, threadFactory);
 * mux.schedule(task);
 * mux.close();
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class Multiplexer implements AutoCloseable {
    private final Posix posix;
    private final LongSupplier nanoTime;
    private final ThreadFactory threadFactory;
    private final long lingerNanos;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger nextWorker = new AtomicInteger();
    private final AtomicInteger threadsStarted = new AtomicInteger();

    public Multiplexer(int threads, Duration linger, Posix posix, LongSupplier nanoTime, ThreadFactory threadFactory) {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be within 1..256, was " + threads);
        }
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("idle linger must be >= 0, was " + linger);
        }
        this.posix = posix;
        this.nanoTime = nanoTime;
        this.threadFactory = threadFactory;
        this.lingerNanos = linger.toNanos();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker());
        }
    }

    /** Runs {@code task} on one of the worker threads; a closed multiplexer fails it as cancelled. */
    public void schedule(SearchTask task) {
        workers.get(Math.floorMod(nextWorker.getAndIncrement(), workers.size())).schedule(task);
    }

    /** The number of worker threads (the most that ever run at once). */
    public int threads() {
        return workers.size();
    }

    /** Worker threads running now. */
    public int liveThreads() {
        int n = 0;
        for (Worker w : workers) {
            if (w.isRunning()) {
                n++;
            }
        }
        return n;
    }

    /** Worker threads started since creation (a worker restarts after lingering idle). */
    public int threadsStarted() {
        return threadsStarted.get();
    }

    /** Fails the searches still running as cancelled, releases them and stops the threads. */
    @Override
    public void close() {
        List<Thread> toJoin = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = w.shutdown();
            if (t != null && t != Thread.currentThread()) {
                toJoin.add(t);
            }
        }
        for (Thread t : toJoin) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Worker implements Runnable {
        private EventLoop loop;
        private Thread thread;
        private boolean closed;

        void schedule(SearchTask task) {
            synchronized (this) {
                if (!closed) {
                    if (loop == null) {
                        loop = EventLoop.open(posix, nanoTime);
                        thread = threadFactory.newThread(this);
                        threadsStarted.incrementAndGet();
                        thread.start();
                    }
                    EventLoop l = loop;
                    if (l.post(() -> l.add(task))) {
                        return;
                    }
                }
            }
            task.rejected(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "the Z39.50 multiplexer was closed"));
        }

        synchronized boolean isRunning() {
            return thread != null && thread.isAlive();
        }

        Thread shutdown() {
            EventLoop l;
            Thread t;
            synchronized (this) {
                closed = true;
                l = loop;
                t = thread;
            }
            if (l != null) {
                l.post(() -> { }); // wake it up to notice
            }
            return t;
        }

        @Override
        public void run() {
            EventLoop l;
            synchronized (this) {
                l = loop;
            }
            try {
                long idleSince = -1;
                while (true) {
                    long now = nanoTime.getAsLong();
                    l.runOnce(idleSince < 0 ? lingerNanos : Math.max(0, idleSince + lingerNanos - now));
                    synchronized (this) {
                        if (closed) {
                            loop = null;
                            break;
                        }
                        if (l.isIdle()) {
                            now = nanoTime.getAsLong();
                            if (idleSince < 0) {
                                idleSince = now;
                            } else if (now - idleSince >= lingerNanos) {
                                loop = null;
                                thread = null;
                                break;
                            }
                        } else {
                            idleSince = -1;
                        }
                    }
                }
            } finally {
                synchronized (this) {
                    if (loop == l) {
                        loop = null; // a bug threw out of the loop: let the next search start a fresh one
                    }
                }
                l.close();
            }
        }
    }
}
