package org.navette.federation.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: the per-search and per-target
 * ordering of the federation engine without a thread of its own.
 *
 * <pre>{@code
 * SerialLane lane = new SerialLane(pool, "search s1");
 * lane.execute(() -> step1());
 * lane.execute(() -> step2());   // runs after step1, maybe on another pool thread
 * }</pre>
 *
 * <p>A lane yields its pool thread after a batch of tasks so that one busy search cannot starve the
 * others. When the pool refuses work (it was shut down), the lane drains on the submitting thread.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SerialLane implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);
    private static final int BATCH = 32;

    private final Executor pool;
    private final String name;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled; // guarded by this: a drain is queued or running

    public SerialLane(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        enqueue(task, false);
    }

    /** Runs {@code task} before every task still waiting (for the end of a search: deadline, cancellation). */
    public void executeFirst(Runnable task) {
        enqueue(task, true);
    }

    private void enqueue(Runnable task, boolean first) {
        synchronized (this) {
            if (first) {
                tasks.addFirst(task);
            } else {
                tasks.add(task);
            }
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            while (drainBatch()) {
                // keep draining here: nobody else will
            }
        }
    }

    private void drain() {
        if (drainBatch()) {
            schedule();
        }
    }

    /** Runs up to one batch; true when tasks remain (and the lane stays scheduled). */
    private boolean drainBatch() {
        for (int i = 0; i < BATCH; i++) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    scheduled = false;
                    return false;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // one failing step must not wedge the lane: later steps (the end of the search) still run
                LOG.error("{}: task failed", name, e);
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SerialLane[" + name + "]";
    }
}
