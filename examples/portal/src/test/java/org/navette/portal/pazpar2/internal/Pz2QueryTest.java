package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.query.CqlParser;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;

class Pz2QueryTest {

    @Test
    void aBareWordSearchesAnyField() {
        assertThat(Pz2Query.parse("computer")).isEqualTo(Query.any("computer"));
    }

    @Test
    void bareWordsMustAllMatchAnywhere() {
        assertThat(Pz2Query.parse("computer  science")).isEqualTo(Query.any("computer science"));
    }

    @ParameterizedTest
    @CsvSource({
            "ti=rose, TITLE", "title=rose, TITLE", "dc.title=rose, TITLE", "TI=rose, TITLE",
            "au=rose, AUTHOR", "dc.creator=rose, AUTHOR", "su=rose, SUBJECT", "isbn=rose, ISBN",
            "issn=rose, ISSN", "pb=rose, PUBLISHER", "la=rose, LANGUAGE", "term=rose, ANY", "id=rose, ID"})
    void qualifiersOfCclAndCqlNameTheirField(String query, Field field) {
        assertThat(Pz2Query.parse(query)).isEqualTo(Query.term(field, "rose"));
    }

    @Test
    void unquotedWordsAfterAQualifierAreAllRequiredAndAQuotedTermIsAPhrase() {
        assertThat(Pz2Query.parse("ti=rose garden")).isEqualTo(Query.title("rose garden"));
        assertThat(Pz2Query.parse("ti=\"rose garden\"")).isEqualTo(Query.phrase(Field.TITLE, "rose garden"));
    }

    @Test
    void booleanOperatorsOfAnyCaseGroupFromTheLeftAndParenthesesGroup() {
        Query a = Query.title("rose");
        Query b = Query.author("eco");
        Query c = Query.subject("monks");
        assertThat(Pz2Query.parse("ti=rose AND au=eco or su=monks")).isEqualTo(a.and(b).or(c));
        assertThat(Pz2Query.parse("ti=rose and (au=eco or su=monks)")).isEqualTo(a.and(b.or(c)));
        assertThat(Pz2Query.parse("ti=rose not au=eco")).isEqualTo(a.andNot(b));
    }

    @Test
    void twoQualifiedTermsWithoutAnOperatorMustBothMatch() {
        assertThat(Pz2Query.parse("ti=rose au=eco")).isEqualTo(Query.title("rose").and(Query.author("eco")));
    }

    @Test
    void commaSeparatedQualifiersSearchEitherField() {
        assertThat(Pz2Query.parse("ti,su=rose")).isEqualTo(Query.title("rose").or(Query.subject("rose")));
    }

    @Test
    void aTrailingQuestionMarkOrStarTruncates() {
        assertThat(Pz2Query.parse("ti=comput?")).isEqualTo(Query.truncated(Field.TITLE, "comput"));
        assertThat(Pz2Query.parse("comput*")).isEqualTo(Query.truncated(Field.ANY, "comput"));
    }

    @Test
    void datesTakeAYearARangeOrAComparison() {
        assertThat(Pz2Query.parse("date=1990")).isEqualTo(Query.year(1990));
        assertThat(Pz2Query.parse("date=1990-2000")).isEqualTo(Query.yearBetween(1990, 2000));
        assertThat(Pz2Query.parse("date=1990-"))
                .isEqualTo(new Query.Clause(Field.YEAR, Relation.GREATER_OR_EQUAL, "1990", null, false));
        assertThat(Pz2Query.parse("date<2000"))
                .isEqualTo(new Query.Clause(Field.YEAR, Relation.LESS_THAN, "2000", null, false));
    }

    @Test
    void cqlQueriesFrontEndsSendReadAsTheOneCqlParserReadsThem() {
        for (String cql : new String[] {"title=computer", "title=computer and author=collins", "dc.title=\"the computer bible\"",
                "subject any \"opera italian\"", "title adj \"rose garden\"", "title exact \"rose\""}) {
            assertThat(Pz2Query.parse(cql)).as(cql).isEqualTo(CqlParser.parse(cql));
        }
    }

    @Test
    void aQuotedOperatorIsATerm() {
        assertThat(Pz2Query.parse("ti=\"not\"")).isEqualTo(Query.title("not"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| 0 | the query is empty",
            "'   '| 0 | the query is empty",
            "ti=| 3 | a search term",
            "xx=rose| 0 | unknown qualifier 'xx'",
            "ti=ro?se| 5 | masking",
            "(ti=rose| 8 | a ')'",
            "ti=rose)| 7 | unexpected ')'",
            "ti=rose and| 11 | a search term after 'and'",
            "\"rose| 0 | closing",
            "date=19x0| 5 | a year",
            "date=2000-1990| 5 | ends before it starts",
            "ti<rose| 3 | only applies to date",
            "or rose| 0 | unexpected 'or'"})
    void badQueriesAreRefusedWithThePositionAndTheReason(String query, int position, String reason) {
        assertThatThrownBy(() -> Pz2Query.parse(query)).isInstanceOf(BadQueryException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((BadQueryException) e).position()).isEqualTo(position));
    }

    @Test
    void controlCharactersInATermAreRefusedNotSearched() {
        assertThatThrownBy(() -> Pz2Query.parse("ti=ro\u0000se")).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("control character U+0000");
    }

    @Test
    void deepNestingAndOverlongQueriesAreRefused() {
        assertThatThrownBy(() -> Pz2Query.parse("(".repeat(100) + "rose" + ")".repeat(100)))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> Pz2Query.parse("rose ".repeat(3000))).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("longer than");
    }
}
