package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

class MatcherTest {
    private final Matcher matcher = Matcher.ofDefaults();

    /** The Czech union catalogue pair from RecordManager2's DedupRecordMatcherTest, as normalised. */
    private static BibRecord.Builder hitlerMzk() {
        return hitlerMzkWithoutIsbn().addIsbn(Isbn.parse("80-85194-75-9").orElseThrow());
    }

    private static BibRecord.Builder hitlerMzkWithoutIsbn() {
        return BibRecord.builder(new RecordSource("MZK", "000000199"), RecordFormat.MARC21)
                .titleProper("Adolf Hitler").titleRemainder("životopis Führera")
                .responsibility("Karol Grünberg ; z pol. orig. přel. Vladimír Uhlíř")
                .addAuthor(new Author("Grünberg, Karol", org.navette.model.AuthorKind.PERSONAL, "aut", "1923-2012", true))
                .edition("1. vyd.").place("Praha").publisher("Dialog").year(1994).extent("350 s., fot. na příl.")
                .addLanguage("cze").materialType(MaterialType.BOOK).carrier(Carrier.PRINT);
    }

    private static BibRecord.Builder hitlerKjm() {
        return hitlerKjmWithoutIsbn().addIsbn(Isbn.parse("8085194759").orElseThrow());
    }

    private static BibRecord.Builder hitlerKjmWithoutIsbn() {
        return BibRecord.builder(new RecordSource("KJM", "KN2470000010034176"), RecordFormat.MARC21)
                .titleProper("Adolf Hitler").titleRemainder("Životopis Führera")
                .responsibility("Karol Gründberg ; Z pol. orig. přel. Vladimír Uhlíř")
                .addAuthor(Author.personal("Gründberg, Karol"))
                .edition("1. vyd.").place("Praha").publisher("Dialog,").year(1994).extent("350 s., fot. příl.")
                .addLanguage("cze").materialType(MaterialType.BOOK);
    }

    @Test
    void theSameEditionFromTwoCataloguesMatchesDespiteATypoInTheAuthor() {
        MatchExplanation e = matcher.explain(hitlerMzk().build(), hitlerKjm().build());

        assertThat(e.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(e.rules()).extracting(MatchRule::name).contains("isbn", "title", "author", "year", "pagination");
        assertThat(e.score()).isGreaterThan(0.99);
    }

    @Test
    void isbn10AndIsbn13OfOneBookAreOneIsbn() {
        BibRecord a = hitlerMzk().build();
        BibRecord b13 = hitlerKjmWithoutIsbn().addIsbn(Isbn.parse("978-80-85194-75-3").orElseThrow()).build();

        assertThat(matcher.keys(b13).isbns()).containsExactly("9788085194753");
        assertThat(matcher.explain(a, b13).rules()).anyMatch(r -> r.name().equals("isbn") && r.weight() > 0);
    }

    @Test
    void invertedAndDirectOrderNamesGiveTheSameAuthorKey() {
        BibRecord inverted = BibRecord.builder(new RecordSource("a", "1"), RecordFormat.MARC21)
                .titleProper("Les misérables").addAuthor(Author.personal("Hugo, Victor, 1802-1885"))
                .publisher("Gallimard").year(1995).extent("1 vol. (1140 p.)").build();
        BibRecord direct = BibRecord.builder(new RecordSource("b", "1"), RecordFormat.UNIMARC)
                .titleProper("Les Misérables").addAuthor(Author.personal("Victor Hugo"))
                .publisher("Gallimard").year(1995).extent("1140 p.").build();
        BibRecord citation = BibRecord.builder(new RecordSource("c", "1"), RecordFormat.MARC21)
                .titleProper("Misérables").addAuthor(Author.personal("Hugo V.")).build();

        assertThat(matcher.keys(inverted).authorKey()).isEqualTo("hugo v");
        assertThat(matcher.keys(direct).authorKey()).isEqualTo("hugo v");
        assertThat(matcher.keys(citation).authorKey()).isEqualTo("hugo v");
        assertThat(matcher.keys(inverted).titleKey()).isEqualTo("miserables");
        assertThat(matcher.matches(inverted, direct)).isTrue();
    }

    @Test
    void differentEditionNumbersVetoWhateverElseAgrees() {
        BibRecord second = hitlerMzk().edition("2nd ed.").build();
        BibRecord third = hitlerKjm().edition("Third edition").build();

        MatchExplanation e = matcher.explain(second, third);

        assertThat(e.decision()).isEqualTo(MatchDecision.VETOED);
        assertThat(e.vetoes()).extracting(MatchRule::name).containsExactly("edition");
        assertThat(matcher.keys(second).editionNumber()).isEqualTo(2);
        assertThat(matcher.keys(third).editionNumber()).isEqualTo(3);
    }

    @Test
    void editionNumbersAreReadInSeveralLanguages() {
        String[][] cases = {{"2e éd.", "2"}, {"2. Aufl.", "2"}, {"seconda edizione", "2"}, {"segunda edición", "2"},
            {"Deuxième édition revue", "2"}, {"zweite, überarb. Aufl.", "2"}, {"1. vyd.", "1"}, {"Rev. ed.", "0"},
            {"Édition de 1850", "0"}, {"4th edition", "4"}};
        for (String[] c : cases) {
            BibRecord r = hitlerMzk().edition(c[0]).build();
            assertThat(matcher.keys(r).editionNumber()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
    }

    @Test
    void differentVolumesOfASetNeverMatch() {
        BibRecord v2 = hitlerMzkWithoutIsbn().titleProper("Histoire de France. Tome II").build();
        BibRecord v3 = hitlerKjmWithoutIsbn().titleProper("Histoire de France").partNumber("T. 3").build();

        assertThat(matcher.keys(v2).partNumber()).isEqualTo("2");
        assertThat(matcher.keys(v2).titleKey()).isEqualTo("histoire de france");
        assertThat(matcher.explain(v2, v3).vetoes()).extracting(MatchRule::name).containsExactly("part-number");
    }

    @Test
    void aSharedSetIsbnIsWeakEvidenceAndVolumesOfTheSetStayApart() {
        Isbn set = Isbn.parse("2070409228 (set)").orElseThrow();
        BibRecord wholeSet = hitlerMzkWithoutIsbn().titleProper("Histoire de France").addIsbn(set).extent("3 v.").build();
        BibRecord volume2 = hitlerKjmWithoutIsbn().titleProper("Histoire de France").partNumber("Vol. 2").addIsbn(set)
                .addIsbn(Isbn.parse("0836968433 (v. 2)").orElseThrow()).build();
        BibRecord volume3 = hitlerKjmWithoutIsbn().titleProper("Histoire de France").partNumber("Vol. 3").addIsbn(set).build();

        MatchExplanation setVsVolume = matcher.explain(wholeSet, volume2);
        assertThat(setVsVolume.rules()).anyMatch(r -> r.name().equals("isbn-of-set") && r.weight() == 3.0);
        assertThat(setVsVolume.rules()).anyMatch(r -> r.name().equals("part-number") && r.weight() < 0);
        assertThat(setVsVolume.matches()).isFalse();
        assertThat(matcher.explain(volume2, volume3).vetoes()).extracting(MatchRule::name).containsExactly("part-number");
    }

    @Test
    void printAndElectronicStayApartUnlessConfigured() {
        BibRecord print = hitlerMzk().carrier(Carrier.PRINT).build();
        BibRecord ebook = hitlerKjm().carrier(Carrier.ELECTRONIC).build();

        assertThat(matcher.explain(print, ebook).decision()).isEqualTo(MatchDecision.VETOED);
        Matcher lenient = Matcher.of(MatchSettings.builder().allowPrintElectronicMerge(true).build());
        assertThat(lenient.matches(print, ebook)).isTrue();
    }

    @Test
    void differentMaterialTypesAndDistantYearsVeto() {
        BibRecord book = hitlerMzk().build();
        BibRecord score = hitlerKjm().materialType(MaterialType.SCORE).build();
        BibRecord later = hitlerKjm().year(2004).build();

        assertThat(matcher.explain(book, score).vetoes()).extracting(MatchRule::name).contains("material-type");
        assertThat(matcher.explain(book, later).vetoes()).extracting(MatchRule::name).contains("year");
    }

    @Test
    void incompatiblePaginationVetoes() {
        BibRecord a = hitlerMzk().extent("350 p.").build();
        BibRecord b = hitlerKjm().extent("xii, 612 p.").build();

        assertThat(matcher.explain(a, b).vetoes()).extracting(MatchRule::name).containsExactly("pagination");
    }

    @Test
    void sameTitleByDifferentAuthorsWithoutIdentifiersDoesNotMatch() {
        BibRecord a = BibRecord.builder(new RecordSource("a", "1"), RecordFormat.MARC21).titleProper("Poems")
                .addAuthor(Author.personal("Keats, John")).year(1817).build();
        BibRecord b = BibRecord.builder(new RecordSource("b", "1"), RecordFormat.MARC21).titleProper("Poems")
                .addAuthor(Author.personal("Shelley, Percy Bysshe")).year(1817).build();

        MatchExplanation e = matcher.explain(a, b);
        assertThat(e.decision()).isEqualTo(MatchDecision.NO_MATCH);
        assertThat(e.decisiveRules()).extracting(MatchRule::name).contains("author");
    }

    @Test
    void aSharedDoiDoesNotOutweighCompletelyDifferentTitlesAndAuthors() {
        BibRecord a = BibRecord.builder(new RecordSource("a", "1"), RecordFormat.MARC21)
                .titleProper("Reputation offsets trust judgments based on social biases among Airbnb users")
                .addAuthor(Author.personal("Abrahao, Bruno")).year(2017).materialType(MaterialType.ARTICLE)
                .addIdentifier(new Identifier(IdentifierScheme.DOI, "10.1073/PNAS.1604234114")).build();
        BibRecord b = BibRecord.builder(new RecordSource("b", "1"), RecordFormat.MARC21)
                .titleProper("Digital platforms and the governance of work")
                .addAuthor(Author.personal("Smith, John")).year(2019).materialType(MaterialType.ARTICLE)
                .addIdentifier(new Identifier(IdentifierScheme.DOI, "https://doi.org/10.1073/pnas.1604234114")).build();

        MatchExplanation e = matcher.explain(a, b);
        assertThat(e.rules()).anyMatch(r -> r.name().equals("doi") && r.weight() > 0);
        assertThat(e.matches()).isFalse();
    }

    @Test
    void explanationsListKeysRulesScoreAndDecision() {
        MatchExplanation e = matcher.explain(hitlerMzk().build(), hitlerKjm().build());

        assertThat(e.left().record().source().origin()).isEqualTo("MZK");
        assertThat(e.threshold()).isEqualTo(MatchSettings.DEFAULT_THRESHOLD);
        assertThat(e.evidence()).isEqualTo(e.rules().stream().mapToDouble(MatchRule::weight).sum(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.toString()).contains("MATCH", "isbn", "9788085194753");
        assertThat(e.decisiveRules().get(0).effect()).isEqualTo(MatchRule.Effect.FOR);
    }

    @Test
    void aRecordWithNothingButASourceStillMatchesItself() {
        BibRecord bare = BibRecord.builder(new RecordSource("x", "#3"), RecordFormat.HTML).build();

        assertThat(matcher.matches(bare, bare)).isTrue();
    }

    @Test
    void settingsRejectBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> MatchSettings.builder().threshold(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold").hasMessageContaining("1.5");
        assertThatThrownBy(() -> MatchSettings.builder().maxYearGap(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxYearGap");
        assertThatThrownBy(() -> MatchSettings.builder().clusterAgreement(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusterAgreement");
    }
}
