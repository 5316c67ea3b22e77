package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;

/** {@code navette sru-explain} against a real Zebra on loopback. */
@ExtendWith(Peers.class)
class SruExplainCommandIT {
    private final CliRun cli = CliRun.accumulating();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void printsZebrasIndexesSchemasAndTheIndexesSetting(ZebraPeer zebra) {
        int exit = run("sru-explain", zebra.sruUrl(ZebraPeer.MARC21));

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("SRU explain of " + zebra.sruUrl(ZebraPeer.MARC21) + " (version 1.2)")
                .contains("server:   127.0.0.1:" + zebra.port() + ", database marc21")
                .containsPattern("dc\\.title +Title")
                .containsPattern("marcxml +info:srw/schema/1/marcxml-v1.1 +MARCXML")
                .contains("records:  default 0, at most 1000 per request")
                .contains("target setting: \"indexes\": {\"any\":\"cql.serverChoice\",\"title\":\"dc.title\","
                        + "\"author\":\"dc.creator\",\"subject\":\"dc.subject\",\"isbn\":\"bath.isbn\",\"issn\":\"bath.issn\","
                        + "\"publisher\":\"dc.publisher\"}");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonIsOneDocument(ZebraPeer zebra) throws Exception {
        int exit = run("sru-explain", "--sru-version", "2.0", "--json", zebra.sruUrl(ZebraPeer.MARC21));

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(exit).isZero();
        assertThat(doc.get("version").asText()).isEqualTo("2.0");
        assertThat(doc.get("port").asInt()).isEqualTo(zebra.port());
        assertThat(doc.get("indexes")).hasSize(7);
        assertThat(doc.get("indexes").get(1).get("name").asText()).isEqualTo("dc.title");
        assertThat(doc.get("maximumRecords").asInt()).isEqualTo(1000);
        assertThat(doc.get("suggestedIndexes").get("isbn").asText()).isEqualTo("bath.isbn");
    }

    @Test
    void aServerThatCannotBeReachedIsOneLineAndExitOne() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed at once: nothing listens there any more
        }
        String url = "http://127.0.0.1:" + port + "/marc21";

        int exit = run("sru-explain", url);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("navette sru-explain: " + url + ": CONNECT_FAILED net:ECONNREFUSED")
                .hasLineCount(1);
    }

    @Test
    void aBadVersionIsAUsageError() {
        int exit = run("sru-explain", "--sru-version", "3", "http://127.0.0.1:1/x");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("navette sru-explain: --sru-version must be 1.1, 1.2 or 2.0, was 3"
                + " (try: navette sru-explain --help)" + System.lineSeparator());
    }
}
