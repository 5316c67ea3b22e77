package org.navette.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.navette.match.Cluster;
import org.navette.model.Author;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;
import org.navette.query.Field;
import org.navette.query.Query;

class RankerTest {
    private static final Clock JAN_2026 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Ranker ranker = Ranker.of(RankingSettings.builder().clock(JAN_2026).build());

    private static Cluster cluster(String id, String title, String author, Integer year, String... subjects) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource("t", id), RecordFormat.MARC21).titleProper(title)
                .year(year).materialType(MaterialType.BOOK).addLanguage("eng");
        if (author != null) {
            b.addAuthor(Author.personal(author));
        }
        for (String s : subjects) {
            b.addSubject(s);
        }
        return Cluster.of(b.build());
    }

    private static List<String> ids(RankedResult r) {
        return r.clusterList().stream().map(Cluster::id).toList();
    }

    @Test
    void aWordInTheTitleOutranksTheSameWordInTheAuthorOrSubject() {
        Cluster inTitle = cluster("1", "Gardens of Italy", "Smith, John", 2000);
        Cluster inAuthor = cluster("2", "Collected essays", "Garden, Mary", 2000);
        Cluster inSubject = cluster("3", "A history of Florence", "Doe, Jane", 2000, "Gardens -- Italy");
        Cluster none = cluster("4", "Cooking", "Roe, Richard", 2000);

        RankedResult r = ranker.rank(Query.any("gardens"), List.of(none, inSubject, inAuthor, inTitle), SortOrder.RELEVANCE);

        assertThat(ids(r).get(0)).isEqualTo("t:1");
        assertThat(ids(r).get(3)).isEqualTo("t:4");
        assertThat(r.clusters().get(3).score()).isLessThan(0.01);
    }

    @Test
    void wordsTogetherInOrderOutrankTheSameWordsApart() {
        Cluster phrase = cluster("1", "The computer bible of science", null, 1990);
        Cluster apart = cluster("2", "The bible of computer science", null, 1990);

        RankedResult r = ranker.rank(Query.title("computer bible"), List.of(apart, phrase), SortOrder.RELEVANCE);

        assertThat(ids(r)).containsExactly("t:1", "t:2");
        assertThat(r.clusters().get(0).score()).isGreaterThan(r.clusters().get(1).score());
    }

    @Test
    void anExactIsbnMatchComesFirstWhateverTheText() {
        Cluster byIsbn = Cluster.of(BibRecord.builder(new RecordSource("t", "9"), RecordFormat.MARC21)
                .titleProper("Something else").addIsbn(Isbn.parse("0836968433").orElseThrow()).build());
        Cluster byText = cluster("1", "0836968433 computer computer", null, 1990);

        RankedResult r = ranker.rank(Query.isbn("978-0-8369-6843-9").or(Query.any("computer")),
                List.of(byText, byIsbn), SortOrder.RELEVANCE);

        assertThat(ids(r)).containsExactly("t:9", "t:1");
    }

    @Test
    void moreHoldingLibrariesAndAvailabilityBreakOtherwiseEqualRelevance() {
        BibRecord one = BibRecord.builder(new RecordSource("a", "1"), RecordFormat.MARC21).titleProper("Opera")
                .addHolding(Holding.builder().library("L1").build()).build();
        BibRecord many = BibRecord.builder(new RecordSource("b", "1"), RecordFormat.MARC21).titleProper("Opera")
                .addHolding(Holding.builder().library("L1").availability(Availability.AVAILABLE).build())
                .addHolding(Holding.builder().library("L2").build())
                .addHolding(Holding.builder().library("L3").build()).build();

        RankedResult r = ranker.rank(Query.title("opera"), List.of(Cluster.of(one), Cluster.of(many)), SortOrder.RELEVANCE);

        assertThat(ids(r)).containsExactly("b:1", "a:1");
    }

    @Test
    void aPreferredLibraryIsBoosted() {
        BibRecord local = BibRecord.builder(new RecordSource("mine", "1"), RecordFormat.MARC21).titleProper("Opera").build();
        BibRecord remote = BibRecord.builder(new RecordSource("other", "1"), RecordFormat.MARC21).titleProper("Opera").build();
        Ranker preferring = Ranker.of(RankingSettings.builder().clock(JAN_2026).preferredLibraries(Set.of("mine")).build());

        RankedResult r = preferring.rank(Query.title("opera"), List.of(Cluster.of(remote), Cluster.of(local)), SortOrder.RELEVANCE);

        assertThat(ids(r)).containsExactly("mine:1", "other:1");
    }

    @Test
    void titleSortSkipsLeadingArticlesAndAuthorSortUsesSurnames() {
        Cluster hobbit = cluster("1", "The Hobbit", "J.R.R. Tolkien", 1937);
        Cluster animal = cluster("2", "Animal farm", "Orwell, George", 1945);
        Cluster ulysses = cluster("3", "Ulysses", "Joyce, James", 1922);
        List<Cluster> all = List.of(hobbit, animal, ulysses);

        assertThat(ids(ranker.rank(null, all, SortOrder.TITLE))).containsExactly("t:2", "t:1", "t:3");
        assertThat(ids(ranker.rank(null, all, SortOrder.AUTHOR))).containsExactly("t:3", "t:2", "t:1");
        assertThat(ids(ranker.rank(null, all, SortOrder.YEAR_NEWEST))).containsExactly("t:2", "t:1", "t:3");
        assertThat(ids(ranker.rank(null, all, SortOrder.YEAR_OLDEST))).containsExactly("t:3", "t:1", "t:2");
    }

    @Test
    void equalScoresAreOrderedDeterministically() {
        Cluster a = cluster("a", "Opera", null, null);
        Cluster b = cluster("b", "Opera", null, null);

        assertThat(ids(ranker.rank(Query.title("opera"), List.of(b, a), SortOrder.RELEVANCE)))
                .isEqualTo(ids(ranker.rank(Query.title("opera"), List.of(a, b), SortOrder.RELEVANCE)));
    }

    @Test
    void truncatedTermsMatchWordStems() {
        Cluster computing = cluster("1", "Computing machinery", null, 1950);
        Cluster cooking = cluster("2", "Cooking", null, 1950);

        RankedResult r = ranker.rank(Query.truncated(Field.TITLE, "comput"), List.of(cooking, computing), SortOrder.RELEVANCE);

        assertThat(ids(r)).containsExactly("t:1", "t:2");
        assertThat(r.clusters().get(0).score()).isPositive();
    }

    @Test
    void facetsCountClustersPerValueWithYearRanges() {
        List<Cluster> all = List.of(
                cluster("1", "A", "Hugo, Victor", 1862, "Paris (France) -- Fiction"),
                cluster("2", "B", "Victor Hugo", 1866, "Paris (France) -- Fiction"),
                cluster("3", "C", "Zola, Émile", 1885),
                cluster("4", "D", null, 1995));

        Facets f = ranker.facets(all);

        assertThat(f.values(FacetField.AUTHOR).get(0).count()).isEqualTo(2);
        assertThat(f.values(FacetField.SUBJECT)).containsExactly(new FacetValue("Paris (France) -- Fiction", 2));
        assertThat(f.values(FacetField.LANGUAGE)).containsExactly(new FacetValue("eng", 4));
        assertThat(f.values(FacetField.TARGET)).containsExactly(new FacetValue("t", 4));
        assertThat(f.yearRanges()).containsExactly(new YearRange(1800, 1899, 3), new YearRange(1990, 1999, 1));
    }

    @Test
    void concurrentSearchesOverTheSameClustersGiveTheSameOrderAsOneThread() throws Exception {
        List<Cluster> clusters = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            clusters.add(cluster(Integer.toString(i), (i % 3 == 0 ? "Opera " : "Songs ") + "volume " + i,
                    i % 2 == 0 ? "Verdi, Giuseppe" : "Puccini, Giacomo", 1900 + i % 97, "Operas -- Scores"));
        }
        Query q = Query.any("opera verdi");
        List<String> expected = ids(Ranker.of(RankingSettings.builder().clock(JAN_2026).build())
                .rank(q, List.copyOf(clusters), SortOrder.RELEVANCE));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> ids(ranker.rank(q, clusters, SortOrder.RELEVANCE))));
            }
            for (java.util.concurrent.Future<List<String>> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheSettingNamed() {
        assertThatThrownBy(() -> RankingSettings.builder().b(2.0)).hasMessageContaining("b must be");
        assertThatThrownBy(() -> RankingSettings.builder().titleWeight(-1)).hasMessageContaining("titleWeight");
        assertThatThrownBy(() -> ranker.rank(null, null, SortOrder.TITLE)).isInstanceOf(IllegalArgumentException.class);
    }
}
