package org.navette.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.federation.FakeTarget.answers;
import static org.navette.federation.FakeTarget.fails;
import static org.navette.federation.FakeTarget.waitsFor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.testing.MutableClock;
import org.navette.query.Query;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;

class ResilienceTest {
    @RegisterExtension
    final FakeFederation fixture = new FakeFederation();
    private final FakeConnectors fakes = fixture.fakes;
    private final MutableClock clock = MutableClock.atEpoch();
    private Federation federation;


    private SearchResult searchOnce() {
        return federation.searchAndWait(Query.any("x"));
    }

    @Test
    void theCircuitOpensAfterTheConfiguredFailuresSkipsTheTargetAndRecoversAfterTheOpenDuration() {
        fakes.withCalls("flaky", n -> n <= 3 ? fails(DiagnosticKind.CONNECT_FAILED, false) : answers(List.of(Books.dune("flaky"))));
        federation = fixture.use(fixture.builder().clock(clock)
                .defaultResilience(ResilienceSettings.builder().slidingWindow(3).minimumCalls(3).failureRateThreshold(50)
                        .openDuration(Duration.ofSeconds(30)).retries(0).build())
                .build());

        for (int i = 0; i < 3; i++) {
            assertThat(searchOnce().target("flaky").orElseThrow().state()).isEqualTo(TargetState.FAILED);
        }
        assertThat(federation.circuitState("flaky")).isEqualTo(CircuitState.OPEN);
        TargetStatus skipped = searchOnce().target("flaky").orElseThrow();
        clock.advance(Duration.ofSeconds(29));
        TargetStatus stillSkipped = searchOnce().target("flaky").orElseThrow();
        clock.advance(Duration.ofSeconds(2));
        TargetStatus probe = searchOnce().target("flaky").orElseThrow();

        assertThat(skipped.state()).isEqualTo(TargetState.SKIPPED);
        assertThat(skipped.diagnostic().kind()).isEqualTo(DiagnosticKind.CIRCUIT_OPEN);
        assertThat(stillSkipped.state()).isEqualTo(TargetState.SKIPPED);
        assertThat(probe.state()).isEqualTo(TargetState.DONE);
        assertThat(probe.fetched()).isEqualTo(1);
        assertThat(federation.circuitState("flaky")).isEqualTo(CircuitState.CLOSED);
        assertThat(fakes.target("flaky").calls).hasValue(4); // the skipped searches never reached it
    }

    @Test
    void aTargetThatRejectsTheQueryIsAliveAndKeepsItsCircuitClosed() {
        fakes.with("picky", fails(DiagnosticKind.QUERY_REJECTED, false));
        federation = fixture.use(fixture.builder()
                .defaultResilience(ResilienceSettings.builder().slidingWindow(3).minimumCalls(3).retries(0).build())
                .build());

        for (int i = 0; i < 5; i++) {
            assertThat(searchOnce().target("picky").orElseThrow().state()).isEqualTo(TargetState.FAILED);
        }

        assertThat(federation.circuitState("picky")).isEqualTo(CircuitState.CLOSED);
        assertThat(fakes.target("picky").calls).hasValue(5);
    }

    @Test
    void aTargetWithItsBreakerDisabledIsAskedEveryTime() {
        fakes.with("dead", fails(DiagnosticKind.CONNECT_FAILED, false));
        federation = fixture.use(Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("dead", "fake").set("resilience",
                        Map.of("circuitBreaker", false, "retries", 0)).build())
                .build());

        for (int i = 0; i < 8; i++) {
            assertThat(searchOnce().target("dead").orElseThrow().state()).isEqualTo(TargetState.FAILED);
        }

        assertThat(federation.circuitState("dead")).isEqualTo(CircuitState.DISABLED);
        assertThat(fakes.target("dead").calls).hasValue(8);
    }

    @Test
    void connectLevelFailuresAreRetriedAndOtherFailuresAreNot() {
        fakes.withCalls("blip", n -> n == 1 ? fails(DiagnosticKind.CONNECT_FAILED, true) : answers(List.of(Books.dune("blip"))))
                .with("broken", fails(DiagnosticKind.HTTP_ERROR, false));
        federation = fixture.use(fixture.builder()
                .defaultResilience(ResilienceSettings.builder().retries(1).retryBackoff(Duration.ofMillis(10)).build())
                .build());

        SearchResult r = searchOnce();

        assertThat(r.target("blip").orElseThrow().state()).isEqualTo(TargetState.DONE);
        assertThat(fakes.target("blip").calls).hasValue(2);
        assertThat(r.target("broken").orElseThrow().state()).isEqualTo(TargetState.FAILED);
        assertThat(fakes.target("broken").calls).hasValue(1);
    }

    @Test
    void theBulkheadCapsConcurrentSearchesOfOneTargetAndQueuesTheRest() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CountDownLatch twoStarted = new CountDownLatch(2);
        fakes.with("busy", call -> {
            twoStarted.countDown();
            waitsFor(gate, List.of(Books.dune("busy"))).run(call);
        });
        federation = fixture.use(fixture.builder()
                .defaultResilience(ResilienceSettings.builder().maxConcurrent(2).build()).build());

        List<FederatedSearch> searches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            searches.add(federation.search(Query.any("x" + i)));
        }
        assertThat(twoStarted.await(10, TimeUnit.SECONDS)).isTrue();
        TargetState third = searches.get(2).snapshot().target("busy").orElseThrow().state();
        int callsWhileGated = fakes.target("busy").calls.get();
        gate.complete(null);

        assertThat(third).isEqualTo(TargetState.QUEUED);
        assertThat(callsWhileGated).isEqualTo(2);
        for (FederatedSearch s : searches) {
            assertThat(s.await(Duration.ofSeconds(10)).target("busy").orElseThrow().state()).isEqualTo(TargetState.DONE);
        }
        assertThat(fakes.target("busy").maxInFlight).hasValue(2);
        assertThat(fakes.target("busy").calls).hasValue(5);
    }

    @Test
    void theFederationWideInFlightCapQueuesTargetsBeyondIt() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CountDownLatch threeStarted = new CountDownLatch(3);
        for (int i = 0; i < 6; i++) {
            String id = "t" + i;
            fakes.with(id, call -> {
                threeStarted.countDown();
                waitsFor(gate, List.of(Books.distinct(id, Integer.parseInt(id.substring(1))))).run(call);
            });
        }
        federation = fixture.use(fixture.builder().maxInFlight(3).build());

        FederatedSearch s = federation.search(Query.any("x"));
        assertThat(threeStarted.await(10, TimeUnit.SECONDS)).isTrue();
        int startedWhileGated = 0;
        for (int i = 0; i < 6; i++) {
            startedWhileGated += fakes.target("t" + i).calls.get();
        }
        gate.complete(null);
        SearchResult r = s.await(Duration.ofSeconds(10));

        assertThat(startedWhileGated).isEqualTo(3);
        assertThat(r.targets()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TargetState.DONE));
        assertThat(r.records()).isEqualTo(6);
    }

    @Test
    void theRateLimiterRefusesASearchWhoseTurnComesAfterTheTargetsTimeout() {
        fakes.with("opac", answers(List.of(Books.dune("opac"))));
        federation = fixture.use(Federation.builder().registry(fakes.registry())
                .target(TargetConfig.builder("opac", "fake").set("timeout", "300ms")
                        .set("resilience", Map.of("rateLimit", "1/1h")).build())
                .build());

        TargetStatus first = searchOnce().target("opac").orElseThrow();
        TargetStatus second = searchOnce().target("opac").orElseThrow();

        assertThat(first.state()).isEqualTo(TargetState.DONE);
        assertThat(second.state()).isEqualTo(TargetState.FAILED);
        assertThat(second.diagnostic().kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
        assertThat(fakes.target("opac").calls).hasValue(1);
    }

    @Test
    void scrapedOpacsGetARateLimitByDefaultAndOthersDoNot() {
        TargetConfig opac = TargetConfig.builder("o", "opac").build();
        TargetConfig sru = TargetConfig.builder("s", "sru").build();
        TargetConfig unlimited = TargetConfig.builder("u", "opac").set("resilience", Map.of("rateLimit", false)).build();

        assertThat(ResilienceSettings.forTarget(opac, ResilienceSettings.ofDefaults()).rateLimit())
                .contains(ResilienceSettings.OPAC_RATE_LIMIT);
        assertThat(ResilienceSettings.forTarget(sru, ResilienceSettings.ofDefaults()).rateLimit()).isEmpty();
        assertThat(ResilienceSettings.forTarget(unlimited, ResilienceSettings.ofDefaults()).rateLimit()).isEmpty();
    }
}
