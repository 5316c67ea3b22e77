package org.navette.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.navette.federation.FakeTarget.answers;
import static org.navette.federation.FakeTarget.answersAfter;
import static org.navette.federation.FakeTarget.fails;
import static org.navette.federation.FakeTarget.hangs;
import static org.navette.federation.FakeTarget.timesOutOnItsOwn;
import static org.navette.federation.FakeTarget.waitsFor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.match.Cluster;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.RawRecord;
import org.navette.model.RecordSyntax;
import org.navette.query.Query;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.TargetFacets;
import org.navette.rank.YearRange;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;

class FederationSearchTest {
    @RegisterExtension
    final FakeFederation fixture = new FakeFederation();
    private final FakeConnectors fakes = fixture.fakes;
    private Federation federation;


    private Federation.Builder builderFor(FakeConnectors f) {
        return fixture.builder().defaultResilience(ResilienceSettings.builder().retries(0).build());
    }

    @Test
    void healthyTargetsResultsArriveAlthoughOtherTargetsFailOrTimeOut() throws Exception {
        fakes.with("good", answers(List.of(Books.hobbit("good"), Books.dune("good"))))
                .with("refused", fails(DiagnosticKind.CONNECT_FAILED, false))
                .with("silent", hangs());
        federation = fixture.use(builderFor(fakes).targetTimeout(Duration.ofMillis(300)).build());

        SearchResult r = federation.search(Query.title("hobbit")).await(Duration.ofSeconds(10));

        assertThat(r.finished()).isTrue();
        assertThat(r.target("good").orElseThrow().state()).isEqualTo(TargetState.DONE);
        assertThat(r.target("good").orElseThrow().fetched()).isEqualTo(2);
        assertThat(r.target("good").orElseThrow().hits()).hasValue(2);
        assertThat(r.target("refused").orElseThrow().state()).isEqualTo(TargetState.FAILED);
        assertThat(r.target("refused").orElseThrow().diagnostic().kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(r.target("silent").orElseThrow().state()).isEqualTo(TargetState.TIMED_OUT);
        assertThat(r.target("silent").orElseThrow().diagnostic().message()).contains("target's timeout of 300 ms");
        assertThat(r.clusterList()).extracting(c -> c.representative().titleProper()).contains("The hobbit", "Dune");
        assertThat(r.clusterList().get(0).representative().titleProper()).isEqualTo("The hobbit");
    }

    @Test
    void aTargetsLibraryCodeNamesTheHoldingsItsRecordsLeaveUnattributed() throws Exception {
        BibRecord bare = Books.hobbit("village");
        BibRecord shelved = Books.dune("village").toBuilder()
                .addHolding(Holding.builder().callNumber("SF HER").availability(Availability.AVAILABLE).build()).build();
        BibRecord lent = Books.distinct("village", 1).toBuilder()
                .addHolding(Holding.builder().library("BM-LYON").callNumber("843 X").build()).build();
        fakes.with("village", answers(List.of(bare, shelved, lent))).library("village", "MED-VILLAGE")
                .with("plain", answers(List.of(Books.distinct("plain", 2))));
        federation = fixture.use(builderFor(fakes).build());

        SearchResult r = federation.search(Query.any("x")).await(Duration.ofSeconds(10));

        java.util.Map<String, BibRecord> byTitle = new java.util.HashMap<>();
        r.clusterList().forEach(c -> c.members().forEach(m -> byTitle.put(m.titleProper(), m)));
        assertThat(byTitle.get("The hobbit").holdings()).extracting(Holding::library).containsExactly("MED-VILLAGE");
        assertThat(byTitle.get("Dune").holdings()).singleElement().satisfies(h -> {
            assertThat(h.library()).isEqualTo("MED-VILLAGE");
            assertThat(h.callNumber()).isEqualTo("SF HER");
            assertThat(h.availability()).isEqualTo(Availability.AVAILABLE);
        });
        assertThat(byTitle.get(lent.titleProper()).holdings()).extracting(Holding::library).containsExactly("BM-LYON");
        // a target without a library code leaves its records as they came
        assertThat(byTitle.get(Books.distinct("plain", 2).titleProper()).holdings()).isEmpty();
    }

    @Test
    void aBlankLibraryCodeIsRefusedWhenTheFederationIsBuilt() {
        fakes.with("village", answers(List.of()));
        TargetConfig blank = TargetConfig.builder("village", "fake").set("library", " ").build();
        assertThatThrownBy(() -> Federation.builder().registry(fakes.registry()).target(blank).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("village").hasMessageContaining("'library'");
    }

    @Test
    void theTimeLimiterAbortsATargetThatIgnoresItsOwnTimeout() throws Exception {
        fakes.with("silent", hangs());
        federation = fixture.use(builderFor(fakes).targetTimeout(Duration.ofMillis(200)).build());

        FederatedSearch s = federation.search(Query.any("x"));
        SearchResult r = s.await(Duration.ofSeconds(10));
        s.released().get(10, TimeUnit.SECONDS);

        assertThat(r.target("silent").orElseThrow().state()).isEqualTo(TargetState.TIMED_OUT);
        assertThat(fakes.target("silent").cancellations).hasValue(1);
        assertThat(fakes.target("silent").inFlight).hasValue(0);
    }

    @Test
    void theOverallDeadlineEndsTheSearchWithWhatHasArrived() throws Exception {
        fakes.with("good", answers(List.of(Books.dune("good"))))
                .with("silent", hangs());
        federation = fixture.use(builderFor(fakes).deadline(Duration.ofMillis(400)).targetTimeout(Duration.ofSeconds(30)).build());

        FederatedSearch s = federation.search(Query.title("dune"));
        SearchResult r = s.await(Duration.ofSeconds(10));
        s.released().get(10, TimeUnit.SECONDS);

        assertThat(r.finished()).isTrue();
        assertThat(r.target("good").orElseThrow().state()).isEqualTo(TargetState.DONE);
        TargetStatus silent = r.target("silent").orElseThrow();
        assertThat(silent.state()).isEqualTo(TargetState.TIMED_OUT);
        assertThat(silent.diagnostic().kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(silent.diagnostic().message()).contains("overall deadline of 400 ms");
        assertThat(r.records()).isEqualTo(1);
        assertThat(fakes.target("silent").cancellations).hasValue(1);
        // generous bound: the deadline ended it, not the 30 s target timeout
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void whenTheDeadlineBindsItDescribesTheEndNotAConnectorTimerRacingIt() throws Exception {
        fakes.with("own-timer", timesOutOnItsOwn());
        federation = fixture.use(builderFor(fakes).deadline(Duration.ofMillis(300)).targetTimeout(Duration.ofSeconds(30)).build());

        SearchResult r = federation.searchAndWait(Query.title("dune"));

        TargetStatus status = r.target("own-timer").orElseThrow();
        assertThat(status.state()).isEqualTo(TargetState.TIMED_OUT);
        assertThat(status.diagnostic().message()).contains("overall deadline of 300 ms");
        // the connector's timer is only a backstop, set after the deadline and before the target's timeout
        assertThat(fakes.target("own-timer").requests.get(0).timeout())
                .isGreaterThan(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void cancellingEndsUnfinishedTargetsAsCancelledAndAbortsTheirRequests() throws Exception {
        fakes.with("good", answers(List.of(Books.dune("good"))))
                .with("silent1", hangs())
                .with("silent2", hangs());
        federation = fixture.use(builderFor(fakes).build());
        FederatedSearch s = federation.search(Query.title("dune"));
        awaitState(s, "good", TargetState.DONE);

        s.cancel();
        SearchResult r = s.await(Duration.ofSeconds(10));
        s.released().get(10, TimeUnit.SECONDS);

        assertThat(r.finished()).isTrue();
        assertThat(r.target("good").orElseThrow().state()).isEqualTo(TargetState.DONE);
        assertThat(r.target("silent1").orElseThrow().state()).isEqualTo(TargetState.CANCELLED);
        assertThat(r.target("silent2").orElseThrow().state()).isEqualTo(TargetState.CANCELLED);
        assertThat(fakes.target("silent1").cancellations).hasValue(1);
        assertThat(fakes.target("silent2").inFlight).hasValue(0);
        assertThat(federation.runningSearches()).isZero();
    }

    @Test
    void theSameBookFromTwoTargetsEndsInOneClusterWithBothMembers() throws Exception {
        fakes.with("lyon", answers(List.of(Books.hobbit("lyon"), Books.dune("lyon"))))
                .with("paris", answers(List.of(Books.hobbit("paris"))));
        federation = fixture.use(builderFor(fakes).build());

        SearchResult r = federation.searchAndWait(Query.title("hobbit"));

        Cluster hobbit = r.clusterList().stream().filter(c -> c.representative().titleProper().equals("The hobbit"))
                .findFirst().orElseThrow();
        assertThat(hobbit.origins()).containsExactlyInAnyOrder("lyon", "paris");
        assertThat(r.clusterList()).hasSize(2);
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.facets().values(org.navette.rank.FacetField.TARGET))
                .extracting(org.navette.rank.FacetValue::value).contains("lyon", "paris");
    }

    @Test
    void aTargetWithAHigherPriorityProvidesTheRecordThatRepresentsItsClusters() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fakes.with("first", answers(List.of(Books.hobbit("first"))))
                .with("preferred", waitsFor(gate, List.of(Books.hobbit("preferred"))));
        federation = fixture.use(Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("first", "fake").set("priority", 1).build())
                .target(TargetConfig.builder("preferred", "fake").set("priority", 5).build()).build());
        FederatedSearch s = federation.search(Query.title("hobbit"));
        awaitState(s, "first", TargetState.DONE);
        gate.complete(null);

        SearchResult r = s.await(Duration.ofSeconds(10));

        assertThat(r.clusterList()).hasSize(1);
        assertThat(r.clusterList().get(0).members()).extracting(b -> b.source().origin()).containsExactly("first", "preferred");
        assertThat(r.clusterList().get(0).representative().source().origin()).isEqualTo("preferred");
    }

    @Test
    void aSnapshotWhileTheSearchRunsShowsArrivedRecordsAndTheTargetsStillRunning() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fakes.with("fast", answers(List.of(Books.dune("fast"))))
                .with("gated", waitsFor(gate, List.of(Books.hobbit("gated"))));
        federation = fixture.use(builderFor(fakes).build());
        FederatedSearch s = federation.search(Query.any("dune hobbit"));
        awaitState(s, "fast", TargetState.DONE);

        SearchResult during = s.snapshot();
        gate.complete(null);
        SearchResult after = s.await(Duration.ofSeconds(10));

        assertThat(during.finished()).isFalse();
        assertThat(during.records()).isEqualTo(1);
        assertThat(during.clusterList()).hasSize(1);
        assertThat(during.target("gated").orElseThrow().state().isFinal()).isFalse();
        assertThat(after.finished()).isTrue();
        assertThat(after.records()).isEqualTo(2);
        assertThat(after.target("gated").orElseThrow().state()).isEqualTo(TargetState.DONE);
    }

    @Test
    void theListenerSeesStatusChangesAndRecordsInOrderAndTheFinishLast() throws Exception {
        fakes.with("a", answers(IntStream.range(0, 25).mapToObj(i -> Books.distinct("a", i)).toList()));
        federation = fixture.use(builderFor(fakes).chunkSize(10).maxRecordsPerTarget(25).build());
        List<SearchEvent> events = new CopyOnWriteArrayList<>();

        SearchResult r = federation.searchAndWait(Query.any("harbour"),
                SearchOptions.builder().listener(events::add).build());

        assertThat(events.get(events.size() - 1)).isInstanceOf(SearchEvent.Finished.class);
        assertThat(((SearchEvent.Finished) events.get(events.size() - 1)).result().records()).isEqualTo(25);
        List<SearchEvent.RecordsAdded> chunks = events.stream().filter(SearchEvent.RecordsAdded.class::isInstance)
                .map(SearchEvent.RecordsAdded.class::cast).toList();
        assertThat(chunks).extracting(c -> c.records().size()).containsExactly(10, 10, 5);
        assertThat(chunks.get(0).placements()).hasSize(10);
        List<TargetState> states = events.stream().filter(SearchEvent.TargetChanged.class::isInstance)
                .map(e -> ((SearchEvent.TargetChanged) e).status().state()).distinct().toList();
        assertThat(states).containsExactly(TargetState.CONNECTING, TargetState.SEARCHING, TargetState.FETCHING,
                TargetState.DONE);
        assertThat(r.target("a").orElseThrow().fetched()).isEqualTo(25);
    }

    @Test
    void anUnreadableRecordIsCountedAndReportedWhileTheOthersArrive() throws Exception {
        fakes.with("mixed", call -> {
            call.listener.onHits(2);
            call.listener.onRecords(List.of(
                    RawRecord.of("mixed", RecordSyntax.ISO2709, "not a MARC record at all".getBytes(StandardCharsets.US_ASCII), null),
                    RawRecord.scraped(Books.dune("mixed"))));
            call.succeed(new org.navette.spi.SearchOutcome(2, 2, List.of()));
        });
        federation = fixture.use(builderFor(fakes).build());

        SearchResult r = federation.searchAndWait(Query.any("dune"));

        TargetStatus t = r.target("mixed").orElseThrow();
        assertThat(t.state()).isEqualTo(TargetState.DONE);
        assertThat(t.fetched()).isEqualTo(2);
        assertThat(t.failedRecords()).isEqualTo(1);
        assertThat(t.warnings()).extracting(w -> w.kind()).containsExactly(DiagnosticKind.RECORD_FAILED);
        assertThat(t.warnings().get(0).message()).contains("record 1");
        assertThat(r.records()).isEqualTo(1);
    }

    @Test
    void maxRecordsComesFromTheSearchCappedByTheTargetsOwnLimit() throws Exception {
        List<BibRecord> many = IntStream.range(0, 30).mapToObj(i -> Books.distinct("x", i)).toList();
        fakes.with("capped", answers(many)).with("free", answers(many));
        List<TargetConfig> targets = List.of(TargetConfig.builder("capped", "fake").set("maxRecords", 5).build(),
                TargetConfig.builder("free", "fake").build());
        federation = fixture.use(Federation.builder().registry(fakes.registry()).targets(targets).maxRecordsPerTarget(20).build());

        federation.searchAndWait(Query.any("x"), SearchOptions.builder().maxRecordsPerTarget(12).build());

        assertThat(fakes.target("capped").requests.get(0).maxRecords()).isEqualTo(5);
        assertThat(fakes.target("free").requests.get(0).maxRecords()).isEqualTo(12);
    }

    @Test
    void searchOptionsCanRestrictTheTargetsAndRejectUnknownOnes() throws Exception {
        fakes.with("a", answers(List.of(Books.dune("a")))).with("b", answers(List.of(Books.hobbit("b"))));
        federation = fixture.use(builderFor(fakes).build());

        SearchResult r = federation.searchAndWait(Query.any("x"), SearchOptions.builder().targets(Set.of("b")).build());

        assertThat(r.targets()).extracting(TargetStatus::targetId).containsExactly("b");
        assertThat(fakes.target("a").calls).hasValue(0);
        assertThatThrownBy(() -> federation.search(Query.any("x"), SearchOptions.builder().targets(Set.of("nope")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown target 'nope'");
    }

    @Test
    void aDisabledTargetIsLeftOutAndAFederationWithoutTargetsIsRefused() {
        fakes.with("on", answers(List.of())).with("off", answers(List.of()));
        federation = fixture.use(Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("on", "fake").build())
                .target(TargetConfig.builder("off", "fake").set("enabled", false).build()).build());

        assertThat(federation.targets()).extracting(TargetConfig::id).containsExactly("on");
        assertThatThrownBy(() -> Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("off", "fake").set("enabled", false).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one enabled target");
        assertThatThrownBy(() -> Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("x", "fake").set("colour", "red").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key(s) [colour]");
        assertThatThrownBy(() -> Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("x", "nosuch").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown protocol 'nosuch'");
    }

    @Test
    void aTargetsOwnFacetCountsStandForItsRecordsAndTheOtherTargetsRecordsAddToThem() throws Exception {
        TargetFacets union = TargetFacets.builder()
                .values(FacetField.TARGET, List.of(new FacetValue("union", 30)))
                .years(List.of(new FacetValue("1990", 18), new FacetValue("1991", 12)))
                .build();
        // union delivers 2 of its 30 hits; plain sends the hobbit too (one cluster with union's) and a book of its own
        fakes.with("union", FakeTarget.answersWithFacets(List.of(Books.hobbit("union"), Books.dune("union")), 30, union))
                .with("plain", answers(List.of(Books.hobbit("plain"), Books.distinct("plain", 2))));
        federation = fixture.use(builderFor(fakes).build());

        SearchResult r = federation.search(Query.any("x")).await(Duration.ofSeconds(10));

        assertThat(r.clusterList()).hasSize(3);
        assertThat(r.target("union").orElseThrow().facets()).isEqualTo(union);
        assertThat(r.target("plain").orElseThrow().facets()).isEqualTo(TargetFacets.none());
        assertThat(r.facets().values(FacetField.TARGET))
                .containsExactly(new FacetValue("union", 30), new FacetValue("plain", 2));
        int distinctYear = Books.distinct("plain", 2).year();
        assertThat(r.facets().values(FacetField.YEAR)).containsExactly(new FacetValue("1990", 18),
                new FacetValue("1991", 12), new FacetValue(Integer.toString(distinctYear), 1));
        assertThat(r.facets().yearRanges()).contains(new YearRange(1990, 1999, 30));
        // authors are not reported: counted over the clusters, union's fetched ones included
        assertThat(r.facets().values(FacetField.AUTHOR)).extracting(FacetValue::count).containsOnly(1);
        assertThat(r.facets().values(FacetField.AUTHOR)).hasSize(3);
    }

    @Test
    void closingTheFederationCancelsRunningSearchesAndClosesConnectors() throws Exception {
        fakes.with("silent", hangs());
        federation = fixture.use(builderFor(fakes).build());
        FederatedSearch s = federation.search(Query.any("x"));

        federation.close();
        SearchResult r = s.await(Duration.ofSeconds(10));

        assertThat(r.target("silent").orElseThrow().state()).isEqualTo(TargetState.CANCELLED);
        assertThat(fakes.target("silent").closed).isTrue();
        assertThatThrownBy(() -> federation.search(Query.any("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyConcurrentSearchesOverManyTargetsAllCompleteWithTheirOwnResults() throws Exception {
        for (int t = 0; t < 20; t++) {
            String id = "t" + t;
            int base = t * 2;
            fakes.with(id, answersAfter(Duration.ofMillis(5 + t), List.of(Books.distinct(id, base),
                    Books.distinct(id, base + 1))));
        }
        federation = fixture.use(builderFor(fakes).build());

        List<FederatedSearch> searches = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            searches.add(federation.search(Query.any("q" + i)));
        }
        for (FederatedSearch s : searches) {
            SearchResult r = s.await(Duration.ofSeconds(30));
            assertThat(r.finished()).isTrue();
            assertThat(r.targets()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TargetState.DONE));
            assertThat(r.records()).isEqualTo(40);
            assertThat(r.clusterList()).hasSize(40);
            assertThat(r.query()).isEqualTo(s.query());
        }
        assertThat(searches).extracting(FederatedSearch::id).doesNotHaveDuplicates();
    }

    /** Waits (bounded) for a target to reach a state, through the listener-free snapshot API. */
    static void awaitState(FederatedSearch s, String target, TargetState state) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        CompletableFuture<Void> reached = new CompletableFuture<>();
        s.subscribe(new java.util.concurrent.Flow.Subscriber<SearchEvent>() {
            @Override public void onSubscribe(java.util.concurrent.Flow.Subscription sub) { sub.request(Long.MAX_VALUE); }
            @Override public void onNext(SearchEvent e) {
                if (e instanceof SearchEvent.TargetChanged t && t.status().targetId().equals(target)
                        && t.status().state() == state) {
                    reached.complete(null);
                }
            }
            @Override public void onError(Throwable t) { reached.completeExceptionally(t); }
            @Override public void onComplete() { reached.complete(null); }
        });
        if (s.snapshot().target(target).map(t -> t.state() == state).orElse(false)) {
            return;
        }
        try {
            reached.get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("target " + target + " did not reach " + state + ": " + s.snapshot(), e);
        }
    }
}
