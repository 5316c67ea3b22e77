package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.connector.opac.OpacTestServer.page;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;

/** The sisis profile against real SISIS-SunRise full views (HTW Berlin, Stadtbibliothek Bremen). */
class SisisProfileIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    private Connector connector(String path) {
        return OpacTestServer.factory().create(SERVER.target("sisis", "sisis", path).set("requestsPerSecond", 50).build());
    }

    @Test
    void aFreeSearchReadsTheFullViewWithHitCountIsbnsAndTheItemsTab() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/InfoGuideClient/search.do"))
                .withQueryParam("methodToCall", equalTo("quickSearch")).withQueryParam("Kateg", equalTo("-1"))
                .withQueryParam("Content", equalTo("test"))
                .willReturn(page("opacclient/sisis/result_detail/berlin_htw_1.html", "text/html;charset=UTF-8")));

        OpacTestServer.Result r = OpacTestServer.search(connector("/InfoGuideClient/"), Query.any("test"), 1, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(2543);
        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo("Agile business intelligence");
        assertThat(b.titleRemainder()).isEqualTo("Theorie und Praxis");
        assertThat(b.edition()).isEqualTo("1. Auflage");
        assertThat(b.year()).isEqualTo(2016);
        assertThat(b.isbns()).extracting(i -> i.isbn13())
                .containsExactly("9783864903120", "9783864918735", "9783864918742", "9783864918759");
        assertThat(b.source().recordId()).isEqualTo("12468886");
        assertThat(b.holdings()).containsExactly(
                Holding.builder().branch("Campus Wilhelminenhof").status("bestellbar").availability(Availability.AVAILABLE).build(),
                Holding.builder().branch("Campus Wilhelminenhof / Lesesaal").status("nutzbar in")
                        .availability(Availability.NOT_FOR_LOAN).build());
    }

    @Test
    void theTitleTabGivesEditorsPublisherLanguageExtentAndSubjects() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/InfoGuideClient/search.do")).withQueryParam("Kateg", equalTo("331"))
                .willReturn(page("opacclient/sisis/result_detail/berlin_htw_2.html", "text/html;charset=UTF-8")));

        OpacTestServer.Result r = OpacTestServer.search(connector("/InfoGuideClient"), Query.title("agile business"), 1,
                Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        BibRecord b = r.record(0);
        assertThat(b.authors()).containsExactly(Author.personal("Trahasch, Stephan"),
                new Author("Zimmer, Michael", AuthorKind.PERSONAL, null, null, false));
        assertThat(b.responsibility()).isEqualTo("Stephan Trahasch, Michael Zimmer (Hrsg.)");
        assertThat(b.publisher()).isEqualTo("dpunkt.verlag");
        assertThat(b.place()).isEqualTo("Heidelberg");
        assertThat(b.languages()).containsExactly("ger");
        assertThat(b.extent()).isEqualTo("xvi, 284 Seiten");
        assertThat(b.subjects()).containsExactly("Business Intelligence", "Agile Softwareentwicklung", "Scrum <Vorgehensmodell>");
    }

    @Test
    void aSearchInTwoFieldsIsOneQuickSearchAsAnyWithAWarningAndItemsAreReadByColumnHeader() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/webOPACClient/search.do")).withQueryParam("Kateg", equalTo("-1"))
                .withQueryParam("Content", equalTo("scooter wild"))
                .willReturn(page("opacclient/sisis/result_detail/bremen_1.html", "text/html;charset=UTF-8")));

        OpacTestServer.Result r = OpacTestServer.search(connector("/webOPACClient/"),
                Query.title("scooter").and(Query.subject("wild")), 1, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
            assertThat(w.message()).isEqualTo("profile sisis searches one field at a time; [title, subject] searched together as any");
        });
        assertThat(r.outcome().hits()).isEqualTo(170);
        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo("100% Scooter");
        assertThat(b.place()).isEqualTo("Hamburg");
        assertThat(b.publisher()).isEqualTo("Sheffield Tunes/Kontor Records GmbH");
        assertThat(b.year()).isEqualTo(2018);
        assertThat(b.extent()).isEqualTo("3 CDs");
        assertThat(b.source().recordId()).isEqualTo("952774807");
        assertThat(b.holdings()).containsExactly(Holding.builder().callNumber("J CD Pop Scoo")
                .branch("10-Zentralbibliothek / 3.OG Kinder/Multimedia").barcode("1698403478")
                .status("entliehen bis 30.01.2018 (gesamte Vormerkungen: 0)Sie können genau dieses Exemplar vormerken.")
                .availability(Availability.ON_LOAN).build());
    }
}
