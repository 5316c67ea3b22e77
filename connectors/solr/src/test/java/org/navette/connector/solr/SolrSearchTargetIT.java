package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.FileSource;
import org.navette.catalogue.StoreLocation;
import org.navette.federation.Federation;
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
import org.navette.target.TargetConfig;

/**
 * The union catalogue as a {@code "protocol": "solr"} target of a federation: CQL translated to
 * Solr, one hit per work, each work with every library's holding.
 */
class SolrSearchTargetIT {
    @TempDir
    static Path dir;

    static Federation federation;
    static CatalogueStats stats;
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
    void queryTextThatLooksLikeSolrSyntaxIsSearchedAsWords() {
        assertThat(hits("title=\"a:b (c) [d TO e] {!x}\"")).isZero();
    }
}
