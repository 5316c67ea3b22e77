package org.navette.connector.z3950.internal;

import com.sun.jna.Memory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Drives any number of {@link SearchTask}s on one thread: ZOOM connections in asynchronous mode,
 * their sockets polled with {@code poll(2)} together with a self-pipe, so that other threads can hand
 * the loop work ({@link #post}) or cancel a search and be noticed at once. Deadlines are the loop's
 * own (monotonic clock), never ZOOM's whole-second timeouts.
 *
 * <p>Why not {@code ZOOM_event}: it is exactly {@code ZOOM_event_nonblock} plus one {@code poll} of the
 * connections' sockets with a timeout in whole seconds, and nothing can wake it early. This loop
 * does the same steps ({@code ZOOM_connection_process}, {@code poll}, {@code ZOOM_connection_fire_event_socket})
 * with a wake-up pipe in the poll set and millisecond deadlines of its own.
 *
 * <p>A blocking search runs a loop of its own on the caller's thread ({@link #runUntil}); the
 * multiplexer runs one loop per worker thread for many searches at once.
 *
 * <pre>{@code
 * try (EventLoop loop = EventLoop.open(posix, System::nanoTime)) {
 *     loop.post(() -> loop.add(task));
 *     loop.runUntil(task::isDone);
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #post} may be called from any thread; everything else runs on the loop's
 * thread, one thread at a time.
 */
final class EventLoop implements AutoCloseable {
    /** Longest single wait, so that a blocked caller notices its own interruption. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Posix posix;
    private final LongSupplier nanoTime;
    private final int readFd;
    private final int writeFd;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    private final List<SearchTask> tasks = new ArrayList<>();
    private final List<SearchTask> polled = new ArrayList<>();
    private boolean closed;
    private boolean pipeClosed;
    private Memory pollFds;
    private int pollCapacity;

    private EventLoop(Posix posix, LongSupplier nanoTime, int[] pipe) {
        this.posix = posix;
        this.nanoTime = nanoTime;
        this.readFd = pipe[0];
        this.writeFd = pipe[1];
    }

    public static EventLoop open(Posix posix, LongSupplier nanoTime) {
        return new EventLoop(posix, nanoTime, posix.pipe());
    }

    /** The loop's clock (monotonic nanoseconds). */
    public long now() {
        return nanoTime.getAsLong();
    }

    /**
     * Queues {@code action} to run on the loop's thread and wakes the loop. Returns false (and
     * runs nothing) when the loop is closed.
     */
    public boolean post(Runnable action) {
        synchronized (inbox) {
            if (closed) {
                return false;
            }
            inbox.addLast(action);
        }
        wake();
        return true;
    }

    private void wake() {
        // one byte in the pipe is enough to wake the loop; more would only fill it
        if (signalled.compareAndSet(false, true)) {
            posix.writeByte(writeFd);
        }
    }

    /** Starts a task on this loop (loop thread). */
    public void add(SearchTask task) {
        tasks.add(task);
        task.start(this);
    }

    /** Forgets a finished task (loop thread; tasks call it when they end). */
    void remove(SearchTask task) {
        tasks.remove(task);
    }

    /** Tasks running on this loop now (loop thread). */
    public int taskCount() {
        return tasks.size();
    }

    /** True when nothing is queued and no task runs (loop thread). */
    public boolean isIdle() {
        synchronized (inbox) {
            return inbox.isEmpty() && tasks.isEmpty();
        }
    }

    /** Runs one round: queued actions, ZOOM events, deadlines, then one poll of at most {@code maxWaitNanos}. */
    public void runOnce(long maxWaitNanos) {
        runOnce(maxWaitNanos, () -> false);
    }

    /** Like {@link #runOnce(long)}, but returns without polling when {@code done} after processing. */
    private void runOnce(long maxWaitNanos, BooleanSupplier done) {
        runInbox();
        long now = now();
        for (SearchTask t : List.copyOf(tasks)) {
            t.checkDeadline(now);
        }
        for (SearchTask t : List.copyOf(tasks)) {
            t.pump();
        }
        if (!done.getAsBoolean()) {
            poll(maxWaitNanos);
        }
    }

    /** Runs rounds on the calling thread until {@code done}; an interrupt cancels the loop's tasks. */
    public void runUntil(BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            if (Thread.currentThread().isInterrupted()) {
                for (SearchTask t : List.copyOf(tasks)) {
                    t.interrupted();
                }
                continue;
            }
            runOnce(MAX_WAIT_NANOS, done);
        }
    }

    private void runInbox() {
        while (true) {
            Runnable r;
            synchronized (inbox) {
                r = inbox.pollFirst();
            }
            if (r == null) {
                return;
            }
            r.run();
        }
    }

    private void poll(long maxWaitNanos) {
        long now = now();
        long wait = maxWaitNanos;
        polled.clear();
        ensureCapacity(1);
        int count = 1;
        for (SearchTask t : tasks) {
            wait = Math.min(wait, t.deadline() - now);
            ZoomConnection c = t.connection();
            if (c == null || c.isDestroyed()) {
                continue;
            }
            int mask = c.mask();
            int fd = mask == 0 ? -1 : c.socket();
            if (fd >= 0) {
                ensureCapacity(count + 1);
                set(count++, fd, pollEvents(mask));
                polled.add(t);
            }
        }
        synchronized (inbox) {
            if (!inbox.isEmpty()) {
                wait = 0; // work arrived while we were busy: look at it before sleeping
            }
        }
        set(0, readFd, LibC.POLLIN);
        long millis = wait <= 0 ? 0 : Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
        int ready = posix.poll(pollFds, count, (int) millis);
        if (ready <= 0) {
            return; // timeout (deadlines are checked next round) or EINTR
        }
        if (revents(0) != 0) {
            // drain before re-arming: re-arming first would let a concurrent wake() write a byte that
            // this drain swallows while the flag stays set, and every later wake-up would be lost
            posix.drain(readFd);
            signalled.set(false);
        }
        for (int i = 0; i < polled.size(); i++) {
            int rev = revents(i + 1);
            if (rev != 0) {
                polled.get(i).socketReady(zoomMask(rev));
            }
        }
    }

    /** Grows the pollfd array, keeping the entries already written. */
    private void ensureCapacity(int count) {
        if (count > pollCapacity) {
            int capacity = Math.max(Math.max(count, 16), pollCapacity * 2);
            Memory grown = new Memory((long) capacity * LibC.POLLFD_SIZE);
            if (pollFds != null) {
                grown.write(0, pollFds.getByteArray(0, (int) pollFds.size()), 0, (int) pollFds.size());
                pollFds.close();
            }
            pollFds = grown;
            pollCapacity = capacity;
        }
    }

    private void set(int i, int fd, short events) {
        long off = (long) i * LibC.POLLFD_SIZE;
        pollFds.setInt(off, fd);
        pollFds.setShort(off + 4, events);
        pollFds.setShort(off + 6, (short) 0);
    }

    private int revents(int i) {
        return pollFds.getShort((long) i * LibC.POLLFD_SIZE + 6) & 0xffff;
    }

    private static short pollEvents(int zoomMask) {
        int ev = 0;
        if ((zoomMask & Yaz.SELECT_READ) != 0) {
            ev |= LibC.POLLIN;
        }
        if ((zoomMask & Yaz.SELECT_WRITE) != 0) {
            ev |= LibC.POLLOUT;
        }
        // SELECT_EXCEPT needs no bit: poll reports errors and hang-ups whatever was asked
        return (short) ev;
    }

    static int zoomMask(int revents) {
        int mask = 0;
        // a hang-up is read as end of stream, so that ZOOM sees the lost connection (or reconnects)
        if ((revents & (LibC.POLLIN | LibC.POLLHUP)) != 0) {
            mask |= Yaz.SELECT_READ;
        }
        if ((revents & LibC.POLLOUT) != 0) {
            mask |= Yaz.SELECT_WRITE;
        }
        if ((revents & (LibC.POLLERR | LibC.POLLNVAL)) != 0) {
            mask |= Yaz.SELECT_EXCEPT;
        }
        return mask;
    }

    /**
     * Refuses new work, runs what was already queued, ends every remaining task as cancelled
     * (releasing its native objects) and closes the self-pipe. Loop thread (or after it ended).
     */
    @Override
    public void close() {
        synchronized (inbox) {
            closed = true;
        }
        runInbox();
        for (SearchTask t : List.copyOf(tasks)) {
            t.loopClosed();
        }
        tasks.clear();
        if (!pipeClosed) {
            pipeClosed = true;
            posix.close(readFd);
            posix.close(writeFd);
        }
        if (pollFds != null) {
            pollFds.close();
            pollFds = null;
            pollCapacity = 0;
        }
    }
}
