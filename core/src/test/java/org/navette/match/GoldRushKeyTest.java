package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

class GoldRushKeyTest {
    /**
     * "The amazing adventures of Kavalier and Clay : a novel" (LC 11939876), worked out by hand from
     * the September 2021 specification: title "The" and "a" dropped per subfield, $a and $b joined
     * without a space; year from 008 date 1 (date 2 is blank); "639 p." has no four-digit run; no
     * edition; publisher "Random House" squeezed to "rando"; leader/06 "a"; author 100 $a
     * "Chabon, Michael." with punctuation turned into underscores; print.
     */
    private static final String KAVALIER = "amazing_adventures_of_kavalier_and_claynovel" + "_".repeat(26)
            + "_____" + "2000" + "____" + "___" + "rando" + "a" + "_".repeat(30) + "_".repeat(10)
            + "chabon__michael_____" + "_".repeat(15) + "p";

    private static BibRecord kavalierFromMarc() throws IOException {
        try (InputStream in = GoldRushKeyTest.class.getResourceAsStream("/org/navette/normalise/corpus/1-marc21/marc4j/chabon.mrc")) {
            org.marc4j.MarcReader reader = new org.marc4j.MarcStreamReader(in, "UTF-8");
            org.marc4j.marc.Record marc = reader.next();
            return BibRecord.builder(new RecordSource("loc", "11939876"), RecordFormat.MARC21).marc(org.navette.model.MarcRecord.of(marc))
                    .titleProper("The amazing adventures of Kavalier and Clay").titleRemainder("a novel").build();
        }
    }

    @Test
    void aMarc21RecordGetsTheKeyOfTheSpecification() throws IOException {
        String key = Matcher.ofDefaults().keys(kavalierFromMarc()).goldRushKey();

        assertThat(key).isEqualTo(KAVALIER);
        assertThat(key).hasSize(168);
    }

    @Test
    void theSameEditionCataloguedInUnimarcGetsTheSameKey() {
        BibRecord unimarc = BibRecord.builder(new RecordSource("bnf", "1"), RecordFormat.UNIMARC)
                .titleProper("\u0098The \u009Camazing adventures of Kavalier and Clay").titleRemainder("a novel")
                .addAuthor(Author.personal("Chabon, Michael.")).year(2000).extent("639 p.").publisher("Random House")
                .addIsbn(Isbn.parse("0679450041").orElseThrow()).materialType(MaterialType.BOOK)
                .carrier(Carrier.PRINT).build();

        assertThat(Matcher.ofDefaults().keys(unimarc).goldRushKey()).isEqualTo(KAVALIER);
    }

    @Test
    void electronicResourcesEndInE() {
        BibRecord ebook = BibRecord.builder(new RecordSource("x", "1"), RecordFormat.DUBLIN_CORE)
                .titleProper("Summerland").carrier(Carrier.ELECTRONIC).build();

        assertThat(Matcher.ofDefaults().keys(ebook).goldRushKey()).startsWith("summerland___").endsWith("e");
    }
}
