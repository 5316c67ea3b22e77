package org.navette.rank;

/**
 * One facet value and how many clusters carry it.
 *
 * <pre>{@code
 * new FacetValue("BSG", 12);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param value the value as displayed (the most common spelling among the clusters)
 * @param count number of clusters
 */
public record FacetValue(String value, int count) {
    public FacetValue {
        if (value == null) {
            throw new IllegalArgumentException("facet value must not be null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("facet count must be >= 0, was " + count + " (value " + value + ")");
        }
    }
}
