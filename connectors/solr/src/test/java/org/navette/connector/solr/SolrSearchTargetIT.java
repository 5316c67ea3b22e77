package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.FileSource;
import org.navette.catalogue.StoreLocation;
import org.navette.federation.Federation;
import org.navette.federation.SearchOptions;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.normalise.Normaliser;
import org.navette.query.CqlParser;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.TargetFacets;
import org.navette.rank.YearRange;
import org.navette.target.TargetConfig;

/**
 * The union catalogue as a {@code "protocol": "solr"} target of a federation: CQL translated to
 * Solr, one hit per work, each work with every library's holding, facet counts over every hit.
 */
class SolrSearchTargetIT {
    @TempDir
    static Path dir;

    static Federation federation;
    static CatalogueStats stats;
    static final int PAGE = 10; // works fetched per target by onePage()
    static Truth truth;
    static BibRecord shared;   // a record both libraries sent
    static BibRecord withIsbn; // one with an ISBN, held by c and d
    static final String LC = CatalogueScenario.CORPUS + "1-marc21/openlibrary/lc_1416500308.mrc";

    private static BibRecord record(List<byte[]> lul, int i) {
        return Normaliser.ofDefaults().normalise(RawRecord.of("t", RecordSyntax.ISO2709, lul.get(i), RecordFormat.MARC21)).record();
    }

    @BeforeAll
    static void build() throws Exception {
        CatalogueScenario files = new CatalogueScenario(dir);
        List<byte[]> lul = CatalogueScenario.records(CatalogueScenario.resource(CatalogueScenario.LUL));
        Path data = dir.resolve("catalogue");
        try (SolrCatalogueStore store = SolrCatalogueStore.open(StoreLocation.embedded(data))) {
            Catalogue catalogue = Catalogue.builder(store).build();
            catalogue.load("a", FileSource.of(files.file("a.mrc", lul.subList(0, 60))));
            catalogue.load("b", FileSource.of(files.file("b.mrc", lul.subList(40, 100))));
            // an Open Library record with an ISBN, sent by two more libraries
            Path lc = dir.resolve("lc_1416500308.mrc");
            java.nio.file.Files.write(lc, CatalogueScenario.resource(LC));
            catalogue.load("c", FileSource.of(lc));
            catalogue.load("d", FileSource.of(lc));
            stats = store.stats();
            truth = Truth.of(store);
        }
        // closed and opened again: what was committed is there
        try (SolrCatalogueStore reopened = SolrCatalogueStore.open(StoreLocation.embedded(data))) {
            assertThat(reopened.stats()).isEqualTo(stats);
        }
        shared = record(lul, 45);
        withIsbn = Normaliser.ofDefaults().normalise(RawRecord.of("t", RecordSyntax.ISO2709, CatalogueScenario.resource(LC),
                RecordFormat.MARC21)).record();
        TargetConfig target = TargetConfig.builder("union", "solr").set("dataDir", data.toString()).build();
        federation = Federation.builder().target(target).deadline(Duration.ofSeconds(60)).maxRecordsPerTarget(100).build();
    }

    /**
     * Facet counts over every work with a year (what {@code year>=1000 or year<1000} finds), taken
     * from the store's members and its visible documents' stored values, not from Solr's faceting.
     */
    record Truth(int works, Map<FacetField, Map<String, Integer>> counts) {
        static Truth of(SolrCatalogueStore store) throws Exception {
            Map<String, List<BibRecord>> byCluster = new HashMap<>();
            for (String library : List.of("a", "b", "c", "d")) {
                store.forEachMember(library, m -> byCluster.computeIfAbsent(m.clusterId(), k -> new ArrayList<>())
                        .add(Normaliser.ofDefaults().normalise(RawRecord.ofXml("t", RecordSyntax.MARCXML, m.fullRecord(),
                                m.format())).record().heldBy(m.library())));
            }
            Map<FacetField, Map<String, Integer>> counts = new EnumMap<>(FacetField.class);
            int works = 0;
            for (List<BibRecord> members : byCluster.values()) {
                if (members.stream().allMatch(m -> m.year() == null)) {
                    continue;
                }
                works++;
                Map<FacetField, Set<String>> values = new EnumMap<>(FacetField.class);
                for (BibRecord m : members) {
                    m.holdings().forEach(h -> add(values, FacetField.LIBRARY, h.library()));
                    m.languages().forEach(l -> add(values, FacetField.LANGUAGE, l));
                    m.subjects().forEach(x -> add(values, FacetField.SUBJECT, x));
                    add(values, FacetField.MATERIAL_TYPE, m.materialType().name());
                }
                values.forEach((field, vs) -> vs.forEach(v -> counts.computeIfAbsent(field, f -> new HashMap<>())
                        .merge(v, 1, Integer::sum)));
            }
            // the year each visible work shows (its representative's), as stored with its document
            SolrQuery q = new SolrQuery("*:*").addFilterQuery("-merged_child_boolean:true", "publishDateSort:[* TO *]")
                    .setFields("publishDate", "publishDateSort").setRows(100_000);
            Map<String, Integer> years = new HashMap<>();
            for (SolrDocument d : store.client().query(store.collection(), q).getResults()) {
                years.merge(String.valueOf(d.getFirstValue("publishDateSort")), 1, Integer::sum);
            }
            counts.put(FacetField.YEAR, years);
            return new Truth(works, counts);
        }

        private static void add(Map<FacetField, Set<String>> values, FacetField field, String value) {
            values.computeIfAbsent(field, f -> new HashSet<>()).add(value);
        }

        Map<String, Integer> of(FacetField field) {
            return counts.getOrDefault(field, Map.of());
        }
    }

    private static Map<String, Integer> asMap(List<FacetValue> values) {
        Map<String, Integer> out = new HashMap<>();
        values.forEach(v -> out.put(v.value(), v.count()));
        return out;
    }

    @AfterAll
    static void close() {
        if (federation != null) {
            federation.close();
        }
    }

    private static SearchResult search(String cql) {
        SearchResult r = federation.searchAndWait(CqlParser.parse(cql));
        TargetStatus s = r.target("union").orElseThrow();
        assertThat(s.state()).as(cql + ": " + s).isEqualTo(TargetState.DONE);
        return r;
    }

    /** A search that fetches only the first {@link #PAGE} works of the target's hits. */
    private static SearchResult onePage(String cql) {
        return federation.searchAndWait(CqlParser.parse(cql), SearchOptions.builder().maxRecordsPerTarget(PAGE).build());
    }

    private static long hits(String cql) {
        return search(cql).target("union").orElseThrow().hits().orElseThrow();
    }

    private static String titleWord() {
        return java.util.Arrays.stream(shared.titleProper().split("[^\\p{L}]+")).filter(w -> w.length() > 4)
                .findFirst().orElseThrow();
    }

    @Test
    void aWorkBothLibrariesHoldComesBackAsOneClusterWithBothHoldings() {
        SearchResult r = search("title=\"" + shared.titleProper().replace("\"", "") + "\"");
        Cluster found = r.clusterList().stream()
                .filter(c -> c.members().stream().anyMatch(m -> m.source().recordId().endsWith(shared.source().recordId())))
                .findFirst().orElseThrow();
        assertThat(found.holdingsByLibrary().keySet()).contains("a", "b");
        assertThat(found.members()).allMatch(m -> m.source().origin().equals("union"));
    }

    @Test
    void everyWorkIsOneHitAndTheRecordsAreItsMembers() {
        SearchResult all = search("year>=1000 or year<1000");
        long hits = all.target("union").orElseThrow().hits().orElseThrow();
        assertThat(hits).isLessThanOrEqualTo(stats.clusters()).isPositive();
        assertThat(all.records()).isGreaterThan((int) Math.min(hits, 100));
    }

    @Test
    void truncationPhraseBooleansAndRangesNarrowAndWidenAsTheySay() {
        String word = titleWord();
        long exact = hits("title=" + word);
        assertThat(exact).isPositive();
        assertThat(hits("title=" + word.substring(0, 4) + "*")).isGreaterThanOrEqualTo(exact);
        assertThat(hits("title=" + word + " not title=" + word)).isZero();
        assertThat(hits("title=" + word + " and title=zzqxwv")).isZero();
        assertThat(hits("title=" + word + " or title=zzqxwv")).isEqualTo(exact);
        assertThat(hits("year<1000")).isZero();
        assertThat(hits("title=" + word.toUpperCase(java.util.Locale.ROOT))).isEqualTo(exact);
    }

    @Test
    void anIsbnFindsItsWorkWhateverHyphensItIsTypedWith() {
        assertThat(withIsbn.isbns()).isNotEmpty();
        String isbn = withIsbn.isbns().get(0).isbn13();
        String hyphenated = isbn.substring(0, 3) + "-" + isbn.substring(3);
        SearchResult r = search("isbn=" + hyphenated);
        assertThat(r.clusterList()).anyMatch(c -> c.holdingsByLibrary().keySet().containsAll(List.of("c", "d")));
        assertThat(hits("isbn=" + isbn)).isEqualTo(r.target("union").orElseThrow().hits().orElseThrow());
    }

    @Test
    void theTargetsFacetCountsCoverEveryHitNotOnlyThePageFetched() {
        SearchResult r = onePage("year>=1000 or year<1000");

        TargetStatus union = r.target("union").orElseThrow();
        assertThat(union.state()).as(union.toString()).isEqualTo(TargetState.DONE);
        long hits = union.hits().orElseThrow();
        assertThat(hits).isEqualTo(truth.works()).isGreaterThan(3L * PAGE);
        assertThat(r.clusterList().size()).isLessThanOrEqualTo(PAGE);
        TargetFacets f = union.facets();
        for (FacetField field : List.of(FacetField.LIBRARY, FacetField.LANGUAGE, FacetField.MATERIAL_TYPE, FacetField.YEAR)) {
            assertThat(truth.of(field)).as(field.name()).isNotEmpty();
            assertThat(asMap(f.values(field))).as(field.name()).isEqualTo(truth.of(field));
        }
        assertThat(f.values(FacetField.LIBRARY)).extracting(FacetValue::value).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(f.values(FacetField.TARGET)).containsExactly(new FacetValue("union", (int) hits));
        assertThat(f.yearRanges().stream().mapToInt(YearRange::count).sum()).isEqualTo((int) hits);
        // subjects: more values than Solr is asked for; each one listed has its true count
        Map<String, Integer> subjects = asMap(f.values(FacetField.SUBJECT));
        assertThat(subjects).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        subjects.forEach((subject, count) -> assertThat(count).as(subject).isEqualTo(truth.of(FacetField.SUBJECT).get(subject)));
        assertThat(f.reports(FacetField.AUTHOR)).isFalse();
    }

    @Test
    void aFederationSearchThroughTheTargetShowsFacetsOverAllItsHits() {
        SearchResult r = onePage("year>=1000 or year<1000");

        long hits = r.target("union").orElseThrow().hits().orElseThrow();
        assertThat(asMap(r.facets().values(FacetField.LIBRARY))).isEqualTo(truth.of(FacetField.LIBRARY));
        assertThat(asMap(r.facets().values(FacetField.LANGUAGE))).isEqualTo(truth.of(FacetField.LANGUAGE));
        assertThat(r.facets().values(FacetField.TARGET)).containsExactly(new FacetValue("union", (int) hits));
        assertThat(r.facets().yearRanges()).isEqualTo(r.target("union").orElseThrow().facets().yearRanges());
        assertThat(r.facets().values(FacetField.YEAR)).hasSize(Math.min(20, truth.of(FacetField.YEAR).size()))
                .allSatisfy(v -> assertThat(v.count()).isEqualTo(truth.of(FacetField.YEAR).get(v.value())));
        // authors are not counted by Solr: the federation counts those of the works it fetched
        assertThat(r.facets().values(FacetField.AUTHOR)).allSatisfy(v -> assertThat(v.count()).isLessThanOrEqualTo(PAGE));
    }

    @Test
    void queryTextThatLooksLikeSolrSyntaxIsSearchedAsWords() {
        assertThat(hits("title=\"a:b (c) [d TO e] {!x}\"")).isZero();
    }
}
