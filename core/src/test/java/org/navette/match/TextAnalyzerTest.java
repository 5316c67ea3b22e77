package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
    private final TextAnalyzer text = TextAnalyzer.ofDefaults();

    @Test
    void foldsCaseDiacriticsAndCompatibilityForms() {
        assertThat(text.tokens("Les Misérables")).containsExactly("les", "miserables");
        assertThat(text.tokens("LES MISE\u0301RABLES")).containsExactly("les", "miserables");
        assertThat(text.tokens("ﬁnal Œuvres Ærø Łódź straße")).containsExactly("final", "oeuvres", "aero", "lodz", "strasse");
    }

    @Test
    void splitsOnPunctuationAndDropsAndInItsLanguages() {
        assertThat(text.tokens("Pride & Prejudice")).containsExactly("pride", "prejudice");
        assertThat(text.tokens("Pride and prejudice")).containsExactly("pride", "prejudice");
        assertThat(text.tokens("Krieg und Frieden / Tolstoi")).containsExactly("krieg", "frieden", "tolstoi");
        assertThat(text.tokens("Guerre et paix")).containsExactly("guerre", "paix");
    }

    @Test
    void dropsElidedArticlesAndPossessivesButJoinsOtherApostrophes() {
        assertThat(text.tokens("L’Étranger de l'homme")).containsExactly("etranger", "de", "homme");
        assertThat(text.tokens("Dell'amore")).containsExactly("amore");
        assertThat(text.tokens("Shakespeare's sonnets")).containsExactly("shakespeare", "sonnets");
        assertThat(text.tokens("O'Brien")).containsExactly("obrien");
    }

    @Test
    void turnsOrdinalsAndRomanNumeralsIntoNumbers() {
        assertThat(text.tokens("2nd ed.")).containsExactly("2", "ed");
        assertThat(text.tokens("2e éd.")).containsExactly("2", "ed");
        assertThat(text.tokens("2ème édition")).containsExactly("2", "edition");
        assertThat(text.tokens("Tome II, livre XIV")).containsExactly("tome", "2", "livre", "14");
        // words that happen to be numerals stay words; single letters stay letters
        assertThat(text.tokens("Storia di Venezia vol. I")).containsExactly("storia", "di", "venezia", "vol", "i");
        assertThat(text.tokens("mix civil")).containsExactly("mix", "civil");
    }

    @Test
    void titleTokensSkipTheLeadingArticleOfTheLanguageOrOfAnyUsualLanguage() {
        assertThat(text.titleTokens("The Hobbit", "eng")).containsExactly("hobbit");
        assertThat(text.titleTokens("Die Hard", "eng")).containsExactly("die", "hard");
        assertThat(text.titleTokens("Die Blechtrommel", "ger")).containsExactly("blechtrommel");
        assertThat(text.titleTokens("Les misérables", null)).containsExactly("miserables");
        assertThat(text.titleTokens("L'Étranger", "fre")).containsExactly("etranger");
        assertThat(text.titleTokens("Gli indifferenti", "ita")).containsExactly("indifferenti");
        assertThat(text.titleTokens("Los de abajo", "spa")).containsExactly("de", "abajo");
        assertThat(text.titleTokens("The", "eng")).containsExactly("the");
    }

    @Test
    void marcNonSortingMarkersHideTheMarkedArticleFromTitleKeysOnly() {
        String marked = "\u0098Lo \u009CStato e la rivoluzione";
        assertThat(text.titleTokens(marked, "ita")).containsExactly("stato", "e", "la", "rivoluzione");
        assertThat(text.tokens(marked)).containsExactly("lo", "stato", "e", "la", "rivoluzione");
    }

    @Test
    void ideographsAreOneTokenEach() {
        assertThat(text.tokens("源氏物語")).containsExactly("源", "氏", "物", "語");
    }

    @Test
    void sortKeysSkipArticlesAndPadNumbers() {
        assertThat(text.sortKey("The Hobbit", "eng")).isEqualTo("hobbit");
        assertThat(text.sortKey("Volume 10", "eng").compareTo(text.sortKey("Volume 9", "eng"))).isPositive();
        assertThat(text.sortKey("Volume 2", "eng").compareTo(text.sortKey("Volume 10", "eng"))).isNegative();
    }

    @Test
    void nullAndBlankGiveNoTokens() {
        assertThat(text.tokens(null)).isEmpty();
        assertThat(text.tokens("  ; : / ")).isEmpty();
        assertThat(text.key(null)).isEmpty();
    }
}
