package org.navette.connector.z3950.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * The C library's {@code poll}, {@code pipe}, {@code read}, {@code write} and {@code close}, wrapped
 * for the event loop: Java cannot wait on the raw sockets ZOOM exposes, so the loop polls them
 * natively, together with a self-pipe that wakes it up when another thread hands it work.
 *
 * <pre>{@code
 * Posix posix = Posix.load();
 * int[] pipe = posix.pipe();
 * posix.writeByte(pipe[1]);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use (plain system calls).
 */
public final class Posix {
    private final LibC libc;

    private Posix(LibC libc) {
        this.libc = libc;
    }

    /** Binds the platform's C library. */
    public static Posix load() {
        return new Posix(Native.load(Platform.C_LIBRARY_NAME, LibC.class));
    }

    /** A new pipe: {@code [readEnd, writeEnd]}. */
    public int[] pipe() {
        int[] fds = new int[2];
        if (libc.pipe(fds) != 0) {
            throw new IllegalStateException("pipe() failed, errno " + Native.getLastError());
        }
        return fds;
    }

    public void close(int fd) {
        libc.close(fd);
    }

    /** Writes one byte; a full pipe is fine (the reader is already due to wake up). */
    public void writeByte(int fd) {
        libc.write(fd, new byte[] {1}, new NativeLong(1));
    }

    /** Reads what a readable pipe holds (up to 64 bytes: writers never queue more than a few). */
    public void drain(int fd) {
        libc.read(fd, new byte[64], new NativeLong(64));
    }

    /**
     * {@code poll(2)} over {@code count} {@code struct pollfd} entries in {@code fds}.
     *
     * @return the number of ready descriptors, 0 on timeout, -1 when interrupted by a signal
     * @throws IllegalStateException on any other failure
     */
    public int poll(Memory fds, int count, int timeoutMillis) {
        int r = libc.poll(fds, new NativeLong(count), timeoutMillis);
        if (r < 0) {
            int errno = Native.getLastError();
            if (errno == LibC.EINTR) {
                return -1;
            }
            throw new IllegalStateException("poll() failed, errno " + errno);
        }
        return r;
    }

    /**
     * True when a socket that should be silent (an idle pooled Z39.50 connection) is readable,
     * hung up or in error: the server closed it or sent something unsolicited, so it must not be reused.
     */
    public boolean hasPendingInput(int fd) {
        return awaitInput(fd, 0);
    }

    /** Waits up to {@code timeoutMillis} for {@code fd} to become readable, hung up or in error. */
    public boolean awaitInput(int fd, int timeoutMillis) {
        try (Memory m = new Memory(LibC.POLLFD_SIZE)) {
            m.setInt(0, fd);
            m.setShort(4, LibC.POLLIN);
            m.setShort(6, (short) 0);
            int r = libc.poll(m, new NativeLong(1), timeoutMillis);
            return r != 0; // ready, or an error we cannot explain: either way do not trust the socket
        }
    }
}
