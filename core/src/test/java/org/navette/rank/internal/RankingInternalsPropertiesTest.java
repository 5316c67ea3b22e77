package org.navette.rank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.navette.match.Cluster;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * The ranking core's shortcuts (radix and key-column sorting, filtered and interpolated term
 * lookups, stem ranges, hash-keyed facet counting) agree with the plain computations they replace.
 */
class RankingInternalsPropertiesTest {
    private static final String[] WORDS = {"opera", "operas", "operation", "opus", "op", "o", "jazz", "jazzmen",
        "histoire", "histoires", "historique", "de", "des", "france", "francaise", "love", "songs", "a", "ab",
        "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "abcdefghij", "zz", "2", "20", "1999", "etoile", "etoiles"};

    @Property(tries = 60)
    void sortingByKeyColumnsEqualsAStableSortByTheSameCriteria(@ForAll("seeds") long seed,
                                                               @ForAll @IntRange(min = 0, max = 1500) int n) {
        Random random = new Random(seed);
        // few distinct values per column, so that long runs of ties reach every level and the comparator
        int distinct = 1 + random.nextInt(40);
        long[][] keys = new long[3][n];
        long[] last = new long[n];
        for (int i = 0; i < n; i++) {
            for (long[] column : keys) {
                column[i] = (random.nextInt(distinct) - distinct / 2) * 0x9E3779B97F4A7C15L;
            }
            last[i] = random.nextInt(5);
        }
        IndexSort.IndexComparator tieBreak = (x, y) -> Long.compare(last[x], last[y]);
        int[] order = new int[n];
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order[i] = i;
            expected.add(i);
        }
        expected.sort(Comparator.<Integer>comparingLong(i -> keys[0][i]).thenComparingLong(i -> keys[1][i])
                .thenComparingLong(i -> keys[2][i]).thenComparingLong(i -> last[i]));

        IndexSort.sortByKeys(order, keys, tieBreak);

        assertThat(Arrays.stream(order).boxed().toList()).isEqualTo(expected);
    }

    @Property(tries = 80)
    void termLookupsAndStemCountsAgreeWithCountingTheTokens(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        BibRecord.Builder b = BibRecord.builder(new RecordSource("t", Long.toString(seed)), RecordFormat.MARC21)
                .titleProper(words(random, 1 + random.nextInt(12)));
        for (int i = random.nextInt(3); i > 0; i--) {
            b.addAuthor(Author.personal(words(random, 2)));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            b.addSubject(words(random, 1 + random.nextInt(4)));
        }
        b.publisher(random.nextBoolean() ? words(random, 2) : null);
        ClusterDocument doc = ClusterDocument.of(Cluster.of(b.build()));

        for (String word : WORDS) {
            int packed = Postings.termFrequencies(doc.postings, TermHash.of(word));
            for (int f = 0; f < ClusterDocument.FIELDS; f++) {
                long count = Arrays.stream(doc.tokens[f]).filter(word::equals).count();
                assertThat((packed >>> (8 * f)) & 0xFF).as("%s in field %d", word, f).isEqualTo((int) Math.min(255, count));
            }
            for (int length = 0; length <= word.length(); length++) {
                String stem = word.substring(0, length);
                int[] counts = new int[ClusterDocument.FIELDS];
                if (Postings.mayHoldStem(doc.postings, Postings.stemFilterBits(stem))) {
                    doc.addStemCounts(stem, (1 << ClusterDocument.FIELDS) - 1, counts, 0);
                }
                for (int f = 0; f < ClusterDocument.FIELDS; f++) {
                    long count = Arrays.stream(doc.tokens[f]).filter(t -> t.startsWith(stem)).count();
                    assertThat(counts[f]).as("%s* in field %d", stem, f).isEqualTo((int) count);
                }
            }
        }
    }

    @Property(tries = 40)
    void facetCountsAndSpellingsAgreeWithCountingStrings(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        FacetCounter counter = new FacetCounter();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        int values = 1 + random.nextInt(3000);
        for (int i = 0; i < 6000; i++) {
            String key = "k" + random.nextInt(values);
            // a few values in several spellings, met in any order and often equally often
            String[] spelled = {key, key.toUpperCase(), key + "."};
            String display = Integer.parseInt(key.substring(1)) % 7 == 0 ? spelled[random.nextInt(3)] : key;
            counter.add(TermHash.of(key), TermHash.of(display), new String[] {display}, 0);
            spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(display, 1, Integer::sum);
        }
        List<FacetCounter.Count> expected = new ArrayList<>();
        spellings.values().forEach(m -> {
            String best = m.entrySet().stream().min(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
            expected.add(new FacetCounter.Count(best, m.values().stream().mapToInt(Integer::intValue).sum()));
        });
        expected.sort(Comparator.comparingInt(FacetCounter.Count::count).reversed().thenComparing(FacetCounter.Count::display));

        assertThat(counter.top(25)).isEqualTo(expected.subList(0, Math.min(25, expected.size())));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static String words(Random random, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            sb.append(i > 0 ? " " : "").append(random.nextInt(4) == 0 ? w.toUpperCase() : w);
        }
        return sb.toString();
    }
}
