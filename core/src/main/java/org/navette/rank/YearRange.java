package org.navette.rank;

/**
 * A range of publication years (both ends included) and how many clusters fall in it.
 *
 * <pre>{@code
 * new YearRange(1990, 1999, 4);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param from  first year
 * @param to    last year, &gt;= from
 * @param count number of clusters
 */
public record YearRange(int from, int to, int count) {
    public YearRange {
        if (to < from) {
            throw new IllegalArgumentException("year range: to " + to + " is before from " + from);
        }
        if (count < 0) {
            throw new IllegalArgumentException("year range count must be >= 0, was " + count);
        }
    }
}
