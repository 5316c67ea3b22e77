package org.navette.query;

import org.navette.NavetteException;

/**
 * A query that {@link CqlParser} refuses: bad syntax, an unknown index, a relation, modifier or
 * masking character Navette cannot honour. Carries where the problem starts and what was expected
 * there; no part of the query is ever used when this is thrown.
 *
 * <pre>{@code
 * try {
 *     CqlParser.parse("title=");
 * } catch (QuerySyntaxException e) {
 *     e.position();   // 6 (a 0-based index into the query text)
 *     e.expected();   // "a search term after relation '='"
 *     e.getMessage(); // "bad CQL at position 6: expected a search term after relation '=', found end of query"
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public class QuerySyntaxException extends NavetteException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String expected;

    /**
     * @param position 0-based index (in UTF-16 code units) into the query text where the problem starts
     * @param expected what would have been acceptable there, in words
     * @param problem  what is wrong, in words; becomes the message after the position
     */
    public QuerySyntaxException(int position, String expected, String problem) {
        super("bad CQL at position " + position + ": " + problem);
        this.position = position;
        this.expected = expected;
    }

    /** The 0-based index (in UTF-16 code units) into the query text where the problem starts. */
    public int position() {
        return position;
    }

    /** What would have been acceptable at {@link #position()}, in words. */
    public String expected() {
        return expected;
    }
}
