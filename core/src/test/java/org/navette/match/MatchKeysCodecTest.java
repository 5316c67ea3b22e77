package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;

/** Stored match keys must compare exactly as freshly computed ones, on real MARC21 and UNIMARC records. */
class MatchKeysCodecTest {
    private final Matcher matcher = Matcher.ofDefaults();

    private static List<BibRecord> read(String resource) throws IOException {
        List<BibRecord> out = new ArrayList<>();
        try (InputStream in = MatchKeysCodecTest.class.getResourceAsStream(resource);
             MarcFileReader reader = MarcFileReader.open(in, resource, Normaliser.ofDefaults())) {
            reader.forEachRemaining(r -> {
                if (r.readable()) {
                    out.add(r.record());
                }
            });
        }
        return out;
    }

    private List<BibRecord> corpus() throws IOException {
        List<BibRecord> all = new ArrayList<>();
        all.addAll(read("/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc"));
        all.addAll(read("/org/navette/normalise/corpus/1-marc21/evergreen/jazz_1k.mrc"));
        all.addAll(read("/org/navette/normalise/corpus/1-marc21/evergreen/serials_marc21.xml"));
        all.addAll(read("/org/navette/normalise/corpus/2-unimarc/medialab-reference_manager/cotesMEL.mrc"));
        all.addAll(read("/org/navette/normalise/corpus/2-unimarc/bncf-unimarcxml/bncf_data.mrc"));
        return all;
    }

    @Test
    void decodedKeysHoldEveryFieldOfTheComputedOnes() throws IOException {
        List<BibRecord> records = corpus();
        assertThat(records).hasSizeGreaterThan(1000);
        for (BibRecord r : records) {
            MatchKeys k = matcher.keys(r);
            MatchKeys d = MatchKeys.fromCode(k.toCode(), r.source()).orElseThrow();
            assertThat(fields(d)).as(r.source().toString()).isEqualTo(fields(k));
            assertThat(d.toCode()).isEqualTo(k.toCode());
        }
    }

    @Test
    void decodedKeysScoreEveryBlockedPairAsComputedOnesDo() throws IOException {
        List<BibRecord> records = corpus();
        List<MatchKeys> fresh = records.stream().map(matcher::keys).toList();
        List<MatchKeys> decoded = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            decoded.add(MatchKeys.fromCode(fresh.get(i).toCode(), records.get(i).source()).orElseThrow());
        }
        PairScorer scorer = matcher.scorer();
        java.util.Map<String, List<Integer>> blocks = new java.util.HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            for (String b : fresh.get(i).blockingKeys()) {
                blocks.computeIfAbsent(b, x -> new ArrayList<>()).add(i);
            }
        }
        int pairs = 0;
        int matches = 0;
        for (List<Integer> block : blocks.values()) {
            for (int x = 0; x < block.size() && x < 40; x++) {
                for (int y = x + 1; y < block.size() && y < 40; y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    double e = scorer.evidence(fresh.get(i), fresh.get(j));
                    assertThat(scorer.evidence(decoded.get(i), decoded.get(j))).as(i + "/" + j).isEqualTo(e);
                    assertThat(scorer.evidence(decoded.get(i), fresh.get(j))).isEqualTo(e);
                    pairs++;
                    matches += scorer.reaches(e) ? 1 : 0;
                }
            }
        }
        assertThat(pairs).isGreaterThan(500);
        assertThat(matches).isPositive();
    }

    @Test
    void anyTextSurvivesTheSeparatorsAndNullsStayNull() {
        BibRecord r = BibRecord.builder(new RecordSource("lib", "x\u001E1"), RecordFormat.UNIMARC)
                .titleProper("Odd \u001F title \u001B with \u001D separators").year(1999)
                .addAuthor(Author.personal("Dupont\u001E, Jean")).build();
        MatchKeys k = matcher.keys(r);
        MatchKeys d = MatchKeys.fromCode(k.toCode(), r.source()).orElseThrow();
        assertThat(fields(d)).isEqualTo(fields(k));
        assertThat(d.record().source()).isEqualTo(r.source());
        assertThat(d.partNumber).isNull();
    }

    @Test
    void aCodeOfAnotherVersionOrADamagedOneDecodesToNothing() {
        BibRecord r = BibRecord.builder(new RecordSource("lib", "1"), RecordFormat.MARC21).titleProper("Les misérables").build();
        String code = matcher.keys(r).toCode();
        assertThat(MatchKeys.fromCode(code.replaceFirst(MatchKeysCodec.VERSION, "mk0"), r.source())).isEmpty();
        assertThat(MatchKeys.fromCode(code.substring(0, code.length() / 2), r.source())).isEqualTo(Optional.empty());
        assertThat(MatchKeys.fromCode("", r.source())).isEmpty();
    }

    /**
     * Golden code of one real record: when this fails, the key extraction changed — bump
     * {@link MatchKeysCodec#VERSION} (stored codes of the old extraction must not be trusted), then
     * update the expected code.
     */
    @Test
    void theKeyExtractionIsTheOneThisCodecVersionNamed() throws IOException {
        BibRecord r = read("/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc").get(0);
        String code = matcher.keys(r).toCode().replace('\u001E', '|').replace('\u001F', ',').replace('\u001D', ';').replace('\u001B', '~');
        assertThat(code).isEqualTo(GOLDEN);
    }

    private static final String GOLDEN = "mk1|MARC21|BOOK|PRINT||||SYSTEM_NUMBER;(sirsi);01-0211801;a185998"
            + "|autre,monde,mythes,legendes|autre,monde,mythes,legendes,purgatoire,de,saint,patrice|1||11;p;1;felice;felice;philippe;de"
            + "||1906|193,0,0,0|0|~0|champion||fre|afelice|1906,dSYSTEM_NUMBER:(sirsi)=01-0211801,dSYSTEM_NUMBER:(sirsi)=a185998,"
            + "tautre monde,ulegen purga";

    /** Every field the scorer reads, as comparable values (sets sorted). */
    private static List<Object> fields(MatchKeys k) {
        return List.of(k.record.source(), k.record.materialType(), k.record.carrier(), k.isbns,
                new java.util.TreeSet<>(k.setIsbns), k.issns, sorted(k.ids), k.properTokens, k.fullTokens, k.hasRemainder,
                new java.util.TreeSet<>(k.titleNumbers), k.authors, k.responsibilityTokens, String.valueOf(k.year), k.extent,
                k.editionNumber, String.valueOf(k.partNumber), k.publisherTokens, k.containerTokens,
                String.valueOf(k.language), new java.util.TreeSet<>(k.blockingKeys));
    }

    private static java.util.Map<String, java.util.Set<String>> sorted(java.util.Map<IdentifierKey, java.util.Set<String>> ids) {
        java.util.Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
        ids.forEach((key, v) -> out.put(key.toString(), new java.util.TreeSet<>(v)));
        return out;
    }
}
