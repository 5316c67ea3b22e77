package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;
import org.navette.query.Query;
import org.navette.rank.Ranker;
import org.navette.rank.SortOrder;

/**
 * Fuzzes everything in the matcher and the ranker that reads outside text: titles, names, edition
 * and extent statements, ISBN qualifiers, query words. Under {@code mvn test} it replays the inputs in
 * {@code MatcherFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it explores new ones.
 */
class MatcherFuzzTest {
    private final Matcher matcher = Matcher.ofDefaults();

    private static BibRecord record(FuzzedDataProvider data, String origin) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, "1"), RecordFormat.MARC21)
                .titleProper(data.consumeString(80)).titleRemainder(data.consumeString(40))
                .partNumber(data.consumeString(20)).edition(data.consumeString(30)).extent(data.consumeString(30))
                .publisher(data.consumeString(30)).responsibility(data.consumeString(40))
                .materialType(data.pickValue(MaterialType.values()));
        String author = data.consumeString(40);
        if (!author.isBlank()) {
            b.addAuthor(Author.personal(author));
        }
        int year = data.consumeInt(0, 3000);
        if (year >= 1 && year <= 2999) {
            b.year(year);
        }
        Isbn.parse(data.consumeString(30)).ifPresent(b::addIsbn);
        return b.build();
    }

    @FuzzTest(maxDuration = "2m")
    void keysExplanationsAndRankingNeverThrow(FuzzedDataProvider data) {
        BibRecord a = record(data, "a");
        BibRecord b = record(data, "b");
        String words = data.consumeRemainingAsString();

        MatchExplanation ab = matcher.explain(a, b);
        MatchExplanation ba = matcher.explain(b, a);

        assertThat(ba.decision()).isEqualTo(ab.decision());
        assertThat(matcher.keys(a).goldRushKey()).hasSize(168);
        assertThat(matcher.matches(a, a)).isTrue();
        if (!words.isBlank()) {
            List<Cluster> clusters = List.of(Cluster.of(a), Cluster.of(b));
            assertThat(Ranker.ofDefaults().rank(Query.any(words), clusters, SortOrder.RELEVANCE).size()).isEqualTo(2);
            assertThat(Ranker.ofDefaults().facets(clusters)).isNotNull();
        }
    }
}
