package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorRegistry;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testing.RecordingListener;

/** Searches against a real Zebra holding real LoC MARC21 and French/Italian UNIMARC records. */
@ExtendWith(Peers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Z3950ZebraSearchIT {
    private final OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory());
    private ZebraPeer zebra;
    private ZoomConnector marc21;

    @BeforeAll
    void connect(ZebraPeer peer) {
        zebra = peer;
        marc21 = open(TestTargets.zebra(zebra, "marc21").set("syntax", "usmarc").build());
    }

    private ZoomConnector open(org.navette.target.TargetConfig config) {
        return connectors.open(config);
    }

    @AfterAll
    void close() {
        connectors.closeAndCheckNothingLeaked();
    }

    private static List<Record> marc(List<RawRecord> raws) {
        List<Record> out = new ArrayList<>();
        for (RawRecord raw : raws) {
            MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(raw.bytes()), "UTF-8");
            assertThat(reader.hasNext()).as("ISO 2709 record readable").isTrue();
            out.add(reader.next());
        }
        return out;
    }

    private static String field(Record r, String tag) {
        DataField f = (DataField) r.getVariableField(tag);
        return f == null ? "" : f.toString();
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiter = '|', value = {
        "@attr 1=4 computer|10|245|computer",
        "@attr 1=1003 collins|2|100|Collins",
        "@attr 1=7 0836968433|1|020|0836968433",
        "@attr 1=21 opera|1|650|Opera",
        "@attr 1=4 @attr 4=1 \"how to program\"|2|245|How to program",
        "@and @attr 1=4 computer @attr 1=1003 collins|2|100|Collins",
        "@attr 1=4 @attr 5=1 comput|10|245|omput"})
    void searchesReportTheHitsZebraFindsAndDeliverMatchingRecords(String pqf, long hits, String tag, String text) {
        RecordingListener listener = new RecordingListener();

        SearchOutcome out = TestTargets.search(marc21, pqf, TestTargets.request().maxRecords(20).build(), listener);

        assertThat(out.hits()).isEqualTo(hits);
        assertThat(out.fetched()).isEqualTo((int) hits);
        assertThat(listener.records).hasSize((int) hits).allSatisfy(r -> {
            assertThat(r.syntax()).isEqualTo(RecordSyntax.ISO2709);
            assertThat(r.formatHint()).isEqualTo(RecordFormat.MARC21);
            assertThat(r.origin()).isEqualTo("zebra-marc21");
        });
        assertThat(marc(listener.records)).allSatisfy(r -> assertThat(field(r, tag)).containsIgnoringCase(text));
    }

    @Test
    void orAndNotCombineResultSetsAsBooleanOperators() {
        long computer = hits("@attr 1=4 computer");
        long opera = hits("@attr 1=4 opera");
        long both = hits("@and @attr 1=4 computer @attr 1=4 opera");

        assertThat(hits("@or @attr 1=4 computer @attr 1=4 opera")).isEqualTo(computer + opera - both).isEqualTo(12);
        assertThat(hits("@not @attr 1=4 computer @attr 1=1003 collins")).isEqualTo(8);
    }

    private long hits(String pqf) {
        return TestTargets.search(marc21, pqf, TestTargets.request().maxRecords(0).build(), new RecordingListener()).hits();
    }

    @Test
    void aPhraseMatchesOnlyAdjacentWordsInOrder() {
        assertThat(hits("@attr 1=4 @attr 4=1 \"program a computer\"")).isEqualTo(2);
        assertThat(hits("@attr 1=4 @attr 4=1 \"computer program\"")).isZero();
    }

    @Test
    void listenerHearsPhasesThenHitsThenRecordChunks() {
        RecordingListener listener = new RecordingListener();

        TestTargets.search(marc21, "@attr 1=4 computer", TestTargets.request().maxRecords(10).chunkSize(4).build(), listener);

        assertThat(listener.events).containsExactly("CONNECTING", "SEARCHING", "hits 10", "FETCHING",
                "records 4", "records 4", "records 2");
    }

    @Test
    void presentingInChunksGivesTheSameRecordsAsOneBigPresent() {
        RecordingListener big = new RecordingListener();
        RecordingListener small = new RecordingListener();

        TestTargets.search(marc21, "@attr 1=4 computer", TestTargets.request().maxRecords(10).chunkSize(10).build(), big);
        TestTargets.search(marc21, "@attr 1=4 computer", TestTargets.request().maxRecords(10).chunkSize(3).build(), small);

        assertThat(small.chunkSizes).containsExactly(3, 3, 3, 1);
        assertThat(big.chunkSizes).containsExactly(10);
        assertThat(small.records).isEqualTo(big.records);
    }

    @Test
    void startRecordAndMaxRecordsSelectAWindowOfTheResult() {
        RecordingListener all = new RecordingListener();
        RecordingListener window = new RecordingListener();
        TestTargets.search(marc21, "@attr 1=4 computer", TestTargets.request().maxRecords(10).build(), all);

        SearchOutcome out = TestTargets.search(marc21, "@attr 1=4 computer",
                TestTargets.request().startRecord(4).maxRecords(5).chunkSize(2).build(), window);

        assertThat(out.fetched()).isEqualTo(5);
        assertThat(window.records).isEqualTo(all.records.subList(3, 8));
    }

    @Test
    void aWindowBeyondTheHitsFetchesNothing() {
        RecordingListener listener = new RecordingListener();

        SearchOutcome out = TestTargets.search(marc21, "@attr 1=1003 collins",
                TestTargets.request().startRecord(5).maxRecords(10).build(), listener);

        assertThat(out.hits()).isEqualTo(2);
        assertThat(out.fetched()).isZero();
        assertThat(listener.events).containsExactly("CONNECTING", "SEARCHING", "hits 2");
    }

    @Test
    void marcxmlElementSetGivesMarcXmlRecords() {
        ZoomConnector xml = open(TestTargets.zebra(zebra, "marc21").set("syntax", "xml").set("elementSet", "marcxml").build());
        RecordingListener listener = new RecordingListener();

        TestTargets.search(xml, "@attr 1=7 0836968433", TestTargets.request().build(), listener);

        assertThat(listener.records).hasSize(1);
        RawRecord raw = listener.records.get(0);
        assertThat(raw.syntax()).isEqualTo(RecordSyntax.MARCXML);
        Record r = new MarcXmlReader(new ByteArrayInputStream(raw.bytes())).next();
        assertThat(field(r, "020")).contains("0836968433");
    }

    @Test
    void dcElementSetGivesDublinCoreRecords() {
        ZoomConnector dc = open(TestTargets.zebra(zebra, "marc21").set("syntax", "xml").set("elementSet", "dc").build());
        RecordingListener listener = new RecordingListener();

        TestTargets.search(dc, "@attr 1=1003 collins", TestTargets.request().build(), listener);

        assertThat(listener.records).hasSize(2).allSatisfy(raw -> {
            assertThat(raw.syntax()).isEqualTo(RecordSyntax.DUBLIN_CORE_XML);
            assertThat(raw.formatHint()).isEqualTo(RecordFormat.DUBLIN_CORE);
            assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).contains("<dc:creator>").containsIgnoringCase("collins");
        });
    }

    // This peer's unimarc.abs says "encoding utf-8" (a true UTF-8 index) while its zebra.cfg has no
    // "encoding: UTF-8", so Zebra reads un-negotiated terms as ISO-8859-1: such a server needs one of the
    // two settings below (the stock setup, without either encoding line, needs neither: StockUnimarcZebra).
    @ParameterizedTest(name = "charsetNegotiation {0}, queryEncoding {1} -> {2} hit(s)")
    @CsvSource(nullValues = "null", value = {"UTF-8,null,1", "null,ISO-8859-1,1", "null,null,0"})
    void aZebraReadingTermsAsLatin1MatchesAnAccentedTermOnlyWithNegotiationOrLatin1Terms(String negotiation,
            String queryEncoding, long hits) {
        org.navette.target.TargetConfig.Builder b = TestTargets.zebra(zebra, "unimarc").set("syntax", "unimarc");
        if (negotiation != null) {
            b.set("charsetNegotiation", negotiation);
        }
        if (queryEncoding != null) {
            b.set("queryEncoding", queryEncoding);
        }

        SearchOutcome out = TestTargets.search(open(b.build()), "@attr 1=4 bohême", TestTargets.request().build(),
                new RecordingListener());

        assertThat(out.hits()).isEqualTo(hits);
    }

    @Test
    void theQueryEncodingStillAppliesWhenUtf8IsNegotiated() {
        ZoomConnector latin1Terms = open(TestTargets.zebra(zebra, "unimarc").set("syntax", "unimarc")
                .set("charsetNegotiation", "UTF-8").set("queryEncoding", "ISO-8859-1").build());

        // the term left as Latin-1 octets, which Zebra refuses as not being the UTF-8 it agreed to
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestTargets.search(latin1Terms, "@attr 1=4 bohême",
                TestTargets.request().build(), new RecordingListener()))
                .isInstanceOf(org.navette.target.TargetException.class).hasMessageContaining("bib1:1072");
    }

    @Test
    void unimarcSyntaxDeliversUnimarcRecordsWithTheirItems() {
        ZoomConnector unimarc = open(TestTargets.zebra(zebra, "unimarc").set("syntax", "unimarc").build());
        RecordingListener listener = new RecordingListener();

        SearchOutcome out = TestTargets.search(unimarc, "@attr 1=4 consulat", TestTargets.request().build(), listener);

        assertThat(out.hits()).isEqualTo(1);
        RawRecord raw = listener.records.get(0);
        assertThat(raw.formatHint()).isEqualTo(RecordFormat.UNIMARC);
        Record r = marc(List.of(raw)).get(0);
        assertThat(field(r, "200")).contains("Les Intérêts français en Bohême");
        assertThat(field(r, "995")).contains("751072303").contains("00000001390392");
    }

    @Test
    void aHostNameIsResolvedAndSearched() {
        ZoomConnector byName = open(TestTargets.zebra(zebra, "marc21").set("host", "localhost").build());

        assertThat(TestTargets.search(byName, "@attr 1=1003 collins", TestTargets.request().build(),
                new RecordingListener()).hits()).isEqualTo(2);
    }

    @Test
    void theDeclaredCharsetTravelsAsTheRecordsCharsetHintWithTheBytesUntouched() {
        ZoomConnector declared = open(TestTargets.zebra(zebra, "unimarc").set("syntax", "unimarc")
                .set("charset", "utf-8").build());
        RecordingListener listener = new RecordingListener();

        TestTargets.search(declared, "@attr 1=4 consulat", TestTargets.request().build(), listener);

        RawRecord raw = listener.records.get(0);
        assertThat(raw.charsetHint()).isEqualTo("utf-8");
        assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).contains("Les Intérêts français en Bohême");
    }

    @Test
    void convertCharsetHasYazConvertTheRecordsToUtf8() {
        // these records are UTF-8; declaring them Latin-1 makes YAZ's conversion visible: é becomes Ã©
        ZoomConnector converting = open(TestTargets.zebra(zebra, "unimarc").set("syntax", "unimarc")
                .set("charset", "iso-8859-1").set("convertCharset", true).build());
        RecordingListener listener = new RecordingListener();

        TestTargets.search(converting, "@attr 1=4 consulat", TestTargets.request().build(), listener);

        RawRecord raw = listener.records.get(0);
        assertThat(raw.charsetHint()).isEqualTo("UTF-8");
        assertThat(field(marc(List.of(raw)).get(0), "200")).contains("Les IntÃ©rÃªts franÃ§ais en BohÃªme");
    }

    @Test
    void theConnectorIsFoundThroughServiceLoaderAndTranslatesQueriesToPqf() {
        ConnectorRegistry registry = ConnectorRegistry.fromClassPath();
        assertThat(registry.protocols()).contains("z3950");

        try (Connector c = registry.create(TestTargets.zebra(zebra, "marc21").build())) {
            RecordingListener listener = new RecordingListener();
            SearchOutcome out = c.search(SearchRequest.builder(Query.title("computer").and(Query.author("collins")))
                    .maxRecords(3).build(), listener);

            assertThat(out.hits()).isEqualTo(2);
            assertThat(marc(listener.records)).allSatisfy(r -> assertThat(field(r, "100")).contains("Collins"));
        }
    }

    @Test
    void aTargetsIndexMapChangesTheAttributesSent() {
        // Zebra indexes no "Local-number" use attribute 12 but does index 1=7 (ISBN): map id to it
        try (Connector c = ConnectorRegistry.fromClassPath().create(TestTargets.zebra(zebra, "marc21")
                .set("indexes", Map.of("id", "1=7")).build())) {
            SearchOutcome out = c.search(SearchRequest.builder(Query.term(org.navette.query.Field.ID, "0836968433"))
                    .build(), new RecordingListener());

            assertThat(out.hits()).isEqualTo(1);
        }
    }

    @Test
    void aFieldTheTargetCannotSearchFailsAsUnsupportedSearch() {
        try (Connector c = ConnectorRegistry.fromClassPath().create(TestTargets.zebra(zebra, "marc21")
                .set("indexes", Map.of("subject", "")).build())) {
            org.navette.target.TargetException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.navette.target.TargetException.class,
                    () -> c.search(SearchRequest.builder(Query.subject("opera")).build(), new RecordingListener()));

            assertThat(e.diagnostic().kind()).isEqualTo(org.navette.target.DiagnosticKind.UNSUPPORTED_SEARCH);
        }
    }
}
