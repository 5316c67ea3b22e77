package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryToCqlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            computer                                       | computer
            ANY = "the computer bible"                     | "the computer bible"
            any adj computer                               | any adj computer
            any all "opera bible"                          | any all "opera bible"
            dc.title = computer                            | title=computer
            title all "computer bible"                     | title all "computer bible"
            title any "computer bible"                     | title any "computer bible"
            title adj "computer bible"                     | title="computer bible"
            title exact "the computer bible"               | title=="the computer bible"
            year >= 1990                                   | year>=1990
            year<1990 or year>2000 or year<=1 or year>3    | year<1990 or year>2000 or year<=1 or year>3
            year within "1990   2000"                      | year within "1990 2000"
            title=comput*                                  | title=comput*
            title="computer bib*"                          | title="computer bib*"
            title="o\\"pera"                               | title="o\\"pera"
            title=a\\*b                                    | title="a\\*b"
            title=/unmasked "a*b?c^"                       | title="a\\*b\\?c\\^"
            title="x\\\\y"                                 | title="x\\\\y"
            title=and                                      | title="and"
            title="SortBy"                                 | title="SortBy"
            title="a/b"                                    | title="a/b"
            title="f(x)=y"                                 | title="f(x)=y"
            a or b and c                                   | a or b and c
            a and (b or c)                                 | a and (b or c)
            (a and b) or (c not d)                         | a and b or (c not d)
            ((a))                                          | a
            a not (b not (c not d))                        | a not (b not (c not d))
            """)
    void writesCanonicalCql(String cql, String canonical) {
        Query q = CqlParser.parse(cql);

        assertThat(q.toCql()).isEqualTo(canonical);
        assertThat(CqlParser.parse(canonical)).isEqualTo(q);
    }

    @Test
    void writesQueriesBuiltInCode() {
        Query q = Query.title("computer").and(Query.author("collins"))
                .or(Query.yearBetween(1990, 2000).andNot(Query.term(Field.LANGUAGE, "eng")));

        assertThat(q.toCql()).isEqualTo("title=computer and author=collins or (year within \"1990 2000\" not language=eng)");
    }

    @Test
    void collapsesWhitespaceInTermsOfQueriesBuiltInCode() {
        Query q = Query.phrase(Field.TITLE, "  the\tcomputer\n\n bible ");

        assertThat(((Query.Clause) q).term()).isEqualTo("the computer bible");
        assertThat(q.toCql()).isEqualTo("title=\"the computer bible\"");
    }

    @Test
    void refusesControlCharactersInTermsOfQueriesBuiltInCode() {
        assertThatThrownBy(() -> Query.title("abc\u0000def"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character U+0000")
                .hasMessageContaining("field title");
    }
}
