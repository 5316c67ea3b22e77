package org.navette.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.navette.match.Cluster;
import org.navette.match.Clusterer;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/** How the counts a target reports over all its hits combine with the federation's own counting. */
class TargetFacetsTest {
    private final Ranker ranker = Ranker.ofDefaults();

    private static BibRecord.Builder book(String origin, String id, String title, int year) {
        return BibRecord.builder(new RecordSource(origin, id), RecordFormat.MARC21).titleProper(title)
                .addAuthor(Author.personal("Tolkien, J. R. R.")).year(year).materialType(MaterialType.BOOK);
    }

    private static BibRecord hobbit(String origin, String library, String language) {
        return book(origin, "h1", "The hobbit", 1991).addIsbn(Isbn.parse("9780261102217").orElseThrow())
                .publisher("Allen & Unwin").addLanguage(language).addSubject("Middle Earth (Imaginary place)")
                .addHolding(Holding.builder().library(library).build()).build();
    }

    private static BibRecord other(String origin, int n, String language, int year) {
        return book(origin, "o" + n, "Unrelated title number " + n + " " + "xyz".repeat(n), year).addLanguage(language)
                .build();
    }

    private static List<Cluster> clusters(BibRecord... records) {
        Clusterer clusterer = Clusterer.create();
        for (BibRecord r : records) {
            clusterer.add(r);
        }
        return clusterer.clusters();
    }

    @Test
    void aReportedFieldReplacesCountingTheReportingTargetsRecords() {
        List<Cluster> fetched = clusters(other("union", 1, "eng", 1990), other("union", 2, "fre", 1995));
        TargetFacets union = TargetFacets.builder()
                .values(FacetField.LANGUAGE, List.of(new FacetValue("eng", 50), new FacetValue("fre", 7))).build();

        Facets f = ranker.facets(fetched, Map.of("union", union));

        assertThat(f.values(FacetField.LANGUAGE)).containsExactly(new FacetValue("eng", 50), new FacetValue("fre", 7));
    }

    @Test
    void aFieldTheTargetDoesNotReportIsCountedFromTheRecordsItDelivered() {
        List<Cluster> fetched = clusters(other("union", 1, "eng", 1990), other("union", 2, "fre", 1995));
        TargetFacets union = TargetFacets.builder().values(FacetField.LANGUAGE, List.of(new FacetValue("eng", 50))).build();

        Facets f = ranker.facets(fetched, Map.of("union", union));

        assertThat(f.values(FacetField.TARGET)).containsExactly(new FacetValue("union", 2));
        assertThat(f.yearRanges()).containsExactly(new YearRange(1990, 1999, 2));
    }

    @Test
    void targetsThatReportNothingAreCountedFromTheirRecordsOnTopOfTheReports() {
        List<Cluster> all = clusters(other("union", 1, "eng", 1990), other("sru", 2, "eng", 1862),
                other("sru", 3, "ger", 1870));
        TargetFacets union = TargetFacets.builder()
                .values(FacetField.LANGUAGE, List.of(new FacetValue("eng", 50)))
                .years(List.of(new FacetValue("1990", 30), new FacetValue("1871", 5)))
                .build();

        Facets f = ranker.facets(all, Map.of("union", union, "sru", TargetFacets.none()));

        assertThat(f.values(FacetField.LANGUAGE)).containsExactly(new FacetValue("eng", 51), new FacetValue("ger", 1));
        assertThat(f.values(FacetField.YEAR)).containsExactly(new FacetValue("1990", 30), new FacetValue("1871", 5),
                new FacetValue("1862", 1), new FacetValue("1870", 1));
        assertThat(f.yearRanges()).containsExactly(new YearRange(1800, 1899, 7), new YearRange(1990, 1999, 30));
    }

    @Test
    void aWorkBothTargetsSentAddsOnlyTheValuesTheReportingTargetsRecordsDoNotCarry() {
        List<Cluster> all = clusters(hobbit("union", "BSG", "eng"), hobbit("sru", "BML", "eng"));
        assertThat(all).hasSize(1);
        TargetFacets union = TargetFacets.builder()
                .values(FacetField.LIBRARY, List.of(new FacetValue("BSG", 10)))
                .values(FacetField.LANGUAGE, List.of(new FacetValue("eng", 10)))
                .values(FacetField.TARGET, List.of(new FacetValue("union", 10)))
                .years(List.of(new FacetValue("1991", 10)))
                .build();

        Facets f = ranker.facets(all, Map.of("union", union));

        assertThat(f.values(FacetField.LIBRARY)).containsExactly(new FacetValue("BSG", 10), new FacetValue("BML", 1));
        assertThat(f.values(FacetField.LANGUAGE)).containsExactly(new FacetValue("eng", 10));
        assertThat(f.values(FacetField.TARGET)).containsExactly(new FacetValue("union", 10), new FacetValue("sru", 1));
        // the representative's year: the report counted the work already
        assertThat(f.values(FacetField.YEAR)).containsExactly(new FacetValue("1991", 10));
        assertThat(f.yearRanges()).containsExactly(new YearRange(1990, 1999, 10));
        // not reported: the cluster counts as ever
        assertThat(f.values(FacetField.AUTHOR)).containsExactly(new FacetValue("Tolkien, J. R. R.", 1));
    }

    @Test
    void reportedValuesMeetCountedOnesUnderTheSameKey() {
        List<Cluster> all = clusters(hobbit("sru", "BML", "eng"));
        TargetFacets union = TargetFacets.builder()
                .values(FacetField.SUBJECT, List.of(new FacetValue("Middle earth (imaginary place).", 4)))
                .values(FacetField.AUTHOR, List.of(new FacetValue("Tolkien, J.R.R.", 3)))
                .values(FacetField.MATERIAL_TYPE, List.of(new FacetValue("BOOK", 9)))
                .build();

        Facets f = ranker.facets(all, Map.of("union", union));

        assertThat(f.values(FacetField.SUBJECT)).containsExactly(new FacetValue("Middle earth (imaginary place).", 5));
        assertThat(f.values(FacetField.MATERIAL_TYPE)).containsExactly(new FacetValue("BOOK", 10));
        assertThat(f.values(FacetField.AUTHOR)).extracting(FacetValue::count).containsExactly(4);
    }

    @Test
    void withoutReportsTheFacetsAreThoseOfTheClustersAlone() {
        List<Cluster> all = clusters(hobbit("union", "BSG", "eng"), hobbit("sru", "BML", "eng"), other("sru", 2, "fre", 1862));

        assertThat(ranker.facets(all, Map.of("union", TargetFacets.none())).all()).isEqualTo(ranker.facets(all).all());
        assertThat(ranker.facets(all, Map.of()).yearRanges()).isEqualTo(ranker.facets(all).yearRanges());
    }

    @Test
    void theBuilderSaysWhichFieldsAreReportedAndRefusesWhatCannotBeCounted() {
        TargetFacets f = TargetFacets.builder()
                .values(FacetField.LIBRARY, List.of(new FacetValue("BML", 2), new FacetValue("BSG", 9))).build();

        assertThat(f.fields()).containsExactly(FacetField.LIBRARY);
        assertThat(f.values(FacetField.LIBRARY)).containsExactly(new FacetValue("BSG", 9), new FacetValue("BML", 2));
        assertThat(f.values(FacetField.AUTHOR)).isEmpty();
        assertThat(f.reports(FacetField.YEAR)).isFalse();
        assertThat(TargetFacets.none().isEmpty()).isTrue();
        assertThat(TargetFacets.builder().build()).isSameAs(TargetFacets.none());
        assertThatThrownBy(() -> TargetFacets.builder().values(FacetField.YEAR, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("years(");
        assertThatThrownBy(() -> TargetFacets.builder().years(List.of(new FacetValue("199u", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'199u' is not a year");
        assertThatThrownBy(() -> TargetFacets.builder()
                .values(FacetField.LANGUAGE, List.of(new FacetValue("eng", 1), new FacetValue("eng", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'eng' listed twice");
        assertThatThrownBy(() -> TargetFacets.builder().values(FacetField.LANGUAGE, List.of())
                .values(FacetField.LANGUAGE, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LANGUAGE reported twice");
    }
}
