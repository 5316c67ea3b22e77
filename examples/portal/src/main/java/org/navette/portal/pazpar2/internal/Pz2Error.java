package org.navette.portal.pazpar2.internal;

/**
 * The errors pazpar2 answers with {@code <error code="N" msg="...">addinfo</error>}: the codes and
 * messages are pazpar2's own (its {@code pazpar2_error_code} numbering), so front ends that test a
 * code (1 for an expired session) behave as they do against pazpar2.
 *
 * <pre>{@code
 * throw new CommandException(Pz2Error.MISSING_PARAMETER, "query");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum Pz2Error {
    NO_SESSION(1, "Session does not exist or it has expired"),
    MISSING_PARAMETER(2, "Missing parameter"),
    MALFORMED_PARAMETER_VALUE(3, "Malformed parameter value"),
    MALFORMED_PARAMETER_ENCODING(4, "Malformed parameter encoding"),
    RECORD_MISSING(7, "Record missing"),
    NO_TARGETS(8, "No targets"),
    RECORD_FAIL(10, "Record command failed"),
    NOT_IMPLEMENTED(11, "Not implemented"),
    /** pazpar2 has no session cap; Navette answers this one (with HTTP 503) when its cap is reached. */
    NO_SERVICE(12, "No service");

    private final int code;
    private final String message;

    Pz2Error(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
