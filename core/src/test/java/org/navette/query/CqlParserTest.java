package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CqlParserTest {

    private static Query.Clause clause(Field f, Relation r, String term) {
        return new Query.Clause(f, r, term, null, false);
    }

    private static Query.Clause truncated(Field f, Relation r, String stem) {
        return new Query.Clause(f, r, stem, null, true);
    }

    @Nested
    class GoodQueries {
        static Stream<Arguments> queries() {
            Query computer = clause(Field.TITLE, Relation.ALL_WORDS, "computer");
            Query collins = clause(Field.AUTHOR, Relation.ALL_WORDS, "collins");
            Query a = clause(Field.ANY, Relation.ALL_WORDS, "a");
            Query b = clause(Field.ANY, Relation.ALL_WORDS, "b");
            Query c = clause(Field.ANY, Relation.ALL_WORDS, "c");
            return Stream.of(
                    // bare terms search any field
                    Arguments.of("computer", clause(Field.ANY, Relation.ALL_WORDS, "computer")),
                    Arguments.of("  computer  ", clause(Field.ANY, Relation.ALL_WORDS, "computer")),
                    Arguments.of("\"the computer bible\"", clause(Field.ANY, Relation.PHRASE, "the computer bible")),
                    Arguments.of("\"computer\"", clause(Field.ANY, Relation.ALL_WORDS, "computer")),
                    Arguments.of("comput*", truncated(Field.ANY, Relation.ALL_WORDS, "comput")),
                    Arguments.of("\"and\"", clause(Field.ANY, Relation.ALL_WORDS, "and")),
                    Arguments.of("café", clause(Field.ANY, Relation.ALL_WORDS, "café")),
                    Arguments.of("\"日本 語\"", clause(Field.ANY, Relation.PHRASE, "日本 語")),
                    Arguments.of("𝔘nicode", clause(Field.ANY, Relation.ALL_WORDS, "𝔘nicode")),
                    // plain indexes and every relation
                    Arguments.of("title=computer", computer),
                    Arguments.of("title = computer", computer),
                    Arguments.of("TITLE=computer", computer),
                    Arguments.of("title all computer", computer),
                    Arguments.of("title ALL computer", computer),
                    Arguments.of("title cql.all computer", computer),
                    Arguments.of("title all \"computer bible\"", clause(Field.TITLE, Relation.ALL_WORDS, "computer bible")),
                    Arguments.of("title any \"computer bible\"", clause(Field.TITLE, Relation.ANY_WORD, "computer bible")),
                    Arguments.of("title adj \"computer bible\"", clause(Field.TITLE, Relation.PHRASE, "computer bible")),
                    Arguments.of("title=\"computer bible\"", clause(Field.TITLE, Relation.PHRASE, "computer bible")),
                    Arguments.of("title adj computer", clause(Field.TITLE, Relation.PHRASE, "computer")),
                    Arguments.of("title==\"the computer bible\"", clause(Field.TITLE, Relation.EXACT, "the computer bible")),
                    Arguments.of("title exact \"the computer bible\"", clause(Field.TITLE, Relation.EXACT, "the computer bible")),
                    Arguments.of("year<1990", clause(Field.YEAR, Relation.LESS_THAN, "1990")),
                    Arguments.of("year<=1990", clause(Field.YEAR, Relation.LESS_OR_EQUAL, "1990")),
                    Arguments.of("year>1990", clause(Field.YEAR, Relation.GREATER_THAN, "1990")),
                    Arguments.of("year >= 1990", clause(Field.YEAR, Relation.GREATER_OR_EQUAL, "1990")),
                    Arguments.of("year=1990", clause(Field.YEAR, Relation.ALL_WORDS, "1990")),
                    Arguments.of("year=199*", truncated(Field.YEAR, Relation.ALL_WORDS, "199")),
                    Arguments.of("year within \"1990 2000\"", new Query.Clause(Field.YEAR, Relation.WITHIN, "1990", "2000", false)),
                    Arguments.of("year within \" 1990   2000 \"", new Query.Clause(Field.YEAR, Relation.WITHIN, "1990", "2000", false)),
                    Arguments.of("author=collins", collins),
                    Arguments.of("subject=opera", clause(Field.SUBJECT, Relation.ALL_WORDS, "opera")),
                    Arguments.of("isbn=0836968433", clause(Field.ISBN, Relation.ALL_WORDS, "0836968433")),
                    Arguments.of("issn=0028-0836", clause(Field.ISSN, Relation.ALL_WORDS, "0028-0836")),
                    Arguments.of("publisher=prentice", clause(Field.PUBLISHER, Relation.ALL_WORDS, "prentice")),
                    Arguments.of("language=eng", clause(Field.LANGUAGE, Relation.ALL_WORDS, "eng")),
                    Arguments.of("id=11111", clause(Field.ID, Relation.ALL_WORDS, "11111")),
                    Arguments.of("any=opera", clause(Field.ANY, Relation.ALL_WORDS, "opera")),
                    Arguments.of("any any \"opera bible\"", clause(Field.ANY, Relation.ANY_WORD, "opera bible")),
                    // synonyms
                    Arguments.of("dc.title=computer", computer),
                    Arguments.of("DC.Title=computer", computer),
                    Arguments.of("bath.keyTitle=computer", computer),
                    Arguments.of("bib.title=computer", computer),
                    Arguments.of("dc.creator=collins", collins),
                    Arguments.of("dc.author=collins", collins),
                    Arguments.of("bath.name=collins", collins),
                    Arguments.of("bath.author=collins", collins),
                    Arguments.of("bath.personalName=collins", collins),
                    Arguments.of("bib.author=collins", collins),
                    Arguments.of("dc.subject=opera", clause(Field.SUBJECT, Relation.ALL_WORDS, "opera")),
                    Arguments.of("bath.subject=opera", clause(Field.SUBJECT, Relation.ALL_WORDS, "opera")),
                    Arguments.of("bib.subject=opera", clause(Field.SUBJECT, Relation.ALL_WORDS, "opera")),
                    Arguments.of("bath.isbn=0836968433", clause(Field.ISBN, Relation.ALL_WORDS, "0836968433")),
                    Arguments.of("bib.isbn=0836968433", clause(Field.ISBN, Relation.ALL_WORDS, "0836968433")),
                    Arguments.of("bath.issn=0028-0836", clause(Field.ISSN, Relation.ALL_WORDS, "0028-0836")),
                    Arguments.of("bib.issn=0028-0836", clause(Field.ISSN, Relation.ALL_WORDS, "0028-0836")),
                    Arguments.of("dc.date=1990", clause(Field.YEAR, Relation.ALL_WORDS, "1990")),
                    Arguments.of("bib.date=1990", clause(Field.YEAR, Relation.ALL_WORDS, "1990")),
                    Arguments.of("dc.publisher=prentice", clause(Field.PUBLISHER, Relation.ALL_WORDS, "prentice")),
                    Arguments.of("bib.publisher=prentice", clause(Field.PUBLISHER, Relation.ALL_WORDS, "prentice")),
                    Arguments.of("dc.language=eng", clause(Field.LANGUAGE, Relation.ALL_WORDS, "eng")),
                    Arguments.of("bib.language=eng", clause(Field.LANGUAGE, Relation.ALL_WORDS, "eng")),
                    Arguments.of("rec.id=11111", clause(Field.ID, Relation.ALL_WORDS, "11111")),
                    Arguments.of("bib.recordid=11111", clause(Field.ID, Relation.ALL_WORDS, "11111")),
                    Arguments.of("cql.serverChoice=opera", clause(Field.ANY, Relation.ALL_WORDS, "opera")),
                    Arguments.of("cql.anywhere=opera", clause(Field.ANY, Relation.ALL_WORDS, "opera")),
                    Arguments.of("bib.anywhere=opera", clause(Field.ANY, Relation.ALL_WORDS, "opera")),
                    // booleans: equal precedence, from the left
                    Arguments.of("title=computer and author=collins", new Query.And(computer, collins)),
                    Arguments.of("title=computer AND author=collins", new Query.And(computer, collins)),
                    Arguments.of("title=computer Or author=collins", new Query.Or(computer, collins)),
                    Arguments.of("title=computer not author=collins", new Query.AndNot(computer, collins)),
                    Arguments.of("a or b and c", new Query.And(new Query.Or(a, b), c)),
                    Arguments.of("a and b or c", new Query.Or(new Query.And(a, b), c)),
                    Arguments.of("a not b not c", new Query.AndNot(new Query.AndNot(a, b), c)),
                    Arguments.of("a and (b or c)", new Query.And(a, new Query.Or(b, c))),
                    Arguments.of("(a and b) or c", new Query.Or(new Query.And(a, b), c)),
                    Arguments.of("((a))", a),
                    Arguments.of("(a)and(b)", new Query.And(a, b)),
                    // terms: quoting, escapes, keywords after a relation
                    Arguments.of("title=\"o\\\"pera\"", clause(Field.TITLE, Relation.ALL_WORDS, "o\"pera")),
                    Arguments.of("title=\"back\\\\slash\"", clause(Field.TITLE, Relation.ALL_WORDS, "back\\slash")),
                    Arguments.of("title=a\\*b", clause(Field.TITLE, Relation.ALL_WORDS, "a*b")),
                    Arguments.of("title=\"why\\?\"", clause(Field.TITLE, Relation.ALL_WORDS, "why?")),
                    Arguments.of("title=\"x\\^y\"", clause(Field.TITLE, Relation.ALL_WORDS, "x^y")),
                    Arguments.of("title=\"c++ (3rd ed.) = good/bad\"", clause(Field.TITLE, Relation.PHRASE, "c++ (3rd ed.) = good/bad")),
                    Arguments.of("title=and", clause(Field.TITLE, Relation.ALL_WORDS, "and")),
                    Arguments.of("title=not", clause(Field.TITLE, Relation.ALL_WORDS, "not")),
                    Arguments.of("title=\"computer  \t bible\"", clause(Field.TITLE, Relation.PHRASE, "computer bible")),
                    Arguments.of("title=\"computer bib*\"", truncated(Field.TITLE, Relation.PHRASE, "computer bib")),
                    Arguments.of("title all \"computer bib*\"", truncated(Field.TITLE, Relation.ALL_WORDS, "computer bib")),
                    Arguments.of("title==\"the comp*\"", truncated(Field.TITLE, Relation.EXACT, "the comp")),
                    // modifiers
                    Arguments.of("title =/ignoreCase computer", computer),
                    Arguments.of("title all/cql.ignoreAccents/ignoreCase computer", computer),
                    Arguments.of("title =/masked comput*", truncated(Field.TITLE, Relation.ALL_WORDS, "comput")),
                    Arguments.of("title =/unmasked \"a*b?c^\"", clause(Field.TITLE, Relation.ALL_WORDS, "a*b?c^")),
                    Arguments.of("title =/unmasked comput*", clause(Field.TITLE, Relation.ALL_WORDS, "comput*")),
                    // prefix assignments
                    Arguments.of(">dc=\"info:srw/cql-context-set/1/dc-v1.1\" dc.title=computer", computer),
                    Arguments.of(">x=\"info:srw/cql-context-set/1/dc-v1.1\" x.creator=collins", collins),
                    Arguments.of(">b=\"http://zing.z3950.org/cql/bath/2.0/\" b.isbn=0836968433",
                            clause(Field.ISBN, Relation.ALL_WORDS, "0836968433")),
                    Arguments.of(">\"info:srw/cql-context-set/1/dc-v1.1\" creator=collins", collins),
                    Arguments.of(">x=\"info:srw/cql-context-set/1/dc-v1.1\" (x.title=computer) and author=collins",
                            new Query.And(computer, collins)),
                    Arguments.of("title=computer and (>x=\"info:srw/cql-context-set/1/dc-v1.1\" x.creator=collins)",
                            new Query.And(computer, collins)));
        }

        @ParameterizedTest(name = "«{0}»")
        @MethodSource("queries")
        void parsesToTheExpectedTree(String cql, Query expected) {
            assertThat(CqlParser.parse(cql)).isEqualTo(expected);
        }

        @Test
        void aLongChainOfClausesGroupsFromTheLeft() {
            String cql = String.join(" and ", java.util.Collections.nCopies(500, "title=x"));

            Query q = CqlParser.parse(cql);

            int depth = 0;
            while (q instanceof Query.And and) {
                assertThat(and.right()).isInstanceOf(Query.Clause.class);
                q = and.left();
                depth++;
            }
            assertThat(depth).isEqualTo(499);
        }
    }

    @Nested
    class BadQueries {
        static Stream<Arguments> queries() {
            return Stream.of(
                    // query text, position, a piece of the expectation
                    Arguments.of("", 0, "a search term"),
                    Arguments.of("   ", 3, "a search term"),
                    Arguments.of("title=", 6, "a search term"),
                    Arguments.of("title=computer and", 18, "a search term"),
                    Arguments.of("title=computer and and", 19, "a search term"),
                    Arguments.of("computer science", 9, "a relation"),
                    Arguments.of("title=computer science", 15, "'and', 'or', 'not' or end of query"),
                    Arguments.of("title=computer \"science\"", 15, "'and', 'or', 'not' or end of query"),
                    Arguments.of("(title=computer", 15, "')' to close the '(' at position 0"),
                    Arguments.of("title=computer)", 14, "'and', 'or', 'not' or end of query"),
                    Arguments.of("()", 1, "a search term"),
                    Arguments.of("not title=x", 0, "a search term"),
                    Arguments.of("title=x and not y", 12, "a search term"),
                    Arguments.of("and", 0, "a search term"),
                    Arguments.of("title=\"unclosed", 6, "a closing '\"'"),
                    Arguments.of("title=\"ends with backslash\\\"", 6, "a closing '\"'"),
                    Arguments.of("title=x\\", 7, "a character after '\\'"),
                    Arguments.of("title=x\\ y", 7, "a character after '\\'"),
                    Arguments.of("titel=computer", 0, "a known index"),
                    Arguments.of("dc.titel=computer", 0, "a known index"),
                    Arguments.of("cql.allRecords=1", 0, "a known index"),
                    Arguments.of("dc.identifier=0836968433", 0, "a known index"),
                    Arguments.of("title foo computer", 6, "a relation"),
                    Arguments.of("title encloses computer", 6, "a relation"),
                    Arguments.of("title<>computer", 5, "a relation"),
                    Arguments.of("title=/respectCase computer", 6, "/ignoreCase"),
                    Arguments.of("title=/locale=fr computer", 6, "/ignoreCase"),
                    Arguments.of("title=/unmasked=1 computer", 6, "without a value"),
                    Arguments.of("title=/ computer", 6, "/ignoreCase"),
                    Arguments.of("title=/", 7, "a relation modifier name"),
                    Arguments.of("a prox b", 2, "'and', 'or', 'not' or end of query"),
                    Arguments.of("a prox/unit=word b", 2, "'and', 'or', 'not' or end of query"),
                    Arguments.of("a and/rel.combine=sum b", 5, "a search term or '(' after 'and'"),
                    Arguments.of("title=x sortBy title", 8, "'and', 'or', 'not' or end of query"),
                    Arguments.of("title=x sortby title/descending", 8, "'and', 'or', 'not' or end of query"),
                    Arguments.of("title=comp*ter", 10, "'*' only at the end"),
                    Arguments.of("title=*puter", 6, "'*' only at the end"),
                    Arguments.of("title=\"comp* bible\"", 11, "'*' only at the end"),
                    Arguments.of("title=comput?r", 12, "'\\?'"),
                    Arguments.of("title=^computer", 6, "'\\^'"),
                    Arguments.of("title=*", 6, "a word before '*'"),
                    Arguments.of("title=\"computer *\"", 16, "'*' directly after a word"),
                    Arguments.of("title=\"\"", 6, "a search term"),
                    Arguments.of("title=\"   \"", 6, "a search term"),
                    Arguments.of("year<199*", 8, "a term without '*'"),
                    Arguments.of("year=nineteen", 5, "a year of 1 to 4 digits"),
                    Arguments.of("year=19900", 5, "a year of 1 to 4 digits"),
                    Arguments.of("year within 1990", 12, "two bounds"),
                    Arguments.of("year within \"1990 1995 2000\"", 12, "two bounds"),
                    Arguments.of("year within \"2000 1990\"", 12, "the lower bound first"),
                    Arguments.of(">dc=\"http://example.org/unknown\" dc.title=x", 4, "a known context set URI"),
                    Arguments.of(">\"http://example.org/unknown\" title=x", 1, "a known context set URI"),
                    Arguments.of(">dc= dc.title=x", 5, "a known context set URI"),
                    Arguments.of("> title=x", 8, "a known context set URI"),
                    Arguments.of(">dc=", 4, "a context set URI in double quotes"),
                    Arguments.of(">", 1, "a context set prefix or URI"),
                    Arguments.of(">\"info:srw/cql-context-set/1/dc-v1.1\" isbn=1", 38, "an index of context set 'dc'"),
                    Arguments.of("title=x and >dc=\"info:srw/cql-context-set/1/dc-v1.1\" dc.title=y", 12, "a search term or '('"),
                    Arguments.of(">x.y=\"info:srw/cql-context-set/1/dc-v1.1\" x.title=x", 1, "a context set prefix"),
                    Arguments.of("title=\u0000x", 6, "a printable character"),
                    Arguments.of("title=\"x\u0007\"", 8, "a printable character"),
                    Arguments.of("title=\"x\u0098y\"", 8, "a printable character"),
                    Arguments.of("title=x\uD800", 7, "a printable character"),
                    Arguments.of("title=x\uDC00y", 7, "a printable character"),
                    Arguments.of("=computer", 0, "a search term or '('"),
                    Arguments.of("/computer", 0, "a search term or '('"),
                    Arguments.of("title==", 7, "a search term"),
                    Arguments.of("title=(computer)", 6, "a search term after relation '='"),
                    Arguments.of("(".repeat(70) + "a" + ")".repeat(70), 65, "a simpler query"));
        }

        @ParameterizedTest(name = "«{0}»")
        @MethodSource("queries")
        void isRefusedWithPositionAndExpectation(String cql, int position, String expected) {
            QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> CqlParser.parse(cql));

            assertThat(e).as("refused: %s", cql).isNotNull();
            assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
            assertThat(e.expected()).as(e.getMessage()).contains(expected);
            assertThat(e.getMessage()).startsWith("bad CQL at position " + position + ": ");
        }

        @Test
        void namesTheUnknownIndexAndTheKnownOnes() {
            QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> CqlParser.parse("titel=computer"));

            assertThat(e.getMessage()).contains("unknown index 'titel'");
            assertThat(e.expected()).contains("title", "author", "isbn", "dc.*", "bath.*");
        }

        @Test
        void suggestsQuotesForAMultiWordTerm() {
            assertThatThrownBy(() -> CqlParser.parse("title=computer science"))
                    .hasMessageContaining("found 'science'")
                    .hasMessageContaining("quote a term");
        }

        @Test
        void explainsWhyNotCannotStartAQuery() {
            assertThatThrownBy(() -> CqlParser.parse("not opera")).hasMessageContaining("'not' is binary");
        }

        @Test
        void explainsThatSortByIsNotSupported() {
            assertThatThrownBy(() -> CqlParser.parse("opera sortBy dc.date")).hasMessageContaining("sortBy is not supported");
        }

        @Test
        void refusesMoreThanAThousandClauses() {
            String cql = String.join(" or ", java.util.Collections.nCopies(1001, "x"));

            QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> CqlParser.parse(cql));

            assertThat(e.getMessage()).contains("too many search clauses");
            assertThat(e.position()).isEqualTo(1000 * 5);
        }

        @Test
        void refusesATextLongerThanAHundredThousandCharactersBeforeReadingIt() {
            String cql = "title=" + "x".repeat(100_000);

            QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> CqlParser.parse(cql));

            assertThat(e.position()).isEqualTo(100_000);
            assertThat(e.getMessage()).contains("100006 characters long");
        }

        @Test
        void refusesNullWithAnIllegalArgument() {
            assertThatThrownBy(() -> CqlParser.parse(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
