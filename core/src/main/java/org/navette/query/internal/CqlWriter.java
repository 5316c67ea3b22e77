package org.navette.query.internal;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;

/**
 * Writes a {@link Query} as CQL text, either in Navette's canonical form (plain index names, bare
 * terms where CQL allows, minimal quoting: what {@link Query#toCql()} prints and the parser reads
 * back to the same query) or for a target (its index names, every term quoted, its relation names;
 * give it the {@link TargetQuery} then).
 *
 * <p>User text can never become syntax: inside quotes {@code \ " * ? ^} are escaped with a
 * backslash, and only the writer's own right truncation adds an unescaped {@code *}.
 *
 * <p>Thread-safety: immutable.
 */
public final class CqlWriter {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "prox", "sortby");
    private static final String SPECIAL = "()=<>\"/\\*?^";
    private static final CqlWriter CANONICAL = new CqlWriter(Field::indexName, true, false, "=", "==");

    private final Function<Field, String> indexNames;
    private final boolean canonical;
    private final boolean allForOneWord;
    private final String phraseRelation;
    private final String exactRelation;

    /**
     * @param indexNames     the target's index name for a field; may record warnings or throw
     * @param canonical      Navette's own form: bare ANY terms, minimal quoting
     * @param allForOneWord  write {@code all} even for a one-word term (for servers without {@code =})
     * @param phraseRelation {@code =} (CQL 1.1 and YAZ-based servers: a quoted phrase) or {@code adj}
     * @param exactRelation  {@code ==} (CQL 1.2) or {@code exact} (CQL 1.1)
     */
    public CqlWriter(Function<Field, String> indexNames, boolean canonical, boolean allForOneWord,
                     String phraseRelation, String exactRelation) {
        this.indexNames = indexNames;
        this.canonical = canonical;
        this.allForOneWord = allForOneWord;
        this.phraseRelation = phraseRelation;
        this.exactRelation = exactRelation;
    }

    /** The writer behind {@link Query#toCql()}. */
    public static CqlWriter canonical() {
        return CANONICAL;
    }

    public String write(Query q) {
        StringBuilder out = new StringBuilder();
        write(q, out);
        return out.toString();
    }

    private void write(Query q, StringBuilder out) {
        if (q instanceof Query.Clause c) {
            clause(c, out);
            return;
        }
        Query left;
        Query right;
        String op;
        if (q instanceof Query.And a) {
            left = a.left();
            right = a.right();
            op = " and ";
        } else if (q instanceof Query.Or o) {
            left = o.left();
            right = o.right();
            op = " or ";
        } else {
            Query.AndNot n = (Query.AndNot) q;
            left = n.left();
            right = n.right();
            op = " not ";
        }
        // CQL booleans share one precedence and group from the left, so canonical CQL needs
        // parentheses only around a composite right side; for targets we also group a left side
        // that mixes operators or uses 'not', as some servers get CQL precedence wrong
        boolean groupLeft = !canonical && !isSingleClause(left)
                && (op.equals(" not ") || !left.getClass().equals(q.getClass()));
        group(left, groupLeft, out);
        out.append(op);
        group(right, !isSingleClause(right), out);
    }

    private void group(Query q, boolean parenthesise, StringBuilder out) {
        if (parenthesise) {
            out.append('(');
        }
        write(q, out);
        if (parenthesise) {
            out.append(')');
        }
    }

    private static boolean isSingleClause(Query q) {
        return q instanceof Query.Clause;
    }

    private void clause(Query.Clause c, StringBuilder out) {
        boolean oneWord = c.term().indexOf(' ') < 0;
        String relation = switch (c.relation()) {
            case ALL_WORDS -> oneWord && !allForOneWord ? "=" : " all ";
            case ANY_WORD -> " any ";
            case PHRASE -> phrase(oneWord);
            case EXACT -> exactRelation.equals("==") ? "==" : " " + exactRelation + " ";
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> ">=";
            case WITHIN -> " within ";
        };
        if (canonical && c.field() == Field.ANY && relation.equals("=")) {
            term(c.term(), c.rightTruncated(), out);
            return;
        }
        out.append(indexNames.apply(c.field())).append(relation);
        if (c.relation() == Relation.WITHIN) {
            term(c.term() + " " + c.upperBound(), false, out);
        } else {
            term(c.term(), c.rightTruncated(), out);
        }
    }

    private String phrase(boolean oneWord) {
        if (phraseRelation.equals("=")) {
            // in canonical CQL '=' on one word means all words: say adj to keep a one-word phrase a phrase
            return oneWord && canonical ? " adj " : "=";
        }
        return " " + phraseRelation + " ";
    }

    private void term(String term, boolean truncated, StringBuilder out) {
        boolean quote = !canonical || needsQuotes(term);
        if (quote) {
            out.append('"');
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\' || c == '"' || c == '*' || c == '?' || c == '^') {
                out.append('\\');
            }
            out.append(c);
        }
        if (truncated) {
            out.append('*');
        }
        if (quote) {
            out.append('"');
        }
    }

    private static boolean needsQuotes(String term) {
        if (KEYWORDS.contains(term.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c) || SPECIAL.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
