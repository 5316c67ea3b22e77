package org.navette.connector.sru;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.IngestSummary;
import org.navette.normalise.Normaliser;
import org.navette.testing.InMemoryCatalogueStore;

/** The SRU harvest source against WireMock replaying real SRU responses (see responses/PROVENANCE.txt). */
class SruHarvestSourceIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC);
    private static SruWireMock mock;

    @BeforeAll
    static void start() {
        mock = new SruWireMock();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.server.resetAll();
    }

    private static void serve(String fixture, int startRecord) {
        mock.server.stubFor(get(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo(Integer.toString(startRecord)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(SruFixtures.bytes(fixture))));
    }

    private static SruHarvestSource source(String options) {
        return SruHarvestSource.builder("sru:" + mock.url() + "#" + options).httpClient(mock.http).clock(CLOCK).build();
    }

    @Test
    void aHarvestPagesThroughTheWholeResultAndReturnsTheTimeItBegan() {
        // ZDB's real page says 44 hits; the same page stands for every page of the result
        for (int start : new int[] {1, 11, 21, 31, 41}) {
            serve("zdb-sru-marcxmlplus.xml", start);
        }
        RecordingSink sink = new RecordingSink();

        String state = source("query=dnb.iss%3D0028-0364&schema=MARC21plus-1-xml&pageSize=10")
                .read(null, Normaliser.ofDefaults(), sink);

        assertThat(state).isEqualTo("2026-12-06T20:00:00Z");
        assertThat(sink.records).hasSize(44).allMatch(d -> d.result().readable() && d.localId() == null);
        assertThat(sink.records.get(43).result().position()).isEqualTo(44);
        List<String> pages = mock.server.findAll(getRequestedFor(urlPathEqualTo("/sru"))).stream()
                .map(r -> r.queryParameter("startRecord").firstValue() + "+" + r.queryParameter("maximumRecords").firstValue())
                .toList();
        assertThat(pages).containsExactly("1+10", "11+10", "21+10", "31+10", "41+4");
        assertThat(mock.server.findAll(getRequestedFor(urlPathEqualTo("/sru"))))
                .allMatch(r -> r.queryParameter("query").firstValue().equals("dnb.iss=0028-0364")
                        && r.queryParameter("recordSchema").firstValue().equals("MARC21plus-1-xml"));
    }

    @Test
    void aPageThatFailsFailsTheHarvestAfterThePagesBeforeIt() {
        serve("zdb-sru-marcxmlplus.xml", 1);
        serve("zdb-sru-marcxmlplus.xml", 11);
        mock.server.stubFor(get(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo("21"))
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source("query=dnb.iss%3D0028-0364&pageSize=10").read(null, Normaliser.ofDefaults(), sink))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("failed at record 21")
                .hasMessageContaining("http:500");
        assertThat(sink.records).hasSize(20);
    }

    @Test
    void anSruHarvestThroughTheCatalogueAddsThenFindsNothingChanged() {
        serve("sru-zdb.xml", 1);
        Catalogue catalogue = Catalogue.builder(new InMemoryCatalogueStore()).build();

        IngestSummary first = catalogue.load("zdb", CatalogueSource.open("sru:" + mock.url() + "#query=dc.title%3Dnature"));
        List<IngestSummary> again = catalogue.harvest();

        assertThat(first.added()).isEqualTo(8);
        assertThat(again).singleElement().satisfies(s -> {
            assertThat(s.read()).isEqualTo(8);
            assertThat(s.unchanged()).isEqualTo(8);
            assertThat(s.deleted()).isZero();
        });
    }
}
