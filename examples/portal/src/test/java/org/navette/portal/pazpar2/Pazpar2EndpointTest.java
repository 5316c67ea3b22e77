package org.navette.portal.pazpar2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.navette.federation.Federation;
import org.navette.target.TargetConfig;
import org.navette.testing.MutableClock;
import org.w3c.dom.Element;

/** Sessions, limits and errors over HTTP, on a federation of one dead target (no search reaches a server). */
class Pazpar2EndpointTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Federation federation;
    private Pazpar2Endpoint endpoint;
    private Pz2Client client;

    @BeforeEach
    void start() throws Exception {
        federation = Federation.builder().target(deadTarget()).build();
        endpoint = Pazpar2Endpoint.builder(federation).maxSessions(2).sessionTimeout(Duration.ofSeconds(60))
                .blockTimeout(Duration.ofMillis(200)).clock(clock).build();
        client = new Pz2Client(endpoint);
    }

    @AfterEach
    void stop() {
        client.close();
        endpoint.close();
        federation.close();
    }

    @Test
    void initAnswersASessionTheProtocolVersionAndAKeepAliveInsideTheTimeout() throws Exception {
        Pz2Client.Answer a = client.get("command", "init");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(a.root().getTagName()).isEqualTo("init");
        assertThat(Pz2Xml.childNames(a.root())).containsExactly("status", "session", "protocol", "keepAlive");
        assertThat(Pz2Xml.text(a.root(), "status")).isEqualTo("OK");
        assertThat(Pz2Xml.text(a.root(), "session")).matches("[1-9][0-9]*");
        assertThat(Pz2Xml.text(a.root(), "protocol")).isEqualTo("1");
        assertThat(Pz2Xml.number(a.root(), "keepAlive")).isEqualTo(50_000);
    }

    @Test
    void aSessionLivesWhileUsedAndExpiresAfterTheIdleTimeoutWithPazpar2sError1() throws Exception {
        String session = Pz2Xml.text(client.get("command", "init").root(), "session");

        clock.advance(Duration.ofSeconds(59));
        assertThat(Pz2Xml.text(client.get("command", "ping", "session", session).root(), "status")).isEqualTo("OK");
        clock.advance(Duration.ofSeconds(59));   // 118 s after init, 59 s after the ping: still alive
        assertThat(client.get("command", "ping", "session", session).root().getTagName()).isEqualTo("ping");

        clock.advance(Duration.ofSeconds(60));
        Pz2Client.Answer expired = client.get("command", "ping", "session", session);
        assertError(expired, 1, "Session does not exist or it has expired", session);
        assertThat(endpoint.sessions()).isZero();
    }

    @Test
    void beyondTheSessionCapInitIsRefusedUntilAnIdleSessionExpires() throws Exception {
        client.get("command", "init");
        clock.advance(Duration.ofSeconds(30));
        String second = Pz2Xml.text(client.get("command", "init").root(), "session");

        Pz2Client.Answer refused = client.get("command", "init");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.root().getAttribute("code")).isEqualTo("12");
        assertThat(refused.root().getTextContent()).contains("session limit");
        assertThat(endpoint.sessions()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));   // the first is 60 s idle now, the second 30 s
        assertThat(Pz2Xml.text(client.get("command", "init").root(), "status")).isEqualTo("OK");
        assertThat(endpoint.sessions()).isEqualTo(2);
        assertThat(client.get("command", "ping", "session", second).root().getTagName()).isEqualTo("ping");
    }

    @Test
    void commandsWithoutTheirParametersAnswerPazpar2sError2NamingTheParameter() throws Exception {
        assertError(client.get("session", "1"), 2, "Missing parameter", "command");
        assertError(client.get("command", "stat"), 2, "Missing parameter", "session");
        String session = Pz2Xml.text(client.get("command", "init").root(), "session");
        assertError(client.get("command", "search", "session", session), 2, "Missing parameter", "query");
        assertError(client.get("command", "record", "session", session), 2, "Missing parameter", "id");
    }

    @Test
    void anUnknownSessionCommandQueryOrSortIsAnErrorNotACrash() throws Exception {
        assertError(client.get("command", "stat", "session", "77"), 1, "Session does not exist or it has expired", "77");
        assertError(client.get("command", "bogus"), 3, "Malformed parameter value", "command");
        String session = Pz2Xml.text(client.get("command", "init").root(), "session");
        Pz2Client.Answer bad = client.get("command", "search", "session", session, "query", "ti=(rose");
        assertThat(bad.root().getAttribute("code")).isEqualTo("3");
        assertThat(bad.root().getTextContent()).startsWith("query: bad query at position");
        assertError(client.get("command", "show", "session", session, "sort", "position"), 3, "Malformed parameter value", "sort");
        assertError(client.get("command", "show", "session", session, "start", "-1"), 3, "Malformed parameter value", "start");
        assertError(client.get("command", "record", "session", session, "id", "c1"), 7, "Record missing", "c1");
        assertError(client.get("command", "search", "session", session, "query", "rose", "limit", "medium=book"), 3,
                "Malformed parameter value", "limit medium");
        assertError(client.get("command", "search", "session", session, "query", "rose", "filter", "pz:id=nosuch"), 8,
                "No targets", "filter pz:id=nosuch");
        assertError(client.get("command", "search", "session", session, "query", "rose", "filter", "pz:name~x"), 11,
                "Not implemented", "filter pz:name~x (only pz:id=... is supported)");
    }

    @Test
    void aQueryThatIsNotUtf8IsAMalformedEncoding() throws Exception {
        String session = Pz2Xml.text(client.get("command", "init").root(), "session");
        var r = client.raw(HttpRequest.newBuilder(java.net.URI.create(client.base() + "?command=search&session=" + session
                + "&query=%E9t%E9")).GET());
        Element e = Pz2Xml.parse(r.body()).getDocumentElement();
        assertThat(r.statusCode()).isEqualTo(417);
        assertThat(e.getAttribute("code")).isEqualTo("4");
        assertThat(e.getTextContent()).isEqualTo("query");
    }

    @Test
    void beforeAnySearchShowStatBytargetAndTermlistAnswerEmptyButWellFormed() throws Exception {
        String session = Pz2Xml.text(client.post("command", "init").root(), "session");

        Element show = client.post("command", "show", "session", session, "block", "1").root();
        assertThat(Pz2Xml.childNames(show)).containsExactly("status", "activeclients", "merged", "total", "start", "num");
        assertThat(Pz2Xml.number(show, "merged")).isZero();
        Element stat = client.get("command", "stat", "session", session).root();
        assertThat(Pz2Xml.number(stat, "clients")).isZero();
        assertThat(Pz2Xml.childNames(client.get("command", "bytarget", "session", session, "block", "1").root()))
                .containsExactly("status");
        Element termlist = client.get("command", "termlist", "session", session, "name", "xtargets,author").root();
        assertThat(Pz2Xml.childNames(termlist)).containsExactly("activeclients", "list", "list");
    }

    @Test
    void otherMethodsThanGetAndPostAreRefused() throws Exception {
        var r = client.raw(HttpRequest.newBuilder(client.base()).method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(Pz2Xml.parse(r.body()).getDocumentElement().getAttribute("code")).isEqualTo("3");
    }

    @Test
    void theBuilderRefusesOutOfRangeSettingsNamingThem() {
        Pazpar2Endpoint.Builder b = Pazpar2Endpoint.builder(federation);
        assertThatThrownBy(() -> b.maxSessions(0)).hasMessageContaining("maxSessions").hasMessageContaining("0");
        assertThatThrownBy(() -> b.sessionTimeout(Duration.ZERO)).hasMessageContaining("sessionTimeout");
        assertThatThrownBy(() -> b.blockTimeout(Duration.ofHours(1))).hasMessageContaining("blockTimeout");
        assertThatThrownBy(() -> b.maxRequestBytes(10)).hasMessageContaining("maxRequestBytes");
    }

    /** A Z39.50 target on a port nothing listens on: searches reach no server. */
    static TargetConfig deadTarget() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return TargetConfig.fromMap(java.util.Map.of("id", "dead", "name", "Nobody home", "protocol", "z3950",
                "host", "127.0.0.1", "port", port, "database", "none", "timeout", "2s"));
    }

    private static void assertError(Pz2Client.Answer a, int code, String msg, String addInfo) {
        assertThat(a.status()).isEqualTo(417);
        assertThat(a.root().getTagName()).isEqualTo("error");
        assertThat(a.root().getAttribute("code")).isEqualTo(Integer.toString(code));
        assertThat(a.root().getAttribute("msg")).isEqualTo(msg);
        assertThat(a.root().getTextContent()).isEqualTo(addInfo);
    }
}
