package org.navette.ill.iso18626;

import org.jspecify.annotations.Nullable;
import org.navette.NavetteException;

/**
 * An ISO 18626 message that could not be read or written: not XML, refused as hostile (a DTD, an
 * external entity, too large), not an {@code ISO18626Message} of version 1.2, or invalid against the
 * bundled schema. Unchecked like every Navette exception, so callers catch it where they can act.
 *
 * <pre>{@code
 * try {
 *     reader.read(bytes);
 * } catch (Iso18626Exception e) {
 *     log.warn("refused: {} (line {})", e.getMessage(), e.line());
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class Iso18626Exception extends NavetteException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** A failure with no position in the input (too large, wrong root). */
    public Iso18626Exception(String message) {
        this(message, -1, -1, null);
    }

    public Iso18626Exception(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    /**
     * A failure at a place in the input, as the parser or schema validator reported it; the
     * position is kept apart from the message so callers can point at it without parsing text.
     */
    public Iso18626Exception(String message, int line, int column, @Nullable Throwable cause) {
        super(line > 0 ? message + " (line " + line + ", column " + column + ")" : message, cause);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the failure, or -1 when it has no position. */
    public int line() {
        return line;
    }

    /** The 1-based column of the failure, or -1 when it has no position. */
    public int column() {
        return column;
    }
}
