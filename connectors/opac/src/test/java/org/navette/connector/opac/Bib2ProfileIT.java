package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.connector.opac.OpacTestServer.page;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;

/** The bib2 profile against WireMock replaying real BIB2 WebOPAC pages (ISO-8859-1, document.write lists). */
class Bib2ProfileIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();
    private static final String DETAIL_1 = "/bib2/detail?F001=3&C106=F003&%3AStichwort%2BF002%2BF003%2BF004%2BF016%2BF031%2BF032"
            + "=%09Kletterf%FChrer%20Frankenjura%20Band%202%20%2F%20Deutschland&C101=1418294192807246513.0&C109=1969&C105=AND&C102=25221&C108=0";
    private static final String DETAIL_2 = DETAIL_1.replace("C102=25221", "C102=3924");

    private Connector connector(boolean details) {
        return OpacTestServer.factory().create(SERVER.target("alpenverein", "bib2", "/bib2/")
                .set("fetchDetails", details).set("requestsPerSecond", 50).build());
    }

    @Test
    void aKeywordSearchPostsTheFormInLatin1AndReadsTheScriptWrittenResultList() {
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(page("opacclient/bib2/searchresult_single.htm", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(false), Query.any("Kletterführer"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.hits()).isEqualTo(2L);
        assertThat(r.records()).hasSize(2);
        BibRecord first = r.record(0);
        assertThat(first.format()).isEqualTo(RecordFormat.HTML);
        assertThat(first.source().origin()).isEqualTo("alpenverein");
        assertThat(first.source().recordId()).isEqualTo(SERVER.url(DETAIL_1));
        assertThat(first.titleProper()).isEqualTo("Kletterführer Frankenjura Band 2 / Deutschland");
        assertThat(first.titleRemainder()).isEqualTo("Kletterführer");
        assertThat(first.authors()).extracting(a -> a.name()).containsExactly("Schwertner, Sebastian");
        assertThat(first.publisher()).isEqualTo("Panico Alpinverlagag");
        assertThat(first.place()).isEqualTo("Köngen");
        assertThat(first.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(first.identifiers()).containsExactly(new Identifier(IdentifierScheme.CONTROL_NUMBER, "25221"),
                new Identifier(IdentifierScheme.URL, SERVER.url(DETAIL_1)));
        assertThat(first.holdings()).containsExactly(Holding.builder().callNumber("F2799A")
                .status("verfügbar / vor Ort / insgesamt: 1 / 1 / 2").availability(Availability.AVAILABLE).build());
        assertThat(r.record(1).identifiers()).first().isEqualTo(new Identifier(IdentifierScheme.CONTROL_NUMBER, "3924"));
        assertThat(r.record(1).holdings()).extracting(Holding::callNumber).containsExactly("F2799");
        SERVER.wireMock().verify(postRequestedFor(urlEqualTo("/bib2/list"))
                .withHeader("User-Agent", equalTo("Navette/0.1 (+https://navette.org; federated library search)"))
                .withRequestBody(containing("%3AStichwort%2BF002%2BF003%2BF004%2BF016%2BF031%2BF032=Kletterf%FChrer"))
                .withRequestBody(containing("C105=AND")));
    }

    @Test
    void eachResultIsCompletedFromItsRecordPageWithYearEditionSubjectsAndItemTable() {
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(page("opacclient/bib2/searchresult_single.htm", "text/html")));
        SERVER.wireMock().stubFor(get(urlEqualTo(DETAIL_1)).willReturn(page("opacclient/bib2/detail.htm", "text/html")));
        SERVER.wireMock().stubFor(get(urlEqualTo(DETAIL_2)).willReturn(page("opacclient/bib2/detail_no_cover.htm", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(true), Query.author("Schwertner"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        BibRecord first = r.record(0);
        assertThat(first.title()).isEqualTo("Kletterführer Frankenjura Band 2 / Deutschland : Kletterführer");
        assertThat(first.year()).isEqualTo(2018);
        assertThat(first.edition()).isEqualTo("11. Ausgabe");
        assertThat(first.publisher()).isEqualTo("Panico Alpinverlagag");
        assertThat(first.subjects()).containsExactly("Bergsteigen", "Bergsteigen/Klettern", "Jahr", "Jahr/1990 ...");
        assertThat(first.holdings()).containsExactly(
                Holding.builder().callNumber("F2799A/1").location("Führer/Deutschland").status("ausleihbar: nein")
                        .availability(Availability.NOT_FOR_LOAN).build(),
                Holding.builder().callNumber("F2799A/2").location("Führer/Deutschland").status("ausleihbar: ja")
                        .availability(Availability.AVAILABLE).note("Rückgabe 08.04.2021").build());
        assertThat(first.source().recordId()).isEqualTo(SERVER.url(DETAIL_1));
        BibRecord second = r.record(1);
        assertThat(second.titleProper()).isEqualTo("Haupttitel");
        assertThat(second.holdings()).containsExactly(Holding.builder().callNumber("X123/1").build());
        assertThat(r.warnings()).isEmpty();
        SERVER.wireMock().verify(postRequestedFor(urlEqualTo("/bib2/list")).withRequestBody(containing("F006%2BF007=Schwertner")));
        SERVER.wireMock().verify(getRequestedFor(urlEqualTo(DETAIL_1)).withHeader("Referer", equalTo(SERVER.url("/bib2/list"))));
    }

    @Test
    void theNothingFoundPageIsZeroHitsNotAnError() {
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(page("opacclient/bib2/searchresult_nothing_found.htm", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(true), Query.any("laöfdajdölfj"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isZero();
        assertThat(r.records()).isEmpty();
    }

    @Test
    void theErrorPageIsAQueryRejectedDiagnosticQuotingTheOpac() {
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(page("opacclient/bib2/searchresult_error.htm", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(true), Query.any("x"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().diagnostic().kind()).isEqualTo(DiagnosticKind.QUERY_REJECTED);
        assertThat(r.failure().diagnostic().message()).isEqualTo(
                "profile bib2: the OPAC answered with an error page: Bitte geben Sie wenigstens ein Suchkriterium ein.");
    }

    @Test
    void aMultiPageResultFollowsTheNextLinkUntilEnoughRecordsArrive() {
        // only the first page of this 73-hit result was saved: the "Weiter" link is answered with it again
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(page("opacclient/bib2/searchresult_multi_page1.htm", "text/html")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/bib2/list"))
                .willReturn(page("opacclient/bib2/searchresult_multi_page1.htm", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(false), Query.any("Klettersteig"), 55, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(73);
        assertThat(r.records()).hasSize(55);
        assertThat(r.record(0).title()).isEqualTo("107 Via Ferrata, 107 Klettersteige : Klettersteigführer");
        assertThat(r.record(1).title()).isEqualTo("7x7 Genussklettersteige : Klettersteigführer");
        assertThat(r.record(1).materialType()).isEqualTo(MaterialType.MAP);
        assertThat(r.record(1).publisher()).isEqualTo("Bruckmann Verlag GmbH");
        assertThat(r.record(1).authors()).isEmpty();
        assertThat(r.record(49).title()).isEqualTo("Klettersteige mit kurzen Zustiegen : 60 Touren in den Alpen, die direkt ans Eisen führen");
        assertThat(r.record(50).title()).isEqualTo(r.record(0).title());
        SERVER.wireMock().verify(1, getRequestedFor(urlEqualTo(
                "/bib2/list?F001=3&C106=F003&C101=196641492519323672.0&C109=1969&C105=AND&F023=16&C108=1")));
    }

    @Test
    void anErrorPageAfterTheFirstPageKeepsTheRecordsAlreadyReadAndWarns() {
        SERVER.wireMock().stubFor(post("/bib2/list").willReturn(page("opacclient/bib2/searchresult_multi_page1.htm", "text/html")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/bib2/list")).willReturn(page("opacclient/bib2/searchresult_error.htm", "text/html")));

        OpacTestServer.Result r = OpacTestServer.search(connector(false), Query.any("Klettersteig"), 60, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.records()).hasSize(50);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.QUERY_REJECTED);
            assertThat(w.message()).isEqualTo("result page 2 failed, results are partial: profile bib2: the OPAC answered with an "
                    + "error page: Bitte geben Sie wenigstens ein Suchkriterium ein.");
        });
    }
}
