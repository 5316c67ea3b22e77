package org.navette.rank;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counts over a set of clusters: for each {@link FacetField}, the values with the number of
 * clusters carrying them, most frequent first (ties alphabetically), plus year ranges.
 *
 * <pre>{@code
 * Facets f = Ranker.ofDefaults().facets(clusters);
 * f.values(FacetField.LIBRARY);   // [FacetValue[value=BSG, count=12], ...]
 * f.yearRanges();                 // [YearRange[from=1990, to=1999, count=4], ...]
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class Facets {
    private final Map<FacetField, List<FacetValue>> values;
    private final List<YearRange> yearRanges;

    Facets(Map<FacetField, List<FacetValue>> values, List<YearRange> yearRanges) {
        EnumMap<FacetField, List<FacetValue>> copy = new EnumMap<>(FacetField.class);
        for (FacetField f : FacetField.values()) {
            copy.put(f, List.copyOf(values.getOrDefault(f, List.of())));
        }
        this.values = java.util.Collections.unmodifiableMap(copy);
        this.yearRanges = List.copyOf(yearRanges);
    }

    /** The values of one facet, most frequent first. */
    public List<FacetValue> values(FacetField field) {
        return values.get(field);
    }

    /** All facets. */
    public Map<FacetField, List<FacetValue>> all() {
        return values;
    }

    /** Clusters per decade (or per century before 1900), oldest first; empty ranges left out. */
    public List<YearRange> yearRanges() {
        return yearRanges;
    }

    @Override
    public String toString() {
        return "Facets" + values + " years " + yearRanges;
    }
}
