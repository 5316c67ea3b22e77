package org.navette.match.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Jaro-Winkler against published values, its bitmask path against the array path it shortcuts,
 * and the word-list similarities' symmetry.
 */
class SimilarityTest {

    @Test
    void jaroWinklerGivesTheTextbookValues() {
        // Winkler's examples (prefix scale 0.1)
        assertThat(Similarity.jaroWinkler("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
        assertThat(Similarity.jaroWinkler("DWAYNE", "DUANE")).isCloseTo(0.840, within(0.001));
        assertThat(Similarity.jaroWinkler("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.001));
        assertThat(Similarity.jaroWinkler("abc", "xyz")).isZero();
        assertThat(Similarity.jaroWinkler("same", "same")).isEqualTo(1.0);
        assertThat(Similarity.jaroWinkler("", "word")).isZero();
    }

    @Test
    void wordsLongerThanALongAreComparedToo() {
        String a = "x".repeat(70) + "abcdef";
        String b = "x".repeat(70) + "abcdfe";
        double expected = Similarity.jaroWinklerLong(a, b, a.length(), b.length(), a.length() / 2 - 1);
        assertThat(Similarity.jaroWinkler(a, b)).isEqualTo(expected).isGreaterThan(0.99).isLessThan(1.0);
    }

    @Property(tries = 2000)
    void theBitmaskPathAgreesWithTheArrayPath(@ForAll("words") String a, @ForAll("words") String b) {
        if (a.equals(b) || a.isEmpty() || b.isEmpty()) {
            return;
        }
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        assertThat(Similarity.jaroWinklerShort(a, b, la, lb, window))
                .isEqualTo(Similarity.jaroWinklerLong(a, b, la, lb, window));
    }

    @Property(tries = 500)
    void wordListSimilaritiesAreSymmetric(@ForAll("titles") List<String> a, @ForAll("titles") List<String> b) {
        assertThat(Similarity.sharedWords(a, b)).isEqualTo(Similarity.sharedWords(b, a));
        assertThat(Similarity.weightedDice(a, b)).isEqualTo(Similarity.weightedDice(b, a));
    }

    @Provide
    Arbitrary<String> words() {
        // a small alphabet, so that matches, transpositions and shared prefixes are common; up to 64 characters
        return Arbitraries.strings().withChars("abcdeé").ofMinLength(0).ofMaxLength(64);
    }

    @Test
    void journalAbbreviationsAreRecognisedWordByWord() {
        assertThat(Similarity.abbreviates(List.of("j", "clin", "psychol"), List.of("journal", "of", "clinical", "psychology"))).isTrue();
        assertThat(Similarity.abbreviates(List.of("commun", "acm"), List.of("communications", "of", "the", "acm"))).isTrue();
        assertThat(Similarity.abbreviates(List.of("ieee", "trans", "knowl", "data", "eng"),
                List.of("ieee", "transactions", "on", "knowledge", "and", "data", "engineering"))).isTrue();
        // another journal: a word of the full title left over, or words out of order
        assertThat(Similarity.abbreviates(List.of("j", "chem"), List.of("journal", "of", "chemical", "physics"))).isFalse();
        assertThat(Similarity.abbreviates(List.of("chem", "j"), List.of("journal", "of", "chemical"))).isFalse();
        // the same words are no abbreviation, nor is a single word
        assertThat(Similarity.abbreviates(List.of("nature", "genetics"), List.of("nature", "genetics"))).isFalse();
        assertThat(Similarity.abbreviates(List.of("j"), List.of("journal"))).isFalse();
    }

    @Provide
    Arbitrary<List<String>> titles() {
        return Arbitraries.of("histoire", "histoier", "france", "frances", "de", "la", "computer", "computre",
                "bible", "12", "handbook", "chemistry", "chemsitry").list().ofMaxSize(6);
    }
}
