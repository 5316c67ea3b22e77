package org.navette.connector.sru;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchOutcome;
import org.navette.target.TargetDiagnostic;
import org.navette.testing.RecordingListener;

/** WireMock replaying real SRU responses from LoC, LIBRIS/KTH, BIBSYS, DNB/ZDB, Alma, hbz (see PROVENANCE.txt). */
class SruRealResponsesIT {
    private static final Normaliser NORMALISER = Normaliser.ofDefaults();
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

    @ParameterizedTest(name = "{0}: {1} hits, {2} records, first 001 {3}")
    @CsvSource(delimiter = '|', value = {
            "sru-loc.xml|2525|10|14254861",
            "sru-loc2.xml|1|1|536510",
            "sru-kth.xml|1053|10|13694531",
            "sru-bibsys.xml|1|1|93201478x",
            "sru-zdb.xml|8|8|1008300616",
            "sru-alma.xml|3|3|999401461934702201",
            "lvi.xml|5|5|HT014020783",
            "zdb-sru-marcxmlplus.xml|44|10|273652109",
            "zdb-sru-marcxmlplus1.xml|1|1|019080638",
            "marcxml_ns_prefix.xml|79446|5|004641415",
    })
    void aRealResponseGivesItsHitsAndRecords(String fixture, long hits, int records, String firstId) {
        serve(fixture, 1);
        RecordingListener listener = new RecordingListener();
        try (SruConnector c = mock.connector(Map.of())) {
            SearchOutcome out = c.searchCql("dc.title=hello", SruWireMock.request(1, records, 10, Duration.ofSeconds(10)),
                    listener);

            assertThat(out.hits()).isEqualTo(hits);
            assertThat(out.fetched()).isEqualTo(records);
            assertThat(out.warnings()).isEmpty();
            assertThat(listener.records()).hasSize(records).allSatisfy(r -> {
                assertThat(r.syntax()).isEqualTo(RecordSyntax.MARCXML);
                assertThat(r.origin()).isEqualTo("mock");
            });
            assertThat(MarcXmlProbe.all(listener.records()).get(0).controlField("001")).isEqualTo(firstId);
            // and core's normaliser reads every one of them (ZDB's MARC21plus collections put holdings
            // records next to the bibliographic one: they become its holdings)
            assertThat(listener.records()).allSatisfy(r -> {
                ReadResult read = NORMALISER.normalise(r);
                assertThat(read.record()).as(read.problems().toString()).isNotNull();
                assertThat(read.record().title()).isNotBlank();
                if (fixture.equals("zdb-sru-marcxmlplus.xml")) {
                    assertThat(read.record().holdings()).isNotEmpty()
                            .allSatisfy(h -> assertThat(h.library()).matches("[A-Z]{2}-\\S+")); // an ISIL
                }
            });
            // MARC21-xml, marcxml, marcxchange, or no schema at all when marcxml was asked for
            assertThat(listener.records()).extracting(RawRecord::formatHint).containsOnly(RecordFormat.MARC21);
        }
        mock.server.verify(1, getRequestedFor(urlPathEqualTo("/sru")));
    }

    @Test
    void theRequestCarriesEverySruParameterIncludingMaximumRecords() {
        serve("sru-loc.xml", 1);
        try (SruConnector c = mock.connector(Map.of("version", "1.1", "recordSchema", "marcxml"))) {
            c.searchCql("dc.title=cheese", SruWireMock.request(1, 10, 10, Duration.ofSeconds(10)), new RecordingListener());
        }
        mock.server.verify(getRequestedFor(urlPathEqualTo("/sru"))
                .withQueryParam("operation", equalTo("searchRetrieve"))
                .withQueryParam("version", equalTo("1.1"))
                .withQueryParam("query", equalTo("dc.title=cheese"))
                .withQueryParam("startRecord", equalTo("1"))
                .withQueryParam("maximumRecords", equalTo("10"))
                .withQueryParam("recordSchema", equalTo("marcxml"))
                .withQueryParam("recordPacking", equalTo("xml")));
    }

    @Test
    void version2RequestsUseRecordXmlEscapingAndNoOperation() {
        serve("zebra-2.0-dc.xml", 3);
        try (SruConnector c = mock.connector(Map.of("version", "2.0", "recordSchema", "dc"))) {
            SearchOutcome out = c.searchCql("computer", SruWireMock.request(3, 2, 10, Duration.ofSeconds(10)),
                    new RecordingListener());
            assertThat(out.fetched()).isEqualTo(2);
        }
        mock.server.verify(getRequestedFor(urlPathEqualTo("/sru"))
                .withQueryParam("operation", absent())
                .withQueryParam("version", equalTo("2.0"))
                .withQueryParam("recordXMLEscaping", equalTo("xml"))
                .withQueryParam("recordPacking", absent()));
    }

    @Test
    void extraParametersHeadersAndUserAgentAreSent() {
        serve("sru-alma.xml", 1);
        Map<String, Object> settings = Map.of("parameters", Map.of("x-info-5-mode", "strict", "database", "books"),
                "headers", Map.of("X-Api-Key", "k1"), "userAgent", "NavetteTest/1");
        try (SruConnector c = mock.connector(settings)) {
            c.searchCql("alma.title=x", SruWireMock.request(1, 3, 10, Duration.ofSeconds(10)), new RecordingListener());
        }
        mock.server.verify(getRequestedFor(urlPathEqualTo("/sru"))
                .withQueryParam("x-info-5-mode", equalTo("strict"))
                .withQueryParam("database", equalTo("books"))
                .withHeader("X-Api-Key", equalTo("k1"))
                .withHeader("User-Agent", equalTo("NavetteTest/1")));
    }

    @Test
    void methodPostSendsTheParametersAsAForm() {
        mock.server.stubFor(post(urlPathEqualTo("/sru")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(SruFixtures.bytes("sru-loc2.xml"))));
        try (SruConnector c = mock.connector(Map.of("method", "post"))) {
            SearchOutcome out = c.searchCql("dc.creator=Einstein", SruWireMock.request(1, 1, 10, Duration.ofSeconds(10)),
                    new RecordingListener());
            assertThat(out.hits()).isEqualTo(1);
        }
        mock.server.verify(postRequestedFor(urlPathEqualTo("/sru"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("query=dc.creator%3DEinstein"))
                .withRequestBody(containing("maximumRecords=1")));
    }

    @Test
    void aUrlLongerThanTheLimitTurnsIntoAPost() {
        mock.server.stubFor(post(urlPathEqualTo("/sru")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(SruFixtures.bytes("sru-loc2.xml"))));
        String longCql = "dc.creator=Einstein" + " or dc.creator=Einstein".repeat(30);
        try (SruConnector c = mock.connector(Map.of("maxUrlLength", 300))) {
            c.searchCql(longCql, SruWireMock.request(1, 1, 10, Duration.ofSeconds(10)), new RecordingListener());
        }
        mock.server.verify(1, postRequestedFor(urlPathEqualTo("/sru")));
        mock.server.verify(0, getRequestedFor(urlPathEqualTo("/sru")));
    }

    @Test
    void aPageStartingAtRecord21KeepsItsPositions() {
        serve("21.xml", 21);
        RecordingListener listener = new RecordingListener();
        try (SruConnector c = mock.connector(Map.of("recordSchema", "MARC21-xml"))) {
            SearchOutcome out = c.searchCql("tit=soil and biology", SruWireMock.request(21, 10, 10, Duration.ofSeconds(10)),
                    listener);

            assertThat(out.hits()).isEqualTo(23);
            assertThat(out.fetched()).isEqualTo(3);
        }
        assertThat(MarcXmlProbe.all(listener.records())).extracting(m -> m.controlField("001"))
                .containsExactly("011197684", "016305078", "01216822X");
        // the hit count is unknown before the first answer: the first page asks for a whole chunk
        mock.server.verify(1, getRequestedFor(urlPathEqualTo("/sru")).withQueryParam("maximumRecords", equalTo("10")));
    }

    /**
     * Two real DNB pages of the same 23-hit result ("tit=soil and biology"): records 1-10 and 21-23.
     * Page 11-20 was never captured, so the page of records 21-23 answers the request for 11: the
     * connector must follow the positions the server reports and stop at the hit count.
     */
    @Test
    void twoRealPagesAreStitchedIntoOneResult() {
        serve("meta.xml", 1);
        serve("21.xml", 11);
        RecordingListener listener = new RecordingListener();
        try (SruConnector c = mock.connector(Map.of())) {
            SearchOutcome out = c.searchCql("tit=soil and biology", SruWireMock.request(1, 23, 10, Duration.ofSeconds(10)),
                    listener);

            assertThat(out.hits()).isEqualTo(23);
            assertThat(out.fetched()).isEqualTo(13);
            assertThat(listener.chunkSizes()).containsExactly(10, 3);
            assertThat(MarcXmlProbe.all(listener.records()).get(0).controlField("001")).isEqualTo("105225165X");
            assertThat(MarcXmlProbe.all(listener.records()).get(12).controlField("001")).isEqualTo("01216822X");
            // meta.xml's (hand-edited) diagnostics come with records: warnings, not failures
            assertThat(out.warnings()).extracting(TargetDiagnostic::code)
                    .containsExactly("info:srw/diagnostic/1/38", "foo:bar");
            assertThat(out.warnings().get(0).message()).isEqualTo("Whatever");
            assertThat(out.warnings().get(0).addInfo()).isEqualTo("10");
        }
        mock.server.verify(1, getRequestedFor(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo("1"))
                .withQueryParam("maximumRecords", equalTo("10")));
        mock.server.verify(1, getRequestedFor(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo("11"))
                .withQueryParam("maximumRecords", equalTo("10")));
        mock.server.verify(2, getRequestedFor(urlPathEqualTo("/sru")));
    }

    @Test
    void aServerWithoutNextRecordPositionIsPagedByCounting() {
        serve("sru-kth.xml", 1);
        serve("sru-kth.xml", 11);
        RecordingListener listener = new RecordingListener();
        try (SruConnector c = mock.connector(Map.of())) {
            SearchOutcome out = c.searchCql("hello", SruWireMock.request(1, 20, 10, Duration.ofSeconds(10)), listener);

            assertThat(out.fetched()).isEqualTo(20);
            assertThat(listener.chunkSizes()).containsExactly(10, 10);
        }
        mock.server.verify(1, getRequestedFor(urlPathEqualTo("/sru")).withQueryParam("startRecord", equalTo("11")));
    }

    @Test
    void recordsInAnUnusableSchemaAreWarningsWithTheirPositions() {
        serve("sru_picaxml.xml", 1);
        try (SruConnector c = mock.connector(Map.of("recordSchema", "picaxml"))) {
            SearchOutcome out = c.searchCql("pica.all=x", SruWireMock.request(1, 3, 10, Duration.ofSeconds(10)),
                    new RecordingListener());

            assertThat(out.hits()).isEqualTo(3);
            assertThat(out.fetched()).isZero();
            assertThat(out.warnings()).hasSize(3).allSatisfy(w -> {
                assertThat(w.kind()).isEqualTo(DiagnosticKind.RECORD_FAILED);
                assertThat(w.message()).contains("no MARCXML or Dublin Core record");
            });
            assertThat(out.warnings()).extracting(TargetDiagnostic::addInfo)
                    .containsExactly("record 1, schema picaxml", "record 2, schema picaxml", "record 3, schema picaxml");
        }
    }

    @Test
    void theSameRecordsArriveThroughTheAsynchronousSearch() throws Exception {
        serve("sru-loc.xml", 1);
        RecordingListener listener = new RecordingListener();
        try (SruConnector c = mock.connector(Map.of())) {
            SearchOutcome out = c.searchCqlAsync("cheese", SruWireMock.request(1, 10, 10, Duration.ofSeconds(10)), listener)
                    .get();

            assertThat(out.hits()).isEqualTo(2525);
            assertThat(MarcXmlProbe.all(listener.records())).extracting(m -> m.subfield("245", "a")).first()
                    .isEqualTo("15 Louisiana cajun classics");
            assertThat(listener.records()).hasSize(10);
        }
    }

    @Test
    void recordBytesAreStandaloneUtf8Xml() {
        serve("sru-kth.xml", 1);
        RecordingListener listener = new RecordingListener();
        try (SruConnector c = mock.connector(Map.of())) {
            c.searchCql("hello", SruWireMock.request(1, 1, 10, Duration.ofSeconds(10)), listener);
        }
        List<RawRecord> records = listener.records();
        String xml = new String(records.get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>01457cas a22002895  4500</leader>");
        assertThat(xml).contains("电脑技术-HELLO-IT").endsWith("</record>");
    }
}
