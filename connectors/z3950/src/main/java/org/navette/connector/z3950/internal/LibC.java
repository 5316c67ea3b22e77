package org.navette.connector.z3950.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few POSIX calls the event loop needs: {@code poll(2)} over ZOOM's sockets plus a self-pipe
 * that other threads write to when they hand the loop new work or a cancellation. Java cannot poll
 * a raw file descriptor, and ZOOM exposes only raw descriptors.
 *
 * <pre>{@code
 * LibC libc = Native.load("c", LibC.class);
 * int ready = libc.poll(pollfds, new NativeLong(n), 50);
 * }</pre>
 *
 * <p>Thread-safety: the calls are thread-safe system calls.
 */
public interface LibC extends Library {
    short POLLIN = 0x001;
    short POLLPRI = 0x002;
    short POLLOUT = 0x004;
    short POLLERR = 0x008;
    short POLLHUP = 0x010;
    short POLLNVAL = 0x020;
    /** {@code sizeof(struct pollfd)}: int fd, short events, short revents. */
    int POLLFD_SIZE = 8;
    int EINTR = 4;

    int poll(Pointer fds, NativeLong count, int timeoutMillis);

    int pipe(int[] fds);

    NativeLong read(int fd, byte[] buffer, NativeLong count);

    NativeLong write(int fd, byte[] buffer, NativeLong count);

    int close(int fd);
}
