package org.navette.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code navette opac-check} against WireMock replaying real BIB2 WebOPAC pages. */
class OpacCheckCommandIT {
    private static WireMockServer server;

    private final CliRun cli = CliRun.accumulating();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static byte[] saved(String path) {
        try (InputStream in = OpacCheckCommandIT.class.getResourceAsStream("/org/navette/testdata/opac-pages/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String base() {
        return "http://127.0.0.1:" + server.port() + "/bib2/";
    }

    @Test
    void itShowsTheRequestsTheHitCountEachSelectorWithWhatItFoundAndTheRecords() {
        server.stubFor(post("/bib2/list").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(saved("opacclient/bib2/searchresult_single.htm"))));
        server.stubFor(get(urlPathEqualTo("/bib2/detail")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(saved("opacclient/bib2/detail.htm"))));

        int code = run("opac-check", "--profile", "bib2", "--url", base(), "--max", "1", "--set", "requestsPerSecond=20",
                "Kletterführer");

        String shown = out.toString();
        assertThat(code).as(err.toString()).isZero();
        assertThat(shown).contains("profile bib2 (profiles/bib2.json) on " + base())
                .contains("query   Kletterführer")
                .contains("  POST " + base() + "list -> 200, 8767 bytes")
                .contains("hits    2")
                .contains("  results.hits  [table.borderless td:contains(Treffer) b]  2")
                .contains("  results.fields.title  [td:eq(2) a]  Kletterführer Frankenjura Band 2 / Deutschland")
                .contains("  detail.fields.isbn  [td.even:contains(ISBN:) + td]  matched 1, no value after the steps")
                .contains("  detail.fields.year  [td.even:contains(Erscheinungsjahr:) + td]  2018")
                .contains("records (1)")
                .contains("  1. Kletterführer Frankenjura Band 2 / Deutschland : Kletterführer / Schwertner, Sebastian, 2018")
                .contains("       holding Führer/Deutschland ; F2799A/1 ; ausleihbar: nein -> NOT_FOR_LOAN");
        assertThat(shown).doesNotContain("failure");
    }

    @Test
    void anErrorPageIsShownAsTheFailureWithExitOne() {
        server.stubFor(post("/bib2/list").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(saved("opacclient/bib2/searchresult_error.htm"))));

        int code = run("opac-check", "--profile", "bib2", "--url", base(), "--set", "requestsPerSecond=20", "title=x");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("failure\n  QUERY_REJECTED opac:error-page profile bib2: the OPAC answered with an "
                + "error page: Bitte geben Sie wenigstens ein Suchkriterium ein.");
    }

    @Test
    void aSavedPageIsReadWithoutAnyRequest(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("list.htm");
        Files.write(page, saved("opacclient/bib2/searchresult_single.htm"));

        int code = run("opac-check", "--profile", "bib2", "--url", "https://opac.example.org/bib2/list", "--page", page.toString(),
                "--max", "1", "x");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  FILE https://opac.example.org/bib2/list -> 200, 8767 bytes")
                .contains("records (2)").contains("id https://opac.example.org/bib2/detail?").contains("  ... 1 more (--max 1)");
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void badCqlAndBrokenProfilesAreUsageErrorsInOneLine(@TempDir Path dir) throws IOException {
        int badQuery = run("opac-check", "--profile", "bib2", "--url", base(), "title=(x");
        String queryError = err.toString().strip();
        err.getBuffer().setLength(0);
        Path broken = dir.resolve("mine.json");
        Files.writeString(broken, "{\"name\": \"mine\", \"serch\": {}}");
        int badProfile = run("opac-check", "--profile", broken.toString(), "--url", base(), "x");

        assertThat(badQuery).isEqualTo(2);
        assertThat(queryError).startsWith("navette opac-check: ").doesNotContain("\n");
        assertThat(badProfile).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("navette opac-check: " + broken
                + ": serch: unknown key; known keys here are [charset, description, detail, export, format, name, preprocess, results, "
                + "search, session] (try: navette opac-check --help)");
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}
