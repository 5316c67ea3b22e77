package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.match.Cluster;
import org.navette.match.MatchSettings;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

class MetadataTest {
    private static BibRecord record(String origin, int year) {
        return BibRecord.builder(new RecordSource(origin, "r" + year), RecordFormat.MARC21).titleProper("The name of the rose")
                .titleRemainder("a novel").responsibility("Umberto Eco").addAuthor(Author.personal("Eco, Umberto"))
                .year(year).publisher("Harcourt").materialType(MaterialType.BOOK)
                .addIsbn(Isbn.parse("0151446474").orElseThrow()).addSubject("Monks").build();
    }

    @Test
    void theBriefFieldsAreThoseShowGivesUnderPazpar2sDefaultNames() {
        List<Metadata.Field> brief = Metadata.of(record("zebra", 1983), false);

        assertThat(brief).containsExactly(new Metadata.Field("id", "r1983"), new Metadata.Field("author", "Eco, Umberto"),
                new Metadata.Field("date", "1983"), new Metadata.Field("title", "The name of the rose"),
                new Metadata.Field("title-remainder", "a novel"), new Metadata.Field("title-responsibility", "Umberto Eco"),
                new Metadata.Field("medium", "book"));
    }

    @Test
    void theFullFieldsAddIdentifiersPublicationAndSubjects() {
        List<Metadata.Field> full = Metadata.of(record("zebra", 1983), true);

        assertThat(full).contains(new Metadata.Field("isbn", "9780151446476"), new Metadata.Field("publication-name", "Harcourt"),
                new Metadata.Field("publication-date", "1983"), new Metadata.Field("subject", "Monks"));
        assertThat(full).extracting(Metadata.Field::name).doesNotHaveDuplicates();
    }

    @Test
    void aClustersDateSpansItsMembersYearsAsPazpar2sRangeMerge() {
        Cluster c = Cluster.restore("zebra:r1983", List.of(record("zebra", 1983), record("sru", 1994), record("opac", 1989)),
                MatchSettings.ofDefaults());

        assertThat(Metadata.ofCluster(c, false)).contains(new Metadata.Field("date", "1983-1994"));
        assertThat(Metadata.ofCluster(Cluster.of(record("zebra", 1983)), false)).contains(new Metadata.Field("date", "1983"));
    }

    @Test
    void everyMaterialTypeHasAMediumWord() {
        for (MaterialType t : MaterialType.values()) {
            assertThat(Metadata.medium(t)).matches("[a-z-]+");
        }
        assertThat(Metadata.medium(MaterialType.SERIAL)).isEqualTo("journal");
    }
}
