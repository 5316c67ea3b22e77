package org.navette.connector.z3950.internal;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Owns one {@code ZOOM_connection}. Every method runs on the thread that currently owns the
 * connection (an event loop); {@link #destroy()} is idempotent.
 *
 * <pre>{@code
 * ZoomConnection c = zoom.createConnection(Map.of("async", "1"));
 * c.connect("127.0.0.1", 2100);     // queued: the event loop performs it
 * ZoomResultSet rs = c.searchPqf("@attr 1=4 computer");
 * ...
 * rs.destroy();
 * c.destroy();
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one thread at a time, handed over with a happens-before edge.
 */
final class ZoomConnection {
    private final ZoomLibrary lib;
    private Pointer handle;

    ZoomConnection(ZoomLibrary lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
    }

    private Pointer h() {
        if (handle == null) {
            throw new IllegalStateException("ZOOM connection already destroyed");
        }
        return handle;
    }

    /**
     * Queues a connect (and Z39.50 init) to host:port. On a connection that is already connected,
     * ZOOM only marks it as allowed to reconnect, so that a pooled connection the server closed
     * meanwhile is re-established transparently by the next request.
     */
    public void connect(String host, int port) {
        lib.yaz().ZOOM_connection_connect(h(), host, port);
    }

    public void option(String key, String value) {
        lib.yaz().ZOOM_connection_option_set(h(), key, value);
    }

    /** Sets an option whose name was encoded once. */
    public void option(CString key, String value) {
        lib.yaz().ZOOM_connection_option_set(h(), key.pointer(), value);
    }

    public String option(String key) {
        return lib.yaz().ZOOM_connection_option_get(h(), key);
    }

    /** Queues a search with a PQF (prefix) query; the result set belongs to the caller. */
    public ZoomResultSet searchPqf(String pqf) {
        Pointer r = lib.yaz().ZOOM_connection_search_pqf(h(), pqf);
        if (r == null) {
            throw new IllegalStateException("ZOOM_connection_search_pqf returned NULL");
        }
        lib.counts().onCreated(NativeCounts.Kind.RESULT_SET);
        return new ZoomResultSet(lib, r);
    }

    /** The connection's current error, {@link ZoomError#NONE} when there is none. */
    public ZoomError error() {
        if (lib.yaz().ZOOM_connection_errcode(h()) == 0) {
            return ZoomError.NONE; // the common case, without allocating three out-parameters
        }
        PointerByReference msg = new PointerByReference();
        PointerByReference addInfo = new PointerByReference();
        PointerByReference diagSet = new PointerByReference();
        int code = lib.yaz().ZOOM_connection_error_x(h(), msg, addInfo, diagSet);
        if (code == 0) {
            return ZoomError.NONE;
        }
        return new ZoomError(code, utf8(diagSet.getValue()), utf8(msg.getValue()), utf8(addInfo.getValue()));
    }

    static String utf8(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }

    /** Runs queued work and takes one event; 0 when there was none (then wait on the socket). */
    public int process() {
        return lib.yaz().ZOOM_connection_process(h());
    }

    /** The kind of the event last taken by {@link #process()}. */
    public int lastEvent() {
        return lib.yaz().ZOOM_connection_last_event(h());
    }

    /** True when no request is queued or outstanding. */
    public boolean isIdle() {
        return lib.yaz().ZOOM_connection_is_idle(h()) != 0;
    }

    /** The socket, or -1 when not connected. */
    public int socket() {
        return lib.yaz().ZOOM_connection_get_socket(h());
    }

    /** What the connection waits for: {@link Yaz#SELECT_READ} / WRITE / EXCEPT bits; 0 for nothing. */
    public int mask() {
        return lib.yaz().ZOOM_connection_get_mask(h());
    }

    /** Tells ZOOM its socket is ready (bits of {@link Yaz#SELECT_READ}...). */
    public void fireSocket(int mask) {
        lib.yaz().ZOOM_connection_fire_event_socket(h(), mask);
    }

    public boolean isDestroyed() {
        return handle == null;
    }

    /** Closes the socket and frees the connection; does nothing the second time. */
    public void destroy() {
        if (handle != null) {
            Pointer p = handle;
            handle = null;
            lib.yaz().ZOOM_connection_destroy(p);
            lib.counts().onDestroyed(NativeCounts.Kind.CONNECTION);
        }
    }
}
