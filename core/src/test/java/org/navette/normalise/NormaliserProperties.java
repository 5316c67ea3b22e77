package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.navette.model.BibRecord;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordSource;
import org.navette.model.RecordSyntax;

/** Whatever the input, normalising returns a result (never an exception) and display text is clean NFC. */
class NormaliserProperties {
    private static final Normaliser NORMALISER = Normaliser.ofDefaults();
    private static final byte[] SUMMERLAND = Corpus.bytes("1-marc21/marc4j/summerland.mrc");
    private static final byte[] COTES = Corpus.bytes("2-unimarc/medialab-reference_manager/cotesBR.mrc");
    private static final byte[] MARCXML = Corpus.bytes("1-marc21/marc4j/summerland.xml");

    @Property(tries = 300)
    void anyBytesAsIso2709GiveAResult(@ForAll @Size(min = 1, max = 3000) byte[] bytes) {
        ReadResult r = NORMALISER.normalise(RawRecord.of("p", RecordSyntax.ISO2709, bytes, null));

        assertResult(r);
    }

    @Property(tries = 300)
    void anyBytesAsXmlGiveAResult(@ForAll @Size(min = 1, max = 2000) byte[] bytes) {
        assertResult(NORMALISER.normalise(RawRecord.of("p", RecordSyntax.MARCXML, bytes, null)));
        assertResult(NORMALISER.normalise(RawRecord.of("p", RecordSyntax.DUBLIN_CORE_XML, bytes, null)));
    }

    @Property(tries = 500)
    void aDamagedRealRecordGivesAResultAndTheFileReaderReadsOn(@ForAll("damagedRecords") byte[] damaged) throws IOException {
        byte[] file = new byte[damaged.length + SUMMERLAND.length];
        System.arraycopy(damaged, 0, file, 0, damaged.length);
        System.arraycopy(SUMMERLAND, 0, file, damaged.length, SUMMERLAND.length);

        List<ReadResult> results;
        try (MarcFileReader reader = MarcFileReader.open(new ByteArrayInputStream(file), "damaged.mrc", NORMALISER)) {
            results = reader.stream().toList();
        }

        results.forEach(NormaliserProperties::assertResult);
        assertThat(results).isNotEmpty();
        // the clean record after the damage is found again, whatever the damage did
        assertThat(results.get(results.size() - 1).record()).as("%s", results.get(results.size() - 1).problems()).isNotNull()
                .satisfies(b -> assertThat(b.title()).isEqualTo("Summerland"));
    }

    @Property(tries = 300)
    void aDamagedXmlRecordGivesAResult(@ForAll("damagedXml") byte[] damaged) {
        assertResult(NORMALISER.normalise(RawRecord.of("p", RecordSyntax.MARCXML, damaged, null)));
    }

    @Property(tries = 500)
    void anyMarc4jRecordIsMappedWithoutException(@ForAll("records") Record record) {
        ReadResult r = NORMALISER.normalise(record, new RecordSource("p", "1"), null);

        assertResult(r);
        assertThat(r.readable()).as("%s", r.problems()).isTrue();
    }

    private static void assertResult(ReadResult r) {
        assertThat(r).isNotNull();
        if (r.record() == null) {
            assertThat(r.has(ProblemKind.UNREADABLE)).isTrue();
            return;
        }
        BibRecord b = r.record();
        for (String s : display(b)) {
            assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as("NFC: %s", s).isTrue();
            assertThat(s).doesNotContain("\u0088", "\u0089", "\u0098", "\u009c").isEqualTo(s.strip());
        }
    }

    private static List<String> display(BibRecord b) {
        return java.util.stream.Stream.of(b.title(), b.responsibility(), b.publisher(), b.place(), b.edition(), b.extent())
                .filter(java.util.Objects::nonNull).toList();
    }

    @Provide
    Arbitrary<byte[]> damagedRecords() {
        Arbitrary<byte[]> base = Arbitraries.of(SUMMERLAND, COTES);
        Arbitrary<int[]> edits = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofMinSize(1).ofMaxSize(12);
        Arbitrary<Integer> cut = Arbitraries.integers().between(1, 2000);
        return Combinators.combine(base, edits, cut).as(NormaliserProperties::damage);
    }

    @Provide
    Arbitrary<byte[]> damagedXml() {
        Arbitrary<int[]> edits = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<Integer> cut = Arbitraries.integers().between(1, MARCXML.length);
        return Combinators.combine(Arbitraries.just(MARCXML), edits, cut).as(NormaliserProperties::damage);
    }

    /** Overwrites, deletes or inserts bytes (structure bytes preferred), then maybe cuts the end off. */
    private static byte[] damage(byte[] original, int[] edits, int cut) {
        byte[] b = original.clone();
        byte[] specials = {0x1D, 0x1E, 0x1F, '0', '9', ' ', (byte) 0xE1, (byte) 0xC3, '<', '>', '&', '"'};
        for (int e : edits) {
            int at = e % b.length;
            switch ((e >> 12) % 3) {
                case 0 -> b[at] = specials[(e >> 8) % specials.length];
                case 1 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + (e >> 16) % 20), b.length));
                default -> b = concat(Arrays.copyOf(b, at), new byte[] {specials[(e >> 4) % specials.length]}, Arrays.copyOfRange(b, at, b.length));
            }
            if (b.length == 0) {
                b = new byte[] {0x1D};
            }
        }
        return cut < b.length && cut % 3 == 0 ? Arrays.copyOf(b, Math.max(1, cut)) : b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Provide
    Arbitrary<Record> records() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40)
                .withChars("abcXYZ 019.,;:/=[]()&éèñ漢字\u0098\u009c\u0301\u00a0\t\u001f");
        Arbitrary<String> tag = Arbitraries.oneOf(
                Arbitraries.of("001", "003", "008", "010", "020", "022", "035", "100", "101", "200", "210", "214", "245", "260",
                        "264", "300", "490", "650", "700", "701", "710", "852", "856", "952", "995"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(4));
        Arbitrary<Character> code = Arbitraries.chars().with("abcdefhknopqtuvxyz0124578?é");
        Arbitrary<Character> indicator = Arbitraries.chars().with(" 0123456789|#a");
        Arbitrary<String[]> subfields = Combinators.combine(code, text).as((c, t) -> new String[] {String.valueOf(c), t})
                .list().ofMaxSize(6).map(l -> l.stream().flatMap(Arrays::stream).toArray(String[]::new));
        Arbitrary<Object[]> field = Combinators.combine(tag, indicator, indicator, subfields, text)
                .as((t, i1, i2, s, c) -> new Object[] {t, i1, i2, s, c});
        Arbitrary<String> leader = Arbitraries.strings().withChars("0123456789 acdijmnstuz|").ofMinLength(0).ofMaxLength(30);
        return Combinators.combine(leader, field.list().ofMaxSize(25)).as(NormaliserProperties::record);
    }

    private static Record record(String leader, List<Object[]> fields) {
        MarcFactory f = MarcFactory.newInstance();
        Record r = f.newRecord();
        r.setLeader(org.navette.normalise.internal.Leaders.of(leader, 0, 0, null));
        for (Object[] spec : fields) {
            String tag = (String) spec[0];
            if (tag.startsWith("00") && tag.length() == 3) {
                r.addVariableField(f.newControlField(tag, (String) spec[4]));
            } else {
                DataField d = f.newDataField(tag, (Character) spec[1], (Character) spec[2]);
                String[] s = (String[]) spec[3];
                for (int i = 0; i + 1 < s.length; i += 2) {
                    d.addSubfield(f.newSubfield(s[i].charAt(0), s[i + 1]));
                }
                r.addVariableField(d);
            }
        }
        return r;
    }
}
