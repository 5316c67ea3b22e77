package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.navette.query.internal.TargetQuery;

/**
 * Invariants over generated queries whose terms are full of CQL and PQF syntax characters: the
 * canonical CQL reads back to the same query, and neither translation lets a term become syntax.
 */
class QueryPropertiesTest {
    /** Letters, digits, spaces and every character that means something in CQL or PQF. */
    private static final String NASTY = "ab cé日Z09 \t\"\\*?^()=<>/@{}.-&'";
    private static final List<String> KEYWORDS = List.of("and", "OR", "not", "prox", "sortBy");

    @Property(tries = 500)
    void canonicalCqlParsesBackToTheSameQuery(@ForAll("queries") Query q) {
        assertThat(CqlParser.parse(q.toCql())).isEqualTo(q);
    }

    @Property(tries = 500)
    void defaultCqlTranslationKeepsTheQueryStructure(@ForAll("queries") Query q) {
        String cql = CqlTranslator.ofDefaults().translate(q).text();

        // dc.*/bath.* are synonyms our parser reads: the target sees exactly our query, ranges as >= and <=
        assertThat(CqlParser.parse(cql)).as(cql).isEqualTo(asSentToDublinCore(q));
        assertThat(unescapedQuotes(cql) % 2).as(cql).isZero();
    }

    @Property(tries = 300)
    void bnfCqlTranslationKeepsTheQueryStructure(@ForAll("queries") Query q) {
        String cql = CqlTranslator.bnf().translate(q).text();

        assertThat(CqlParser.parse(cql)).as(cql).isEqualTo(TargetQuery.of(q));
    }

    @Property(tries = 500)
    void pqfTranslationSendsEveryTermAsOneQuotedTerm(@ForAll("queries") Query q) {
        String pqf = PqfTranslator.ofDefaults().translate(q).text();

        List<String> terms = new ArrayList<>();
        for (PqfReader.Term t : PqfReader.terms(pqf)) {
            terms.add(t.term());
        }
        assertThat(terms).as(pqf).isEqualTo(pqfTerms(TargetQuery.of(q), new ArrayList<>()));
    }

    @Provide
    Arbitrary<Query> queries() {
        return Arbitraries.lazyOf(
                QueryPropertiesTest::clause,
                QueryPropertiesTest::clause,
                QueryPropertiesTest::clause,
                () -> Combinators.combine(queries(), queries(), Arbitraries.of(0, 1, 2)).as((l, r, op) ->
                        op == 0 ? new Query.And(l, r) : op == 1 ? new Query.Or(l, r) : new Query.AndNot(l, r)));
    }

    private static Arbitrary<Query> clause() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withChars(NASTY).ofMinLength(1).ofMaxLength(12),
                Arbitraries.of(KEYWORDS),
                Arbitraries.of("0836968433", "0-8369-6843-3", "978-0-8369-6843-9", "9791032305690", "0836968434"))
                .filter(s -> !s.isBlank());
        Arbitrary<String> word = text.filter(s -> s.chars().noneMatch(Character::isWhitespace));
        Arbitrary<Field> field = Arbitraries.of(Field.class).filter(f -> f != Field.YEAR);
        Arbitrary<Query> words = Combinators.combine(field, Arbitraries.of(Relation.ALL_WORDS, Relation.ANY_WORD,
                Relation.PHRASE, Relation.EXACT), text, Arbitraries.of(true, false))
                .as((f, r, t, trunc) -> new Query.Clause(f, r, t, null, trunc));
        Arbitrary<Query> ordered = Combinators.combine(field, Arbitraries.of(Relation.LESS_THAN, Relation.LESS_OR_EQUAL,
                Relation.GREATER_THAN, Relation.GREATER_OR_EQUAL), text)
                .as((f, r, t) -> new Query.Clause(f, r, t, null, false));
        Arbitrary<Query> range = Combinators.combine(field, word, word)
                .as((f, lo, hi) -> new Query.Clause(f, Relation.WITHIN, lo, hi, false));
        Arbitrary<Integer> yearNumber = Arbitraries.integers().between(0, 9999);
        Arbitrary<Query> year = Combinators.combine(yearNumber, yearNumber, Arbitraries.of(Relation.values()),
                Arbitraries.of(true, false)).as((a, b, r, trunc) -> {
                    if (r == Relation.WITHIN) {
                        return Query.yearBetween(Math.min(a, b), Math.max(a, b));
                    }
                    boolean ordered1 = r.compareTo(Relation.LESS_THAN) >= 0;
                    return new Query.Clause(Field.YEAR, r, Integer.toString(a), null, trunc && !ordered1);
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, words), net.jqwik.api.Tuple.of(2, ordered),
                net.jqwik.api.Tuple.of(1, range), net.jqwik.api.Tuple.of(2, year));
    }

    /** What parsing the dc translation gives: the target query, with one-word phrases written with '=' read as words. */
    private static Query asSentToDublinCore(Query q) {
        return TargetQuery.map(TargetQuery.of(q), c -> c.relation() == Relation.PHRASE && c.words().size() == 1
                ? new Query.Clause(c.field(), Relation.ALL_WORDS, c.term(), null, c.rightTruncated())
                : c);
    }

    /** The terms the PQF must carry, in order: words for word relations, whole terms otherwise (no ranges left). */
    private static List<String> pqfTerms(Query q, List<String> out) {
        if (q instanceof Query.Clause c) {
            switch (c.relation()) {
                case ALL_WORDS, ANY_WORD -> {
                    List<String> indexable = c.words().stream()
                            .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).toList();
                    out.addAll(indexable.isEmpty() ? c.words() : indexable);
                }
                default -> out.add(c.term());
            }
        } else if (q instanceof Query.And a) {
            pqfTerms(a.left(), out);
            pqfTerms(a.right(), out);
        } else if (q instanceof Query.Or o) {
            pqfTerms(o.left(), out);
            pqfTerms(o.right(), out);
        } else if (q instanceof Query.AndNot n) {
            pqfTerms(n.left(), out);
            pqfTerms(n.right(), out);
        }
        return out;
    }

    private static int unescapedQuotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }
}
