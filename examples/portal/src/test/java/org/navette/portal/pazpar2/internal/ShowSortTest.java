package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.rank.SortOrder;

class ShowSortTest {

    @ParameterizedTest
    @CsvSource({
            "relevance, RELEVANCE, false", "relevance:0, RELEVANCE, false", "relevance:1, RELEVANCE, true",
            "title:1, TITLE, false", "title:0, TITLE, true", "title, TITLE, true",
            "date:0, YEAR_NEWEST, false", "date:1, YEAR_OLDEST, false", "date, YEAR_NEWEST, false",
            "author:1, AUTHOR, false", "'title:1,date:0', TITLE, false"})
    void pazpar2SortFieldsAndDirectionsMapOntoNavettesOrders(String sort, SortOrder order, boolean reversed) {
        assertThat(ShowSort.parse(sort)).isEqualTo(new ShowSort(order, reversed));
    }

    @ParameterizedTest
    @CsvSource({"position", "title:2", "'title:1,bogus'", "''", "relevance:"})
    void unknownFieldsOrDirectionsAreAMalformedSortParameter(String sort) {
        assertThatThrownBy(() -> ShowSort.parse(sort)).isInstanceOf(CommandException.class)
                .satisfies(e -> {
                    CommandException c = (CommandException) e;
                    assertThat(c.error()).isEqualTo(Pz2Error.MALFORMED_PARAMETER_VALUE);
                    assertThat(c.addInfo()).isEqualTo("sort");
                });
    }
}
