package org.navette.rank;

/**
 * How a ranked result is ordered. Every order ends with deterministic tie-breaks (relevance, then
 * year, title and cluster id), so equal inputs always give equal lists.
 *
 * <pre>{@code
 * ranker.rank(query, clusters, SortOrder.YEAR_NEWEST);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum SortOrder {
    /** Best match first. */
    RELEVANCE,
    /** Newest first; records without a year last. */
    YEAR_NEWEST,
    /** Oldest first; records without a year last. */
    YEAR_OLDEST,
    /** By title, skipping a leading article in the record's language ("The Hobbit" files under H). */
    TITLE,
    /** By main author's surname and forenames; records without an author last. */
    AUTHOR
}
