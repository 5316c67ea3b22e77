package org.navette.match.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.match.MatchExplanation;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;

/**
 * Pairwise precision/recall of the default matcher on labelled citation data: CoLRev's bib-dedupe
 * cases (BibTeX records) and ScholarIndex's reference pairs (free-text references from Venetian
 * history books). The thresholds asserted are below the measured figures by a margin, so a change
 * that makes matching clearly worse fails the build.
 */
class CitationQualityTest {
    private static final String DIR = "/org/navette/match/labelled/";
    private final Matcher matcher = Matcher.ofDefaults();

    @Test
    void bibDedupeCasesAreDecidedWithHighPrecisionAndRecall() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream(DIR + "bib-dedupe/test_cases.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        PairCounts counts = PairCounts.ZERO;
        ScoredPairs scored = new ScoredPairs();
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : cases) {
            BibRecord a = CitationRecords.fromBibtex(c.get("record_a"), "a");
            BibRecord b = CitationRecords.fromBibtex(c.get("record_b"), "b");
            boolean expected = c.get("expected_duplicate").asBoolean();
            MatchExplanation e = matcher.explain(a, b);
            scored.add(expected, e);
            counts = counts.add(expected, e.matches());
            if (expected != e.matches()) {
                wrong.add(c.get("id").asText() + ": " + e);
            }
        }
        System.out.println("bib-dedupe (" + cases.size() + " pairs): " + counts + "\n" + scored.sweep());
        wrong.forEach(System.out::println);
        QualityReport.write("bib-dedupe-misses.txt", wrong);

        assertThat(counts.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(counts.recall()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void scholarIndexReferencePairsAreDecidedWithGoodPrecisionAndRecall() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream(DIR + "scholarindex/dataset.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split("\t", -1));
            }
        }
        PairCounts counts = PairCounts.ZERO;
        ScoredPairs scored = new ScoredPairs();
        List<String> wrong = new ArrayList<>();
        int skipped = 0;
        for (String[] row : rows) {
            String seed = row[1];
            String ref = row[3];
            String label = row[5];
            // the README's 0.5 means "partly"; an empty seed lost its text: neither can be judged
            if (seed.isBlank() || label.equals("0.5")) {
                skipped++;
                continue;
            }
            boolean same = label.equals("1.0");
            BibRecord a = CitationRecords.fromReference(seed, "seed", row[2]);
            BibRecord b = CitationRecords.fromReference(ref, "ref", row[4]);
            MatchExplanation e = matcher.explain(a, b);
            boolean predicted = e.matches();
            scored.add(same, e);
            counts = counts.add(same, predicted);
            if (same != predicted && wrong.size() < 2000) {
                wrong.add((same ? "FN " : "FP ") + seed + "\n   ~ " + ref + "\n   " + e.toString().replace("\n", "\n   "));
            }
        }
        System.out.println("scholarindex (" + (rows.size() - skipped) + " pairs, " + skipped + " skipped): " + counts + "\n" + scored.sweep());
        QualityReport.write("scholarindex-misses.txt", wrong);

        assertThat(counts.precision()).isGreaterThanOrEqualTo(0.5);
        assertThat(counts.recall()).isGreaterThanOrEqualTo(0.3);
    }
}
