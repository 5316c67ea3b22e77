package org.navette.rank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.navette.rank.internal.YearRangeCounter;

/**
 * Facet counts a target reported itself, over <em>all</em> its hits rather than the records it
 * delivered: a Solr union catalogue counts its whole result set, where the federation could only
 * count the page it fetched. Each count is a number of the target's hits (works) carrying the value.
 *
 * <p>A target reports some fields and not others: {@link #reports} says which. For a reported field
 * the federation takes the target's counts instead of counting the target's records (see
 * {@link Ranker#facets(List, Map)}); for the other fields it counts them as for any target.
 * Values are spelled as the federation spells them: ISO 639-2/B language codes,
 * {@link org.navette.model.MaterialType} names ({@code BOOK}), library codes, years as digits,
 * target ids, authors inverted ({@code Hugo, Victor}). A reported list may be cut to the target's
 * most frequent values; a value it leaves out counts 0 for that target.
 *
 * <pre>{@code
 * TargetFacets f = TargetFacets.builder()
 *         .values(FacetField.LIBRARY, List.of(new FacetValue("BSG", 412), new FacetValue("BML", 97)))
 *         .years(List.of(new FacetValue("1998", 40), new FacetValue("1871", 2)))
 *         .build();
 * f.reports(FacetField.LIBRARY);   // true
 * f.reports(FacetField.AUTHOR);    // false: the federation counts this target's records for authors
 * f.yearRanges();                  // [YearRange[1800, 1899, 2], YearRange[1990, 1999, 40]]
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class TargetFacets {
    private static final TargetFacets NONE = new TargetFacets(new EnumMap<>(FacetField.class), List.of());

    private final Map<FacetField, List<FacetValue>> values;
    private final List<YearRange> yearRanges;

    private TargetFacets(EnumMap<FacetField, List<FacetValue>> values, List<YearRange> yearRanges) {
        this.values = Collections.unmodifiableMap(values);
        this.yearRanges = List.copyOf(yearRanges);
    }

    /** Reports nothing: what a target that cannot count facets answers. */
    public static TargetFacets none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the target counted {@code field} over all its hits. */
    public boolean reports(FacetField field) {
        return values.containsKey(field);
    }

    /** The fields reported, in {@link FacetField} order. */
    public Set<FacetField> fields() {
        return values.keySet();
    }

    /** True when no field is reported. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The reported values of {@code field}, most frequent first; empty when it is not reported. */
    public List<FacetValue> values(FacetField field) {
        return values.getOrDefault(field, List.of());
    }

    /** Hits per decade (century before 1900), oldest first, from the reported years; empty unless YEAR is reported. */
    public List<YearRange> yearRanges() {
        return yearRanges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetFacets t && t.values.equals(values) && t.yearRanges.equals(yearRanges);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + yearRanges.hashCode();
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "TargetFacets[none]" : "TargetFacets" + values + " years " + yearRanges;
    }

    /**
     * Builds {@link TargetFacets}; each setting is checked at once.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final EnumMap<FacetField, List<FacetValue>> values = new EnumMap<>(FacetField.class);
        private List<YearRange> yearRanges = List.of();

        private Builder() {
        }

        /**
         * Reports {@code field} (any field but {@link FacetField#YEAR}, which {@link #years} reports);
         * an empty list says that no hit carries a value.
         *
         * @throws IllegalArgumentException for YEAR, a field given twice or a value listed twice
         */
        public Builder values(FacetField field, List<FacetValue> counts) {
            if (field == FacetField.YEAR) {
                throw new IllegalArgumentException("report YEAR with years(...), not values(YEAR, ...)");
            }
            put(field, counts);
            return this;
        }

        /**
         * Reports {@link FacetField#YEAR}: every year with the number of hits published in it (each
         * hit counted under its one year, the year of the record it shows); the year ranges follow
         * from them, with the federation's ranges (decades from 1900, centuries before).
         *
         * @throws IllegalArgumentException when years are reported twice, a year is listed twice or is not a number
         */
        public Builder years(List<FacetValue> years) {
            YearRangeCounter ranges = new YearRangeCounter();
            for (FacetValue v : years) {
                if (!v.value().matches("-?[0-9]{1,4}")) {
                    throw new IllegalArgumentException("facet YEAR: value '" + v.value() + "' is not a year");
                }
                if (v.count() > 0) {
                    ranges.add(Integer.parseInt(v.value()), v.count());
                }
            }
            put(FacetField.YEAR, years);
            this.yearRanges = ranges.ranges();
            return this;
        }

        private void put(FacetField field, List<FacetValue> counts) {
            if (field == null || counts == null) {
                throw new IllegalArgumentException("facet field and counts must not be null, were " + field + ", " + counts);
            }
            if (values.containsKey(field)) {
                throw new IllegalArgumentException("facet " + field + " reported twice");
            }
            Set<String> seen = new HashSet<>();
            for (FacetValue v : counts) {
                if (!seen.add(v.value())) {
                    throw new IllegalArgumentException("facet " + field + ": value '" + v.value() + "' listed twice");
                }
            }
            List<FacetValue> sorted = new ArrayList<>(counts);
            sorted.sort(Comparator.comparingInt(FacetValue::count).reversed().thenComparing(FacetValue::value));
            values.put(field, List.copyOf(sorted));
        }

        public TargetFacets build() {
            return values.isEmpty() ? NONE : new TargetFacets(new EnumMap<>(values), yearRanges);
        }
    }
}
