package org.navette.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BibRecordTest {
    private final RecordSource source = new RecordSource("test", "1");

    @Test
    void theDisplayTitleJoinsProperRemainderAndPart() {
        BibRecord r = BibRecord.builder(source, RecordFormat.MARC21)
                .titleProper("Histoire de France").titleRemainder("des origines à nos jours")
                .partNumber("Tome 2").partName("Le Moyen Âge").build();
        assertThat(r.title()).isEqualTo("Histoire de France : des origines à nos jours. Tome 2, Le Moyen Âge");
    }

    @Test
    void listsAreImmutableAndDuplicatesOfIdentifiersAreDropped() {
        BibRecord r = BibRecord.builder(source, RecordFormat.UNIMARC)
                .addIssn("0955-2359").addIssn("09552359").addLanguage("FRE").addLanguage("fre").build();
        assertThat(r.issns()).containsExactly("0955-2359");
        assertThat(r.languages()).containsExactly("fre");
        assertThatThrownBy(() -> r.issns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void badValuesAreRejectedWithTheValueAndTheRecordInTheMessage() {
        BibRecord.Builder b = BibRecord.builder(source, RecordFormat.MARC21);
        assertThatThrownBy(() -> b.year(30000)).hasMessageContaining("30000").hasMessageContaining("test:1");
        assertThatThrownBy(() -> b.addIssn("12-34")).hasMessageContaining("12-34");
        assertThatThrownBy(() -> b.addLanguage("french")).hasMessageContaining("french");
    }

    @Test
    void toBuilderCopiesEveryValue() {
        BibRecord r = BibRecord.builder(source, RecordFormat.MARC21).titleProper("T").year(1999)
                .addAuthor(Author.personal("Hugo, Victor"))
                .addHolding(Holding.builder().library("BSG").callNumber("8 Z 1").build()).build();
        assertThat(r.toBuilder().build()).isEqualTo(r);
    }
}
