package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.navette.model.BibRecord;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;
import org.navette.model.RecordSyntax;

class NormaliserTest {
    private final Normaliser normaliser = Normaliser.ofDefaults();

    @Test
    void anIso2709RecordFromATargetIsNormalisedWithItsOriginAndControlNumber() {
        byte[] chabon = Corpus.bytes("1-marc21/marc4j/chabon.mrc");
        byte[] first = Arrays.copyOf(chabon, Integer.parseInt(new String(chabon, 0, 5, StandardCharsets.US_ASCII)));

        ReadResult r = normaliser.normalise(RawRecord.of("zebra", RecordSyntax.ISO2709, first, null), 3);

        assertThat(r.position()).isEqualTo(3);
        assertThat(r.problems()).isEmpty();
        BibRecord b = r.record();
        assertThat(b.source()).isEqualTo(new RecordSource("zebra", "11939876"));
        assertThat(b.format()).isEqualTo(RecordFormat.MARC21);
        assertThat(b.title()).isEqualTo("The amazing adventures of Kavalier and Clay : a novel");
        assertThat(b.marc()).isPresent();
    }

    @Test
    void aMarcXmlRecordFromATargetIsNormalised() {
        String xml = new String(Corpus.bytes("1-marc21/marc4j/summerland.xml"), StandardCharsets.UTF_8);

        ReadResult r = normaliser.normalise(RawRecord.ofXml("sru-loc", RecordSyntax.MARCXML, xml, RecordFormat.MARC21));

        assertThat(r.record().title()).isEqualTo("Summerland");
        assertThat(r.record().year()).isEqualTo(2002);
        assertThat(r.record().characterSet()).isEqualTo("UTF-8");
    }

    @Test
    void xmlTextHandedOverAsAStringIsReadAsTheStringNotAsItsStaleDeclaration() {
        String xml = new String(Corpus.bytes("1-marc21/marc4j/1474920681_KOHA_LFL_5.xml"), StandardCharsets.UTF_8)
                .replace("Penz, Francois", "Penz, François");
        String declaredLatin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + xml;

        ReadResult r = normaliser.normalise(RawRecord.ofXml("sru", RecordSyntax.MARCXML, declaredLatin1, null));

        assertThat(r.problems()).isEmpty();
        assertThat(r.record().authors().get(0).name()).isEqualTo("Penz, François");
    }

    @Test
    void aCollectionHandedOverAsOneRecordIsReadButTheExtraRecordsAreReported() {
        String xml = new String(Corpus.bytes("1-marc21/marc4j/chabon.xml"), StandardCharsets.UTF_8);

        ReadResult r = normaliser.normalise(RawRecord.ofXml("t", RecordSyntax.MARCXML, xml, null));

        assertThat(r.record().title()).startsWith("The amazing adventures of Kavalier and Clay");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("2 bibliographic records; only the first was read"));
    }

    @Test
    void zdbHoldingsRecordsBeforeTheBibliographicRecordBecomeItsHoldings() {
        ReadResult r = normaliser.normalise(RawRecord.ofXml("zdb", RecordSyntax.MARCXML, sruCollection("zdb-marc21plus-6.xml"),
                RecordFormat.MARC21), 6);

        assertThat(r.problems()).isEmpty();
        BibRecord b = r.record();
        assertThat(b.source()).isEqualTo(new RecordSource("zdb", "988694379"));
        assertThat(b.title()).startsWith("Leben mit Demenz");
        assertThat(b.holdings()).hasSize(2);
        assertThat(b.holdings().get(0).library()).isEqualTo("DE-101a");
        assertThat(b.holdings().get(0).location()).isEqualTo("ZB 98322");
        assertThat(b.holdings().get(0).note()).isEqualTo("2008,1 -");
        assertThat(b.holdings().get(1).library()).isEqualTo("DE-38M");
        assertThat(b.holdings().get(1).location()).isEqualTo("Zs.A 4951");
    }

    @Test
    void aHoldingsRecordAfterTheBibliographicRecordCountsToo() {
        ReadResult r = normaliser.normalise(RawRecord.ofXml("zdb", RecordSyntax.MARCXML, sruCollection("zdb-marc21plus-2.xml"),
                RecordFormat.MARC21));

        assertThat(r.problems()).isEmpty();
        assertThat(r.record().source().recordId()).isEqualTo("1036678784");
        assertThat(r.record().title()).startsWith("Rapporto annuale");
        assertThat(r.record().holdings()).singleElement().satisfies(h -> {
            assertThat(h.library()).isEqualTo("DE-101a");
            assertThat(h.location()).isNull();
            assertThat(h.note()).isEqualTo("Gehoert nicht zum Sammelgebiet der Deutschen Nationalbibliothek");
        });
    }

    private static String sruCollection(String name) {
        try (var in = NormaliserTest.class.getResourceAsStream("sru-collections/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void garbageBytesGiveAnUnreadableResultInsteadOfAnException() {
        ReadResult r = normaliser.normalise(RawRecord.of("t", RecordSyntax.ISO2709, "hello, world".getBytes(StandardCharsets.US_ASCII), null));

        assertThat(r.record()).isNull();
        assertThat(r.has(ProblemKind.UNREADABLE)).isTrue();
    }

    @Test
    void aScrapedRecordIsPassedThroughUnchanged() {
        BibRecord scraped = BibRecord.builder(new RecordSource("opac", "https://opac/1"), RecordFormat.HTML).titleProper("T").build();

        ReadResult r = normaliser.normalise(RawRecord.scraped(scraped));

        assertThat(r.record()).isSameAs(scraped);
    }

    @Test
    void aMarc4jRecordBuiltByHandIsMappedAndItsFormatDetected() {
        MarcFactory f = MarcFactory.newInstance();
        Record rec = f.newRecord("00000nam a2200000 i 4500");
        rec.addVariableField(f.newControlField("001", "X1"));
        DataField t = f.newDataField("200", '1', ' ');
        t.addSubfield(f.newSubfield('a', "Le petit prince"));
        rec.addVariableField(t);
        DataField d = f.newDataField("100", ' ', ' ');
        d.addSubfield(f.newSubfield('a', "19990311d1943    m  y0frey50      ba"));
        rec.addVariableField(d);

        ReadResult r = normaliser.normalise(rec, new RecordSource("lib", "X1"), null);

        assertThat(r.record().format()).isEqualTo(RecordFormat.UNIMARC);
        assertThat(r.record().titleProper()).isEqualTo("Le petit prince");
        assertThat(r.record().year()).isEqualTo(1943);
    }

    @Test
    void onlyTheSubjectFieldsMarc21DefinesBecomeSubjects() {
        // lul_fre_100.mrc (Université Laval) carries local codes in 659 ("FR9209", "dq")
        MarcFactory f = MarcFactory.newInstance();
        Record rec = f.newRecord("00000nam a2200000 a 4500");
        rec.addVariableField(f.newControlField("001", "L1"));
        DataField title = f.newDataField("245", '1', '0');
        title.addSubfield(f.newSubfield('a', "Histoire du Jura"));
        rec.addVariableField(title);
        for (String[] field : new String[][] {{"650", "Géographie"}, {"651", "Jura (France)"},
                {"655", "Guides"}, {"659", "FR9209"}, {"659", "dq"}, {"690", "Fonds local"}}) {
            DataField s = f.newDataField(field[0], ' ', '6');
            s.addSubfield(f.newSubfield('a', field[1]));
            rec.addVariableField(s);
        }

        ReadResult r = normaliser.normalise(rec, new RecordSource("lib", "L1"), RecordFormat.MARC21);

        assertThat(r.record().subjects()).containsExactly("Géographie", "Jura (France)", "Guides");
    }

    @Test
    void characterReferencesLeftInAMarcXmlRecordAreDecodedAndReported() {
        // "&amp;#252;" in the XML is the text "&#252;": what an HTML export leaves in a record
        String xml = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">r1</controlfield>"
                + "<datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">M&amp;#252;ller, Hans</subfield></datafield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Caf&amp;#x00E9; &amp;amp; Stadt K&amp;ouml;ln</subfield></datafield>"
                + "<datafield tag=\"260\" ind1=\" \" ind2=\" \"><subfield code=\"b\">AT&amp;T Press</subfield></datafield>"
                + "</record>";

        ReadResult r = normaliser.normalise(RawRecord.ofXml("web", RecordSyntax.MARCXML, xml, RecordFormat.MARC21));

        assertThat(r.record().authors().get(0).name()).isEqualTo("Müller, Hans");
        assertThat(r.record().titleProper()).isEqualTo("Café & Stadt Köln");
        assertThat(r.record().publisher()).isEqualTo("AT&T Press");
        assertThat(r.problems()).filteredOn(p -> p.kind() == ProblemKind.ENCODING)
                .extracting(p -> p.message().substring(0, p.message().indexOf(':')))
                .containsExactly("character references decoded in 100$a", "character references decoded in 245$a");
    }

    @Test
    void aForcedFormatWinsOverTheContent() {
        byte[] chabon = Corpus.bytes("1-marc21/marc4j/summerland.mrc");
        Normaliser forced = Normaliser.builder().formatOverride(RecordFormat.UNIMARC).build();

        ReadResult r = forced.normalise(RawRecord.of("t", RecordSyntax.ISO2709, chabon, null));

        assertThat(r.record().format()).isEqualTo(RecordFormat.UNIMARC);
    }

    @Test
    void oneNormaliserSharedByManyThreadsGivesTheSameResultsAsOneThread() throws Exception {
        byte[] jazz = Corpus.bytes("1-marc21/evergreen/jazz_1k.mrc");
        java.util.List<RawRecord> raws = new java.util.ArrayList<>();
        for (int at = 0; at < jazz.length; ) {
            int length = Integer.parseInt(new String(jazz, at, 5, StandardCharsets.US_ASCII));
            raws.add(RawRecord.of("jazz", RecordSyntax.ISO2709, Arrays.copyOfRange(jazz, at, at + length), null));
            at += length;
        }
        java.util.List<BibRecord> sequential = raws.stream().map(r -> normaliser.normalise(r).record()).toList();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<BibRecord> parallel;
        try {
            java.util.List<java.util.concurrent.Future<BibRecord>> futures = new java.util.ArrayList<>();
            for (RawRecord raw : raws) {
                futures.add(pool.submit(() -> normaliser.normalise(raw).record()));
            }
            parallel = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<BibRecord> f : futures) {
                parallel.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(raws).hasSize(1000);
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void badSettingsAreRejectedWithTheSettingAndTheValueInTheMessage() {
        assertThatThrownBy(() -> Normaliser.builder().formatOverride(RecordFormat.HTML))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("formatOverride").hasMessageContaining("HTML");
        assertThatThrownBy(() -> Normaliser.builder().charsetOverride("EBCDIC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("charsetOverride").hasMessageContaining("EBCDIC");
        assertThatThrownBy(() -> Normaliser.builder().maxRecordBytes(10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecordBytes").hasMessageContaining("10");
    }
}
