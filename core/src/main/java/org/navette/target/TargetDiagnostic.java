package org.navette.target;

import org.jspecify.annotations.Nullable;

/**
 * A typed diagnostic about one target: what kind of failure (or warning), the protocol's own code
 * and message, and whether trying again may help.
 *
 * <pre>{@code
 * TargetDiagnostic d = TargetDiagnostic.of(DiagnosticKind.UNKNOWN_DATABASE, "bib1:109",
 *         "Database unavailable", "nosuch");
 * d.toString(); // "UNKNOWN_DATABASE bib1:109 Database unavailable (nosuch)"
 * }</pre>
 *
 * @param kind      what kind of problem
 * @param code      the protocol's code: {@code bib1:109}, {@code http:503},
 *                  {@code info:srw/diagnostic/1/16}, {@code net:ECONNREFUSED}...; null when none
 * @param message   a human-readable message; never blank
 * @param addInfo   additional information from the target (the bad index, the database name); may be null
 * @param retryable true when the failure happened before the target did any work (connect-level),
 *                  so that retrying cannot duplicate effects
 */
public record TargetDiagnostic(DiagnosticKind kind, @Nullable String code, String message, @Nullable String addInfo,
        boolean retryable) {
    public TargetDiagnostic {
        if (kind == null) {
            throw new IllegalArgumentException("diagnostic kind must not be null");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("diagnostic message must not be blank (kind " + kind + ")");
        }
    }

    /** A non-retryable diagnostic. */
    public static TargetDiagnostic of(DiagnosticKind kind, String code, String message, String addInfo) {
        return new TargetDiagnostic(kind, code, message, addInfo, false);
    }

    /** A non-retryable diagnostic without code or additional information. */
    public static TargetDiagnostic of(DiagnosticKind kind, String message) {
        return new TargetDiagnostic(kind, null, message, null, false);
    }

    @Override
    public String toString() {
        return kind + (code == null ? "" : " " + code) + " " + message + (addInfo == null ? "" : " (" + addInfo + ")");
    }
}
