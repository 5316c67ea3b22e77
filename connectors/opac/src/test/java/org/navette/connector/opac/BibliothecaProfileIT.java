package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.MaterialType;
import org.navette.query.Query;
import org.navette.spi.Connector;

/** The bibliotheca profile against real Bibliotheca WebOPAC pages (Stadtbibliothek Mannheim). */
class BibliothecaProfileIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    @BeforeEach
    void reset() {
        // the saved list is UTF-8 though its <meta> says iso-8859-1: the header must win
        SERVER.wireMock().stubFor(post("/read/index.asp").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Set-Cookie", "ASPSESSIONIDSQTQ=KLMNOP; path=/")
                .withBody(SavedPages.bytes("opacclient/bibliotheca/resultlist/mannheim.html"))));
    }

    private Connector connector(boolean details) {
        return OpacTestServer.factory().create(SERVER.target("mannheim", "bibliotheca", "/read")
                .set("fetchDetails", details).set("requestsPerSecond", 50).build());
    }

    @Test
    void theResultListGivesHitsAuthorsTitlesYearsAndMediaTypes() {
        OpacTestServer.Result r = OpacTestServer.search(connector(false), Query.title("harry potter"), 15, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(180);
        assertThat(r.records()).hasSize(15);
        BibRecord first = r.record(0);
        assertThat(first.titleProper()).isEqualTo("Das Phänomen Harry Potter");
        assertThat(first.titleRemainder()).isEqualTo("alles über einen jungen Zauberer, seine Fans und eine magische Erfolgsgeschichte");
        assertThat(first.authors()).containsExactly(Author.personal("Anelli, Melissa"));
        assertThat(first.year()).isEqualTo(2009);
        assertThat(first.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(first.source().recordId()).isEqualTo(SERVER.url("/read/index.asp?detmediennr=0"));
        assertThat(first.identifiers()).containsExactly(new Identifier(IdentifierScheme.CONTROL_NUMBER, "0496838"),
                new Identifier(IdentifierScheme.URL, SERVER.url("/read/index.asp?detmediennr=0")));
        BibRecord second = r.record(1);
        assertThat(second.authors()).containsExactly(Author.personal("Beuning, Brigitte"),
                new Author("Knobloch, Jörg", AuthorKind.PERSONAL, null, null, false));
        assertThat(second.year()).isEqualTo(2000);
        BibRecord scores = r.record(4);
        assertThat(scores.titleProper()).isEqualTo("Cinema Classics for Violin");
        assertThat(scores.materialType()).isEqualTo(MaterialType.SCORE);
        assertThat(scores.year()).isEqualTo(2013);
        assertThat(r.record(8).materialType()).isEqualTo(MaterialType.VIDEO);
        assertThat(r.record(14).titleProper()).isEqualTo("Easy popular movie instrumental solos");
        SERVER.wireMock().verify(postRequestedFor(urlEqualTo("/read/index.asp"))
                .withRequestBody(containing("stichwort=harry+potter")).withRequestBody(containing("stichtit=stich")));
    }

    @Test
    void recordPagesAreFetchedInTheSessionTheSearchOpenedAndGiveIsbnImprintAndItems() {
        // the saved record page stands for the first hit of the session; without the session cookie: 404
        SERVER.wireMock().stubFor(get(urlEqualTo("/read/index.asp?detmediennr=0"))
                .withCookie("ASPSESSIONIDSQTQ", equalTo("KLMNOP"))
                .willReturn(OpacTestServer.page("opacclient/bibliotheca/result_detail/mannheim.html", "text/html; charset=utf-8")));

        OpacTestServer.Result r = OpacTestServer.search(connector(true), Query.any("harry potter"), 1, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.warnings()).isEmpty();
        BibRecord b = r.record(0);
        assertThat(b.titleProper()).isEqualTo("Harry Potter und der Stein der Weisen");
        assertThat(b.responsibility()).isEqualTo("Joanne K. Rowling");
        assertThat(b.authors()).containsExactly(Author.personal("Rowling, Joanne K."));
        assertThat(b.place()).isEqualTo("Hamburg");
        assertThat(b.publisher()).isEqualTo("Carlsen");
        assertThat(b.year()).isEqualTo(2009);
        assertThat(b.extent()).isEqualTo("334S.");
        assertThat(b.isbns()).extracting(i -> i.isbn13()).containsExactly("9783551551672");
        assertThat(b.identifiers(IdentifierScheme.CONTROL_NUMBER)).containsExactly("0542850");
        assertThat(b.source().recordId()).isEqualTo(SERVER.url("/read/index.asp?detmediennr=0"));
        assertThat(b.holdings()).containsExactly(
                Holding.builder().barcode("100605285").branch("Kinder- und Jugendb.").location("Ausleihe").callNumber("JE1 Rowl")
                        .status("Entliehen").availability(Availability.ON_LOAN).note("Rückgabe 26.07.2016").build(),
                Holding.builder().barcode("130168649").branch("Kinder- und Jugendb.").location("Ausleihe").callNumber("JE1 Rowl")
                        .status("Verfügbar").availability(Availability.AVAILABLE).build(),
                Holding.builder().barcode("14033942X").branch("Schönau").location("Ausleihe").callNumber("JE1 Rowl")
                        .status("Verfügbar").availability(Availability.AVAILABLE).build());
        SERVER.wireMock().verify(1, getRequestedFor(urlEqualTo("/read/index.asp?detmediennr=0")));
    }
}
