package org.navette.portal.pazpar2.internal;

/**
 * A {@code search} query {@link Pz2Query} cannot read, with the position where the problem starts;
 * answered as pazpar2 does, with error 3 (malformed parameter value) on {@code query}.
 *
 * <pre>{@code
 * try {
 *     Pz2Query.parse("ti=");
 * } catch (BadQueryException e) {
 *     e.position();   // 3
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class BadQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;

    public BadQueryException(int position, String problem) {
        super("bad query at position " + position + ": " + problem);
        this.position = position;
    }

    /** The 0-based index into the query text where the problem starts. */
    public int position() {
        return position;
    }
}
