package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.connector.sru.MarcXmlProbe;
import org.navette.connector.sru.SruExplain;
import org.navette.connector.sru.SruFixtures;
import org.navette.query.Field;
import org.navette.model.RecordSyntax;

class SruResponseParserTest {
    private final SruResponseParser parser = new SruResponseParser();

    private SruResponse parse(String fixture, int start) throws Exception {
        return parser.parseSearchRetrieve(new ByteArrayInputStream(SruFixtures.bytes(fixture)), null, start);
    }

    private static SruResponse parse(SruResponseParser p, String xml) throws Exception {
        return p.parseSearchRetrieve(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null, 1);
    }

    private static SruRecord.Data data(SruRecord r) {
        assertThat(r.content()).isInstanceOf(SruRecord.Data.class);
        return (SruRecord.Data) r.content();
    }

    private static List<Integer> positions(SruResponse r) {
        return r.records().stream().map(SruRecord::position).toList();
    }

    @ParameterizedTest(name = "{0}: version {1}, {2} hits, {3} records from {4}, next {5}")
    @CsvSource({
            "sru-loc.xml,              1.2, 2525,  10, 1,  11",
            "sru-loc2.xml,             1.1, 1,     1,  1,  0",
            "sru-kth.xml,              1.2, 1053,  10, 1,  0",
            "sru-bibsys.xml,           1.2, 1,     1,  1,  0",
            "sru-zdb.xml,              1.1, 8,     8,  1,  9",
            "sru-alma.xml,             1.2, 3,     3,  1,  0",
            "lvi.xml,                  1.1, 5,     5,  1,  0",
            "zdb-sru-marcxmlplus.xml,  1.1, 44,    10, 1,  11",
            "zdb-sru-marcxmlplus1.xml, 1.1, 1,     1,  1,  2",
            "21.xml,                   1.1, 23,    3,  21, 24",
            "marcxml_ns_prefix.xml,    1.1, 79446, 5,  1,  0",
            "zebra-2.0-dc.xml,         2.0, 13,    2,  3,  0",
    })
    void realResponsesGiveTheirCountsPositionsAndUsableRecords(String fixture, String version, long hits, int records,
                                                               int firstPosition, int next) throws Exception {
        SruResponse r = parse(fixture, firstPosition);

        assertThat(r.version()).isEqualTo(version);
        assertThat(r.numberOfRecords()).isEqualTo(hits);
        assertThat(r.records()).hasSize(records);
        assertThat(positions(r)).containsExactlyElementsOf(
                IntStream.range(firstPosition, firstPosition + records).boxed().toList());
        assertThat(r.nextRecordPosition()).isEqualTo(next);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.records()).allSatisfy(rec -> MarcXmlProbe.of(data(rec).xml()));
    }

    @ParameterizedTest(name = "{0} record {1}: 001 {2}, 245$a {3}")
    @CsvSource(delimiter = '|', value = {
            "sru-loc.xml|0|14254861|15 Louisiana cajun classics",
            "sru-loc.xml|9|14544116|Add insult to injury",
            "sru-loc2.xml|0|536510|Relativity :",
            "sru-kth.xml|0|13694531|电脑技术-HELLO-IT/#/電腦技術-HELLO-IT",
            "sru-kth.xml|9|10676883|Go Yoyo go!",
            "sru-zdb.xml|0|1008300616|Unterwegs mit Hello Kitty",
            "sru-alma.xml|0|999401461934702201|The eightfold way",
            "lvi.xml|0|HT014020783|Informatik",
            "21.xml|0|011197684|Pedobiologia",
            "21.xml|2|01216822X|Proceedings of the Third Commission of the International Society of Soil Science",
            "marcxml_ns_prefix.xml|0|004641415|[without title]",
            "zdb-sru-marcxmlplus1.xml|0|019080638|Nature",
    })
    void recordsAreCopiedOutWithTheirContent(String fixture, int index, String id, String title) throws Exception {
        SruRecord rec = parse(fixture, 1).records().get(index);

        MarcXmlProbe marc = MarcXmlProbe.of(data(rec).xml());
        assertThat(data(rec).syntax()).isEqualTo(RecordSyntax.MARCXML);
        assertThat(marc.controlField("001")).isEqualTo(id);
        assertThat(marc.subfield("245", "a")).startsWith(title);
    }

    @Test
    void aNamespacePrefixDeclaredOnlyOnTheEnvelopeIsDeclaredOnTheCopiedRecord() throws Exception {
        SruRecord rec = parse("marcxml_ns_prefix.xml", 1).records().get(0);

        String xml = data(rec).xml();
        assertThat(xml).startsWith("<mytestprefix:record xmlns:mytestprefix=\"http://www.loc.gov/MARC21/slim\">");
        MarcXmlProbe marc = MarcXmlProbe.of(xml);
        assertThat(marc.rootNamespace()).isEqualTo("http://www.loc.gov/MARC21/slim");
        assertThat(marc.subfield("031", "t")).isEqualTo("Wer nie sein Brot mit Tränen aß");
        assertThat(xml).doesNotContain("zing/srw");
    }

    @Test
    void aRecordInNoNamespaceStaysInNoNamespace() throws Exception {
        SruRecord rec = parse("sru-alma.xml", 1).records().get(0);

        MarcXmlProbe marc = MarcXmlProbe.of(data(rec).xml());
        assertThat(marc.rootNamespace()).isEmpty();
        assertThat(marc.rootName()).isEqualTo("record");
    }

    @Test
    void marcxchangeWrappedInAMetadataElementIsUnwrapped() throws Exception {
        SruRecord rec = parse("sru-bibsys.xml", 1).records().get(0);

        MarcXmlProbe marc = MarcXmlProbe.of(data(rec).xml());
        assertThat(rec.schema()).isEqualTo("marcxchange");
        assertThat(rec.identifier()).isEqualTo("93201478x");
        assertThat(marc.rootName()).isEqualTo("collection");
        assertThat(marc.rootNamespace()).isEqualTo("info:lc/xmlns/marcxchange-v1");
        assertThat(data(rec).formatAttribute()).isEqualTo("MARC21");
        assertThat(marc.controlField("001")).isEqualTo("93201478x");
        assertThat(marc.subfield("020", "a")).isEqualTo("8203172865");
        assertThat(data(rec).xml()).doesNotContain("<metadata");
    }

    @Test
    void recordIdentifiersAndSchemasAreKept() throws Exception {
        SruResponse r = parse("sru-kth.xml", 1);

        assertThat(r.records()).extracting(SruRecord::identifier).startsWith("13694531", "8464745", "13597150");
        assertThat(r.records()).extracting(SruRecord::schema).containsOnly("info:srw/schema/1/marcxml-v1.1");
    }

    @Test
    void anEmptyRecordSchemaElementIsNoSchema() throws Exception {
        assertThat(parse("lvi.xml", 1).records()).extracting(SruRecord::schema).containsOnlyNulls();
    }

    @Test
    void nonSortingMarkersInsideRecordsSurviveTheCopy() throws Exception {
        SruRecord rec = parse("lvi.xml", 1).records().get(1);

        assertThat(MarcXmlProbe.of(data(rec).xml()).subfield("245", "a"))
                .isEqualTo("\u0098250\u009c [Zweihundertfünfzig] Jahre märkischer Steinkohlenbergbau");
    }

    @Test
    void aMarcCollectionWithHoldingsIsOneRecord() throws Exception {
        SruRecord rec = parse("zdb-sru-marcxmlplus.xml", 1).records().get(5);

        MarcXmlProbe marc = MarcXmlProbe.of(data(rec).xml());
        assertThat(marc.rootName()).isEqualTo("collection");
        assertThat(marc.count("record")).isEqualTo(3);
    }

    @Test
    void picaRecordsAreReportedAsUnusableNotDropped() throws Exception {
        SruResponse r = parse("sru_picaxml.xml", 1);

        assertThat(r.records()).hasSize(3).allSatisfy(rec -> {
            assertThat(rec.content()).isInstanceOf(SruRecord.Unusable.class);
            assertThat(((SruRecord.Unusable) rec.content()).reason())
                    .contains("no MARCXML or Dublin Core record", "picaXML");
        });
        assertThat(r.records()).extracting(SruRecord::schema).containsOnly("picaxml");
    }

    @Test
    void sru20DublinCoreRecordsAreDublinCoreXml() throws Exception {
        SruRecord rec = parse("zebra-2.0-dc.xml", 3).records().get(0);

        assertThat(data(rec).syntax()).isEqualTo(RecordSyntax.DUBLIN_CORE_XML);
        assertThat(MarcXmlProbe.of(data(rec).xml()).dc("title"))
                .startsWith("Computer processing of dynamic images from an Anger scintillation camera");
    }

    @Test
    void recordsPackedAsEscapedStringsAreUnescapedIntoXml() throws Exception {
        SruResponse r = parse("zebra-1.1-string-dc.xml", 1);

        assertThat(r.records()).hasSize(2);
        SruRecord.Data first = data(r.records().get(0));
        assertThat(first.syntax()).isEqualTo(RecordSyntax.DUBLIN_CORE_XML);
        assertThat(first.xml()).startsWith("<dc:dc xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                .doesNotContain("<?xml");
        assertThat(MarcXmlProbe.of(first.xml()).dc("title")).isEqualTo("How to program a computer");
        assertThat(MarcXmlProbe.of(first.xml()).dc("creator")).isEqualTo("Jack Collins");
    }

    @Test
    void wholeResponseDiagnosticsAreReadInBothNamespaces() throws Exception {
        SruResponse v12 = parse("zebra-1.2-diagnostic-10.xml", 1);
        SruResponse v20 = parse("zebra-2.0-diagnostic-66.xml", 1);

        assertThat(v12.hasNumberOfRecords()).isFalse();
        assertThat(v12.diagnostics()).containsExactly(
                new SruDiagnostic("info:srw/diagnostic/1/10", "Query syntax error", null));
        assertThat(v12.diagnostics().get(0).standardNumber()).isEqualTo(10);
        assertThat(v20.numberOfRecords()).isEqualTo(13);
        assertThat(v20.diagnostics()).containsExactly(
                new SruDiagnostic("info:srw/diagnostic/1/66", "Unknown schema for retrieval", "foo"));
    }

    @Test
    void anEmptyDiagnosticsElementIsNoDiagnostic() throws Exception {
        assertThat(parse("sru-alma.xml", 1).diagnostics()).isEmpty();
    }

    @Test
    void aPerRecordSurrogateDiagnosticIsASurrogateAndTheOtherRecordsStay() throws Exception {
        String xml = """
                <zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version>
                <zs:numberOfRecords>2</zs:numberOfRecords><zs:records>
                <zs:record><zs:recordSchema>info:srw/schema/1/diagnostics-v1.1</zs:recordSchema>
                <zs:recordPacking>xml</zs:recordPacking><zs:recordData>
                <diagnostic xmlns="http://www.loc.gov/zing/srw/diagnostic/"><uri>info:srw/diagnostic/1/65</uri>
                <details>42</details><message>Record does not exist</message></diagnostic>
                </zs:recordData><zs:recordPosition>1</zs:recordPosition></zs:record>
                <zs:record><zs:recordSchema>marcxml</zs:recordSchema><zs:recordPacking>xml</zs:recordPacking>
                <zs:recordData><record xmlns="http://www.loc.gov/MARC21/slim"><controlfield tag="001">x2</controlfield></record>
                </zs:recordData><zs:recordPosition>2</zs:recordPosition></zs:record>
                </zs:records></zs:searchRetrieveResponse>""";

        SruResponse r = parse(parser, xml);

        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(0).content()).isEqualTo(new SruRecord.Surrogate(
                new SruDiagnostic("info:srw/diagnostic/1/65", "Record does not exist", "42")));
        assertThat(MarcXmlProbe.of(data(r.records().get(1)).xml()).controlField("001")).isEqualTo("x2");
    }

    @Test
    void anEscapedRecordThatIsNotWellFormedIsUnusableAndTheOthersStay() throws Exception {
        String xml = """
                <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><version>1.1</version>
                <numberOfRecords>2</numberOfRecords><records>
                <record><recordPacking>string</recordPacking><recordData>&lt;record&gt;&lt;leader&gt;broken</recordData></record>
                <record><recordPacking>string</recordPacking><recordData>&lt;record xmlns="http://www.loc.gov/MARC21/slim"&gt;&lt;controlfield tag="001"&gt;ok&lt;/controlfield&gt;&lt;/record&gt;</recordData></record>
                </records></searchRetrieveResponse>""";

        SruResponse r = parse(parser, xml);

        assertThat(r.records().get(0).content()).isInstanceOfSatisfying(SruRecord.Unusable.class,
                u -> assertThat(u.reason()).startsWith("recordData text is not well-formed XML"));
        assertThat(MarcXmlProbe.of(data(r.records().get(1)).xml()).controlField("001")).isEqualTo("ok");
    }

    @Test
    void anEscapedRecordCarryingADoctypeIsRefusedWithoutResolvingIt() throws Exception {
        String xml = """
                <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><numberOfRecords>1</numberOfRecords><records>
                <record><recordData>&lt;!DOCTYPE r [&lt;!ENTITY x SYSTEM "file:///etc/hostname"&gt;]&gt;&lt;record&gt;&amp;x;&lt;/record&gt;</recordData></record>
                </records></searchRetrieveResponse>""";

        SruResponse r = parse(parser, xml);

        assertThat(r.records().get(0).content()).isInstanceOfSatisfying(SruRecord.Unusable.class,
                u -> assertThat(u.reason()).contains("DOCTYPE"));
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><numberOfRecords>&lol2;</numberOfRecords></searchRetrieveResponse>""";

        assertThatThrownBy(() -> parse(parser, xml)).isInstanceOf(MalformedSruException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aDocumentThatIsNotSruIsRejectedNamingItsRoot() {
        assertThatThrownBy(() -> parse(parser, "<html><body>Not here</body></html>"))
                .isInstanceOf(MalformedSruException.class)
                .hasMessageContaining("not an SRU searchRetrieveResponse: root element is html");
    }

    @Test
    void aTruncatedResponseIsMalformed() {
        byte[] whole = SruFixtures.bytes("sru-loc.xml");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> parser.parseSearchRetrieve(new ByteArrayInputStream(cut), null, 1))
                .isInstanceOf(MalformedSruException.class).hasMessageStartingWith("malformed XML");
    }

    @Test
    void aNumberOfRecordsThatIsNotANumberIsMalformed() {
        String xml = "<searchRetrieveResponse xmlns='http://www.loc.gov/zing/srw/'><numberOfRecords>many</numberOfRecords>"
                + "</searchRetrieveResponse>";

        assertThatThrownBy(() -> parse(parser, xml)).isInstanceOf(MalformedSruException.class)
                .hasMessageContaining("numberOfRecords is not a non-negative number: 'many'");
    }

    @Test
    void theCharsetFromTheHttpHeaderIsUsedWhenTheDocumentDeclaresNone() throws Exception {
        String xml = "<searchRetrieveResponse xmlns='http://www.loc.gov/zing/srw/'><numberOfRecords>1</numberOfRecords>"
                + "<records><record><recordData><dc xmlns='http://purl.org/dc/elements/1.1/'><title>Été</title></dc>"
                + "</recordData></record></records></searchRetrieveResponse>";

        SruResponse r = parser.parseSearchRetrieve(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)), "ISO-8859-1", 1);

        assertThat(MarcXmlProbe.of(data(r.records().get(0)).xml()).dc("title")).isEqualTo("Été");
    }

    private SruResponseParser.ExplainResponse explain(byte[] xml) throws Exception {
        return parser.parseExplain(new ByteArrayInputStream(xml), null);
    }

    @Test
    void zebrasZeeRexExplainRecordIsRead() throws Exception {
        SruExplain e = explain(SruFixtures.bytes("zebra-explain-1.2.xml")).explain();

        assertThat(e.version()).isEqualTo("1.2");
        assertThat(e.host()).isEqualTo("127.0.0.1");
        assertThat(e.port()).isEqualTo(21399);
        assertThat(e.database()).isEqualTo("marc21");
        assertThat(e.indexes()).extracting(SruExplain.Index::name).containsExactly("cql.serverChoice", "dc.title",
                "dc.creator", "dc.subject", "dc.publisher", "bath.isbn", "bath.issn");
        assertThat(e.indexes().get(1).title()).isEqualTo("Title");
        assertThat(e.schemas()).contains(new SruExplain.Schema("marcxml", "info:srw/schema/1/marcxml-v1.1", "MARCXML"));
        assertThat(e.defaults()).containsEntry("numberOfRecords", "0");
        assertThat(e.settings()).containsEntry("maximumRecords", "1000");
        assertThat(e.isEmpty()).isFalse();
    }

    @Test
    void anExplainRecordPackedAsAStringIsRead() throws Exception {
        String xml = "<explainResponse xmlns='http://docs.oasis-open.org/ns/search-ws/sruResponse'><record>"
                + "<recordXMLEscaping>string</recordXMLEscaping><recordData>&lt;explain xmlns='http://explain.z3950.org/dtd/2.0/'&gt;"
                + "&lt;indexInfo&gt;&lt;index&gt;&lt;title&gt;Titre&lt;/title&gt;&lt;map&gt;&lt;name set='bib'&gt;title&lt;/name&gt;"
                + "&lt;/map&gt;&lt;/index&gt;&lt;index&gt;&lt;map&gt;&lt;name set='alma'&gt;isbn&lt;/name&gt;&lt;/map&gt;"
                + "&lt;map primary='true'&gt;&lt;name&gt;bib.isbn&lt;/name&gt;&lt;/map&gt;&lt;/index&gt;&lt;/indexInfo&gt;"
                + "&lt;/explain&gt;</recordData></record></explainResponse>";

        SruExplain e = explain(xml.getBytes(StandardCharsets.UTF_8)).explain();

        assertThat(e.version()).isEqualTo("2.0");
        assertThat(e.indexes()).containsExactly(new SruExplain.Index("bib.title", "Titre"),
                new SruExplain.Index("bib.isbn", null));
        assertThat(e.suggestedIndexes()).containsEntry(Field.TITLE, "bib.title").containsEntry(Field.ISBN, "bib.isbn");
    }

    @Test
    void zebrasExplainWithoutConfigurationIsEmpty() throws Exception {
        String xml = "<zs:explainResponse xmlns:zs='http://www.loc.gov/zing/srw/'><zs:version>1.2</zs:version><zs:record>"
                + "<zs:recordSchema/><zs:recordPacking>string</zs:recordPacking><zs:recordData/></zs:record>"
                + "</zs:explainResponse>";

        SruResponseParser.ExplainResponse r = explain(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(r.explain().isEmpty()).isTrue();
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void indexesAreSuggestedByWellKnownNameThenByTheirLastPart() {
        SruExplain e = new SruExplain("1.2", null, 0, null, null, null, List.of(
                new SruExplain.Index("alma.title", null), new SruExplain.Index("alma.creator", null),
                new SruExplain.Index("dc.title", null), new SruExplain.Index("alma.all_for_ui", null),
                new SruExplain.Index("alma.isbn", null), new SruExplain.Index("alma.mms_id", null)),
                List.of(), java.util.Map.of(), java.util.Map.of());

        assertThat(e.suggestedIndexes()).containsEntry(Field.TITLE, "dc.title").containsEntry(Field.AUTHOR, "alma.creator")
                .containsEntry(Field.ISBN, "alma.isbn").doesNotContainKeys(Field.ANY, Field.ID, Field.YEAR);
    }

    @Test
    void sruBodiesAreRecognisedByTheirFirstBytes() {
        assertThat(SruResponseParser.looksLikeSru(SruFixtures.bytes("sru-loc.xml"))).isTrue();
        assertThat(SruResponseParser.looksLikeSru(SruFixtures.bytes("sru-kth.xml"))).isTrue();
        assertThat(SruResponseParser.looksLikeSru(SruFixtures.bytes("zebra-2.0-dc.xml"))).isTrue();
        assertThat(SruResponseParser.looksLikeSru(SruFixtures.bytes("zebra-404.html"))).isFalse();
        assertThat(SruResponseParser.looksLikeSru("<?xml version='1.0'?><foo/>".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
