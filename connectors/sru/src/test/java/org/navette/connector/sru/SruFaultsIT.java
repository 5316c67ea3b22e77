package org.navette.connector.sru;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.navette.spi.CancellationSignal;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;
import org.navette.testing.RecordingListener;

/**
 * Everything that goes wrong between an SRU client and a server, played by WireMock: each fault
 * gives its typed diagnostic, and no call or connection is left behind.
 */
@Timeout(30)
class SruFaultsIT {
    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** Signals when a request's headers went out, so that a test can cancel a call that is really in flight. */
    private static volatile CountDownLatch requestSent = new CountDownLatch(1);
    private static SruWireMock mock;

    @BeforeAll
    static void start() {
        mock = new SruWireMock(new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void requestHeadersEnd(Call call, Request request) {
                requestSent.countDown();
            }
        }).build());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.server.resetAll();
        requestSent = new CountDownLatch(1);
    }

    @AfterEach
    void nothingLeftBehind() {
        // a response body left open would keep its connection allocated (in use) forever
        assertThat(mock.http.connectionPool().connectionCount())
                .as("connections still in use").isEqualTo(mock.http.connectionPool().idleConnectionCount());
        assertThat(mock.http.dispatcher().runningCallsCount()).as("calls still running").isZero();
        assertThat(mock.http.dispatcher().queuedCallsCount()).as("calls still queued").isZero();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        mock.server.stubFor(any(urlPathEqualTo("/sru")).willReturn(response));
    }

    private static ResponseDefinitionBuilder xml(int status, byte[] body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static TargetDiagnostic failure(Map<String, Object> settings, SearchRequest request) {
        try (SruConnector c = mock.connector(settings)) {
            c.searchCql("dc.title=x", request, new RecordingListener());
        } catch (TargetException e) {
            return e.diagnostic();
        }
        throw new AssertionError("the search did not fail");
    }

    private static TargetDiagnostic failure() {
        return failure(Map.of(), SruWireMock.request(1, 10, 10, BUDGET));
    }

    /** The same search through searchCqlAsync, waiting until OkHttp's dispatcher is idle again. */
    private static TargetDiagnostic asyncFailure(Map<String, Object> settings, SearchRequest request) throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        mock.http.dispatcher().setIdleCallback(idle::countDown);
        try (SruConnector c = mock.connector(settings)) {
            CompletableFuture<SearchOutcome> f = c.searchCqlAsync("dc.title=x", request, new RecordingListener());
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class);
            assertThat(idle.await(10, TimeUnit.SECONDS)).as("dispatcher idle again").isTrue();
            return Connector.targetFailure(f.handle((o, t) -> t).get()).diagnostic();
        } finally {
            mock.http.dispatcher().setIdleCallback(null);
        }
    }

    @Test
    void http500IsAnHttpErrorWithTheStartOfThePage() {
        answer(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Internal error</h1><p>database locked</p></body></html>"));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.HTTP_ERROR);
        assertThat(d.code()).isEqualTo("http:500");
        assertThat(d.message()).startsWith("HTTP 500");
        assertThat(d.addInfo()).isEqualTo("Internal error database locked");
        assertThat(d.retryable()).isFalse();
    }

    @Test
    void http503WithRetryAfterIsRateLimitedAndKeepsTheDelay() {
        answer(aResponse().withStatus(503).withHeader("Retry-After", "120").withBody("busy"));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
        assertThat(d.code()).isEqualTo("http:503");
        assertThat(d.addInfo()).isEqualTo("Retry-After: 120");
        assertThat(d.retryable()).isTrue();
    }

    @Test
    void http429IsRateLimited() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RATE_LIMITED);
        assertThat(d.code()).isEqualTo("http:429");
        assertThat(d.addInfo()).isEqualTo("Retry-After: Wed, 21 Oct 2026 07:28:00 GMT");
    }

    @Test
    void http503WithoutRetryAfterIsARetryableHttpError() {
        answer(aResponse().withStatus(503).withBody("maintenance"));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.HTTP_ERROR);
        assertThat(d.code()).isEqualTo("http:503");
        assertThat(d.retryable()).isTrue();
    }

    @Test
    void zebrasRealNotFoundPageIsAnUnknownDatabase() {
        answer(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody(SruFixtures.bytes("zebra-404.html")));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.UNKNOWN_DATABASE);
        assertThat(d.code()).isEqualTo("http:404");
        assertThat(d.addInfo()).isEqualTo("sru");
    }

    @Test
    void http401IsAnAuthenticationFailure() {
        answer(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"sru\""));

        assertThat(failure().kind()).isEqualTo(DiagnosticKind.AUTHENTICATION_FAILED);
    }

    @Test
    void sruDiagnosticsSentWithAnErrorStatusAreStillRead() {
        answer(xml(400, SruFixtures.bytes("zebra-1.2-diagnostic-10.xml")));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.QUERY_REJECTED);
        assertThat(d.code()).isEqualTo("info:srw/diagnostic/1/10");
        assertThat(d.message()).isEqualTo("Query syntax error");
    }

    @Test
    void malformedXmlIsABadResponse() {
        answer(xml(200, "<searchRetrieveResponse xmlns=\"http://www.loc.gov/zing/srw/\"><numberOfRecords>3</numberOfRec>"
                .getBytes(StandardCharsets.UTF_8)));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).startsWith("malformed SRU response");
    }

    @Test
    void aBodyCutInTheMiddleOfARecordIsABadResponse() {
        byte[] loc = SruFixtures.bytes("sru-loc.xml");
        answer(xml(200, Arrays.copyOf(loc, loc.length * 2 / 3)));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).contains("malformed");
    }

    @Test
    void aBrokenChunkedBodyIsABadResponse() throws Exception {
        answer(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        assertThat(failure().kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(asyncFailure(Map.of(), SruWireMock.request(1, 10, 10, BUDGET)).kind())
                .isEqualTo(DiagnosticKind.BAD_RESPONSE);
    }

    @Test
    void garbageInsteadOfHttpIsABadResponse() {
        answer(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).as(d.toString()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).startsWith("not an HTTP answer");
    }

    @Test
    void aConnectionResetIsARetryableConnectFailure() throws Exception {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        TargetDiagnostic d = failure();
        TargetDiagnostic async = asyncFailure(Map.of(), SruWireMock.request(1, 10, 10, BUDGET));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(d.retryable()).isTrue();
        assertThat(async.kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
    }

    @Test
    void aConnectionClosedWithoutAnswerIsARetryableConnectFailure() {
        answer(aResponse().withFault(Fault.EMPTY_RESPONSE));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(d.retryable()).isTrue();
    }

    @Test
    void aRefusedPortIsConnectFailedWithItsCode() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed at once: nothing listens there any more
        }
        Map<String, Object> settings = Map.of("url", "http://127.0.0.1:" + port + "/sru");
        TargetDiagnostic d = failure(settings, SruWireMock.request(1, 10, 10, BUDGET));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(d.code()).isEqualTo("net:ECONNREFUSED");
        assertThat(d.retryable()).isTrue();
        assertThat(asyncFailure(settings, SruWireMock.request(1, 10, 10, BUDGET)).code()).isEqualTo("net:ECONNREFUSED");
    }

    @Test
    void anHtmlPageWithStatus200IsABadResponseNamingItsContentType() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><head><title>Catalogue</title></head><body>Welcome</body></html>"));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).contains("content type text/html; charset=utf-8");
        assertThat(d.addInfo()).isEqualTo("Catalogue Welcome");
    }

    @Test
    void sruXmlUnderAWrongContentTypeIsStillRead() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody(SruFixtures.bytes("sru-loc2.xml")));

        try (SruConnector c = mock.connector(Map.of())) {
            SearchOutcome out = c.searchCql("x", SruWireMock.request(1, 1, 10, BUDGET), new RecordingListener());

            assertThat(out.hits()).isEqualTo(1);
            assertThat(out.fetched()).isEqualTo(1);
        }
    }

    @Test
    void anXxePayloadIsRefusedAndTheFileNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "navette-secret-4711");
        String payload = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<searchRetrieveResponse xmlns=\"http://www.loc.gov/zing/srw/\"><version>1.2</version>"
                + "<numberOfRecords>1</numberOfRecords><records><record><recordData>"
                + "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><controlfield tag=\"001\">&xxe;</controlfield></record>"
                + "</recordData></record></records></searchRetrieveResponse>";
        answer(xml(200, payload.getBytes(StandardCharsets.UTF_8)));
        RecordingListener listener = new RecordingListener();

        TargetDiagnostic d;
        try (SruConnector c = mock.connector(Map.of())) {
            d = assertThrowsTarget(() -> c.searchCql("x", SruWireMock.request(1, 10, 10, BUDGET), listener));
        }

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).contains("DOCTYPE");
        assertThat(d.toString()).doesNotContain("navette-secret-4711");
        assertThat(listener.records()).isEmpty();
    }

    @Test
    void aBillionLaughsPayloadIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String payload = "<?xml version=\"1.0\"?>" + dtd + "<searchRetrieveResponse xmlns=\"http://www.loc.gov/zing/srw/\">"
                + "<numberOfRecords>&lol9;</numberOfRecords></searchRetrieveResponse>";
        answer(xml(200, payload.getBytes(StandardCharsets.UTF_8)));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).contains("DOCTYPE");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeReading() {
        answer(xml(200, SruFixtures.bytes("sru-loc.xml")).withHeader("Content-Length", "47027"));
        // no transparent gzip, so that the length on the wire is the length of the XML
        Map<String, Object> identity = Map.of("maxResponseBytes", 4096, "headers", Map.of("Accept-Encoding", "identity"));

        TargetDiagnostic d = failure(identity, SruWireMock.request(1, 10, 10, BUDGET));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RESPONSE_TOO_LARGE);
        assertThat(d.addInfo()).isEqualTo("Content-Length: 47027");
    }

    @Test
    void aStreamedBodyOverTheLimitStopsBeingReadAtTheLimit() throws Exception {
        // chunked and (WireMock answers OkHttp's Accept-Encoding) gzipped: the limit counts the XML, not the wire
        answer(xml(200, SruFixtures.bytes("sru-loc.xml")).withChunkedDribbleDelay(5, 50));

        TargetDiagnostic d = failure(Map.of("maxResponseBytes", 4096), SruWireMock.request(1, 10, 10, BUDGET));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RESPONSE_TOO_LARGE);
        assertThat(d.message()).contains("4096 bytes");
        assertThat(asyncFailure(Map.of("maxResponseBytes", 4096), SruWireMock.request(1, 10, 10, BUDGET)).kind())
                .isEqualTo(DiagnosticKind.RESPONSE_TOO_LARGE);
    }

    @Test
    void aBodyDribblingPastTheBudgetTimesOut() throws Exception {
        // the headers come at once, the body over 8 s: the budget ends while the body is arriving
        answer(xml(200, SruFixtures.bytes("sru-loc.xml")).withChunkedDribbleDelay(40, 8000));
        SearchRequest request = SruWireMock.request(1, 10, 10, Duration.ofMillis(1500));

        TargetDiagnostic d = failure(Map.of(), request);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(d.addInfo()).isEqualTo("the response body was still arriving");
        assertThat(asyncFailure(Map.of(), request).kind()).isEqualTo(DiagnosticKind.TIMEOUT);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeTimesOut() throws Exception {
        answer(xml(200, SruFixtures.bytes("sru-loc2.xml")).withFixedDelay(5000));

        TargetDiagnostic d = failure(Map.of(), SruWireMock.request(1, 10, 10, Duration.ofMillis(400)));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(d.message()).isEqualTo("no complete answer within 0.4 s");
        assertThat(asyncFailure(Map.of(), SruWireMock.request(1, 10, 10, Duration.ofMillis(400))).kind())
                .isEqualTo(DiagnosticKind.TIMEOUT);
    }

    @Test
    void cancellingTheSignalCancelsTheCallInFlight() throws Exception {
        answer(xml(200, SruFixtures.bytes("sru-loc2.xml")).withFixedDelay(25_000));
        CancellationSignal signal = new CancellationSignal();
        SearchRequest request = SearchRequest.builder(org.navette.query.Query.any("x")).cancellation(signal)
                .timeout(Duration.ofSeconds(28)).build();
        CountDownLatch idle = new CountDownLatch(1);
        mock.http.dispatcher().setIdleCallback(idle::countDown);
        try (SruConnector c = mock.connector(Map.of())) {
            CompletableFuture<SearchOutcome> f = c.searchCqlAsync("x", request, new RecordingListener());
            assertThat(requestSent.await(10, TimeUnit.SECONDS)).isTrue();

            signal.cancel();

            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(Connector.targetFailure(f.handle((o, t) -> t).get()).diagnostic().kind())
                    .isEqualTo(DiagnosticKind.CANCELLED);
            assertThat(idle.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            mock.http.dispatcher().setIdleCallback(null);
        }
    }

    @Test
    void cancellingTheFutureCancelsTheCallInFlight() throws Exception {
        answer(xml(200, SruFixtures.bytes("sru-loc2.xml")).withFixedDelay(25_000));
        CountDownLatch idle = new CountDownLatch(1);
        mock.http.dispatcher().setIdleCallback(idle::countDown);
        try (SruConnector c = mock.connector(Map.of())) {
            CompletableFuture<SearchOutcome> f = c.searchCqlAsync("x", SruWireMock.request(1, 10, 10,
                    Duration.ofSeconds(28)), new RecordingListener());
            assertThat(requestSent.await(10, TimeUnit.SECONDS)).isTrue();

            f.cancel(true);

            assertThat(idle.await(10, TimeUnit.SECONDS)).as("the HTTP call ended").isTrue();
        } finally {
            mock.http.dispatcher().setIdleCallback(null);
        }
    }

    @Test
    void closingTheConnectorCancelsItsBlockingSearch() throws Exception {
        answer(xml(200, SruFixtures.bytes("sru-loc2.xml")).withFixedDelay(25_000));
        SruConnector c = mock.connector(Map.of());
        CompletableFuture<TargetDiagnostic> failed = CompletableFuture.supplyAsync(() ->
                assertThrowsTarget(() -> c.searchCql("x", SruWireMock.request(1, 10, 10, Duration.ofSeconds(28)),
                        new RecordingListener())));
        assertThat(requestSent.await(10, TimeUnit.SECONDS)).isTrue();

        c.close();

        assertThat(failed.get(10, TimeUnit.SECONDS).kind()).isEqualTo(DiagnosticKind.CANCELLED);
        assertThat(assertThrowsTarget(() -> c.searchCql("x", SruWireMock.request(1, 10, 10, BUDGET),
                new RecordingListener())).message()).isEqualTo("SRU connector is closed");
    }

    @Test
    void aFailureAfterTheFirstPageKeepsTheRecordsAndWarns() {
        mock.server.stubFor(get(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo("1"))
                .willReturn(xml(200, SruFixtures.bytes("meta.xml"))));
        mock.server.stubFor(get(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo("11"))
                .willReturn(aResponse().withStatus(500).withBody("boom")));

        try (SruConnector c = mock.connector(Map.of())) {
            RecordingListener listener = new RecordingListener();
            SearchOutcome out = c.searchCql("x", SruWireMock.request(1, 23, 10, BUDGET), listener);

            assertThat(out.hits()).isEqualTo(23);
            assertThat(out.fetched()).isEqualTo(10);
            assertThat(out.warnings()).extracting(TargetDiagnostic::code).contains("http:500");
            assertThat(listener.records()).hasSize(10);
        }
    }

    @Test
    void aResponseWithoutHitCountOrDiagnosticIsABadResponse() {
        answer(xml(200, "<zs:searchRetrieveResponse xmlns:zs=\"http://www.loc.gov/zing/srw/\"><zs:version>1.2</zs:version>"
                .concat("</zs:searchRetrieveResponse>").getBytes(StandardCharsets.UTF_8)));

        TargetDiagnostic d = failure();

        assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        assertThat(d.message()).contains("without numberOfRecords");
    }

    @Test
    void anExplainThatIsNotSruIsABadResponse() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hello</html>"));

        try (SruConnector c = mock.connector(Map.of())) {
            assertThat(assertThrowsTarget(c::explain).kind()).isEqualTo(DiagnosticKind.BAD_RESPONSE);
        }
    }

    private static TargetDiagnostic assertThrowsTarget(Runnable search) {
        try {
            search.run();
        } catch (TargetException e) {
            return e.diagnostic();
        }
        throw new AssertionError("the search did not fail");
    }
}
