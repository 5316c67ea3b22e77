package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import org.navette.model.Carrier;
import org.navette.model.Holding;
import org.navette.model.MaterialType;
import org.navette.query.Query;
import org.navette.spi.Connector;

/** The spydus profile (record page + separate holdings page) and the slub JSON profile, on real pages. */
class SpydusAndSlubProfileIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    private Connector connector(String profile) {
        return OpacTestServer.factory().create(SERVER.target(profile, profile, "/").set("requestsPerSecond", 50).build());
    }

    @Test
    void anIsbnSearchLandsOnTheSpydusRecordAndReadsItsHoldingsPage() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ")).withQueryParam("ISBN", equalTo("9780804692298"))
                .willReturn(page("library-lookup-spydus/isbn_9780804692298.html", "text/html; charset=utf-8")));
        SERVER.wireMock().stubFor(get(urlEqualTo("/cgi-bin/spydus.exe/XHLD/WPAC/ALLENQ/347793/70566229"))
                .willReturn(page("library-lookup-spydus/availability.html", "text/html; charset=utf-8")));

        OpacTestServer.Result r = OpacTestServer.search(connector("spydus"), Query.isbn("9780804692298"), 5, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.warnings()).isEmpty();
        BibRecord b = r.record(0);
        String permalink = SERVER.url("/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?SETLVL=&BRN=2512994");
        assertThat(b.source().recordId()).isEqualTo(permalink);
        assertThat(b.titleProper()).isEqualTo("Ursula K. Le Guin");
        assertThat(b.titleRemainder()).isEqualTo("voyager to inner lands and to outer space");
        assertThat(b.responsibility()).isEqualTo("edited by Joe De Bolt ; with an introduction by Barry N. Malzbert");
        assertThat(b.authors()).containsExactly(Author.personal("De Bolt, Joe"));
        assertThat(b.place()).isEqualTo("Port Washington ; London");
        assertThat(b.publisher()).isEqualTo("Kennikat Press");
        assertThat(b.year()).isEqualTo(1979);
        assertThat(b.extent()).isEqualTo("[5],221p. ; 22cm.");
        assertThat(b.isbns()).extracting(i -> i.isbn13()).containsExactly("9780804692298");
        assertThat(b.languages()).containsExactly("eng");
        assertThat(b.series()).containsExactly("Kennikat Press national university publications. literary criticism series");
        assertThat(b.subjects()).containsExactly("Le Guin, Ursula K., 1929-2018 -- Criticism and interpretation");
        assertThat(b.holdings()).containsExactly(
                Holding.builder().library("St Albans Library").location("Fiction").callNumber("Science fiction paperback")
                        .status("Onloan - Due: 02 Jun 2024").availability(Availability.ON_LOAN).build(),
                Holding.builder().library("Stevenage Central Library").location("Fiction").callNumber("Science fiction paperback")
                        .status("Available").availability(Availability.AVAILABLE).build(),
                Holding.builder().library("Woodhall Library").location("Adult Fiction: Science Fiction / Fantasy Fiction")
                        .status("Available").availability(Availability.AVAILABLE).build());
        SERVER.wireMock().verify(getRequestedFor(urlEqualTo("/cgi-bin/spydus.exe/XHLD/WPAC/ALLENQ/347793/70566229"))
                .withHeader("Referer", equalTo(SERVER.url("/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?ISBN=9780804692298"))));
    }

    @Test
    void aSpydusRecordWithTwoEditionsKeepsBothIsbnsWithTheirQualifiers() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ"))
                .willReturn(page("library-lookup-spydus/isbn_9781847442260.html", "text/html; charset=utf-8")));

        OpacTestServer.Result r = OpacTestServer.search(connector("spydus"), Query.isbn("9781847442260"), 5, Duration.ofSeconds(10));

        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo("The first phone call from heaven");
        assertThat(b.authors()).containsExactly(Author.personal("Albom, Mitch"));
        assertThat(b.isbns()).extracting(i -> i.isbn13() + " " + i.qualifier())
                .containsExactly("9781847442260 hbk", "9781405517386 ePub ebook");
        assertThat(b.year()).isEqualTo(2013);
        assertThat(b.holdings()).isEmpty();
    }

    @Test
    void theSlubJsonApiListIsReadWithJsonPointers() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/")).withQueryParam("tx_find_find[q][default]", equalTo("junit"))
                .withQueryParam("tx_find_find[data-format]", equalTo("app")).withQueryParam("tx_find_find[page]", equalTo("1"))
                .willReturn(page("opacclient/slub/search/simple-search.json", "application/json")));
        Connector slub = OpacTestServer.factory().create(SERVER.target("slub", "slub", "/")
                .set("fetchDetails", false).set("requestsPerSecond", 50).build());

        OpacTestServer.Result r = OpacTestServer.search(slub, Query.any("junit"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(2);
        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo(
                "Mastering software testing with JUnit 5 comprehensive guide to develop high quality Java applications Boni García");
        assertThat(b.authors()).containsExactly(Author.personal("Garcia, Boni"));
        assertThat(b.year()).isEqualTo(2017);
        assertThat(b.place()).isEqualTo("Birmingham, UK");
        assertThat(b.publisher()).isEqualTo("Packt Publishing");
        assertThat(b.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(b.carrier()).isEqualTo(Carrier.ELECTRONIC);
        assertThat(b.source().recordId()).isEqualTo(SERVER.url(
                "/id/0-1014939550/?type=1369315142&tx_find_find[format]=data&tx_find_find[data-format]=app"));
        assertThat(r.record(1).titleProper()).isEqualTo("Title with \" and &");
        assertThat(r.record(1).year()).isEqualTo(2222);
    }

    @Test
    void aSlubRecordDocumentIsOneRecordWithItsCopiesEvenWhenGroupedByYears() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/")).withQueryParam("tx_find_find[q][isbn]", equalTo("3446228241"))
                .willReturn(page("opacclient/slub/search/simple-item.json", "application/json")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/")).withQueryParam("tx_find_find[q][issn]", equalTo("0340-5427"))
                .willReturn(page("opacclient/slub/search/item-copies_in_multiple_arrays.json", "application/json")));

        BibRecord book = OpacTestServer.search(connector("slub"), Query.isbn("3446228241"), 5, Duration.ofSeconds(10)).record(0);
        BibRecord serial = OpacTestServer.search(connector("slub"), Query.issn("0340-5427"), 5, Duration.ofSeconds(10)).record(0);

        assertThat(book.titleProper()).isEqualTo("Unit-Tests mit JUnit");
        assertThat(book.authors()).containsExactly(Author.personal("Hunt, Andrew"),
                new Author("Thomas, David", AuthorKind.PERSONAL, null, null, false));
        assertThat(book.isbns()).extracting(i -> i.isbn13()).containsExactly("9783446228245", "9783446404694");
        assertThat(book.languages()).containsExactly("ger");
        assertThat(book.year()).isEqualTo(2004);
        assertThat(book.subjects()).containsExactly("Quellcode", "Softwaretest", "JUnit");
        assertThat(book.series()).containsExactly("Pragmatisch Programmieren; 2");
        assertThat(book.holdings()).containsExactly(Holding.builder().barcode("31541466").library("Bereichsbibliothek DrePunct")
                .location("Ausgabe über Ausleihtheke").callNumber("ST 233 H939").status("Ausleihbar")
                .availability(Availability.AVAILABLE).build());
        assertThat(serial.materialType()).isEqualTo(MaterialType.SERIAL);
        assertThat(serial.holdings()).hasSizeGreaterThan(3).allSatisfy(h -> {
            assertThat(h.library()).isEqualTo("Zentralbibliothek");
            assertThat(h.availability()).isEqualTo(Availability.NOT_FOR_LOAN);
        });
        assertThat(serial.holdings().get(0)).isEqualTo(Holding.builder().barcode("10418078").library("Zentralbibliothek")
                .location("Magazin Zeitschriften").callNumber("19 4 01339 0 0024 1 01").note("24.1992")
                .status("Bestellen zur Benutzung im Haus, kein Versand per Fernleihe, nur Kopienlieferung")
                .availability(Availability.NOT_FOR_LOAN).build());
    }

    @Test
    void anEmptySlubAnswerIsZeroHits() {
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/")).willReturn(page("opacclient/slub/search/empty-search.json", "application/json")));

        OpacTestServer.Result r = OpacTestServer.search(connector("slub"), Query.any("qwxyz"), 5, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isZero();
        assertThat(r.records()).isEmpty();
    }
}
