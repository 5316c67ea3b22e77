package org.navette.connector.solr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField.Count;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.FacetParams;
import org.navette.model.MaterialType;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.TargetFacets;

/**
 * The facet counts of a catalogue search, asked of Solr with the search itself: over every hit
 * (one per work, the search's own {@code -merged_child_boolean:true} view), not only the page
 * fetched, and spelled as the federation spells facet values.
 *
 * <table>
 *   <caption>Navette facet fields and the VuFind fields counted for them</caption>
 *   <tr><th>{@link FacetField}</th><th>Solr field</th><th>per work</th></tr>
 *   <tr><td>LIBRARY</td><td>{@code building}</td><td>every member's library</td></tr>
 *   <tr><td>LANGUAGE</td><td>{@code language}</td><td>every member's languages</td></tr>
 *   <tr><td>SUBJECT</td><td>{@code topic_facet}</td><td>every member's subjects</td></tr>
 *   <tr><td>MATERIAL_TYPE</td><td>{@code format}</td><td>every member's type (label back to its name)</td></tr>
 *   <tr><td>YEAR</td><td>{@code publishDateSort}</td><td>the shown record's year, every year listed</td></tr>
 *   <tr><td>TARGET</td><td>none</td><td>the target id, with the hit count</td></tr>
 * </table>
 * AUTHOR is not reported: the schema has no facetable author field, so the federation counts the
 * authors of the works fetched.
 *
 * <pre>{@code
 * SolrFacets.request(query);                       // before sending it
 * TargetFacets f = SolrFacets.read(response, "union");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class SolrFacets {
    /** Values asked per field: more than the federation shows (20 by default), so merging with other targets' keeps some slack. */
    static final int LIMIT = 100;

    private static final Map<String, FacetField> FIELDS = Map.of(
            "building", FacetField.LIBRARY,
            "language", FacetField.LANGUAGE,
            "topic_facet", FacetField.SUBJECT,
            "format", FacetField.MATERIAL_TYPE);
    private static final String YEAR = "publishDateSort";

    private static final Map<String, String> MATERIAL_TYPES = new HashMap<>();

    static {
        for (MaterialType t : MaterialType.values()) {
            MATERIAL_TYPES.put(VufindDocuments.formatLabel(t), t.name());
        }
    }

    private SolrFacets() {
    }

    /** Asks {@code q} for the counts, works with no value left out. */
    static void request(SolrQuery q) {
        q.setFacet(true);
        q.setFacetMinCount(1);
        q.setFacetLimit(LIMIT);
        FIELDS.keySet().stream().sorted().forEach(q::addFacetField);
        q.addFacetField(YEAR);
        // every year: the federation's decades and centuries are sums of them
        q.set("f." + YEAR + "." + FacetParams.FACET_LIMIT, -1);
    }

    /**
     * The counts of the response, or none when Solr answered only partially (its time allowed ran
     * out): counts over part of the index are not counts over the hits.
     */
    static TargetFacets read(QueryResponse r, String targetId) {
        Object partial = r.getResponseHeader() == null ? null : r.getResponseHeader().get("partialResults");
        if (Boolean.TRUE.equals(partial) || r.getFacetFields() == null) {
            return TargetFacets.none();
        }
        TargetFacets.Builder b = TargetFacets.builder();
        for (org.apache.solr.client.solrj.response.FacetField f : r.getFacetFields()) {
            FacetField field = FIELDS.get(f.getName());
            if (field != null) {
                b.values(field, values(field, f.getValues()));
            } else if (f.getName().equals(YEAR)) {
                b.years(years(f.getValues()));
            }
        }
        long hits = r.getResults().getNumFound();
        b.values(FacetField.TARGET, hits == 0 ? List.of() : List.of(new FacetValue(targetId, (int) Math.min(Integer.MAX_VALUE, hits))));
        return b.build();
    }

    private static List<FacetValue> values(FacetField field, List<Count> counts) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Count c : counts) {
            String value = field == FacetField.MATERIAL_TYPE ? MATERIAL_TYPES.getOrDefault(c.getName(), c.getName())
                    : c.getName();
            values.merge(value, (int) c.getCount(), Integer::sum);
        }
        List<FacetValue> out = new ArrayList<>(values.size());
        values.forEach((v, n) -> out.add(new FacetValue(v, n)));
        return out;
    }

    private static List<FacetValue> years(List<Count> counts) {
        List<FacetValue> out = new ArrayList<>();
        for (Count c : counts) {
            if (c.getName().matches("-?[0-9]{1,4}")) {
                out.add(new FacetValue(c.getName(), (int) c.getCount()));
            }
        }
        return out;
    }
}
