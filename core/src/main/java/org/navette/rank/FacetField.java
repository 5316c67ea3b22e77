package org.navette.rank;

/**
 * What a facet counts clusters by.
 *
 * <pre>{@code
 * ranker.facets(clusters).values(FacetField.LIBRARY);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum FacetField {
    /** Authors of the cluster's representative record (one value per person, however written). */
    AUTHOR,
    /** Publication year of the representative record; see also {@link Facets#yearRanges()}. */
    YEAR,
    /** Languages of any member (ISO 639-2/B codes). */
    LANGUAGE,
    MATERIAL_TYPE,
    /** Subject headings of any member. */
    SUBJECT,
    /** Libraries holding the item (holding library codes, else the member's origin). */
    LIBRARY,
    /** Targets (origins) the members came from. */
    TARGET
}
