package org.navette.federation.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.federation.it.PeerTargets.with;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.connector.sru.SruConnectorFactory;
import org.navette.connector.z3950.Z3950ConnectorFactory;
import org.navette.connector.z3950.internal.NativeCounts;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.federation.CircuitState;
import org.navette.federation.FederatedSearch;
import org.navette.federation.Federation;
import org.navette.federation.ResilienceSettings;
import org.navette.federation.SearchOptions;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;
import org.navette.query.CqlParser;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.testing.MutableClock;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;

@ExtendWith(Peers.class)
class FederationPeersIT {
    private WireMockServer wiremock;

    @BeforeEach
    void startWireMock() {
        wiremock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        wiremock.start();
    }

    @AfterEach
    void stopWireMock() {
        wiremock.stop();
    }

    private String mockUrl(String path) {
        return wiremock.baseUrl() + path;
    }

    @Test
    void healthyTargetsResultsArriveWhileOthersFailTimeOutOrStallPastTheDeadline(ZebraPeer zebra, ZtestPeer ztest) {
        wiremock.stubFor(any(urlPathEqualTo("/error")).willReturn(aResponse().withStatus(500).withBody("boom")));
        wiremock.stubFor(any(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // a scraped OPAC: WireMock replays real BIB2 WebOPAC pages (see org/navette/cli/opac/PROVENANCE.txt)
        wiremock.stubFor(post("/bib2/list").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(saved("opacclient/bib2/searchresult_single.htm"))));
        wiremock.stubFor(get(urlPathEqualTo("/bib2/detail")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(saved("opacclient/bib2/detail.htm"))));
        wiremock.stubFor(any(urlPathMatching("/down/.*")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        wiremock.stubFor(any(urlPathEqualTo("/dribble")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody("<searchRetrieveResponse>" + " ".repeat(2000)
                        + "</searchRetrieveResponse>").withChunkedDribbleDelay(40, 30_000)));
        List<TargetConfig> targets = List.of(
                PeerTargets.zebra(zebra, "zebra"),
                PeerTargets.zebraSru(zebra, "zebra-sru"),
                PeerTargets.ztest(ztest, "ztest-delayed", ZtestPeer.delayedDatabase("0.1:0.3", "0.05", 3)),
                with(PeerTargets.ztest(ztest, "ztest-slow", "Slow5"), Map.of("timeout", "1s")),
                PeerTargets.ztest(ztest, "ztest-unknown", "NoSuchDatabase"),
                PeerTargets.refused("refused"),
                PeerTargets.sru("sru-500", mockUrl("/error")),
                PeerTargets.sru("sru-reset", mockUrl("/reset")),
                with(PeerTargets.sru("sru-dribble", mockUrl("/dribble")), Map.of("timeout", "60s")),
                opac("opac", mockUrl("/bib2/")),
                opac("opac-down", mockUrl("/down/")));

        SearchResult r;
        try (Federation f = Federation.builder().targets(targets).deadline(Duration.ofSeconds(8))
                .targetTimeout(Duration.ofSeconds(30)).build()) {
            r = f.searchAndWait(CqlParser.parse("title=computer"));
        }

        assertThat(r.finished()).isTrue();
        assertThat(state(r, "zebra")).as("%s", r.target("zebra")).isEqualTo(TargetState.DONE);
        assertThat(r.target("zebra").orElseThrow().hits()).hasValue(10);
        assertThat(r.target("zebra").orElseThrow().fetched()).isEqualTo(10);
        assertThat(state(r, "zebra-sru")).as("%s", r.target("zebra-sru")).isEqualTo(TargetState.DONE);
        assertThat(state(r, "ztest-delayed")).as("%s", r.target("ztest-delayed")).isEqualTo(TargetState.DONE);
        assertThat(state(r, "ztest-slow")).as("%s", r.target("ztest-slow")).isEqualTo(TargetState.TIMED_OUT);
        assertThat(kind(r, "ztest-slow")).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(state(r, "ztest-unknown")).as("%s", r.target("ztest-unknown")).isEqualTo(TargetState.FAILED);
        assertThat(kind(r, "ztest-unknown")).isEqualTo(DiagnosticKind.UNKNOWN_DATABASE);
        assertThat(state(r, "refused")).as("%s", r.target("refused")).isEqualTo(TargetState.FAILED);
        assertThat(kind(r, "refused")).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(state(r, "sru-500")).as("%s", r.target("sru-500")).isEqualTo(TargetState.FAILED);
        assertThat(kind(r, "sru-500")).isEqualTo(DiagnosticKind.HTTP_ERROR);
        assertThat(state(r, "sru-reset")).as("%s", r.target("sru-reset")).isEqualTo(TargetState.FAILED);
        assertThat(state(r, "sru-dribble")).as("%s", r.target("sru-dribble")).isEqualTo(TargetState.TIMED_OUT);
        assertThat(r.target("sru-dribble").orElseThrow().diagnostic().message()).contains("overall deadline of 8000 ms");
        assertThat(state(r, "opac")).as("%s", r.target("opac")).isEqualTo(TargetState.DONE);
        assertThat(r.target("opac").orElseThrow().fetched()).isPositive();
        assertThat(state(r, "opac-down")).as("%s", r.target("opac-down")).isEqualTo(TargetState.FAILED);
        assertThat(r.clusterList()).extracting(c -> c.representative().titleProper()).contains("The Computer Bible");
        assertThat(r.clusterList()).flatExtracting(Cluster::origins).contains("zebra", "zebra-sru", "ztest-delayed", "opac");
        // the deadline, not the dribbling body (30 s) or the 60 s target timeout, ended the search
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(25));
    }

    @Test
    void theSameZebraRecordsArriveOverZ3950AndSruAndClusterOneToOne(ZebraPeer zebra) {
        SearchResult r;
        try (Federation f = Federation.builder()
                .targets(List.of(PeerTargets.zebra(zebra, "z3950"), PeerTargets.zebraSru(zebra, "sru")))
                .maxRecordsPerTarget(50).build()) {
            r = f.searchAndWait(CqlParser.parse("title=computer"));
        }

        TargetStatus z = r.target("z3950").orElseThrow();
        TargetStatus s = r.target("sru").orElseThrow();
        assertThat(z.state()).isEqualTo(TargetState.DONE);
        assertThat(s.state()).isEqualTo(TargetState.DONE);
        assertThat(s.hits()).isEqualTo(z.hits());
        assertThat(s.fetched()).isEqualTo(z.fetched()).isEqualTo(10);
        List<BibRecord> all = r.clusterList().stream().flatMap(c -> c.members().stream()).toList();
        assertThat(idsOf(all, "sru")).isEqualTo(idsOf(all, "z3950")).hasSize(10);
        assertThat(titlesOf(all, "sru")).isEqualTo(titlesOf(all, "z3950"));
        for (Cluster c : r.clusterList()) {
            assertThat(idsOf(c.members(), "sru")).as("cluster %s", c).isEqualTo(idsOf(c.members(), "z3950")).isNotEmpty();
        }
    }

    @Test
    void cancellingASearchAbortsItsTargetsAndFreesConnectionsAndNativeObjects(ZebraPeer zebra, ZtestPeer ztest)
            throws Exception {
        Z3950ConnectorFactory z3950 = Z3950ConnectorFactory.ofDefaults();
        ZoomConnector probe = (ZoomConnector) z3950.create(PeerTargets.zebra(zebra, "probe"));
        NativeCounts counts = probe.nativeCounts();
        List<TargetConfig> targets = List.of(PeerTargets.zebra(zebra, "zebra"),
                PeerTargets.ztest(ztest, "slow-a", "Slow5"), PeerTargets.ztest(ztest, "slow-b", "Slow5"),
                PeerTargets.ztest(ztest, "slow-c", ZtestPeer.delayedDatabase("5", null, null)));
        Federation f = Federation.builder().registry(ConnectorRegistry.of(z3950, SruConnectorFactory.builder().build()))
                .targets(targets).deadline(Duration.ofSeconds(60)).targetTimeout(Duration.ofSeconds(60)).build();
        FederatedSearch search;
        try {
            search = f.search(CqlParser.parse("title=computer"));
            awaitDone(search, "zebra");
            search.cancel();
            SearchResult r = search.await(Duration.ofSeconds(10));
            search.released().get(10, TimeUnit.SECONDS);

            assertThat(r.finished()).isTrue();
            assertThat(state(r, "zebra")).as("%s", r.target("zebra")).isEqualTo(TargetState.DONE);
            assertThat(List.of(state(r, "slow-a"), state(r, "slow-b"), state(r, "slow-c")))
                    .containsOnly(TargetState.CANCELLED);
            // the cancelled searches' connections were destroyed; only zebra's idle pooled one may remain
            assertThat(counts.live(NativeCounts.Kind.RESULT_SET)).isZero();
            assertThat(counts.live(NativeCounts.Kind.RECORD)).isZero();
            assertThat(counts.live(NativeCounts.Kind.CONNECTION)).isLessThanOrEqualTo(1);
        } finally {
            f.close();
            probe.close();
        }
        assertThat(counts.live()).as("native objects after close: %s", counts).isZero();
    }

    @Test
    void theCircuitOpensOnAFailingTargetAndClosesAgainWhenItHealsAfterTheOpenDuration(ZebraPeer zebra) {
        MutableClock clock = MutableClock.atEpoch();
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        TargetConfig flaky = with(PeerTargets.sru("flaky", mockUrl("/marc21")), Map.of("recordSchema", "marcxml"));
        try (Federation f = Federation.builder().target(flaky).clock(clock)
                .defaultResilience(ResilienceSettings.builder().slidingWindow(2).minimumCalls(2)
                        .openDuration(Duration.ofMinutes(1)).retries(0).build())
                .build()) {
            List<TargetState> states = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                states.add(state(f.searchAndWait(CqlParser.parse("title=computer")), "flaky"));
            }
            int requestsWhileOpen = wiremock.getAllServeEvents().size();
            // the target heals: WireMock now passes requests on to the real Zebra
            wiremock.resetAll();
            wiremock.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom("http://" + zebra.host() + ":" + zebra.port())));
            TargetState beforeOpenDuration = state(f.searchAndWait(CqlParser.parse("title=computer")), "flaky");
            clock.advance(Duration.ofSeconds(61));
            SearchResult healed = f.searchAndWait(CqlParser.parse("title=computer"));

            assertThat(states).containsExactly(TargetState.FAILED, TargetState.FAILED, TargetState.SKIPPED);
            assertThat(requestsWhileOpen).isEqualTo(2);
            assertThat(beforeOpenDuration).isEqualTo(TargetState.SKIPPED);
            assertThat(state(healed, "flaky")).isEqualTo(TargetState.DONE);
            assertThat(healed.target("flaky").orElseThrow().fetched()).isEqualTo(10);
            assertThat(f.circuitState("flaky")).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void fiftyConcurrentSearchesOverTwentyTargetsAllGetTheirOwnResults(ZebraPeer zebra, ZtestPeer ztest)
            throws Exception {
        List<TargetConfig> targets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            targets.add(PeerTargets.zebra(zebra, "zebra-" + i));
        }
        for (int i = 0; i < 6; i++) {
            targets.add(PeerTargets.zebraSru(zebra, "sru-" + i));
        }
        for (int i = 0; i < 6; i++) {
            targets.add(PeerTargets.ztest(ztest, "ztest-" + i, ZtestPeer.delayedDatabase("0.05:0.2", null, i)));
        }
        try (Federation f = Federation.builder().targets(targets).deadline(Duration.ofSeconds(60))
                .targetTimeout(Duration.ofSeconds(60)).maxRecordsPerTarget(5).build()) {
            List<FederatedSearch> searches = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String q = i % 2 == 0 ? "title=computer" : "author=collins";
                searches.add(f.search(CqlParser.parse(q), SearchOptions.builder().build()));
            }
            for (int i = 0; i < searches.size(); i++) {
                SearchResult r = searches.get(i).await(Duration.ofSeconds(120));
                long zebraHits = i % 2 == 0 ? 10 : 2;
                assertThat(r.finished()).isTrue();
                assertThat(r.targets()).as("search %d", i).allSatisfy(t -> assertThat(t.state()).isEqualTo(TargetState.DONE));
                assertThat(r.targets()).filteredOn(t -> !t.targetId().startsWith("ztest"))
                        .allSatisfy(t -> assertThat(t.hits()).hasValue(zebraHits));
                assertThat(r.target("zebra-0").orElseThrow().fetched()).isEqualTo((int) Math.min(5, zebraHits));
            }
        }
    }

    private static TargetConfig opac(String id, String url) {
        return TargetConfig.builder(id, "opac").set("profile", "bib2").set("url", url).set("requestsPerSecond", 20)
                .build();
    }

    private static byte[] saved(String path) {
        try (java.io.InputStream in = FederationPeersIT.class.getResourceAsStream("/org/navette/testdata/opac-pages/" + path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TargetState state(SearchResult r, String target) {
        return r.target(target).orElseThrow(() -> new AssertionError("no target " + target + " in " + r)).state();
    }

    private static DiagnosticKind kind(SearchResult r, String target) {
        TargetStatus t = r.target(target).orElseThrow();
        assertThat(t.diagnostic()).as("diagnostic of %s", target).isNotNull();
        return t.diagnostic().kind();
    }

    private static Set<String> idsOf(List<BibRecord> records, String origin) {
        return records.stream().filter(b -> b.source().origin().equals(origin)).map(b -> b.source().recordId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> titlesOf(List<BibRecord> records, String origin) {
        return records.stream().filter(b -> b.source().origin().equals(origin)).map(BibRecord::title).sorted().toList();
    }

    /** Waits (bounded) until a target has finished, following the search's events. */
    static void awaitDone(FederatedSearch s, String target) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        s.subscribe(new java.util.concurrent.Flow.Subscriber<org.navette.federation.SearchEvent>() {
            @Override public void onSubscribe(java.util.concurrent.Flow.Subscription sub) { sub.request(Long.MAX_VALUE); }
            @Override public void onNext(org.navette.federation.SearchEvent e) {
                if (e instanceof org.navette.federation.SearchEvent.TargetChanged t
                        && t.status().targetId().equals(target) && t.status().state().isFinal()) {
                    done.complete(null);
                }
            }
            @Override public void onError(Throwable t) { done.completeExceptionally(t); }
            @Override public void onComplete() { done.complete(null); }
        });
        if (s.snapshot().target(target).orElseThrow().state().isFinal()) {
            return;
        }
        done.get(30, TimeUnit.SECONDS);
    }
}
