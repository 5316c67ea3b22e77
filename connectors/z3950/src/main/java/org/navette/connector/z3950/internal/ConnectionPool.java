package org.navette.connector.z3950.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The connections of one target: reuses idle, initialised connections (most recently used first),
 * closes those idle longer than the idle timeout (measured with the injected {@link Clock}) or that
 * the server closed meanwhile, and never has more than {@code maxConnections} open at once; searches
 * beyond that wait, without holding a thread, until a connection is released.
 *
 * <pre>{@code
 * ConnectionPool.Lease lease = pool.acquire(waiter);   // null: waiter.offer(lease) comes later
 * ... use lease.connection(), or open a new one when it is null ...
 * pool.release(connection, reusable);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. Idle connections belong to no thread; a leased one
 * belongs to its holder until released.
 */
public final class ConnectionPool {
    /** Someone waiting for a connection. */
    public interface Waiter {
        /**
         * Hands over a lease; called from whatever thread released it. Returns false when the waiter
         * no longer wants it (its search ended), so that the pool gives it to someone else.
         */
        boolean offer(Lease lease);
    }

    /**
     * The right to use one connection slot: an idle connection to reuse, or (when {@code connection}
     * is null) the permission to open a new one. Either way, end it with {@link #release} or
     * {@link #giveBack}.
     */
    public record Lease(ZoomConnection connection) {
    }

    private record Idle(ZoomConnection connection, Instant since) {
    }

    private final int maxConnections;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Posix posix;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private int open;
    private boolean closed;

    public ConnectionPool(int maxConnections, Duration idleTimeout, Clock clock, Posix posix) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        if (idleTimeout == null || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be >= 0, was " + idleTimeout);
        }
        this.maxConnections = maxConnections;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.posix = posix;
    }

    /**
     * A lease now, or null after queueing {@code waiter}, which gets one through {@link Waiter#offer}
     * when a connection is released. After {@link #close()} the pool still grants permissions to open
     * unpooled connections, so that searches never hang on a closed pool.
     */
    public Lease acquire(Waiter waiter) {
        List<ZoomConnection> expired;
        Lease lease = null;
        synchronized (this) {
            expired = evictExpiredLocked();
            if (!idle.isEmpty()) {
                lease = new Lease(idle.pollFirst().connection());
            } else if (open < maxConnections || closed) {
                open++;
                lease = new Lease(null);
            } else {
                waiters.addLast(waiter);
            }
        }
        destroyAll(expired);
        if (lease != null && lease.connection() != null && isStale(lease.connection())) {
            lease.connection().destroy(); // keep the slot: the caller opens a fresh connection in its place
            lease = new Lease(null);
        }
        return lease;
    }

    private boolean isStale(ZoomConnection c) {
        int fd = c.socket();
        return fd < 0 || posix.hasPendingInput(fd);
    }

    /** Forgets a waiter whose search ended before it got a connection. */
    public synchronized void cancel(Waiter waiter) {
        waiters.remove(waiter);
    }

    /**
     * Returns a connection: kept for reuse (or handed to a waiter) when {@code reusable} and the pool
     * is open, destroyed otherwise. Must be called by the thread that used it last.
     */
    public void release(ZoomConnection connection, boolean reusable) {
        Waiter next = null;
        Lease handoff = null;
        ZoomConnection toDestroy = null;
        List<ZoomConnection> expired;
        synchronized (this) {
            expired = evictExpiredLocked();
            if (!reusable || closed || connection.isDestroyed()) {
                toDestroy = connection;
                open--;
                if (!waiters.isEmpty() && open < maxConnections) {
                    open++;
                    next = waiters.pollFirst();
                    handoff = new Lease(null);
                }
            } else if (!waiters.isEmpty()) {
                next = waiters.pollFirst();
                handoff = new Lease(connection);
            } else {
                idle.addFirst(new Idle(connection, clock.instant()));
            }
        }
        destroyAll(expired);
        if (toDestroy != null) {
            toDestroy.destroy();
        }
        if (next != null && !next.offer(handoff)) {
            giveBack(handoff);
        }
    }

    /** Ends a lease that was not used (its search ended first). */
    public void giveBack(Lease lease) {
        if (lease.connection() != null) {
            release(lease.connection(), true);
            return;
        }
        Waiter next = null;
        synchronized (this) {
            if (!waiters.isEmpty()) {
                next = waiters.pollFirst(); // the slot passes on; open stays the same
            } else {
                open--;
            }
        }
        if (next != null && !next.offer(lease)) {
            giveBack(lease);
        }
    }

    private List<ZoomConnection> evictExpiredLocked() {
        List<ZoomConnection> expired = new ArrayList<>();
        Instant cutoff = clock.instant().minus(idleTimeout);
        // the oldest are at the tail
        while (!idle.isEmpty() && !idle.peekLast().since().isAfter(cutoff)) {
            expired.add(idle.pollLast().connection());
            open--;
        }
        return expired;
    }

    /** Closes the idle connections that outlived the idle timeout; returns how many. */
    public int evictExpired() {
        List<ZoomConnection> expired;
        synchronized (this) {
            expired = evictExpiredLocked();
        }
        destroyAll(expired);
        return expired.size();
    }

    private static void destroyAll(List<ZoomConnection> connections) {
        for (ZoomConnection c : connections) {
            c.destroy();
        }
    }

    /** Destroys the idle connections; busy ones are destroyed when released. Idempotent. */
    public void close() {
        List<ZoomConnection> toDestroy = new ArrayList<>();
        List<Waiter> waiting;
        synchronized (this) {
            closed = true;
            for (Idle i : idle) {
                toDestroy.add(i.connection());
            }
            open -= idle.size();
            idle.clear();
            waiting = new ArrayList<>(waiters);
            waiters.clear();
            open += waiting.size();
        }
        destroyAll(toDestroy);
        for (Waiter w : waiting) {
            Lease permit = new Lease(null);
            if (!w.offer(permit)) {
                giveBack(permit);
            }
        }
    }

    /** Connections open now (idle + leased + permissions being used to open one). */
    public synchronized int open() {
        return open;
    }

    /** Idle connections kept for reuse now. */
    public synchronized int idle() {
        return idle.size();
    }

    /** The sockets of the idle connections, most recently used first (diagnostics and tests). */
    public synchronized java.util.List<Integer> idleSockets() {
        List<Integer> fds = new ArrayList<>();
        for (Idle i : idle) {
            fds.add(i.connection().socket());
        }
        return fds;
    }

    /** Searches waiting for a connection now. */
    public synchronized int waiting() {
        return waiters.size();
    }
}
