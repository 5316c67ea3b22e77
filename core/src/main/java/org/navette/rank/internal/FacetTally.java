package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.navette.match.Cluster;
import org.navette.match.TextAnalyzer;
import org.navette.model.BibRecord;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.TargetFacets;
import org.navette.rank.YearRange;

/**
 * Counts the facets of a result: the clusters the federation holds, and the counts targets
 * reported over all their hits ({@link TargetFacets}), without counting a reporting target's
 * records twice. Per field, with R the targets that report it:
 * <ul>
 *   <li>each target of R adds its reported counts;</li>
 *   <li>a cluster with no member from R counts once per value it carries;</li>
 *   <li>a cluster whose members all come from R adds nothing: it is among their hits, counted already;</li>
 *   <li>a cluster mixing members of R and of other targets adds, for a field of every member
 *       (language, subject, library, target), the values only the other targets' members carry;
 *       for a field of the representative (author, year, material type, year ranges), nothing,
 *       since R counted the work already.</li>
 * </ul>
 *
 * <pre>{@code
 * FacetTally tally = new FacetTally(Map.of("union", unionFacets), TextAnalyzer.ofDefaults());
 * clusters.forEach(tally::add);
 * tally.top(FacetField.LIBRARY, 20);
 * tally.yearRanges();
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one per call.
 */
public final class FacetTally {
    private static final FacetField[] FIELDS = FacetField.values();

    private final TextAnalyzer text;
    private final FacetCounter[] counters = new FacetCounter[FIELDS.length];
    private final YearRangeCounter ranges = new YearRangeCounter();
    /** Per field, the targets that report it; empty for most fields of most searches. */
    private final List<Set<String>> reporters = new ArrayList<>(FIELDS.length);
    private final boolean anyReported;

    /** @param reported the facets targets reported, by target id (targets reporting none may be left out) */
    public FacetTally(Map<String, TargetFacets> reported, TextAnalyzer text) {
        this.text = text;
        for (int f = 0; f < FIELDS.length; f++) {
            counters[f] = new FacetCounter();
            reporters.add(new HashSet<>());
        }
        boolean any = false;
        for (Map.Entry<String, TargetFacets> e : reported.entrySet()) {
            TargetFacets t = e.getValue();
            for (FacetField field : t.fields()) {
                reporters.get(field.ordinal()).add(e.getKey());
                any = true;
                for (FacetValue v : t.values(field)) {
                    if (v.count() > 0) {
                        String key = FacetValues.facetKey(field, v.value(), text);
                        counters[field.ordinal()].add(TermHash.of(key), TermHash.of(v.value()), v.value(), v.count());
                    }
                }
            }
            if (t.reports(FacetField.YEAR)) {
                for (YearRange r : t.yearRanges()) {
                    if (r.count() > 0) {
                        ranges.add(r.from(), r.count());
                    }
                }
            }
        }
        this.anyReported = any;
    }

    /** Counts one cluster, as far as the reporting targets have not counted it. */
    public void add(Cluster c) {
        ClusterDocument d = ClusterDocument.of(c);
        long[] v = d.facetValues;
        Set<String> origins = anyReported ? c.origins() : Set.of();
        boolean countYear = d.year != ClusterDocument.NO_YEAR;
        for (int f = 0; f < FIELDS.length; f++) {
            Set<String> r = reporters.get(f);
            Set<Long> excluded = null;
            if (!r.isEmpty()) {
                int fromR = 0;
                for (String o : origins) {
                    if (r.contains(o)) {
                        fromR++;
                    }
                }
                if (fromR == origins.size() || (fromR > 0 && !FacetValues.countsEveryMember(FIELDS[f]))) {
                    countYear &= FIELDS[f] != FacetField.YEAR; // the year ranges go with the years
                    continue;
                }
                if (fromR > 0) {
                    excluded = keysOf(FIELDS[f], c, r);
                }
            }
            FacetCounter counter = counters[f];
            for (int i = (int) v[f], end = (int) v[f + 1]; i < end; i += 2) {
                if (excluded == null || !excluded.contains(v[i])) {
                    counter.add(v[i], v[i + 1], d.facetDisplays, FacetValues.displayIndex(i));
                }
            }
        }
        if (countYear) {
            ranges.add(d.year);
        }
    }

    /** The key hashes of {@code field} carried by the cluster's members from {@code reporting}. */
    private Set<Long> keysOf(FacetField field, Cluster c, Set<String> reporting) {
        Set<Long> keys = new HashSet<>();
        for (BibRecord m : c.members()) {
            if (reporting.contains(m.source().origin())) {
                for (String k : FacetValues.memberFacetKeys(field, m, text)) {
                    keys.add(TermHash.of(k));
                }
            }
        }
        return keys;
    }

    /** The {@code limit} most frequent values of {@code field}, most frequent first, ties alphabetically. */
    public List<FacetValue> top(FacetField field, int limit) {
        List<FacetValue> out = new ArrayList<>();
        for (FacetCounter.Count count : counters[field.ordinal()].top(limit)) {
            out.add(new FacetValue(count.display(), count.count()));
        }
        return out;
    }

    /** The year ranges, oldest first. */
    public List<YearRange> yearRanges() {
        return ranges.ranges();
    }
}
