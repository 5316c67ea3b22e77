package org.navette.portal.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.Facets;
import org.navette.rank.RankedCluster;
import org.navette.rank.Ranker;
import org.navette.rank.YearRange;
import org.navette.target.TargetDiagnostic;

/**
 * The API's JSON shapes, written in one place: a search snapshot (clusters with their holdings by
 * library and their own facet values, the result's facets, one status per target with its
 * progress), a target's status, and a cluster in full.
 *
 * <p>A cluster's facet values come from the same {@link Ranker} that counts the result's facets,
 * asked about that cluster alone, so a filter on a facet value matches exactly the clusters it
 * counted.
 *
 * <pre>{@code
 * SearchJson json = new SearchJson(mapper, Duration.ofSeconds(3));
 * ObjectNode snapshot = json.snapshot(session.id(), search.snapshot());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class SearchJson {
    /** The facet fields the page filters by; authors and subjects are left to the full record. */
    static final List<FacetField> FILTERS = List.of(FacetField.LIBRARY, FacetField.MATERIAL_TYPE, FacetField.LANGUAGE,
            FacetField.TARGET);

    /** The key of a cluster's own facet values in its derived values: computed once per cluster, not per snapshot. */
    private static final Object OWN_FACETS = new Object();

    private final ObjectMapper mapper;
    private final Duration slowAfter;
    private final Ranker ranker = Ranker.ofDefaults();

    public SearchJson(ObjectMapper mapper, Duration slowAfter) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.slowAfter = Objects.requireNonNull(slowAfter, "slowAfter");
    }

    /** How long a target may run before the progress strip calls it slow. */
    public long slowAfterMs() {
        return slowAfter.toMillis();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The whole snapshot of session {@code id}. */
    public ObjectNode snapshot(String id, SearchResult r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id);
        root.put("query", r.query().toCql());
        root.put("finished", r.finished());
        root.put("elapsedMs", r.elapsed().toMillis());
        root.put("records", r.records());
        ArrayNode clusters = root.putArray("clusters");
        int rank = 0;
        for (RankedCluster rc : r.clusters()) {
            clusters.add(cluster(++rank, rc));
        }
        root.set("facets", facets(r.facets()));
        ArrayNode targets = root.putArray("targets");
        r.targets().forEach(t -> targets.add(target(t)));
        return root;
    }

    /** One target's status, with {@code progress}: answered, failed, slow or waiting. */
    public ObjectNode target(TargetStatus t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", t.targetId());
        n.put("name", t.name());
        n.put("state", t.state().label());
        n.put("progress", progress(t));
        if (t.hits().isPresent()) {
            n.put("hits", t.hits().getAsLong());
        } else {
            n.putNull("hits");
        }
        n.put("fetched", t.fetched());
        n.put("elapsedMs", t.elapsed().toMillis());
        TargetDiagnostic d = t.diagnostic();
        if (d == null) {
            n.putNull("diagnostic");
        } else {
            n.putObject("diagnostic").put("kind", label(d.kind().name())).put("message", d.message());
        }
        return n;
    }

    /** The progress strip's word for a target: answered, failed (also timed out, skipped, cancelled), slow, waiting. */
    String progress(TargetStatus t) {
        if (t.state() == TargetState.DONE) {
            return "answered";
        }
        if (t.state().isFinal()) {
            return "failed";
        }
        return t.elapsed().compareTo(slowAfter) >= 0 ? "slow" : "waiting";
    }

    private ObjectNode cluster(int rank, RankedCluster rc) {
        Cluster c = rc.cluster();
        ObjectNode n = summary(c);
        n.put("rank", rank);
        n.put("score", Math.round(rc.score() * 1000) / 1000.0);
        ObjectNode values = n.putObject("facets");
        Facets own = c.derived(OWN_FACETS, one -> ranker.facets(List.of(one)));
        for (FacetField f : FILTERS) {
            ArrayNode a = values.putArray(camel(f.name()));
            own.values(f).forEach(v -> a.add(v.value()));
        }
        return n;
    }

    /** A cluster's display fields and its holdings grouped by library. */
    private ObjectNode summary(Cluster c) {
        BibRecord best = c.representative();
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id());
        n.put("title", best.title());
        ArrayNode authors = n.putArray("authors");
        best.authors().forEach(a -> authors.add(a.name()));
        putYear(n, best.year());
        n.put("publisher", best.publisher());
        n.put("materialType", label(best.materialType().name()));
        ArrayNode isbns = n.putArray("isbns");
        c.isbns().forEach(i -> isbns.add(i.isbn13()));
        n.put("records", c.size());
        ArrayNode libraries = n.putArray("libraries");
        for (Map.Entry<String, List<Holding>> e : c.holdingsByLibrary().entrySet()) {
            ObjectNode lib = libraries.addObject();
            lib.put("library", e.getKey());
            ArrayNode items = lib.putArray("items");
            e.getValue().forEach(h -> items.add(holding(h)));
        }
        return n;
    }

    /** A cluster in full: its summary and every member record. */
    public ObjectNode record(String searchId, Cluster c) {
        ObjectNode n = summary(c);
        n.put("search", searchId);
        ArrayNode members = n.putArray("members");
        for (BibRecord m : c.members()) {
            ObjectNode r = members.addObject();
            r.put("target", m.source().origin());
            r.put("recordId", m.source().recordId());
            r.put("format", label(m.format().name()));
            r.put("title", m.title());
            r.put("responsibility", m.responsibility());
            ArrayNode authors = r.putArray("authors");
            m.authors().forEach(a -> authors.addObject().put("name", a.name()).put("role", a.role()));
            r.put("edition", m.edition());
            r.put("publisher", m.publisher());
            r.put("place", m.place());
            putYear(r, m.year());
            r.put("extent", m.extent());
            ArrayNode langs = r.putArray("languages");
            m.languages().forEach(langs::add);
            r.put("materialType", label(m.materialType().name()));
            ArrayNode isbns = r.putArray("isbns");
            m.isbns().forEach(i -> isbns.add(i.isbn13()));
            ArrayNode issns = r.putArray("issns");
            m.issns().forEach(issns::add);
            ArrayNode subjects = r.putArray("subjects");
            m.subjects().forEach(subjects::add);
            ArrayNode series = r.putArray("series");
            m.series().forEach(series::add);
            ArrayNode holdings = r.putArray("holdings");
            m.holdings().forEach(h -> holdings.add(holding(h).put("library", h.library())));
        }
        return n;
    }

    private ObjectNode holding(Holding h) {
        ObjectNode n = mapper.createObjectNode();
        n.put("branch", h.branch());
        n.put("location", h.location());
        n.put("callNumber", h.callNumber());
        n.put("status", h.status());
        n.put("availability", label(h.availability().name()));
        return n;
    }

    private ObjectNode facets(Facets f) {
        ObjectNode n = mapper.createObjectNode();
        for (FacetField field : FILTERS) {
            ArrayNode values = n.putArray(camel(field.name()));
            for (FacetValue v : f.values(field)) {
                values.addObject().put("value", v.value()).put("count", v.count());
            }
        }
        ArrayNode years = n.putArray("yearRanges");
        for (YearRange y : f.yearRanges()) {
            years.addObject().put("from", y.from()).put("to", y.to()).put("count", y.count());
        }
        return n;
    }

    private static void putYear(ObjectNode n, @Nullable Integer year) {
        if (year == null) {
            n.putNull("year");
        } else {
            n.put("year", year);
        }
    }

    /** ON_LOAN to on-loan, as the CLI prints states and kinds. */
    static String label(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** MATERIAL_TYPE to materialType, like the document's other keys. */
    static String camel(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return sb.toString();
    }
}
