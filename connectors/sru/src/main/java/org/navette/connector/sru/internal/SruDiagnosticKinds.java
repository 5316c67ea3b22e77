package org.navette.connector.sru.internal;

import java.util.Map;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;

/**
 * Maps SRU diagnostics ({@code info:srw/diagnostic/1/N}, the list maintained by the Library of
 * Congress) to Navette's diagnostic kinds, keeping the URI as code and the server's message and details.
 *
 * <pre>{@code
 * TargetDiagnostic d = SruDiagnosticKinds.whole(new SruDiagnostic("info:srw/diagnostic/1/16", "Unsupported index", "dc.foo"));
 * d.kind();   // UNSUPPORTED_SEARCH
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class SruDiagnosticKinds {
    /** Standard messages for the diagnostics a server may send without one. */
    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(1, "General system error"), Map.entry(2, "System temporarily unavailable"),
            Map.entry(3, "Authentication error"), Map.entry(4, "Unsupported operation"),
            Map.entry(5, "Unsupported version"), Map.entry(6, "Unsupported parameter value"),
            Map.entry(7, "Mandatory parameter not supplied"), Map.entry(8, "Unsupported parameter"),
            Map.entry(10, "Query syntax error"), Map.entry(15, "Unsupported context set"),
            Map.entry(16, "Unsupported index"), Map.entry(19, "Unsupported relation"),
            Map.entry(27, "Empty term unsupported"), Map.entry(28, "Masking character not supported"),
            Map.entry(35, "Term contains only stopwords"), Map.entry(60, "Too many records retrieved"),
            Map.entry(61, "First record position out of range"), Map.entry(64, "Record temporarily unavailable"),
            Map.entry(65, "Record does not exist"), Map.entry(66, "Unknown schema for retrieval"),
            Map.entry(67, "Record not available in this schema"), Map.entry(68, "Not authorised to send record"),
            Map.entry(71, "Unsupported record packing"), Map.entry(235, "Database does not exist"));

    /** The diagnostics that say "this query searches something the server cannot search". */
    private static final int[] UNSUPPORTED_QUERY_FEATURES = {11, 15, 16, 17, 18, 19, 20, 21, 22, 24, 28, 31, 32, 33, 34,
            37, 39, 40, 41, 42, 43, 44, 45, 46, 48};

    private SruDiagnosticKinds() {
    }

    /** A whole-response diagnostic. */
    public static TargetDiagnostic whole(SruDiagnostic d) {
        int n = d.standardNumber();
        DiagnosticKind kind = kindOf(n);
        return new TargetDiagnostic(kind, code(d), message(d, n), d.details(), n == 2);
    }

    /** A per-record (surrogate) diagnostic: always RECORD_FAILED, with the record's position. */
    public static TargetDiagnostic surrogate(SruDiagnostic d, int position) {
        int n = d.standardNumber();
        String details = d.details() == null ? "" : " (" + d.details() + ")";
        return TargetDiagnostic.of(DiagnosticKind.RECORD_FAILED, code(d), message(d, n),
                "record " + position + details);
    }

    static DiagnosticKind kindOf(int n) {
        if (n == 3) {
            return DiagnosticKind.AUTHENTICATION_FAILED;
        }
        if (n == 235) {
            return DiagnosticKind.UNKNOWN_DATABASE;
        }
        for (int unsupported : UNSUPPORTED_QUERY_FEATURES) {
            if (n == unsupported) {
                return DiagnosticKind.UNSUPPORTED_SEARCH;
            }
        }
        if (n >= 10 && n <= 49 || n == 60) {
            return DiagnosticKind.QUERY_REJECTED;
        }
        return DiagnosticKind.TARGET_DIAGNOSTIC;
    }

    private static String code(SruDiagnostic d) {
        return d.uri().isEmpty() ? null : d.uri();
    }

    private static String message(SruDiagnostic d, int n) {
        if (d.message() != null) {
            return d.message();
        }
        String standard = MESSAGES.get(n);
        if (standard != null) {
            return standard;
        }
        return d.uri().isEmpty() ? "SRU diagnostic without uri or message" : "SRU diagnostic " + d.uri();
    }
}
