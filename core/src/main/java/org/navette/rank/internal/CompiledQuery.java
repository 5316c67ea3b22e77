package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.navette.match.TextAnalyzer;
import org.navette.model.Isbn;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;

/**
 * A query reduced to what ranking needs: its positive clauses (the right side of an AND NOT never
 * adds to a score), each with the fields it searches and its terms through the same text chain as
 * the documents.
 *
 * <pre>{@code
 * CompiledQuery q = CompiledQuery.of(Query.title("computer bible"), TextAnalyzer.ofDefaults());
 * q.clauses().get(0).words(); // [computer, bible]
 * }</pre>
 *
 * <p>Thread-safety: immutable after compilation.
 */
public final class CompiledQuery {
    /** What a clause asks of a cluster. */
    public enum Kind { TEXT, IDENTIFIER, YEAR, LANGUAGE }

    /**
     * One positive clause.
     *
     * @param fieldMask  bit per {@link ClusterDocument} field searched (TEXT only)
     * @param terms      term hashes, in query order (TEXT only)
     * @param words      the analysed words, in query order
     * @param truncated  true when the last word is a stem
     * @param phrase     true when the words must stand together
     * @param values     normalised identifiers or language codes (IDENTIFIER, LANGUAGE)
     * @param from       first year (YEAR)
     * @param to         last year (YEAR)
     */
    public record Clause(Kind kind, int fieldMask, long[] terms, String[] words, boolean truncated, boolean phrase,
                         List<String> values, int from, int to) {
    }

    private final List<Clause> clauses;

    private CompiledQuery(List<Clause> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    public List<Clause> clauses() {
        return clauses;
    }

    /** Compiles {@code query}; null compiles to no clauses (every score 0 before boosts). */
    public static CompiledQuery of(Query query, TextAnalyzer text) {
        List<Clause> out = new ArrayList<>();
        if (query != null) {
            collect(query, text, out);
        }
        return new CompiledQuery(out);
    }

    private static void collect(Query q, TextAnalyzer text, List<Clause> out) {
        if (q instanceof Query.And a) {
            collect(a.left(), text, out);
            collect(a.right(), text, out);
        } else if (q instanceof Query.Or o) {
            collect(o.left(), text, out);
            collect(o.right(), text, out);
        } else if (q instanceof Query.AndNot n) {
            collect(n.left(), text, out);
        } else if (q instanceof Query.Clause c) {
            Clause compiled = compile(c, text);
            if (compiled != null) {
                out.add(compiled);
            }
        }
    }

    private static Clause compile(Query.Clause c, TextAnalyzer text) {
        return switch (c.field()) {
            case ISBN, ISSN, ID -> identifier(c);
            case YEAR -> year(c);
            case LANGUAGE -> new Clause(Kind.LANGUAGE, 0, new long[0], new String[0], false, false,
                    List.of(c.term().toLowerCase(Locale.ROOT)), 0, 0);
            default -> textClause(c, text);
        };
    }

    private static Clause textClause(Query.Clause c, TextAnalyzer text) {
        int mask = switch (c.field()) {
            case TITLE -> 1 << ClusterDocument.TITLE;
            case AUTHOR -> 1 << ClusterDocument.AUTHOR;
            case SUBJECT -> 1 << ClusterDocument.SUBJECT;
            case PUBLISHER -> 1 << ClusterDocument.OTHER;
            default -> (1 << ClusterDocument.FIELDS) - 1;
        };
        List<String> words = text.tokens(c.term());
        if (words.isEmpty()) {
            return null;
        }
        long[] hashes = new long[words.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = TermHash.of(words.get(i));
        }
        boolean phrase = c.relation() == Relation.PHRASE || c.relation() == Relation.EXACT;
        return new Clause(Kind.TEXT, mask, hashes, words.toArray(new String[0]), c.rightTruncated(), phrase,
                List.of(), 0, 0);
    }

    private static Clause identifier(Query.Clause c) {
        List<String> values = new ArrayList<>();
        String raw = c.term().strip();
        values.add(raw.toLowerCase(Locale.ROOT));
        String compact = raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        values.add(compact.toLowerCase(Locale.ROOT));
        if (c.field() == Field.ISBN || c.field() == Field.ID) {
            Isbn.parse(raw).ifPresent(i -> {
                values.add(i.isbn13());
                if (i.isbn10() != null) {
                    values.add(i.isbn10());
                    values.add(i.isbn10().toLowerCase(Locale.ROOT));
                }
            });
        }
        if (c.field() == Field.ISSN && compact.length() == 8) {
            values.add(compact.substring(0, 4) + "-" + compact.substring(4));
        }
        return new Clause(Kind.IDENTIFIER, 0, new long[0], new String[0], false, false, List.copyOf(values), 0, 0);
    }

    private static Clause year(Query.Clause c) {
        int from;
        int to;
        try {
            int v = Integer.parseInt(c.term().strip());
            switch (c.relation()) {
                case WITHIN -> {
                    from = v;
                    to = Integer.parseInt(c.upperBound().strip());
                }
                case LESS_THAN -> {
                    from = Integer.MIN_VALUE + 1;
                    to = v - 1;
                }
                case LESS_OR_EQUAL -> {
                    from = Integer.MIN_VALUE + 1;
                    to = v;
                }
                case GREATER_THAN -> {
                    from = v + 1;
                    to = Integer.MAX_VALUE;
                }
                case GREATER_OR_EQUAL -> {
                    from = v;
                    to = Integer.MAX_VALUE;
                }
                default -> {
                    from = v;
                    to = v;
                }
            }
        } catch (NumberFormatException e) {
            // a year clause that is not a number cannot be checked locally: it adds nothing
            return null;
        }
        return new Clause(Kind.YEAR, 0, new long[0], new String[0], false, false, List.of(), from, to);
    }
}
