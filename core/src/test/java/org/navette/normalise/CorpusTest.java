package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.navette.model.ProblemKind;

/**
 * Every record file of the corpus is read end to end: as many results as the file holds records,
 * counted here independently of the reader (record terminators, XML record elements, JSON leaders,
 * MarcMaker leaders), and every result yields a title or a problem.
 */
class CorpusTest {
    /** Files whose record count is not their number of terminators, and why. */
    private static final Map<String, Integer> SPECIAL_COUNTS = Map.of(
            // cut at 65536 bytes: 19 leaders, 18 terminators; the 19th record is reported truncated
            "6-tricky-encodings/marc4j/008008027.mrc", 19,
            // both cut short in the middle of their last record
            "1-marc21/xbib-marc/zdblokutf8.mrc", 293,
            "1-marc21/xbib-marc/zdbtitutf8.mrc", 8,
            // SWB closes its (single) records with '.' instead of 0x1D
            "1-marc21/xbib-marc/SWB1.marc21", 1,
            "1-marc21/xbib-marc/SWB2.marc21", 1,
            "1-marc21/xbib-marc/SWB3.marc21", 1,
            "1-marc21/xbib-marc/SWB4.marc21", 1);

    private static final Pattern XML_RECORD = Pattern.compile("<(?:[\\w.-]+:)?(?:record|rec)[\\s>/]");
    private static final Pattern MARC_CONTENT = Pattern.compile("<(?:[\\w.-]+:)?(?:leader|controlfield|datafield|lab|cf|df)[\\s>]");

    static Stream<String> files() {
        return Corpus.recordFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyRecordOfTheFileIsReadAndYieldsATitleOrAProblem(String file) {
        List<ReadResult> results = Corpus.read(file);

        assertThat(results).as("records read from %s", file).hasSize(expectedCount(file));
        for (ReadResult r : results) {
            if (r.record() == null) {
                assertThat(r.has(ProblemKind.UNREADABLE)).as("%s #%d", file, r.position()).isTrue();
            } else {
                assertThat(r.record().title() != null || !r.problems().isEmpty())
                        .as("%s #%d has a title or a problem", file, r.position()).isTrue();
                assertThat(r.record().problems()).isEqualTo(r.problems());
            }
        }
        assertThat(results).extracting(ReadResult::position).doesNotHaveDuplicates();
    }

    private static int expectedCount(String file) {
        Integer special = SPECIAL_COUNTS.get(file);
        if (special != null) {
            return special;
        }
        byte[] b = Corpus.bytes(file);
        String name = file.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xml")) {
            return xmlRecords(new String(b, StandardCharsets.UTF_8));
        }
        if (name.endsWith(".json")) {
            return count(new String(b, StandardCharsets.UTF_8), Pattern.compile("\"?leader\"?\\s*:"));
        }
        if (name.endsWith(".mrk") || name.endsWith(".mrk8")) {
            return count(new String(b, StandardCharsets.UTF_8), Pattern.compile("(?m)^=LDR"));
        }
        int terminators = 0;
        for (byte x : b) {
            if (x == 0x1D) {
                terminators++;
            }
        }
        return terminators;
    }

    /** Record elements holding MARC content; wrappers (OAI-PMH records) hold another record instead. */
    private static int xmlRecords(String xml) {
        Matcher m = XML_RECORD.matcher(xml);
        List<Integer> starts = new java.util.ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        int n = 0;
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : xml.length();
            if (MARC_CONTENT.matcher(xml.substring(starts.get(i), end)).find()) {
                n++;
            }
        }
        return n;
    }

    private static int count(String text, Pattern p) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
