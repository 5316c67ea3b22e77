package org.navette.federation.internal;

import java.util.LinkedHashSet;
import java.util.concurrent.Executor;

/**
 * The federation-wide cap on target searches in flight at once (across all targets and searches),
 * as a non-blocking FIFO semaphore: a waiter is called back when its turn comes instead of holding
 * a thread. The cap bounds open sockets and native connections whatever the load.
 *
 * <pre>{@code
 * AdmissionQueue q = new AdmissionQueue(512, pool);
 * q.acquire(ticket, () -> launch());   // now or later, on the pool
 * ...
 * q.release();                         // when the launched search has fully ended
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class AdmissionQueue {
    private final int capacity;
    private final Executor grants;
    private final LinkedHashSet<Waiter> waiting = new LinkedHashSet<>();
    private int inUse; // guarded by this

    /** A queued request for a permit. */
    private record Waiter(Object ticket, Runnable onGranted) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Waiter w && w.ticket == ticket;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ticket);
        }
    }

    /**
     * @param capacity permits in all
     * @param grants   where queued waiters are called back (never on the releasing thread, so that a
     *                 chain of quick failures cannot recurse)
     */
    public AdmissionQueue(int capacity, Executor grants) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.grants = grants;
    }

    /**
     * Calls {@code onGranted} with a permit held: at once on this thread when one is free, else
     * later on the grant executor. {@code ticket} identifies the request for {@link #withdraw}.
     */
    public void acquire(Object ticket, Runnable onGranted) {
        synchronized (this) {
            if (inUse >= capacity || !waiting.isEmpty()) {
                waiting.add(new Waiter(ticket, onGranted));
                return;
            }
            inUse++;
        }
        onGranted.run();
    }

    /** Removes a queued request; true when it was still waiting (so no permit was or will be given). */
    public synchronized boolean withdraw(Object ticket) {
        return waiting.remove(new Waiter(ticket, null));
    }

    /** Gives a permit back, handing it to the next waiter if any. */
    public void release() {
        Waiter next;
        synchronized (this) {
            var it = waiting.iterator();
            if (it.hasNext()) {
                next = it.next();
                it.remove(); // the permit passes straight to the waiter: inUse unchanged
            } else {
                inUse--;
                return;
            }
        }
        try {
            grants.execute(next.onGranted());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            next.onGranted().run(); // shutting down: the waiter must still learn, or its permit is lost
        }
    }

    public synchronized int inUse() {
        return inUse;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    public int capacity() {
        return capacity;
    }
}
