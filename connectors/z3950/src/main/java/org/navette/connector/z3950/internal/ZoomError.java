package org.navette.connector.z3950.internal;

/**
 * An error ZOOM reports for a connection or a record: the code, its diagnostic set ({@code ZOOM} for
 * ZOOM's own 10000+ codes, {@code Bib-1} for Z39.50 diagnostics), the message and the additional
 * information the target sent.
 *
 * <pre>{@code
 * ZoomError e = connection.error();
 * if (e.isError()) { ... e.code(), e.diagSet() ... }
 * }</pre>
 *
 * @param code    0 when there is no error
 * @param diagSet "ZOOM", "Bib-1", or another set name; empty when none
 * @param message never null
 * @param addInfo never null; empty when the target sent none
 *
 * <p>Thread-safety: immutable.
 */
record ZoomError(int code, String diagSet, String message, String addInfo) {
    public static final ZoomError NONE = new ZoomError(0, "", "No error", "");

    public ZoomError {
        diagSet = diagSet == null ? "" : diagSet;
        message = message == null || message.isBlank() ? "error " + code : message;
        addInfo = addInfo == null ? "" : addInfo;
    }

    public boolean isError() {
        return code != 0;
    }

    /** True for ZOOM's own errors (10000+: connect, init, decode...), false for target diagnostics. */
    public boolean isZoomError() {
        return diagSet.isEmpty() || diagSet.equals("ZOOM");
    }
}
