package org.navette.connector.z3950.internal;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * A {@code ZOOM_record}: either borrowed from its result set (valid until the result set is
 * destroyed; {@link #destroy()} does nothing) or an owned clone (must be destroyed).
 *
 * <pre>{@code
 * ZoomRecord r = rs.recordNow(0);
 * byte[] iso2709 = r.bytes("raw");
 * String syntax = r.text("syntax");    // "USmarc", "Unimarc", "XML", "OPAC"...
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; used by the thread that owns its connection.
 */
final class ZoomRecord {
    private final ZoomLibrary lib;
    private final boolean owned;
    private Pointer handle;

    ZoomRecord(ZoomLibrary lib, Pointer handle, boolean owned) {
        this.lib = lib;
        this.handle = handle;
        this.owned = owned;
    }

    private Pointer h() {
        if (handle == null) {
            throw new IllegalStateException("ZOOM record already destroyed");
        }
        return handle;
    }

    /**
     * The record rendered as {@code type} ("raw", "xml", "syntax", "raw; charset=marc-8,utf-8"...), copied
     * into Java memory; null when ZOOM cannot render it so.
     */
    public byte[] bytes(String type) {
        IntByReference len = new IntByReference();
        Pointer p = lib.yaz().ZOOM_record_get(h(), type, len);
        if (p == null || len.getValue() <= 0) {
            return null;
        }
        return p.getByteArray(0, len.getValue());
    }

    /**
     * Like {@link #bytes(String)} with a pre-encoded type and a caller-owned length cell, so that a hot
     * loop allocates no native memory per record.
     */
    public byte[] bytes(CString type, IntByReference length) {
        length.setValue(0);
        Pointer p = lib.yaz().ZOOM_record_get(h(), type.pointer(), length);
        if (p == null || length.getValue() <= 0) {
            return null;
        }
        return p.getByteArray(0, length.getValue());
    }

    /** {@link #text(String)} with a pre-encoded type and a caller-owned length cell. */
    public String text(CString type, IntByReference length) {
        byte[] b = bytes(type, length);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Like {@link #bytes} for short textual answers ("syntax", "schema", "database"), or null. */
    public String text(String type) {
        byte[] b = bytes(type);
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The surrogate diagnostic the target sent instead of this record, or {@link ZoomError#NONE}. */
    public ZoomError error() {
        if (lib.yaz().ZOOM_record_error(h(), (Pointer) null, null, null) == 0) {
            return ZoomError.NONE; // the common case, without allocating three out-parameters
        }
        PointerByReference msg = new PointerByReference();
        PointerByReference addInfo = new PointerByReference();
        PointerByReference diagSet = new PointerByReference();
        int code = lib.yaz().ZOOM_record_error(h(), msg, addInfo, diagSet);
        if (code == 0) {
            return ZoomError.NONE;
        }
        return new ZoomError(code, ZoomConnection.utf8(diagSet.getValue()), ZoomConnection.utf8(msg.getValue()),
                ZoomConnection.utf8(addInfo.getValue()));
    }

    /** An owned copy that outlives the result set; destroy it when done. */
    public ZoomRecord copy() {
        Pointer c = lib.yaz().ZOOM_record_clone(h());
        if (c == null) {
            throw new IllegalStateException("ZOOM_record_clone returned NULL");
        }
        lib.counts().onCreated(NativeCounts.Kind.RECORD);
        return new ZoomRecord(lib, c, true);
    }

    /** Frees an owned clone; does nothing for a borrowed record or the second time. */
    public void destroy() {
        if (owned && handle != null) {
            Pointer p = handle;
            handle = null;
            lib.yaz().ZOOM_record_destroy(p);
            lib.counts().onDestroyed(NativeCounts.Kind.RECORD);
        }
    }
}
