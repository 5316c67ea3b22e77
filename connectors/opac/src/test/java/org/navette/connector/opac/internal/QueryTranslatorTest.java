package org.navette.connector.opac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.UnsupportedFieldPolicy;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

class QueryTranslatorTest {
    private static final ProfileSpec FORM = ProfileReader.parse("""
            { "name": "form",
              "search": { "path": "s", "params": { "sort": "year", "lang": "de" },
                "fields": { "any": { "sw": "{term}" }, "title": { "ti": "{term}" }, "author": { "au": "{term}", "mode": "name" } },
                "truncation": "{term}*", "phrase": "\\"{term}\\"" },
              "results": { "items": "li", "fields": { "title": "h2" } } }
            """, "form.json");
    private static final ProfileSpec TEMPLATE = ProfileReader.parse("""
            { "name": "cql",
              "search": { "path": "s", "removeChars": "\\"",
                "query": { "param": "Query", "clauses": { "any": "-1=\\"{term}\\"", "title": "331=\\"{term}\\"" },
                           "and": "{left} AND {right}", "or": "({left} OR {right})" } },
              "results": { "items": "li", "fields": { "title": "h2" } } }
            """, "cql.json");

    private static List<String> params(QueryTranslator.Translation t) {
        return t.params().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    @Test
    void aFormTakesOneParameterSetPerFieldAfterTheConstantOnes() {
        QueryTranslator.Translation t = new QueryTranslator(FORM, UnsupportedFieldPolicy.SEARCH_AS_ANY, Map.of("lang", "fr", "site", "x"))
                .translate(Query.title("rose").and(Query.author("eco")));

        assertThat(params(t)).containsExactly("sort=year", "lang=fr", "site=x", "ti=rose", "au=eco", "mode=name");
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void clausesOnOneFieldBecomeOneTermAndPhrasesAndStemsUseTheProfilesTemplates() {
        Query q = Query.title("name").and(Query.phrase(Field.TITLE, "der rose")).and(Query.truncated(Field.ANY, "semiot"));

        QueryTranslator.Translation t = new QueryTranslator(FORM, UnsupportedFieldPolicy.SEARCH_AS_ANY).translate(q);

        assertThat(params(t)).containsExactly("sort=year", "lang=de", "sw=semiot*", "ti=name \"der rose\"");
    }

    @Test
    void anUnsupportedFieldIsSearchedAsAnyWithAWarningOrRejected() {
        QueryTranslator.Translation loose = new QueryTranslator(FORM, UnsupportedFieldPolicy.SEARCH_AS_ANY).translate(Query.isbn("3446228241"));

        assertThat(params(loose)).containsExactly("sort=year", "lang=de", "sw=3446228241");
        assertThat(loose.warnings()).extracting(TargetDiagnostic::message)
                .containsExactly("profile form cannot search the field isbn; searched as any");
        assertThatThrownBy(() -> new QueryTranslator(FORM, UnsupportedFieldPolicy.REPORT).translate(Query.isbn("1")))
                .isInstanceOf(TargetException.class)
                .satisfies(e -> assertThat(((TargetException) e).diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH))
                .hasMessageContaining("profile form cannot search the field isbn");
    }

    @Test
    void aFormCannotExpressOrNotOrRanges() {
        QueryTranslator form = new QueryTranslator(FORM, UnsupportedFieldPolicy.SEARCH_AS_ANY);

        assertThatThrownBy(() -> form.translate(Query.title("a").or(Query.title("b"))))
                .hasMessage("UNSUPPORTED_SEARCH opac:unsupported-query profile form cannot express OR (its search form combines "
                        + "fields with AND only)");
        assertThatThrownBy(() -> form.translate(Query.title("a").andNot(Query.title("b"))))
                .hasMessageContaining("cannot express NOT");
        assertThatThrownBy(() -> form.translate(Query.yearBetween(1990, 2000)))
                .hasMessageContaining("cannot express the relation within on year");
    }

    @Test
    void aQueryLanguageProfileNestsBooleansAndDropsCharactersItCannotQuote() {
        Query q = Query.title("der \"name\"").and(Query.any("rose").or(Query.any("eco")));

        QueryTranslator.Translation t = new QueryTranslator(TEMPLATE, UnsupportedFieldPolicy.SEARCH_AS_ANY).translate(q);

        assertThat(params(t)).containsExactly("Query=331=\"der name\" AND (-1=\"rose\" OR -1=\"eco\")");
        assertThatThrownBy(() -> new QueryTranslator(TEMPLATE, UnsupportedFieldPolicy.SEARCH_AS_ANY)
                .translate(Query.any("a").andNot(Query.any("b"))))
                .hasMessageContaining("cannot express NOT (the profile has no search.query.not template)");
        assertThatThrownBy(() -> new QueryTranslator(TEMPLATE, UnsupportedFieldPolicy.SEARCH_AS_ANY).translate(Query.any("\"\"")))
                .satisfies(e -> assertThat(((TargetException) e).diagnostic().kind()).isEqualTo(DiagnosticKind.QUERY_REJECTED));
    }

    @Provide
    Arbitrary<Query> conjunctions() {
        Arbitrary<Field> fields = Arbitraries.of(Field.ANY, Field.TITLE, Field.AUTHOR, Field.SUBJECT);
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
        Arbitrary<Query> clause = fields.flatMap(f -> words.map(w -> Query.term(f, w)));
        return clause.list().ofMinSize(1).ofMaxSize(5).map(cs -> cs.stream().reduce(Query::and).orElseThrow());
    }

    @Property(tries = 200)
    void everyTermOfAnAndQueryReachesTheFormExactlyOnce(@ForAll("conjunctions") Query q) {
        QueryTranslator.Translation t = new QueryTranslator(FORM, UnsupportedFieldPolicy.SEARCH_AS_ANY).translate(q);

        List<String> sent = t.params().stream().skip(2).filter(e -> !e.getKey().equals("mode"))
                .flatMap(e -> List.of(e.getValue().split(" ")).stream()).sorted().toList();
        List<String> asked = terms(q).stream().sorted().toList();
        assertThat(sent).isEqualTo(asked);
    }

    private static List<String> terms(Query q) {
        if (q instanceof Query.Clause c) {
            return List.of(c.term());
        }
        Query.And a = (Query.And) q;
        return java.util.stream.Stream.concat(terms(a.left()).stream(), terms(a.right()).stream()).toList();
    }
}
