package org.navette.query;

import java.util.Objects;
import org.navette.query.internal.CqlWriter;
import org.navette.query.internal.TermText;

/**
 * A search query: one abstract syntax tree for every target, built in code or parsed from CQL,
 * then translated per target (PQF/Bib-1, CQL with the target's index names, OPAC URL templates).
 *
 * <pre>{@code
 * Query q = Query.title("computer").and(Query.author("collins"));
 * Query p = Query.phrase(Field.TITLE, "the computer bible");
 * Query y = Query.yearBetween(1990, 2000).andNot(Query.term(Field.LANGUAGE, "eng"));
 * Query t = Query.truncated(Field.TITLE, "comput");   // comput*
 * Query c = CqlParser.parse("title=computer and author=collins");
 * c.toCql();                                           // "title=computer and author=collins"
 * }</pre>
 *
 * <p>Thread-safety: immutable values.
 */
public sealed interface Query permits Query.Clause, Query.And, Query.Or, Query.AndNot {

    /** Both must match. */
    default Query and(Query other) {
        return new And(this, other);
    }

    /** Either may match. */
    default Query or(Query other) {
        return new Or(this, other);
    }

    /** This, but not the other (CQL {@code not}, which is binary). */
    default Query andNot(Query other) {
        return new AndNot(this, other);
    }

    /**
     * This query in Navette's canonical CQL (plain index names, single spaces, minimal quoting and
     * parentheses), for logs and the CLI. {@link CqlParser#parse(String)} gives this query back for
     * every query the parser can produce. For an SRU target use {@link CqlTranslator}, which writes
     * the target's own index names.
     */
    default String toCql() {
        return CqlWriter.canonical().write(this);
    }

    /** A word (or all words of a multi-word term) in a field. */
    static Query term(Field field, String words) {
        return new Clause(field, Relation.ALL_WORDS, words, null, false);
    }

    static Query any(String words) { return term(Field.ANY, words); }

    static Query title(String words) { return term(Field.TITLE, words); }

    static Query author(String words) { return term(Field.AUTHOR, words); }

    static Query subject(String words) { return term(Field.SUBJECT, words); }

    static Query isbn(String isbn) { return term(Field.ISBN, isbn); }

    static Query issn(String issn) { return term(Field.ISSN, issn); }

    /** Words adjacent and in order. */
    static Query phrase(Field field, String words) {
        return new Clause(field, Relation.PHRASE, words, null, false);
    }

    /** Right truncation: words starting with {@code stem}. */
    static Query truncated(Field field, String stem) {
        return new Clause(field, Relation.ALL_WORDS, stem, null, true);
    }

    static Query year(int year) {
        return new Clause(Field.YEAR, Relation.ALL_WORDS, Integer.toString(year), null, false);
    }

    /** Years from {@code from} to {@code to}, both included. */
    static Query yearBetween(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("year range: from " + from + " is after to " + to);
        }
        return new Clause(Field.YEAR, Relation.WITHIN, Integer.toString(from), Integer.toString(to), false);
    }

    /**
     * One search clause: a field, a relation and a term.
     *
     * @param field          the field searched
     * @param relation       how the term is compared
     * @param term           the user's term, unescaped and unquoted; never blank. Leading and trailing
     *                       whitespace is removed and inner runs of whitespace become one space;
     *                       control characters are refused (they mean nothing in a search and could
     *                       cut a query short at a C library)
     * @param upperBound     the upper bound for {@link Relation#WITHIN}, else null
     * @param rightTruncated true when the term's last word is a stem (CQL {@code comput*})
     */
    record Clause(Field field, Relation relation, String term, String upperBound, boolean rightTruncated)
            implements Query {
        public Clause {
            if (field == null) {
                throw new IllegalArgumentException("clause field must not be null");
            }
            if (relation == null) {
                throw new IllegalArgumentException("clause relation must not be null (field " + field.indexName() + ")");
            }
            if (term == null || term.isBlank()) {
                throw new IllegalArgumentException("clause term must not be blank (field " + field.indexName() + ")");
            }
            if ((relation == Relation.WITHIN) != (upperBound != null)) {
                throw new IllegalArgumentException("clause upperBound is required for WITHIN and only for WITHIN (field "
                        + field.indexName() + ", relation " + relation + ")");
            }
            if (upperBound != null && upperBound.isBlank()) {
                throw new IllegalArgumentException("clause upperBound must not be blank (field " + field.indexName() + ")");
            }
            term = TermText.normalise(term, "term", field);
            upperBound = upperBound == null ? null : TermText.normalise(upperBound, "upperBound", field);
        }

        /** The words of the term, split at spaces. */
        public java.util.List<String> words() {
            return java.util.List.of(term.split(" "));
        }
    }

    /** Conjunction. */
    record And(Query left, Query right) implements Query {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Disjunction. */
    record Or(Query left, Query right) implements Query {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Left and not right. */
    record AndNot(Query left, Query right) implements Query {
        public AndNot {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }
}
