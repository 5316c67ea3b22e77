package org.navette.ill;

import org.navette.NavetteException;

/**
 * A request file that cannot be read at all: not UTF-8, no header, no {@code id} column, a broken
 * header, or an I/O failure. A bad line is never this: it becomes a {@link RequestProblem}.
 *
 * <pre>{@code
 * try {
 *     RequestBatch batch = RequestCsvReader.read(Path.of("requests.csv"));
 * } catch (RequestCsvException e) {
 *     System.err.println(e.getMessage());  // "requests.csv line 4: not UTF-8 (byte 0xE9 ...)"
 * }
 * }</pre>
 */
public class RequestCsvException extends NavetteException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;

    public RequestCsvException(String source, int line, String message) {
        super(source + (line > 0 ? " line " + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    public RequestCsvException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.line = 0;
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, or 0 when the fault is not on one line. */
    public int line() {
        return line;
    }
}
