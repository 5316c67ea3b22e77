package org.navette.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.demo.LoopbackPorts.accepts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.federation.Federation;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.ill.PlannedRequest;
import org.navette.model.BibRecord;
import org.navette.query.CqlParser;
import org.navette.rank.FacetField;
import org.navette.rank.RankedCluster;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;

/**
 * The demo network started once for the class: each peer answers through Navette's own connectors,
 * the dead library is a status while the others deliver, works carry holdings of several
 * libraries, and the interlending batch gets every kind of plan line. Zebra is installed here and in CI.
 */
class DemoNetworkIT {
    @TempDir
    static Path dir;

    static DemoNetwork network;
    static DemoRun.Report report;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void start() {
        network = DemoNetwork.start(dir, progress::add);
        report = DemoRun.run(network, network.suggestedQuery());
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    private static TargetStatus status(String id) {
        return report.search().target(id).orElseThrow(() -> new AssertionError("no status for " + id));
    }

    private static SearchResult searchOnly(String targetId, String cql) {
        TargetConfig target = network.targets().stream().filter(t -> t.id().equals(targetId)).findFirst().orElseThrow();
        try (Federation f = Federation.builder().target(target).maxRecordsPerTarget(20).build()) {
            return f.searchAndWait(CqlParser.parse(cql));
        }
    }

    @Test
    void theCatalogueHoldsTheThreeMembersExportsAndTheProgressSaysSo() {
        assertThat(network.catalogueLoads()).extracting(s -> s.library()).containsExactly("dole", "lons", "st-claude");
        assertThat(network.catalogueLoads()).allSatisfy(s -> assertThat(s.added()).isGreaterThan(50));
        assertThat(progress).anyMatch(l -> l.contains("dole") && l.contains("read"));
        assertThat(network.skipped()).isEmpty(); // zebrasrv is installed here
        assertThat(network.targets()).extracting(TargetConfig::id).containsExactly(DemoNetwork.UNION, DemoNetwork.OPAC,
                DemoNetwork.SRU, DemoNetwork.ZEBRA, DemoNetwork.DOWN);
    }

    @Test
    void theCatalogueSruServerAndZebraAnswerTheSuggestedQueryThroughTheirConnectors() {
        for (String id : List.of(DemoNetwork.UNION, DemoNetwork.SRU, DemoNetwork.ZEBRA)) {
            TargetStatus s = status(id);
            assertThat(s.state()).as(id + " " + s).isEqualTo(TargetState.DONE);
            assertThat(s.hits().orElseThrow()).as(id).isPositive();
            assertThat(s.fetched()).as(id).isPositive();
        }
        Set<String> origins = report.search().clusters().stream().flatMap(rc -> rc.cluster().members().stream())
                .map(m -> m.source().origin()).collect(Collectors.toSet());
        assertThat(origins).contains(DemoNetwork.UNION, DemoNetwork.SRU, DemoNetwork.ZEBRA);
    }

    @Test
    void theOpacServesItsSavedListAndRecordPagesForItsWordsAndItsNothingFoundPageOtherwise() {
        assertThat(status(DemoNetwork.OPAC).state()).isEqualTo(TargetState.DONE);
        assertThat(status(DemoNetwork.OPAC).hits().orElseThrow()).isZero();

        SearchResult r = searchOnly(DemoNetwork.OPAC, "Kletterführer");
        assertThat(r.target(DemoNetwork.OPAC).orElseThrow().state()).isEqualTo(TargetState.DONE);
        assertThat(r.target(DemoNetwork.OPAC).orElseThrow().hits().orElseThrow()).isEqualTo(2L);
        List<BibRecord> records = r.clusters().stream().flatMap(rc -> rc.cluster().members().stream()).toList();
        // the year comes only from the saved record page: the list has none
        assertThat(records).extracting(BibRecord::title).contains("Kletterführer Frankenjura Band 2 / Deutschland : Kletterführer");
        assertThat(records).filteredOn(b -> b.title().startsWith("Kletterführer Frankenjura")).first()
                .satisfies(b -> assertThat(b.year()).isEqualTo(2018))
                .satisfies(b -> assertThat(b.holdings()).isNotEmpty());
        assertThat(r.clusters()).allSatisfy(rc -> assertThat(rc.cluster().holdingsByLibrary()).containsKey("clubalpin"));
    }

    @Test
    void theSruServerAnswersAPhraseAndAnAuthorSearch() {
        SearchResult r = searchOnly(DemoNetwork.SRU, "title=\"histoire populaire de montréal\"");
        assertThat(r.target(DemoNetwork.SRU).orElseThrow().hits().orElseThrow()).isEqualTo(1L);
        SearchResult a = searchOnly(DemoNetwork.SRU, "author=brunet and year=1908");
        assertThat(a.clusters()).extracting(rc -> rc.cluster().representative().title())
                .containsExactly("La province du Canada : histoire politique de 1840 à 1867");
    }

    @Test
    void theUnimarcMembersItemsAreHeldByItsOwnCodeWithTheirCallNumbers() {
        SearchResult r = searchOnly(DemoNetwork.UNION, "author=cordier");
        assertThat(r.clusters()).hasSizeGreaterThan(2).allSatisfy(rc -> {
            assertThat(rc.cluster().holdingsByLibrary().keySet()).containsExactly("st-claude");
            assertThat(rc.cluster().holdingsByLibrary().get("st-claude")).isNotEmpty()
                    .allSatisfy(h -> assertThat(h.callNumber()).startsWith("MEL"));
        });
    }

    @Test
    void theDeadLibraryIsAFailedStatusWhileTheOthersDeliver() {
        TargetStatus down = status(DemoNetwork.DOWN);
        assertThat(down.state().isFinal()).isTrue();
        assertThat(down.state()).isNotEqualTo(TargetState.DONE);
        assertThat(down.diagnostic()).isNotNull();
        assertThat(down.diagnostic().kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(report.search().records()).isPositive();
    }

    @Test
    void atLeastOneWorkIsHeldBySeveralLibrariesAndFacetsAreCounted() {
        List<RankedCluster> clusters = report.search().clusters();
        assertThat(clusters).anySatisfy(rc -> assertThat(rc.cluster().holdingsByLibrary().keySet()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(clusters).anySatisfy(rc -> assertThat(rc.cluster().holdingsByLibrary().keySet())
                .containsAnyOf("champagnole", "poligny").hasSizeGreaterThanOrEqualTo(2));
        assertThat(report.search().facets().all()).isNotEmpty();
        assertThat(report.search().facets().all().get(FacetField.AUTHOR)).isNotEmpty();
    }

    @Test
    void theInterlendingPlanHasMatchedNoLenderAndUnmatchedLines() {
        Map<String, PlannedRequest> byId = report.plan().requests().stream()
                .collect(Collectors.toMap(PlannedRequest::requestId, p -> p));
        assertThat(byId).hasSize(10);
        assertThat(byId.get("demo-01").status()).isEqualTo(PlannedRequest.Status.MATCHED);
        assertThat(byId.get("demo-01").firstLender().orElseThrow().library()).isEqualTo("dole");
        assertThat(byId.get("demo-02").status()).as("a typo in the title").isEqualTo(PlannedRequest.Status.MATCHED);
        assertThat(byId.get("demo-03").lenders().orElseThrow().lenders()).extracting(l -> l.library())
                .containsExactlyInAnyOrder("dole", "lons");
        assertThat(byId.get("demo-04").firstLender().orElseThrow().library()).as("the requester itself is left out").isEqualTo("lons");
        assertThat(byId.get("demo-05").status()).as("two LoC records of one title, no ISBN to tell them apart")
                .isEqualTo(PlannedRequest.Status.AMBIGUOUS);
        assertThat(byId.get("demo-06").status()).as("found by a hyphenated ISBN").isEqualTo(PlannedRequest.Status.MATCHED);
        assertThat(byId.get("demo-07").status()).as("only the requester holds it").isEqualTo(PlannedRequest.Status.NO_LENDER);
        assertThat(byId.get("demo-08").firstLender().orElseThrow().library()).as("a UNIMARC record").isEqualTo("st-claude");
        assertThat(byId.get("demo-10").status()).isEqualTo(PlannedRequest.Status.UNMATCHED);
    }

    @Test
    void withoutZebraOnThePathItIsSkippedWithTheInstallHintAndCloseFreesEveryPort() throws IOException {
        Path noBinaries = java.nio.file.Files.createDirectories(dir.resolve("empty-bin"));
        List<Integer> ports = new ArrayList<>();
        try (DemoNetwork second = DemoNetwork.builder(dir.resolve("second")).binaryPath(List.of(noBinaries)).start()) {
            assertThat(second.skipped()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(DemoNetwork.ZEBRA);
                assertThat(s.reason()).isEqualTo("zebrasrv not found");
                assertThat(s.hint()).isEqualTo("sudo apt-get install idzebra-2.0");
            });
            assertThat(second.targets()).extracting(TargetConfig::id).doesNotContain(DemoNetwork.ZEBRA);
            for (TargetConfig t : second.targets()) {
                if (t.has("port")) {
                    ports.add(Integer.parseInt(t.get("port").toString()));
                } else if (t.has("url")) {
                    ports.add(java.net.URI.create(t.get("url").toString()).getPort());
                }
            }
            assertThat(ports).hasSize(3);
            assertThat(accepts(ports.get(0))).isTrue();
            assertThat(accepts(ports.get(1))).isTrue();
        }
        for (int port : ports) {
            assertThat(accepts(port)).as("port " + port + " after close").isFalse();
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port)); // free again: binds
            }
        }
    }

    @Test
    void theZebraOfTheNetworkIsAProcessThatListensUntilClose() {
        int port = Integer.parseInt(network.targets().stream().filter(t -> t.id().equals(DemoNetwork.ZEBRA)).findFirst()
                .orElseThrow().get("port").toString());
        assertThat(accepts(port)).isTrue();
    }

}
