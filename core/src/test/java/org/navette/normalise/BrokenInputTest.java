package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordProblem;
import org.navette.model.RecordSyntax;

/**
 * Broken input: each kind of damage gives its exact problem kind at the right record position
 * (and byte offset for ISO 2709), and the records after it are still read.
 */
class BrokenInputTest {
    private static List<ReadResult> read(byte[] bytes, String name) {
        try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(bytes), name, Normaliser.ofDefaults())) {
            List<ReadResult> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] record(byte[] file, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start += Integer.parseInt(new String(file, start, 5, StandardCharsets.US_ASCII));
        }
        int length = Integer.parseInt(new String(file, start, 5, StandardCharsets.US_ASCII));
        return Arrays.copyOfRange(file, start, start + length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static RecordProblem only(ReadResult r, ProblemKind kind) {
        List<RecordProblem> of = r.problems().stream().filter(p -> p.kind() == kind).toList();
        assertThat(of).as("%s problems of record %d: %s", kind, r.position(), r.problems()).hasSize(1);
        return of.get(0);
    }

    @Test
    void aRecordCutShortByTheNextOneIsTruncatedAndTheNextIsReadWhole() {
        byte[] jazz = Corpus.bytes("1-marc21/evergreen/jazz_1k.mrc");
        byte[] first = record(jazz, 0);
        byte[] second = record(jazz, 1);
        byte[] third = record(jazz, 2);
        byte[] file = concat(first, Arrays.copyOf(second, second.length / 2), third);

        List<ReadResult> results = read(file, "cut.mrc");

        assertThat(results).hasSize(3);
        RecordProblem p = only(results.get(1), ProblemKind.TRUNCATED);
        assertThat(p.position()).isEqualTo(2);
        assertThat(p.byteOffset()).isEqualTo(first.length);
        assertThat(p.file()).isEqualTo("cut.mrc");
        assertThat(p.message()).contains("breaks off after " + second.length / 2 + " bytes");
        List<ReadResult> whole = read(concat(first, second, third), "whole.mrc");
        assertThat(results.get(1).record().title()).isEqualTo(whole.get(1).record().title());
        assertThat(results.get(2).problems()).isEmpty();
        assertThat(results.get(2).record().source().recordId()).isEqualTo(whole.get(2).record().source().recordId());
    }

    @Test
    void aFileCutInTheMiddleOfItsLastRecordEndsWithATruncatedRecord() {
        List<ReadResult> results = Corpus.read("6-tricky-encodings/marc4j/008008027.mrc");

        assertThat(results).hasSize(19);
        RecordProblem p = only(results.get(18), ProblemKind.TRUNCATED);
        assertThat(p.position()).isEqualTo(19);
        assertThat(p.byteOffset()).isEqualTo(62502);
        assertThat(p.message()).contains("leader says 3475 bytes but the input ends after 3034 bytes");
        assertThat(results.get(18).record().title()).startsWith("Demographics - Field Crops");
        assertThat(results.subList(0, 18)).allSatisfy(r -> assertThat(r.has(ProblemKind.TRUNCATED)).isFalse());
    }

    @Test
    void anOversizedRecordIsReportedAndSalvagedAndTheNextRecordIsRead() {
        List<ReadResult> results = Corpus.read("6-tricky-encodings/marc4j/bad_hathi_records.mrc");

        assertThat(results).hasSize(5);
        RecordProblem p = only(results.get(3), ProblemKind.OVERSIZED);
        assertThat(p.position()).isEqualTo(4);
        assertThat(p.byteOffset()).isEqualTo(6343);
        assertThat(p.message()).contains("1096887 bytes").contains("99999");
        assertThat(results.get(3).record().title()).isNotBlank();
        assertThat(results.get(3).record().marc().orElseThrow().toMarc4j().getVariableFields("974")).hasSizeGreaterThan(1000);
        assertThat(results.get(4).problems()).isEmpty();
    }

    @Test
    void aRecordLongerThanTheConfiguredLimitIsSkippedAsUnreadable() {
        byte[] hathi = Corpus.bytes("6-tricky-encodings/marc4j/bad_hathi_records.mrc");
        Normaliser small = Normaliser.builder().maxRecordBytes(64 * 1024).build();

        List<ReadResult> results;
        try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(hathi), "hathi.mrc", small)) {
            results = new ArrayList<>();
            r.forEachRemaining(results::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(results).hasSize(5);
        assertThat(results.get(3).record()).isNull();
        assertThat(results.get(3).problems()).extracting(RecordProblem::kind)
                .containsExactly(ProblemKind.OVERSIZED, ProblemKind.UNREADABLE);
        assertThat(results.get(4).readable()).isTrue();
    }

    @Test
    void aDirectoryThatNoLongerMatchesItsFieldsIsRepairedFromTheFields() {
        List<ReadResult> results = Corpus.read("6-tricky-encodings/marc4j/bad_oversize_field_bad_directory.mrc");

        assertThat(results).hasSize(5);
        assertThat(results.get(1).problems()).extracting(RecordProblem::kind).containsOnly(ProblemKind.BAD_DIRECTORY);
        assertThat(results.get(1).problems().get(0).byteOffset()).isEqualTo(1571);
        assertThat(results.get(1).record().title()).isNotBlank();
        assertThat(results.get(1).record().marc().orElseThrow().toMarc4j().getVariableFields("???")).isEmpty();
        assertThat(results.subList(2, 5)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void aDirectoryShiftedByALostByteStillFindsTheTitle() {
        ReadResult broken = Corpus.read("6-tricky-encodings/marc4j/pride-and-prejudice-with-many-errors.mrc").get(92);
        ReadResult clean = Corpus.read("1-marc21/marc4j/pride-and-prejudice-fixed.mrc").get(92);

        assertThat(broken.has(ProblemKind.BAD_DIRECTORY)).isTrue();
        assertThat(broken.record().title()).isEqualTo(clean.record().title()).isEqualTo("The complete novels of Jane Austen");
    }

    @Test
    void aWrongBaseAddressInTheLeaderIsReportedAndTheRestOfTheFileIsRead() {
        List<ReadResult> results = Corpus.read("6-tricky-encodings/pymarc/bad_records.mrc");

        assertThat(results).hasSize(8);
        RecordProblem p = results.get(1).problems().stream()
                .filter(x -> x.kind() == ProblemKind.BAD_LEADER && x.message().contains("base address")).findFirst().orElseThrow();
        assertThat(p.position()).isEqualTo(2);
        assertThat(p.byteOffset()).isEqualTo(127);
        assertThat(p.message()).contains("'99937'");
        assertThat(results.get(1).record().title()).isEqualTo("The pragmatic programmer : from journeyman to master");
        assertThat(results.get(7).record().title()).isEqualTo("The pragmatic programmer : from journeyman to master");
    }

    @Test
    void aRecordLengthThatDisagreesWithTheTerminatorIsReported() {
        ReadResult r = Corpus.read("6-tricky-encodings/marc4j/error.mrc").get(0);

        RecordProblem p = only(r, ProblemKind.BAD_LEADER);
        assertThat(p.message()).isEqualTo("leader says 714 bytes but the record terminator comes after 715 bytes");
        assertThat(r.record().title()).isEqualTo("Summerland");
    }

    @Test
    void garbageBeforeALeaderIsSkippedAndReportedWithItsOffset() {
        byte[] summerland = Corpus.bytes("1-marc21/marc4j/summerland.mrc");
        byte[] file = concat(summerland, "#~ junk ~#".getBytes(StandardCharsets.US_ASCII), summerland);

        List<ReadResult> results = read(file, "junk.mrc");

        assertThat(results).hasSize(2);
        RecordProblem p = only(results.get(1), ProblemKind.BAD_LEADER);
        assertThat(p.byteOffset()).isEqualTo(summerland.length + 10);
        assertThat(p.message()).contains("10 byte(s) of garbage").contains("at byte " + summerland.length);
        assertThat(results.get(1).record().title()).isEqualTo("Summerland");
    }

    @Test
    void bytesThatAreNoRecordAtAllBecomeOneUnreadableResultAndReadingGoesOn() {
        byte[] summerland = Corpus.bytes("1-marc21/marc4j/summerland.mrc");
        byte[] file = concat(summerland, "no leader here, just words\u001d".getBytes(StandardCharsets.US_ASCII), summerland);

        List<ReadResult> results = read(file, "words.mrc");

        assertThat(results).hasSize(3);
        assertThat(results.get(1).record()).isNull();
        RecordProblem p = only(results.get(1), ProblemKind.UNREADABLE);
        assertThat(p.position()).isEqualTo(2);
        assertThat(p.byteOffset()).isEqualTo(summerland.length);
        assertThat(results.get(2).record().title()).isEqualTo("Summerland");
    }

    @Test
    void strayLineFeedsBetweenRecordsAreSkippedSilently() {
        List<ReadResult> results = Corpus.read("2-unimarc/bncf-unimarcxml/bncf_data.mrc");

        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(results.get(1).problems()).isEmpty();
        assertThat(results.get(1).record().source().recordId()).isEqualTo("CFI0899224");
    }

    @Test
    void aRecordClosedWithAFullStopInsteadOfATerminatorIsKept() {
        ReadResult r = Corpus.read("1-marc21/xbib-marc/SWB1.marc21").get(0);

        RecordProblem p = only(r, ProblemKind.BAD_FIELD);
        assertThat(p.message()).isEqualTo("record terminator missing: the record's last byte is '.', not 0x1D");
        assertThat(r.record().titleProper()).isEqualTo("Nature");
    }

    @Test
    void bytesThatAreNotUtf8InARecordDeclaringUtf8AreReplacedAndReported() {
        ReadResult r = Corpus.read("6-tricky-encodings/pymarc/utf8_invalid.mrc").get(0);

        assertThat(r.record().characterSet()).isEqualTo("UTF-8");
        assertThat(r.problems()).extracting(RecordProblem::kind).containsExactly(ProblemKind.BAD_FIELD);
        assertThat(r.record().place()).isEqualTo("[Washington, D.C.");
    }

    // ---- XML ----

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static String marcRecord(String title) {
        return "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">" + title.hashCode() + "</controlfield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title + "</subfield></datafield></record>\n";
    }

    private static List<ReadResult> readXml(String xml) {
        return read(xml.getBytes(StandardCharsets.UTF_8), "broken.xml");
    }

    @Test
    void aMalformedXmlRecordKeepsItsFieldsBeforeTheErrorAndTheNextRecordsAreRead() {
        String broken = "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">2</controlfield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Second</subfield></datafield>"
                + "<datafield tag=\"260\"><subfield code=\"a\">Paris</datafeld></record>\n";
        String xml = HEADER + "<collection>\n" + marcRecord("First") + broken + marcRecord("Third") + "</collection>\n";

        List<ReadResult> results = readXml(xml);

        assertThat(results).hasSize(3);
        RecordProblem p = only(results.get(1), ProblemKind.MALFORMED_XML);
        assertThat(p.position()).isEqualTo(2);
        assertThat(p.byteOffset()).isEqualTo(-1);
        assertThat(p.message()).contains("line 4").contains("\"subfield\" must be terminated");
        assertThat(results.get(1).record().title()).isEqualTo("Second");
        assertThat(results.get(2).record().title()).isEqualTo("Third");
    }

    @Test
    void rawControlCharactersInKohaXmlAreReplacedAndReported() {
        List<ReadResult> results = Corpus.read("1-marc21/koha-misc4dev/koha_sandbox_marc21_biblios.xml");

        ReadResult r = results.get(367);
        RecordProblem p = only(r, ProblemKind.MALFORMED_XML);
        assertThat(p.position()).isEqualTo(368);
        assertThat(p.message()).isEqualTo("8 control character(s) that XML forbids (first at line 35064) replaced by U+FFFD");
        assertThat(r.record().source().recordId()).isEqualTo("00\uFFFDaD000015937");
        assertThat(results).hasSize(436);
        assertThat(results.get(368).readable()).isTrue();
    }

    @Test
    void anExternalEntityIsNeverResolvedAndTheRecordIsKeptWithTheReferenceAsText() {
        String xml = HEADER + "<!DOCTYPE collection [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<collection>\n"
                + marcRecord("Secret: &xxe; end") + marcRecord("Next") + "</collection>\n";

        List<ReadResult> results = readXml(xml);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).record().title()).isEqualTo("Secret: &xxe; end").doesNotContain("root:");
        assertThat(results.get(0).problems()).extracting(RecordProblem::kind)
                .containsExactly(ProblemKind.MALFORMED_XML, ProblemKind.MALFORMED_XML);
        assertThat(results.get(0).problems().get(0).message()).contains("DOCTYPE declaration at line 2 refused");
        assertThat(results.get(0).problems().get(1).message()).contains("&xxe;");
        assertThat(results.get(1).record().title()).isEqualTo("Next");
        assertThat(results.get(1).problems()).isEmpty();
    }

    @Test
    void aBillionLaughsPayloadIsNotExpanded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [ <!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>\n");
        String xml = HEADER + dtd + "<collection>\n" + marcRecord("&lol9; laughs") + marcRecord("After") + "</collection>\n";

        List<ReadResult> results = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> readXml(xml));

        assertThat(results).hasSize(2);
        assertThat(results.get(0).record().title()).isEqualTo("&lol9; laughs");
        assertThat(results.get(0).has(ProblemKind.MALFORMED_XML)).isTrue();
        assertThat(results.get(1).record().title()).isEqualTo("After");
    }

    @Test
    void aSingleRawXmlRecordWithAnEntityPayloadIsAlsoSafe() {
        String xml = HEADER + "<!DOCTYPE record [ <!ENTITY xxe SYSTEM \"file:///etc/hostname\"> ]>\n" + marcRecord("&xxe; read");

        ReadResult r = Normaliser.ofDefaults().normalise(RawRecord.ofXml("sru", RecordSyntax.MARCXML, xml, null));

        assertThat(r.record().title()).isEqualTo("&xxe; read");
        assertThat(r.has(ProblemKind.MALFORMED_XML)).isTrue();
    }

    @Test
    void xmlThatBreaksOffInsideARecordKeepsWhatWasRead() {
        String xml = HEADER + "<collection>\n" + marcRecord("Whole") + "<record><leader>00000nam a2200000 a 4500</leader>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Cut</subfield></datafield><datafield tag=\"26";

        List<ReadResult> results = readXml(xml);

        assertThat(results).hasSize(2);
        assertThat(results.get(1).record().title()).isEqualTo("Cut");
        assertThat(results.get(1).problems()).extracting(RecordProblem::kind).contains(ProblemKind.MALFORMED_XML);
        assertThat(results.get(1).problems().get(0).message()).contains("the input ends inside this record");
    }

    @Test
    void anXmlFileDeclaringUtf16ButWrittenIn8BitsIsReadAndTheLieReported() {
        ReadResult r = Corpus.read("6-tricky-encodings/php-marc/alma-bibs-api-invalid.xml").get(0);

        assertThat(r.record().title()).isEqualTo("The physics and chemistry of color : the fifteen causes of color");
        RecordProblem p = only(r, ProblemKind.ENCODING);
        assertThat(p.message()).isEqualTo("XML declares UTF-16 but its bytes are 8-bit; read as UTF-8");
    }

    @Test
    void randomBytesAreOneUnreadableFileProblemNotHundredsOfRecords() {
        // a fixed seed: the same bytes on every run; 100 KB hold some 800 chance terminators
        byte[] noise = new byte[100_000];
        new java.util.Random(14).nextBytes(noise);

        List<ReadResult> results = read(noise, "noise.mrc");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.position()).isZero();
            assertThat(r.record()).isNull();
            assertThat(only(r, ProblemKind.UNREADABLE).message()).contains("binary data, not a MARC record file");
        });
    }

    @Test
    void aSingleRecordWithADamagedLeaderIsStillReadAsIso2709() {
        byte[] summerland = Corpus.bytes("1-marc21/marc4j/summerland.mrc");
        byte[] damaged = summerland.clone();
        for (int i = 0; i < 5; i++) {
            damaged[i] = 'x';
        }

        try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(damaged), "damaged.mrc", Normaliser.ofDefaults())) {
            assertThat(r.format()).isEqualTo(FileFormat.ISO2709);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
