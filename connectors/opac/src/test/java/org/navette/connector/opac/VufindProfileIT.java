package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.connector.opac.OpacTestServer.page;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.model.Author;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.MaterialType;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;

/**
 * The vufind profile against real VuFind record pages: a one-hit search that VuFind answers with
 * a redirect to the record page, the lossless MARCXML export, and the record page's schema.org data.
 */
class VufindProfileIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    @BeforeEach
    void reset() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/Search/Results"))
                .withQueryParam("lookfor0[]", equalTo("3442136105")).withQueryParam("type0[]", equalTo("ISN"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/Record/HERT.0125481")));
        SERVER.wireMock().stubFor(get(urlEqualTo("/Record/HERT.0125481"))
                .willReturn(page("opacclient/vufind/result_detail/kreisre_copies.html", "text/html; charset=UTF-8")));
    }

    private Connector connector(boolean exportMarc) {
        return OpacTestServer.factory().create(SERVER.target("herten", "vufind", "/")
                .set("exportMarc", exportMarc).set("requestsPerSecond", 50).build());
    }

    @Test
    void aOneHitSearchFollowsTheRedirectAndDeliversTheRecordsMarcxmlExport() {
        byte[] marcxml = SavedPages.corpusBytes("1-marc21/php-marc/bibliographic.xml");
        SERVER.wireMock().stubFor(get(urlEqualTo("/Record/HERT.0125481/Export?style=MARCXML"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml; charset=UTF-8").withBody(marcxml)));

        OpacTestServer.Result r = OpacTestServer.search(connector(true), Query.isbn("3442136105"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(1);
        assertThat(r.records()).singleElement().satisfies(raw -> {
            assertThat(raw.syntax()).isEqualTo(RecordSyntax.MARCXML);
            assertThat(raw.formatHint()).isEqualTo(RecordFormat.MARC21);
            assertThat(raw.origin()).isEqualTo("herten");
            assertThat(raw.charsetHint()).isEqualTo("UTF-8");
            assertThat(raw.bytes()).isEqualTo(marcxml);
        });
        SERVER.wireMock().verify(getRequestedFor(urlEqualTo("/Record/HERT.0125481/Export?style=MARCXML"))
                .withHeader("Referer", equalTo(SERVER.url("/Record/HERT.0125481"))));
    }

    @Test
    void withoutExportTheRecordPageIsReadThroughItsSchemaOrgMarkup() {
        OpacTestServer.Result r = OpacTestServer.search(connector(false), Query.isbn("3442136105"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo("Der 4-Farben-Mensch");
        assertThat(b.titleRemainder()).isEqualTo("der Weg zum inneren Gleichgewicht");
        assertThat(b.authors()).containsExactly(Author.personal("Lüscher, Max"));
        assertThat(b.publisher()).isEqualTo("Goldmann");
        assertThat(b.place()).isEqualTo("München");
        assertThat(b.year()).isEqualTo(1991);
        assertThat(b.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(b.source().recordId()).isEqualTo(SERVER.url("/Record/HERT.0125481"));
        assertThat(b.identifiers()).extracting(Object::toString)
                .containsExactly("CONTROL_NUMBER:HERT.0125481", "URL:" + SERVER.url("/Record/HERT.0125481"));
        assertThat(b.holdings()).containsExactly(Holding.builder().library("Herten").location("2. OG N - Philosophie, Psychologie")
                .callNumber("kNk Lüs").status("wird überprüft").availability(Availability.NOT_FOR_LOAN).build());
    }

    @Test
    void anExportThatIsNotMarcFallsBackToTheRecordPageWithAWarning() {
        SERVER.wireMock().stubFor(get(urlEqualTo("/Record/HERT.0125481/Export?style=MARCXML"))
                .willReturn(page("opacclient/vufind/result_detail/kreisre_copies.html", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(true), Query.isbn("3442136105"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.records()).singleElement().extracting(RawRecord::syntax).isEqualTo(RecordSyntax.SCRAPED);
        assertThat(r.record(0).titleProper()).isEqualTo("Der 4-Farben-Mensch");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.RECORD_FAILED);
            assertThat(w.message()).isEqualTo("record 1: the MARC export is not marcxml; record read from its page instead");
        });
    }

    @Test
    void aMissingExportIsAWarningAndTheRecordStillArrivesFromADifferentTheme() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/opac2/Search/Results"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/opac2/Record/0163711")));
        SERVER.wireMock().stubFor(get(urlEqualTo("/opac2/Record/0163711"))
                .willReturn(page("opacclient/vufind/result_detail/muenster_copies.html", "text/html; charset=UTF-8")));
        Connector muenster = OpacTestServer.factory().create(SERVER.target("muenster", "vufind", "/opac2")
                .set("requestsPerSecond", 50).build());

        OpacTestServer.Result r = OpacTestServer.search(muenster, Query.title("brand"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo("Brand");
        assertThat(b.titleRemainder()).isEqualTo("Roman");
        assertThat(b.authors()).containsExactly(Author.personal("Corleis, Gisela"));
        assertThat(b.place()).isEqualTo("Salzburg");
        assertThat(b.publisher()).isEqualTo("Residenz-Verl.");
        assertThat(b.year()).isEqualTo(1993);
        assertThat(b.holdings()).containsExactly(Holding.builder().library("Magazinbestand").location("Roman").callNumber("CORL")
                .status("Verfügbar").availability(Availability.AVAILABLE).build());
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.RECORD_FAILED);
            assertThat(w.message()).isEqualTo("record 1: MARC export failed: HTTP 404 Not Found");
            assertThat(w.addInfo()).isEqualTo(SERVER.url("/opac2/Record/0163711/Export?style=MARCXML"));
        });
    }
}
