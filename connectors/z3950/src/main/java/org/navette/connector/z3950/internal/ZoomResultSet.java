package org.navette.connector.z3950.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * Owns one {@code ZOOM_resultset}. Its records belong to it: copy their bytes out before
 * {@link #destroy()}.
 *
 * <pre>{@code
 * long hits = rs.size();
 * rs.request(0, 10);                   // queued present of positions 0..9 (0-based)
 * ZoomRecord r = rs.recordNow(3);      // null until it arrived
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; used by the thread that owns its connection.
 */
final class ZoomResultSet {
    private final ZoomLibrary lib;
    private Pointer handle;

    ZoomResultSet(ZoomLibrary lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
    }

    private Pointer h() {
        if (handle == null) {
            throw new IllegalStateException("ZOOM result set already destroyed");
        }
        return handle;
    }

    /** The hit count the target reported. */
    public long size() {
        return lib.yaz().ZOOM_resultset_size(h()).longValue();
    }

    /**
     * Queues the retrieval of records {@code start .. start+count-1} (0-based). Passes no record
     * array on purpose: with one, ZOOM would block until they arrive even in asynchronous mode.
     */
    public void request(long start, long count) {
        lib.yaz().ZOOM_resultset_records(h(), null, new NativeLong(start), new NativeLong(count));
    }

    /** The record at a 0-based position if it already arrived, else null. Never blocks. */
    public ZoomRecord recordNow(long position) {
        Pointer r = lib.yaz().ZOOM_resultset_record_immediate(h(), new NativeLong(position));
        return r == null ? null : new ZoomRecord(lib, r, false);
    }

    public boolean isDestroyed() {
        return handle == null;
    }

    /** Frees the result set and its cached records; does nothing the second time. */
    public void destroy() {
        if (handle != null) {
            Pointer p = handle;
            handle = null;
            lib.yaz().ZOOM_resultset_destroy(p);
            lib.counts().onDestroyed(NativeCounts.Kind.RESULT_SET);
        }
    }
}
