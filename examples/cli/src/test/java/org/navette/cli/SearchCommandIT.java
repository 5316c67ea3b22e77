package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;

/** {@code navette search} against the real peers: text and JSON output, usage errors. */
@ExtendWith(Peers.class)
class SearchCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bound, never listening: connections to it are refused, and no other process can take it meanwhile. */
    private static Socket refusedPort;

    @TempDir
    Path dir;
    private final CliRun cli = CliRun.accumulating();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @BeforeAll
    static void reservePort() throws IOException {
        refusedPort = new Socket();
        refusedPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void releasePort() throws IOException {
        refusedPort.close();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private Path targetsFile(String json) throws IOException {
        Path f = dir.resolve("targets.json");
        Files.writeString(f, json);
        return f;
    }

    private Path zebraAndRefused(ZebraPeer zebra) throws IOException {
        return targetsFile("""
                {"targets": [
                  {"id": "zebra", "protocol": "z3950", "host": "127.0.0.1", "port": %1$d, "database": "marc21",
                   "syntax": "usmarc", "format": "marc21"},
                  {"id": "zebra-sru", "protocol": "sru", "url": "http://127.0.0.1:%1$d/marc21", "version": "1.2",
                   "recordSchema": "marcxml", "indexes": {"title": "dc.title"}},
                  {"id": "bsg", "name": "Sainte-Geneviève (UNIMARC)", "protocol": "z3950", "host": "127.0.0.1",
                   "port": %1$d, "database": "unimarc", "syntax": "unimarc", "format": "unimarc"},
                  {"id": "refused", "protocol": "z3950", "host": "127.0.0.1", "port": %2$d,
                   "resilience": {"retries": 0}}
                ]}""".formatted(zebra.port(), refusedPort.getLocalPort()));
    }

    @Test
    void textOutputListsRankedClustersWithTheirRecordsAndOneStatusLinePerTarget(ZebraPeer zebra) throws IOException {
        int code = run("search", "--targets", zebraAndRefused(zebra).toString(), "--timeout", "20s", "--max", "5",
                "title=computer");

        String shown = out.toString();
        assertThat(code).as(err.toString()).isZero();
        assertThat(shown).startsWith("Query: title=computer");
        assertThat(shown).containsPattern("  1\\. The Computer Bible\\R\\s+Baird, J\\. Arthur");
        // Members are listed in arrival order, which differs from run to run: both protocols' copies, one line.
        assertThat(shown).containsPattern("records: (zebra:\\S+.*zebra-sru:|zebra-sru:\\S+.*zebra:)");
        assertThat(shown).containsPattern("\\R  zebra\\s+done\\s+hits 10\\s+fetched 5 ");
        assertThat(shown).containsPattern("\\R  zebra-sru\\s+done\\s+hits 10\\s+fetched 5 ");
        assertThat(shown).containsPattern("\\R  bsg\\s+done\\s+hits 0\\s+fetched 0 ");
        assertThat(shown).containsPattern("\\R  refused\\s+failed\\s+hits -\\s+fetched 0 .*CONNECT_FAILED");
        assertThat(shown).contains("3 of 4 targets answered");
    }

    @Test
    void jsonOutputIsOneDocumentWithClustersTargetsFacetsAndTheElapsedTime(ZebraPeer zebra) throws IOException {
        int code = run("search", "--targets", zebraAndRefused(zebra).toString(), "--json", "--max", "3",
                "title=statistique or title=computer");

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = JSON.readTree(out.toString());
        assertThat(doc.get("elapsedMs").isIntegralNumber()).isTrue();
        assertThat(doc.get("query").asText()).isEqualTo("title=statistique or title=computer");
        List<String> states = new ArrayList<>();
        for (JsonNode t : doc.get("targets")) {
            states.add(t.get("id").asText() + "=" + t.get("state").asText());
            assertThat(t.has("hits") && t.has("fetched") && t.has("elapsedMs") && t.has("diagnostic")).isTrue();
        }
        assertThat(states).containsExactly("zebra=done", "zebra-sru=done", "bsg=done", "refused=failed");
        JsonNode zebraStatus = doc.get("targets").get(0);
        assertThat(zebraStatus.get("hits").asLong()).isEqualTo(10);
        assertThat(zebraStatus.get("fetched").asInt()).isEqualTo(3);
        assertThat(zebraStatus.get("diagnostic").isNull()).isTrue();
        assertThat(zebraStatus.get("facets").isNull()).as("Z39.50 counts no facets of its own").isTrue();
        JsonNode refused = doc.get("targets").get(3);
        assertThat(refused.get("hits").isNull()).isTrue();
        assertThat(refused.get("diagnostic").get("kind").asText()).isEqualTo("connect-failed");
        assertThat(refused.get("diagnostic").get("message").asText()).isNotBlank();

        JsonNode clusters = doc.get("clusters");
        assertThat(clusters.size()).isGreaterThan(3);
        JsonNode first = clusters.get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("score").isNumber()).isTrue();
        assertThat(first.get("title").asText()).isNotBlank();
        assertThat(first.get("authors").isArray()).isTrue();
        assertThat(first.get("identifiers").has("isbn")).isTrue();
        assertThat(first.get("records").get(0).has("target")).isTrue();
        JsonNode withHoldings = null;
        for (JsonNode c : clusters) {
            if (c.get("holdings").size() > 0) {
                withHoldings = c;
            }
        }
        assertThat(withHoldings).as("a BSG cluster with its 995 items").isNotNull();
        assertThat(withHoldings.get("records").get(0).get("target").asText()).isEqualTo("bsg");
        assertThat(withHoldings.get("holdings").get(0).get("callNumber").asText()).isNotBlank();
        assertThat(doc.get("facets").get("target").get(0).has("count")).isTrue();
        assertThat(doc.get("facets").has("materialType")).isTrue();
        assertThat(doc.get("facets").get("yearRanges").isArray()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theShippedExampleTargetsFileWorksOnceItsPortsAreThoseOfTheRunningPeers(ZebraPeer zebra, ZtestPeer ztest)
            throws IOException {
        String shipped = Files.readString(Path.of("..", "targets", "local-peers.json"));
        Path f = targetsFile(shipped.replace("21300", Integer.toString(zebra.port()))
                .replace("21210", Integer.toString(ztest.port())));

        int code = run("search", "--targets", f.toString(), "--json", "--max", "2", "author=collins");

        assertThat(code).as(err.toString()).isZero();
        JsonNode doc = JSON.readTree(out.toString());
        List<String> states = new ArrayList<>();
        doc.get("targets").forEach(t -> states.add(t.get("id").asText() + "=" + t.get("state").asText()));
        assertThat(states).containsExactly("zebra=done", "zebra-sru=done", "zebra-unimarc=done", "ztest-slow=done");
        assertThat(doc.get("targets").get(0).get("hits").asLong()).isEqualTo(2);
    }

    @Test
    void everyTargetFailedExitsOneAndStillPrintsTheStatuses() throws IOException {
        Path f = targetsFile("""
                {"targets": [{"id": "refused", "protocol": "z3950", "host": "127.0.0.1", "port": %d,
                   "resilience": {"retries": 0}}]}""".formatted(refusedPort.getLocalPort()));

        int code = run("search", "--targets", f.toString(), "--timeout", "10s", "title=computer");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).containsPattern("\\R  refused\\s+failed\\s+hits -\\s+fetched 0 .*CONNECT_FAILED")
                .contains("0 of 1 targets answered");
    }

    @Test
    void anUnquotedMultiWordQueryIsAUsageErrorThatSaysToQuoteIt() throws IOException {
        Path f = targetsFile("{\"targets\": [{\"id\": \"a\", \"protocol\": \"sru\", \"url\": \"http://127.0.0.1:1/x\"}]}");

        assertUsageError(run("search", "--targets", f.toString(), "title=moby", "dick"),
                "the query is one argument: quote it, e.g. navette search --targets " + f + " \"title=moby dick\"");
    }

    @Test
    void aMissingTargetsFileIsAUsageErrorOnOneLine() {
        assertUsageError(run("search", "--targets", dir.resolve("nope.json").toString(), "title=x"),
                "targets file not found");
    }

    @Test
    void badJsonIsAUsageErrorNamingTheLine() throws IOException {
        assertUsageError(run("search", "--targets", targetsFile("{\"targets\": [\n  {\"id\": \"a\",,}]}").toString(), "x"),
                "line 2");
    }

    @Test
    void anUnknownProtocolIsAUsageError() throws IOException {
        assertUsageError(run("search", "--targets",
                targetsFile("{\"targets\": [{\"id\": \"a\", \"protocol\": \"gopher\"}]}").toString(), "x"),
                "unknown protocol 'gopher'");
    }

    @Test
    void anUnknownTargetKeyIsAUsageError() throws IOException {
        assertUsageError(run("search", "--targets", targetsFile(
                "{\"targets\": [{\"id\": \"a\", \"protocol\": \"sru\", \"url\": \"http://127.0.0.1:1/x\", \"colour\": 1}]}")
                .toString(), "x"), "unknown key(s) [colour]");
    }

    @Test
    void aBadQueryIsAUsageErrorWithItsPosition(ZebraPeer zebra) throws IOException {
        assertUsageError(run("search", "--targets", zebraAndRefused(zebra).toString(), "title=(("),
                "bad query: bad CQL at position");
    }

    @Test
    void aBadTimeoutOrMaxIsAUsageError(ZebraPeer zebra) throws IOException {
        String f = zebraAndRefused(zebra).toString();
        assertUsageError(run("search", "--targets", f, "--timeout", "soon", "x"), "'--timeout': must be a duration such as 10s, 500ms or 1m, was 'soon'");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertUsageError(run("search", "--targets", f, "--max", "-1", "x"), "--max must be within 0..10000");
    }

    private void assertUsageError(int code, String expected) {
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("navette search: ").contains(expected).doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }
}
