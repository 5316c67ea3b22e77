package org.navette.connector.z3950.internal;

import java.util.Locale;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.target.TargetDiagnostic;

/**
 * Turns ZOOM's errors into typed {@link TargetDiagnostic}s: ZOOM's own 10000+ codes (connect, init,
 * decode...) and the Bib-1 diagnostics targets send (109 unknown database, 114 unsupported use
 * attribute...). Codes read {@code zoom:10000}, {@code bib1:109}, or {@code <set>:<n>} for other sets.
 *
 * <pre>{@code
 * TargetDiagnostic d = ZoomDiagnostics.of(new ZoomError(109, "Bib-1", "Database unavailable", "nosuch"),
 *         Phase.SEARCHING, "127.0.0.1:210");
 * d.kind();   // UNKNOWN_DATABASE
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class ZoomDiagnostics {
    public static final int ZOOM_CONNECT = 10000;
    public static final int ZOOM_MEMORY = 10001;
    public static final int ZOOM_ENCODE = 10002;
    public static final int ZOOM_DECODE = 10003;
    public static final int ZOOM_CONNECTION_LOST = 10004;
    public static final int ZOOM_INIT = 10005;
    public static final int ZOOM_INTERNAL = 10006;
    public static final int ZOOM_TIMEOUT = 10007;
    public static final int ZOOM_UNSUPPORTED_PROTOCOL = 10008;
    public static final int ZOOM_UNSUPPORTED_QUERY = 10009;
    public static final int ZOOM_INVALID_QUERY = 10010;

    private ZoomDiagnostics() {
    }

    /**
     * The diagnostic for an error seen while the search was in {@code phase}.
     *
     * @param hostPort the target, named in messages where ZOOM gives no additional information
     */
    public static TargetDiagnostic of(ZoomError e, Phase phase, String hostPort) {
        if (e.isZoomError()) {
            return zoom(e, phase, hostPort);
        }
        String addInfo = e.addInfo().isEmpty() ? null : e.addInfo();
        if (isBib1(e.diagSet())) {
            String code = "bib1:" + e.code();
            // an init response carrying a diagnostic is a refused login whatever the code says
            DiagnosticKind kind = phase == Phase.CONNECTING ? DiagnosticKind.AUTHENTICATION_FAILED : bib1Kind(e.code());
            return new TargetDiagnostic(kind, code, e.message(), addInfo, false);
        }
        String set = e.diagSet().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/.:-]", "");
        return new TargetDiagnostic(DiagnosticKind.TARGET_DIAGNOSTIC, set + ":" + e.code(), e.message(), addInfo, false);
    }

    static boolean isBib1(String diagSet) {
        String s = diagSet.toLowerCase(Locale.ROOT);
        return s.equals("bib-1") || s.equals("bib1") || s.equals("1.2.840.10003.4.1");
    }

    private static TargetDiagnostic zoom(ZoomError e, Phase phase, String hostPort) {
        String code = "zoom:" + e.code();
        String addInfo = e.addInfo().isEmpty() ? hostPort : e.addInfo();
        return switch (e.code()) {
            case ZOOM_CONNECT -> new TargetDiagnostic(DiagnosticKind.CONNECT_FAILED, code,
                    "Connect failed", addInfo, true);
            case ZOOM_CONNECTION_LOST -> new TargetDiagnostic(DiagnosticKind.CONNECT_FAILED, code,
                    "Connection lost", addInfo, phase == Phase.CONNECTING);
            case ZOOM_INIT -> new TargetDiagnostic(DiagnosticKind.AUTHENTICATION_FAILED, code,
                    "Init rejected", addInfo, false);
            case ZOOM_TIMEOUT -> new TargetDiagnostic(DiagnosticKind.TIMEOUT, code,
                    "Timeout", addInfo, phase == Phase.CONNECTING);
            case ZOOM_ENCODE, ZOOM_UNSUPPORTED_QUERY, ZOOM_INVALID_QUERY -> new TargetDiagnostic(
                    DiagnosticKind.QUERY_REJECTED, code, e.message(), e.addInfo().isEmpty() ? null : e.addInfo(), false);
            case ZOOM_DECODE, ZOOM_UNSUPPORTED_PROTOCOL -> new TargetDiagnostic(DiagnosticKind.BAD_RESPONSE, code,
                    e.message(), addInfo, false);
            default -> new TargetDiagnostic(DiagnosticKind.INTERNAL_ERROR, code, e.message(), addInfo, false);
        };
    }

    /** The kind of a Bib-1 diagnostic received for a search or present. */
    static DiagnosticKind bib1Kind(int code) {
        if (code == 109 || code == 235) {
            return DiagnosticKind.UNKNOWN_DATABASE;
        }
        if ((code >= 113 && code <= 124) || code == 126 || code == 1024) {
            return DiagnosticKind.UNSUPPORTED_SEARCH;
        }
        if ((code >= 4 && code <= 11) || code == 107 || code == 108 || code == 110 || code == 125 || code == 127
                || code == 129 || code == 130) {
            return DiagnosticKind.QUERY_REJECTED;
        }
        if (code == 101 || code == 236 || (code >= 1010 && code <= 1023)) {
            return DiagnosticKind.AUTHENTICATION_FAILED;
        }
        return DiagnosticKind.TARGET_DIAGNOSTIC;
    }

    /** The warning for one record the target replaced by a surrogate diagnostic. */
    public static TargetDiagnostic recordFailed(ZoomError e, long position) {
        String set = isBib1(e.diagSet()) ? "bib1" : e.isZoomError() ? "zoom"
                : e.diagSet().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/.:-]", "");
        return new TargetDiagnostic(DiagnosticKind.RECORD_FAILED, set + ":" + e.code(),
                "record " + position + ": " + e.message(), e.addInfo().isEmpty() ? null : e.addInfo(), false);
    }
}
