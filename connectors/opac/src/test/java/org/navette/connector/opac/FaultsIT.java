package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.connector.opac.OpacTestServer.page;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.query.Query;
import org.navette.spi.CancellationSignal;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/** Every way an OPAC can misbehave ends in the right typed diagnostic (or a warning and partial results). */
class FaultsIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    private static final String LIST = "opacclient/bibliotheca/resultlist/mannheim.html";
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private static TargetConfig.Builder bibliotheca(String id) {
        return SERVER.target(id, "bibliotheca", "/read/").set("fetchDetails", false).set("requestsPerSecond", 50);
    }

    private static TargetDiagnostic failure(Connector c) {
        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("harry potter"), 10, BUDGET);
        assertThat(r.failure()).as("the search must fail").isNotNull();
        return r.failure().diagnostic();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void http429WithRetryAfterIsRateLimitedAndPausesTheWholeHostUntilThen() {
        MovableClock clock = new MovableClock();
        OpacConnectorFactory factory = OpacConnectorFactory.withClock(clock);
        Connector first = factory.create(bibliotheca("mannheim").build());
        Connector sameHost = factory.create(bibliotheca("mannheim-kids").build());
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        TargetDiagnostic d = failure(first);
        TargetDiagnostic paused = failure(sameHost);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
        assertThat(d.code()).isEqualTo("http:429");
        assertThat(d.message()).isEqualTo("HTTP 429 from 127.0.0.1: asked to wait 120 s (Retry-After); requests to this host pause until then");
        assertThat(paused.kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
        assertThat(paused.message()).isEqualTo("host 127.0.0.1:" + SERVER.wireMock().port()
                + " asked us to wait until 2026-01-01T10:02:00Z (Retry-After); that is beyond this search's time budget");
        SERVER.wireMock().verify(1, postRequestedFor(urlEqualTo("/read/index.asp")));

        clock.advance(Duration.ofSeconds(121));
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")));
        OpacTestServer.Result later = OpacTestServer.search(sameHost, Query.any("harry potter"), 10, BUDGET);
        assertThat(later.failure()).isNull();
        assertThat(later.records()).hasSize(10);
    }

    @Test
    void http503WithRetryAfterIsRateLimitedWithoutItAnHttpError() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        TargetDiagnostic withRetryAfter = failure(OpacTestServer.factory().create(bibliotheca("a").build()));
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(503)));
        TargetDiagnostic without = failure(OpacTestServer.factory().create(bibliotheca("b").build()));

        assertThat(withRetryAfter.kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
        assertThat(withRetryAfter.code()).isEqualTo("http:503");
        assertThat(without.kind()).isEqualTo(DiagnosticKind.HTTP_ERROR);
        assertThat(without.code()).isEqualTo("http:503");
        assertThat(without.message()).isEqualTo("HTTP 503 Service Unavailable");
    }

    @Test
    void serverErrorsAndRefusalsAreTyped() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(500)));
        TargetDiagnostic serverError = failure(OpacTestServer.factory().create(bibliotheca("a").build()));
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(403)));
        TargetDiagnostic forbidden = failure(OpacTestServer.factory().create(bibliotheca("b").build()));

        assertThat(serverError.kind()).isEqualTo(DiagnosticKind.HTTP_ERROR);
        assertThat(serverError.code()).isEqualTo("http:500");
        assertThat(forbidden.kind()).isEqualTo(DiagnosticKind.AUTHENTICATION_FAILED);
        assertThat(forbidden.code()).isEqualTo("http:403");
    }

    @Test
    void aBodyThatTricklesInBeyondTheRequestTimeoutIsATimeout() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")
                .withChunkedDribbleDelay(20, 4000)));
        Connector c = OpacTestServer.factory().create(bibliotheca("slow").set("requestTimeout", "600ms").build());

        TargetDiagnostic d = failure(c);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(d.message()).isEqualTo("no complete answer within 600 ms");
    }

    @Test
    void aConnectionThatBreaksOffMidAnswerIsABadResponse() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        TargetDiagnostic d = failure(OpacTestServer.factory().create(bibliotheca("broken").build()));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).startsWith("the answer broke off (truncated or malformed HTTP): ");
    }

    @Test
    void truncatedHtmlStillGivesTheRecordsBeforeTheCut() {
        String whole = SavedPages.utf8(LIST);
        String cut = whole.substring(0, whole.indexOf("Cinema Classics for Violin"));
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(cut)));

        OpacTestServer.Result r = OpacTestServer.search(OpacTestServer.factory().create(bibliotheca("cut").build()),
                Query.any("harry potter"), 10, BUDGET);

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(180);
        assertThat(r.records()).hasSize(5);
        assertThat(r.record(3).titleProper()).isEqualTo("Cinema Classics for Guitar");
        assertThat(r.record(4).titleProper()).isNull();
        assertThat(r.record(4).problems()).extracting(p -> p.kind().name()).containsExactly("MISSING_TITLE");
    }

    @Test
    void aRedesignedResultListIsAProfileMismatchNamingTheSelectorAndTheHitCount() {
        String redesigned = SavedPages.utf8(LIST).replace("class=\"resulttab\"", "class=\"hitlist\"");
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(redesigned)));

        TargetDiagnostic d = failure(OpacTestServer.factory().create(bibliotheca("redesigned").build()));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.PROFILE_MISMATCH);
        assertThat(d.message()).isEqualTo("profile bibliotheca: result selector \"table.resulttab tr.result_treffer, "
                + "table.resulttab tr.result_trefferX\" matched nothing on a page that has 180 hits");
    }

    @Test
    void aScriptWrittenListWhoseLinksChangedIsAProfileMismatchWithTheStatedHitCount() {
        String redesigned = SavedPages.utf8("opacclient/bib2/searchresult_single.htm").replace("href=\"detail?", "href=\"titel?");
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(redesigned)));
        Connector bib2 = OpacTestServer.factory().create(SERVER.target("bib2", "bib2", "/bib2/").build());

        TargetDiagnostic d = failure(bib2);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.PROFILE_MISMATCH);
        assertThat(d.message()).isEqualTo("profile bib2: result selector \"table.withborder tr:has(td a[href^=detail])\" "
                + "matched nothing on a page that has 2 hits");
    }

    @Test
    void aPageWithNeitherItemsNorHitCountNorNothingFoundMarkerIsAProfileMismatchToo() {
        String redesigned = SavedPages.utf8(LIST).replace("class=\"resulttab\"", "class=\"hitlist\"")
                .replace("class=\"result_gefunden\"", "class=\"count\"");
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(redesigned)));

        TargetDiagnostic d = failure(OpacTestServer.factory().create(bibliotheca("redesigned").build()));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.PROFILE_MISMATCH);
        assertThat(d.message()).isEqualTo("profile bibliotheca: result selector \"table.resulttab tr.result_treffer, "
                + "table.resulttab tr.result_trefferX\" matched nothing, and neither the hit count (\"div.result_gefunden\") nor a "
                + "nothing-found marker says the search found nothing: the page has changed shape or is not a result page");
    }

    @Test
    void itemsWithoutTitlesAreAProfileMismatchNotRecordsWithoutTitles() {
        String changed = SavedPages.utf8(LIST).replace("<td><!--MEDIENNR", "<th><!--MEDIENNR");
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(changed)));

        TargetDiagnostic d = failure(OpacTestServer.factory().create(bibliotheca("no-titles").build()));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.PROFILE_MISMATCH);
        assertThat(d.message()).isEqualTo("profile bibliotheca: field title (\"td:eq(1) a lines\") matched nothing in any of the 15 "
                + "result items matched by \"table.resulttab tr.result_treffer, table.resulttab tr.result_trefferX\"");
    }

    @Test
    void aRedirectLoopIsABadResponseShowingTheLoop() {
        SERVER.wireMock().stubFor(post("/loop/index.asp").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/b")));
        SERVER.wireMock().stubFor(get("/loop/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/c")));
        SERVER.wireMock().stubFor(get("/loop/c").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/b")));
        Connector c = OpacTestServer.factory().create(SERVER.target("loop", "bibliotheca", "/loop/")
                .set("requestsPerSecond", 50).build());

        TargetDiagnostic d = failure(c);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).isEqualTo("redirect loop: " + SERVER.url("/loop/index.asp") + " -> " + SERVER.url("/loop/b")
                + " -> " + SERVER.url("/loop/c") + " -> " + SERVER.url("/loop/b"));
        SERVER.wireMock().verify(1, getRequestedFor(urlEqualTo("/loop/b")));
    }

    @Test
    void tooManyRedirectsStopAtTheLimit() {
        for (int i = 0; i < 4; i++) {
            SERVER.wireMock().stubFor(get("/hop/" + i).willReturn(aResponse().withStatus(301).withHeader("Location", "/hop/" + (i + 1))));
        }
        SERVER.wireMock().stubFor(post("/hop/index.asp").willReturn(aResponse().withStatus(302).withHeader("Location", "/hop/0")));
        Connector c = OpacTestServer.factory().create(SERVER.target("hops", "bibliotheca", "/hop/").set("maxRedirects", 3)
                .set("requestsPerSecond", 50).build());

        TargetDiagnostic d = failure(c);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).isEqualTo("more than 3 redirects");
        SERVER.wireMock().verify(0, getRequestedFor(urlEqualTo("/hop/3")));
    }

    @Test
    void anOversizedPageStopsAtTheCapWhetherOrNotItDeclaresItsLength() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")
                .withHeader("Content-Length", Integer.toString(SavedPages.bytes(LIST).length))));
        TargetDiagnostic declared = failure(OpacTestServer.factory().create(bibliotheca("big").set("maxPageBytes", 10_000).build()));
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8").withChunkedDribbleDelay(3, 30)));
        TargetDiagnostic streamed = failure(OpacTestServer.factory().create(bibliotheca("big2").set("maxPageBytes", 10_000).build()));

        assertThat(declared.kind()).isEqualTo(DiagnosticKind.RESPONSE_TOO_LARGE);
        assertThat(declared.message()).isEqualTo("the page declares 27478 bytes, more than the limit of 10000 bytes (maxPageBytes); not read");
        assertThat(streamed.kind()).isEqualTo(DiagnosticKind.RESPONSE_TOO_LARGE);
        assertThat(streamed.message()).isEqualTo("the page is longer than the limit of 10000 bytes (maxPageBytes); reading stopped there");
    }

    @Test
    void theRateLimitOfAHostIsSharedByItsTargetsAndNeverWaitedBeyondTheBudget() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")));
        OpacConnectorFactory factory = OpacTestServer.factory();
        Connector slow = factory.create(bibliotheca("one-per-hour").set("requestsPerSecond", 0.0003).build());
        Connector other = factory.create(bibliotheca("same-host").set("requestsPerSecond", 10).build());

        OpacTestServer.Result first = OpacTestServer.search(slow, Query.any("harry potter"), 5, BUDGET);
        TargetDiagnostic second = failure(other);

        assertThat(first.failure()).isNull();
        assertThat(second.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(second.code()).isEqualTo("opac:politeness");
        assertThat(second.message()).startsWith("politeness limit for host 127.0.0.1:" + SERVER.wireMock().port() + " (3.0E-4 requests/s)");
        SERVER.wireMock().verify(1, postRequestedFor(urlEqualTo("/read/index.asp")));
    }

    @Test
    void anUnreachableHostIsARetryableConnectFailure() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Connector c = OpacTestServer.factory().create(TargetConfig.builder("gone", "opac").set("profile", "bibliotheca")
                .set("url", "http://127.0.0.1:" + closedPort + "/read/").build());

        TargetDiagnostic d = failure(c);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(d.retryable()).isTrue();
    }

    @Test
    void cancellingAWaitingSearchEndsItAtOnceAsCancelled() throws Exception {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8").withFixedDelay(5000)));
        CountDownLatch requested = new CountDownLatch(1);
        Connector c = OpacTestServer.factory().create(bibliotheca("cancel").build());
        CancellationSignal signal = new CancellationSignal();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<TargetException> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    c.search(SearchRequest.builder(Query.any("x")).timeout(Duration.ofSeconds(60)).cancellation(signal).build(),
                            new SearchListener() {
                                @Override
                                public void onPhase(org.navette.spi.Phase phase) {
                                    if (phase == org.navette.spi.Phase.SEARCHING) {
                                        requested.countDown();
                                    }
                                }
                            });
                    return null;
                } catch (TargetException e) {
                    return e;
                }
            }, pool);
            assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();
            signal.cancel();

            TargetException e = outcome.get(5, TimeUnit.SECONDS);

            assertThat(e).isNotNull();
            assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingRecordPageIsAWarningAndTheRecordStillArrivesFromTheList() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/read/index.asp")).willReturn(aResponse().withStatus(500)));
        Connector c = OpacTestServer.factory().create(bibliotheca("details").set("fetchDetails", true).build());

        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("harry potter"), 2, BUDGET);

        assertThat(r.failure()).isNull();
        assertThat(r.records()).hasSize(2);
        assertThat(r.record(0).titleProper()).isEqualTo("Das Phänomen Harry Potter");
        assertThat(r.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.kind()).isEqualTo(DiagnosticKind.RECORD_FAILED));
        assertThat(r.warnings().get(0).message()).isEqualTo("record 1: record page failed: HTTP 500 Server Error");
    }

    @Test
    void aRateLimitOnRecordPagesStopsFetchingThemButKeepsEveryRecord() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/read/index.asp")).willReturn(aResponse().withStatus(429)));
        Connector c = OpacTestServer.factory().create(bibliotheca("limited").set("fetchDetails", true).build());

        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("harry potter"), 5, BUDGET);

        assertThat(r.failure()).isNull();
        assertThat(r.records()).hasSize(5);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
            assertThat(w.message()).isEqualTo("record 1: record page not fetched (HTTP 429 from 127.0.0.1); the remaining records "
                    + "come from the result list only");
        });
        SERVER.wireMock().verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void runningOutOfTimeOnRecordPagesReturnsTheListRecordsWithATimeoutWarning() {
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(page(LIST, "text/html; charset=utf-8")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/read/index.asp"))
                .willReturn(page("opacclient/bibliotheca/result_detail/mannheim.html", "text/html").withFixedDelay(5000)));
        Connector c = OpacTestServer.factory().create(bibliotheca("late").set("fetchDetails", true).build());

        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("harry potter"), 3, Duration.ofMillis(1500));

        assertThat(r.failure()).isNull();
        assertThat(r.records()).hasSize(3);
        assertThat(r.record(2).titleProper()).isEqualTo("Chris Columbus");
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.kind()).isEqualTo(DiagnosticKind.TIMEOUT));
    }

    @Test
    void aJsonApiAnsweringHtmlIsABadResponse() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Wartungsarbeiten</body></html>".getBytes(StandardCharsets.UTF_8))));
        Connector slub = OpacTestServer.factory().create(SERVER.target("slub", "slub", "/").build());

        TargetDiagnostic d = failure(slub);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).startsWith("profile slub: the answer is not JSON: ");
    }
}
