package org.navette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.Isbn;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.RankedCluster;
import org.navette.rank.TargetFacets;
import org.navette.rank.YearRange;
import org.navette.target.TargetDiagnostic;

/**
 * How {@code navette search} prints a {@link SearchResult}: readable text, or one JSON document
 * with {@code clusters}, {@code targets}, {@code facets} and {@code elapsedMs}. Each target carries
 * {@code facets} too: the counts it made itself over all its hits (the fields it reports), or null.
 *
 * <pre>{@code
 * SearchOutput.text("title=computer", result, out);
 * String json = SearchOutput.json("title=computer", result);
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class SearchOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SearchOutput() {
    }

    static String json(String query, SearchResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("query", query);
        root.put("elapsedMs", r.elapsed().toMillis());
        root.put("finished", r.finished());
        root.put("records", r.records());
        ArrayNode clusters = root.putArray("clusters");
        int rank = 0;
        for (RankedCluster rc : r.clusters()) {
            clusters.add(cluster(++rank, rc));
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetStatus t : r.targets()) {
            targets.add(target(t));
        }
        root.set("facets", facets(r.facets().all(), r.facets().yearRanges()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serialises
        }
    }

    /** Facet values by field, then {@code yearRanges}: the result's facets and a target's own alike. */
    private static ObjectNode facets(Map<FacetField, List<FacetValue>> byField, List<YearRange> yearRanges) {
        ObjectNode facets = JSON.createObjectNode();
        for (Map.Entry<FacetField, List<FacetValue>> e : byField.entrySet()) {
            ArrayNode values = facets.putArray(camel(e.getKey().name()));
            for (FacetValue v : e.getValue()) {
                values.addObject().put("value", v.value()).put("count", v.count());
            }
        }
        ArrayNode years = facets.putArray("yearRanges");
        for (YearRange y : yearRanges) {
            years.addObject().put("from", y.from()).put("to", y.to()).put("count", y.count());
        }
        return facets;
    }

    /** The counts a target made over all its hits, only the fields it reports; null when it reports none. */
    private static ObjectNode reportedFacets(TargetFacets f) {
        if (f.isEmpty()) {
            return null;
        }
        Map<FacetField, List<FacetValue>> byField = new EnumMap<>(FacetField.class);
        f.fields().forEach(field -> byField.put(field, f.values(field)));
        return facets(byField, f.yearRanges());
    }

    private static ObjectNode cluster(int rank, RankedCluster rc) {
        Cluster c = rc.cluster();
        BibRecord best = c.representative();
        ObjectNode n = JSON.createObjectNode();
        n.put("rank", rank);
        n.put("id", c.id());
        n.put("score", Math.round(rc.score() * 1000) / 1000.0);
        n.put("title", best.title());
        ArrayNode authors = n.putArray("authors");
        best.authors().forEach(a -> authors.add(a.name()));
        if (best.year() == null) {
            n.putNull("year");
        } else {
            n.put("year", best.year());
        }
        n.put("publisher", best.publisher());
        ObjectNode ids = n.putObject("identifiers");
        ArrayNode isbns = ids.putArray("isbn");
        c.isbns().forEach(i -> isbns.add(i.isbn13()));
        ArrayNode issns = ids.putArray("issn");
        c.issns().forEach(issns::add);
        ArrayNode other = ids.putArray("other");
        c.identifiers().forEach(i -> other.add(i.toString()));
        ArrayNode members = n.putArray("records");
        for (BibRecord m : c.members()) {
            members.addObject().put("target", m.source().origin()).put("id", m.source().recordId())
                    .put("title", m.title());
        }
        ArrayNode holdings = n.putArray("holdings");
        c.holdingsByLibrary().forEach((library, list) -> {
            for (Holding h : list) {
                RecordJson.addHolding(holdings, library, h);
            }
        });
        return n;
    }

    private static ObjectNode target(TargetStatus t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", t.targetId());
        n.put("name", t.name());
        n.put("state", t.state().label());
        if (t.hits().isPresent()) {
            n.put("hits", t.hits().getAsLong());
        } else {
            n.putNull("hits");
        }
        n.put("fetched", t.fetched());
        n.put("unreadable", t.failedRecords());
        n.put("elapsedMs", t.elapsed().toMillis());
        if (t.diagnostic() == null) {
            n.putNull("diagnostic");
        } else {
            n.set("diagnostic", diagnostic(t.diagnostic()));
        }
        ArrayNode warnings = n.putArray("warnings");
        t.warnings().forEach(w -> warnings.add(diagnostic(w)));
        ObjectNode facets = reportedFacets(t.facets());
        if (facets == null) {
            n.putNull("facets");
        } else {
            n.set("facets", facets);
        }
        return n;
    }

    private static ObjectNode diagnostic(TargetDiagnostic d) {
        return JSON.createObjectNode().put("kind", label(d.kind().name())).put("code", d.code())
                .put("message", d.message()).put("addInfo", d.addInfo());
    }

    /** MATERIAL_TYPE to materialType, like the document's other keys. */
    private static String camel(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return sb.toString();
    }

    /** CONNECT_FAILED to connect-failed, like the target states. */
    private static String label(String constant) {
        return RecordJson.label(constant);
    }

    static void text(String query, SearchResult r, PrintWriter out) {
        out.printf("Query: %s%n%n", query);
        int rank = 0;
        for (RankedCluster rc : r.clusters()) {
            Cluster c = rc.cluster();
            BibRecord best = c.representative();
            out.printf("%3d. %s%n", ++rank, best.title() == null ? "[no title]" : best.title());
            List<String> line = new ArrayList<>();
            if (!best.authors().isEmpty()) {
                line.add(String.join("; ", best.authors().stream().map(Author::name).toList()));
            }
            if (best.publisher() != null) {
                line.add(best.publisher());
            }
            if (best.year() != null) {
                line.add(best.year().toString());
            }
            line.add(String.format(Locale.ROOT, "score %.2f", rc.score()));
            out.printf("     %s%n", String.join(" | ", line));
            List<String> ids = new ArrayList<>();
            c.isbns().stream().map(Isbn::isbn13).forEach(i -> ids.add("ISBN " + i));
            c.issns().forEach(i -> ids.add("ISSN " + i));
            c.identifiers().stream().map(Identifier::toString).forEach(ids::add);
            if (!ids.isEmpty()) {
                out.printf("     ids: %s%n", String.join(", ", ids));
            }
            out.printf("     records: %s%n", String.join(", ", c.members().stream().map(m -> m.source().toString()).toList()));
            c.holdingsByLibrary().forEach((library, list) -> out.printf("     held by %s: %s%n", library,
                    String.join("; ", list.stream().map(SearchOutput::holding).toList())));
        }
        if (r.clusters().isEmpty()) {
            out.println("  (no records)");
        }
        out.printf("%nTargets:%n");
        int width = r.targets().stream().mapToInt(t -> t.targetId().length()).max().orElse(6);
        for (TargetStatus t : r.targets()) {
            out.printf("  %-" + width + "s  %-10s hits %-7s fetched %-5d %6d ms%s%s%n", t.targetId(), t.state().label(),
                    t.hits().isPresent() ? Long.toString(t.hits().getAsLong()) : "-", t.fetched(), t.elapsed().toMillis(),
                    t.failedRecords() > 0 ? "  unreadable " + t.failedRecords() : "",
                    t.diagnostic() == null ? "" : "  " + t.diagnostic());
        }
        long answered = r.targets().stream().filter(t -> t.state() == TargetState.DONE).count();
        out.printf("%n%d clusters from %d records; %d of %d targets answered; %d ms%n", r.clusters().size(), r.records(),
                answered, r.targets().size(), r.elapsed().toMillis());
    }

    private static String holding(Holding h) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {h.branch(), h.location(), h.callNumber(), h.status()}) {
            if (s != null) {
                parts.add(s);
            }
        }
        parts.add(label(h.availability().name()));
        return String.join(" ", parts);
    }
}
