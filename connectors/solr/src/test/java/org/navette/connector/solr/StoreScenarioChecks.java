package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.navette.federation.Federation;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.query.CqlParser;
import org.navette.target.TargetConfig;
import org.navette.testing.InMemoryCatalogueStore;

/**
 * The checks every deployment of the Solr store must pass: the union catalogue scenario gives exactly
 * what the in-memory reference store gives at every step, and a stock VuFind query sees each work once.
 * A subclass says how to start its Solr and open the store; the scenario runs once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreScenarioChecks {
    /** The class's temporary directory (a {@code @BeforeAll} parameter: fields are injected too late here). */
    Path dir;

    SolrCatalogueStore store;
    CatalogueScenario.Outcome solr;
    CatalogueScenario.Outcome reference;

    /** Starts what the store needs (once per class) and opens the store on it. */
    abstract SolrCatalogueStore openStore(Path dir) throws Exception;

    /** Stops what {@link #openStore} started; the store is closed already. */
    void stopSolr() throws Exception {
    }

    @BeforeAll
    void runScenario(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        store = openStore(dir);
        Path work = dir.resolve("scenario");
        java.nio.file.Files.createDirectories(work);
        solr = new CatalogueScenario(work).run(store);
        reference = new CatalogueScenario(work).run(new InMemoryCatalogueStore());
    }

    @AfterAll
    void closeStore() throws Exception {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            stopSolr();
        }
    }

    @Test
    void everyStepHoldsWhatTheReferenceStoreHolds() {
        assertThat(solr.steps().keySet()).containsExactly("built", "a again", "b smaller", "b removed", "b back");
        for (String step : solr.steps().keySet()) {
            assertThat(solr.steps().get(step)).as(step).isEqualTo(reference.steps().get(step));
        }
        assertThat(solr.summaries().keySet()).isEqualTo(reference.summaries().keySet());
        solr.summaries().forEach((k, s) -> assertThat(List.of(s.read(), s.added(), s.changed(), s.unchanged(), s.deleted()))
                .as(k).isEqualTo(List.of(reference.summaries().get(k).read(), reference.summaries().get(k).added(),
                        reference.summaries().get(k).changed(), reference.summaries().get(k).unchanged(),
                        reference.summaries().get(k).deleted())));
        assertThat(new String(solr.exportedMel(), StandardCharsets.UTF_8))
                .isEqualTo(new String(reference.exportedMel(), StandardCharsets.UTF_8));
    }

    @Test
    void theScenarioDidWhatItSays() {
        CatalogueScenario.Snapshot built = solr.steps().get("built");
        assertThat(built.stats().libraries()).containsOnlyKeys("a", "b", "mel");
        assertThat(built.stats().clusters()).isLessThan(built.stats().records());
        // the 20 records both libraries sent share clusters
        long shared = built.clusters().stream().filter(c -> c.stream().anyMatch(id -> id.startsWith("a:"))
                && c.stream().anyMatch(id -> id.startsWith("b:"))).count();
        assertThat(shared).isGreaterThanOrEqualTo(18);
        assertThat(solr.steps().get("a again")).isEqualTo(built);
        assertThat(solr.summaries().get("a again").unchanged()).isEqualTo(solr.summaries().get("a").added());
        assertThat(solr.summaries().get("b smaller").deleted()).isEqualTo(20);
        assertThat(solr.summaries().get("b smaller").changed()).isEqualTo(1);
        assertThat(solr.steps().get("b removed").stats().libraries()).containsOnlyKeys("a", "mel");
        assertThat(solr.steps().get("b removed").clusters()).allMatch(c -> c.stream().noneMatch(id -> id.startsWith("b:")));
        assertThat(solr.steps().get("b back")).isEqualTo(built);
    }

    @Test
    void aStockVufindQueryShowsEachWorkOnceWithFacetsOnItsLibraries() throws Exception {
        CatalogueScenario.Snapshot now = solr.steps().get("b back");
        SolrQuery q = new SolrQuery("*:*").addFilterQuery("-merged_child_boolean:true").setRows(1000)
                .setFacet(true).setFacetMinCount(1).setFacetLimit(-1)
                .addFacetField("building", "format", "language", "publishDate").setFields("id", "building", "local_ids_str_mv");
        QueryResponse r = store.client().query(q);
        assertThat(r.getResults().getNumFound()).isEqualTo(now.stats().clusters());
        // each visible document is one cluster, with every member's id and library
        Map<String, Long> clustersPerLibrary = new HashMap<>();
        for (Set<String> c : now.clusters()) {
            c.stream().map(id -> id.substring(0, id.indexOf(':'))).distinct()
                    .forEach(lib -> clustersPerLibrary.merge(lib, 1L, Long::sum));
        }
        Map<String, Long> building = new HashMap<>();
        for (FacetField.Count c : r.getFacetField("building").getValues()) {
            building.put(c.getName(), c.getCount());
        }
        assertThat(building).isEqualTo(clustersPerLibrary);
        for (SolrDocument d : r.getResults()) {
            java.util.Collection<Object> ids = d.getFieldValues("local_ids_str_mv");
            assertThat(now.clusters()).as(d.getFirstValue("id").toString())
                    .contains(Set.copyOf(ids.stream().map(Object::toString).toList()));
        }
        assertThat(r.getFacetField("format").getValues()).extracting(FacetField.Count::getName).contains("Book");
        assertThat(r.getFacetField("language").getValues()).extracting(FacetField.Count::getName).contains("fre");
        long dated = r.getFacetField("publishDate").getValues().stream().mapToLong(FacetField.Count::getCount).sum();
        assertThat(dated).isPositive();
    }

    @Test
    void aMergedRecordIsFoundByAWordOfItsTitleWithEveryHoldingLibrary() throws Exception {
        QueryResponse r = store.client().query(new SolrQuery("merged_boolean:true").setRows(1)
                .setFields("id", "title", "building", "local_ids_str_mv"));
        assertThat(r.getResults()).isNotEmpty();
        SolrDocument merged = r.getResults().get(0);
        String word = java.util.Arrays.stream(merged.getFirstValue("title").toString().split("[^\\p{L}]+"))
                .filter(w -> w.length() > 3).findFirst().orElseThrow();
        QueryResponse byWord = store.client().query(new SolrQuery("title:" + word.toUpperCase(java.util.Locale.ROOT))
                .addFilterQuery("-merged_child_boolean:true").setRows(100).setFields("id"));
        assertThat(byWord.getResults()).extracting(d -> d.getFirstValue("id")).contains(merged.getFirstValue("id"));
        assertThat(merged.getFieldValues("building")).hasSameSizeAs(Set.copyOf(merged.getFieldValues("building")));
        assertThat(merged.getFieldValues("local_ids_str_mv")).hasSizeGreaterThan(1);
    }

    /**
     * A {@code "protocol": "solr"} target on this deployment (its own store, opened by the connector
     * next to the scenario's) finds a work both libraries hold as one cluster with both holdings.
     */
    void theSearchTargetFindsAWorkOnceWithEveryHolding(TargetConfig target) throws Exception {
        SolrDocument merged = store.client().query(new SolrQuery("merged_boolean:true").addFilterQuery("building:a")
                .addFilterQuery("building:b").setSort("id", SolrQuery.ORDER.asc).setRows(1)
                .setFields("id", "title", "local_ids_str_mv")).getResults().get(0);
        String title = merged.getFirstValue("title").toString().replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        Set<String> memberIds = Set.copyOf(merged.getFieldValues("local_ids_str_mv").stream().map(Object::toString).toList());
        try (Federation federation = Federation.builder().target(target).deadline(Duration.ofSeconds(60))
                .maxRecordsPerTarget(100).build()) {
            SearchResult r = federation.searchAndWait(CqlParser.parse("title=\"" + title + "\""));
            TargetStatus status = r.target(target.id()).orElseThrow();
            assertThat(status.state()).as(status.toString()).isEqualTo(TargetState.DONE);
            Cluster found = r.clusterList().stream()
                    .filter(c -> c.members().stream().anyMatch(m -> memberIds.contains(m.source().recordId())))
                    .findFirst().orElseThrow();
            assertThat(found.holdingsByLibrary().keySet()).contains("a", "b");
            SearchResult all = federation.searchAndWait(CqlParser.parse("year>=1000 or year<1000"));
            assertThat(all.target(target.id()).orElseThrow().hits().orElseThrow())
                    .isPositive().isLessThanOrEqualTo(solr.steps().get("b back").stats().clusters());
        }
    }
}
