package org.navette.ill;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.navette.NavetteException;

/**
 * A network policy file or a lending statistics file that cannot be used: not JSON (or not CSV),
 * an unknown key, a value of the wrong type, a bad date, a library listed twice. The message names
 * the file, the line and column, and the field, so a librarian can go straight to the mistake.
 *
 * <pre>{@code
 * try {
 *     NetworkPolicy policy = NetworkPolicy.read(Path.of("policies.json"));
 * } catch (PolicyFileException e) {
 *     System.err.println(e.getMessage());
 *     // "policies.json line 12 column 24: libraries[1].suspendedFrom: '2027-02-30' is not a date ..."
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class PolicyFileException extends NavetteException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;
    private final @Nullable String field;

    /**
     * @param source  the file or stream name
     * @param line    the 1-based line at fault, or 0 when the fault is on no one line
     * @param column  the 1-based column (a character in JSON, a field number in CSV), or 0 when unknown
     * @param field   the field at fault ({@code libraries[2].town}, a CSV column name), or null
     * @param message what is wrong and, where it helps, how to put it right
     */
    public PolicyFileException(String source, int line, int column, @Nullable String field, String message) {
        this(source, line, column, field, message, null);
    }

    public PolicyFileException(String source, int line, int column, @Nullable String field, String message,
                               @Nullable Throwable cause) {
        super(source + where(line, column) + ": " + (field == null ? "" : field + ": ") + message, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    private static String where(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return " line " + line + (column > 0 ? " column " + column : "");
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, or 0. */
    public int line() {
        return line;
    }

    /** The 1-based column at fault, or 0. */
    public int column() {
        return column;
    }

    /** The field at fault, when the fault is in one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
