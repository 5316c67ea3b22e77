package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.CharConverter;
import org.marc4j.converter.impl.UnicodeToIso5426;
import org.marc4j.converter.impl.UnicodeToIso6937;
import org.marc4j.marc.Record;
import org.navette.model.BibRecord;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordSyntax;
import org.navette.normalise.internal.FieldDecoder;
import org.navette.normalise.internal.ProblemLog;

/** Character sets: declared ones are verified against the bytes, and the bytes win. */
class CharacterSetTest {
    private final Normaliser normaliser = Normaliser.ofDefaults();

    @Test
    void marc8TextDecodesLikePymarcsExpectedUtf8ForEveryLineOfItsTestFile() {
        List<byte[]> marc8 = lines(Corpus.bytes("6-tricky-encodings/pymarc/test_marc8.txt"));
        List<byte[]> utf8 = lines(Corpus.bytes("6-tricky-encodings/pymarc/test_utf8.txt"));
        assertThat(marc8).hasSize(1515).hasSameSizeAs(utf8);

        // the last line is Windows-1252 "smart punctuation", not MARC-8: it must be reported instead
        for (int i = 0; i < marc8.size() - 1; i++) {
            ProblemLog log = new ProblemLog("test_marc8.txt", i + 1, 0);
            String got = new FieldDecoder(MarcCharset.MARC_8, log).decode(marc8.get(i), 0, marc8.get(i).length, "line");
            assertThat(got).as("line %d", i + 1).isEqualTo(FieldDecoder.nfc(new String(utf8.get(i), StandardCharsets.UTF_8)));
            assertThat(log.problems()).as("line %d", i + 1).isEmpty();
        }
        byte[] last = marc8.get(marc8.size() - 1);
        ProblemLog log = new ProblemLog("test_marc8.txt", 1515, 0);
        new FieldDecoder(MarcCharset.MARC_8, log).decode(last, 0, last.length, "line");
        assertThat(log.has(ProblemKind.ENCODING)).isTrue();
    }

    private static List<byte[]> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    @Test
    void unimarcWrittenInIso5426AsDeclaredIsDecodedToTheSameText() {
        BibRecord utf8 = Corpus.read("2-unimarc/medialab-reference_manager/cotesMEL.mrc").get(0).record();
        byte[] iso5426 = write(utf8.marc().orElseThrow().toMarc4j(), new UnicodeToIso5426());

        ReadResult r = normaliser.normalise(RawRecord.of("bsg", RecordSyntax.ISO2709, iso5426, null));

        assertThat(r.record().characterSet()).isEqualTo("ISO-5426");
        assertThat(r.problems()).isEmpty();
        assertThat(r.record().title()).isEqualTo(utf8.title()).contains("Intérêts français en Bohême");
        assertThat(r.record().authors()).isEqualTo(utf8.authors());
    }

    @Test
    void iso6937IsReadWhenTheSourceIsKnownToUseIt() {
        BibRecord utf8 = Corpus.read("2-unimarc/medialab-reference_manager/cotesMEL.mrc").get(0).record();
        byte[] iso6937 = write(utf8.marc().orElseThrow().toMarc4j(), new UnicodeToIso6937());
        Normaliser forced = Normaliser.builder().charsetOverride(MarcCharset.ISO_6937).build();

        ReadResult r = forced.normalise(RawRecord.of("z3950-it", RecordSyntax.ISO2709, iso6937, null));

        assertThat(r.record().characterSet()).isEqualTo("ISO-6937");
        assertThat(r.record().title()).isEqualTo(utf8.title());
    }

    /** marc4j's writer with a converter: real record content in a legacy character set. */
    private static byte[] write(Record marc, CharConverter converter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter w = new MarcStreamWriter(out, "ISO8859_1");
        w.setConverter(converter);
        w.write(marc);
        w.close();
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // yaz's test files, each with a .chr file naming its real character set
        "6-tricky-encodings/yaz/marc0.marc, UTF-8",
        "6-tricky-encodings/yaz/marc10.marc, ISO-8859-1",
        "6-tricky-encodings/yaz/marc11.marc, ISO-8859-1",
        "6-tricky-encodings/yaz/marc5.marc, UTF-8",
        "6-tricky-encodings/yaz/marc7.marc, MARC-8",
        "6-tricky-encodings/yaz/marc9.marc, MARC-8",
        "6-tricky-encodings/yaz/marc12.marc, MARC-8",
        // the README's list of lies: leader/09 blank (MARC-8) over UTF-8 bytes
        "6-tricky-encodings/pymarc/utf8_without_leader_flag.dat, UTF-8",
        "2-unimarc/xbib-marc/periouni.mrc, UTF-8",
    })
    void theCharacterSetActuallyUsedIsRecorded(String file, String expected) {
        ReadResult r = Corpus.read(file).get(0);

        assertThat(r.record().characterSet()).isEqualTo(expected);
    }

    @Test
    void latin1BytesInARecordDeclaringMarc8AreReadAsLatin1AndTheLieIsReported() {
        ReadResult r = Corpus.read("6-tricky-encodings/yaz/marc10.marc").get(0);

        assertThat(r.record().characterSet()).isEqualTo("ISO-8859-1");
        assertThat(r.record().titleProper()).isEqualTo("Tegnsæt-test til Indvandrerbiblioteket");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.CHARSET_MISMATCH);
            assertThat(p.message()).contains("MARC-8").contains("ISO-8859-1");
        });
    }

    @Test
    void aSingleOddByteDoesNotOverturnTheDeclarationButIsReported() {
        // yaz's marc1.marc is Latin-1, but its only non-ASCII byte ("På") proves little
        ReadResult r = Corpus.read("6-tricky-encodings/yaz/marc1.marc").get(0);

        assertThat(r.record().characterSet()).isEqualTo("MARC-8");
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.ENCODING);
            assertThat(p.message()).startsWith("512$a: MARC-8 diacritic not followed by a letter");
        });
    }

    @Test
    void marcMakerMnemonicsAreDecodedLikeTheUtf8Twin() {
        List<ReadResult> maker = Corpus.read("1-marc21/marc4j/brkrtest.mrk");
        List<ReadResult> utf8 = Corpus.read("1-marc21/marc4j/brkrtest_UTF8.mrc");

        assertThat(maker).hasSize(8);
        for (int i = 0; i < maker.size(); i++) {
            assertThat(maker.get(i).record().characterSet()).isEqualTo("MARC-8");
            assertThat(maker.get(i).record().marc().orElseThrow().toMarc4j().getDataFields().toString())
                    .isEqualTo(utf8.get(i).record().marc().orElseThrow().toMarc4j().getDataFields().toString());
        }
    }

    @Test
    void invalidUtf8BytesAreReplacedAndReportedWithTheirField() {
        ReadResult r = Corpus.read("1-marc21/marc4j/sample1.mrc").get(6);

        assertThat(r.record().responsibility()).contains("franc\uFFFD");
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.ENCODING);
            assertThat(p.message()).startsWith("245$c: 5 invalid UTF-8 byte sequence(s) replaced by U+FFFD");
            assertThat(p.position()).isEqualTo(7);
            assertThat(p.byteOffset()).isEqualTo(5202);
        });
    }

    @Test
    void aCharacterSetDeclaredByTheSourceIsCheckedLikeTheRecordsOwn() {
        byte[] utf8 = Corpus.bytes("1-marc21/marc4j/summerland.mrc");
        byte[] latin1 = Corpus.bytes("6-tricky-encodings/yaz/marc10.marc");

        ReadResult honest = normaliser.normalise(RawRecord.of("t", RecordSyntax.ISO2709, utf8, null, "UTF-8"));
        ReadResult lying = normaliser.normalise(RawRecord.of("t", RecordSyntax.ISO2709, latin1, null, "UTF-8"));

        assertThat(honest.problems()).isEmpty();
        assertThat(lying.record().characterSet()).isEqualTo("UTF-8");
        assertThat(lying.problems()).extracting(p -> p.kind()).contains(ProblemKind.ENCODING);
    }

    @Test
    void aForcedCharacterSetIsUsedEvenAgainstTheDeclaration() {
        byte[] fsl = Corpus.bytes("6-tricky-encodings/evergreen/FSL.marc");
        Normaliser forced = Normaliser.builder().charsetOverride("utf-8").build();

        ReadResult r = forced.normalise(RawRecord.of("fsl", RecordSyntax.ISO2709,
                java.util.Arrays.copyOf(fsl, 681), null));

        assertThat(r.record().characterSet()).isEqualTo("UTF-8");
        assertThat(r.problems()).isEmpty();
        assertThat(r.record().titleProper()).isEqualTo("Люди с чистой совестью");
    }
}
