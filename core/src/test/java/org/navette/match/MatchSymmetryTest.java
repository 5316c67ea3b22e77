package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * Pairs where the co-author rule once weighed differently by argument order (found by
 * {@code MatchPropertiesTest.matchingIsSymmetric}): the year test looked at the left record's year
 * only, and the shared-name count let two names of one list agree with a single name of the other.
 */
class MatchSymmetryTest {
    private final Matcher matcher = Matcher.ofDefaults();

    private static BibRecord article(String id, Integer year, String... authors) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource("lib", id), RecordFormat.MARC21)
                .titleProper("Notes on the estuary of Venice").materialType(MaterialType.ARTICLE);
        if (year != null) {
            b.year(year);
        }
        for (String a : authors) {
            b.addAuthor(Author.personal(a));
        }
        return b.build();
    }

    private void assertSymmetric(BibRecord a, BibRecord b) {
        MatchExplanation ab = matcher.explain(a, b);
        MatchExplanation ba = matcher.explain(b, a);
        assertThat(ba.decision()).isEqualTo(ab.decision());
        assertThat(ba.evidence()).isCloseTo(ab.evidence(), within(1e-9));
    }

    @Test
    void aYearMissingOnOneSideCountsTheSameWhicheverSideItIsOn() {
        BibRecord noYear = article("1", null, "Rossi, Mario", "Bianchi, Anna");
        BibRecord withYear = article("2", 1994, "Rossi, Mario", "Bianchi, Anna");

        assertSymmetric(noYear, withYear);
    }

    @Test
    void twoNamesAgreeingWithOneNameAreNotTwoInCommon() {
        BibRecord twice = article("1", 1994, "Rossi, Mario", "Rossi, M.", "Verdi, Luca");
        BibRecord once = article("2", 1994, "Rossi, Mario", "Neri, Paolo");

        assertSymmetric(twice, once);
        assertThat(matcher.explain(twice, once).rules()).noneMatch(r -> r.name().equals("co-authors"));
    }
}
