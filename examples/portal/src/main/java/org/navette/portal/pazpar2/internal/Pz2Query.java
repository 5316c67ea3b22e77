package org.navette.portal.pazpar2.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;

/**
 * Reads the queries pazpar2 front ends send in {@code search}'s {@code query} parameter into
 * Navette's one {@link Query} model. Those queries are CCL, as pazpar2 reads them, and often
 * CQL-looking; both read here:
 * <ul>
 *   <li>Bare words search any field: {@code computer science} is every word anywhere.</li>
 *   <li>A qualifier and a relation before a term: {@code ti=rose}, {@code au=smith}, {@code su=opera},
 *       {@code isbn=...}, {@code date=1990}, and CQL index names ({@code title=}, {@code dc.creator=}...).
 *       Several qualifiers joined by commas search any of them: {@code ti,su=rose}.</li>
 *   <li>Unquoted words after a qualifier are all required, in any order; a quoted term is a phrase.
 *       A trailing {@code ?} or {@code *} truncates the last word ({@code comput?}).</li>
 *   <li>Relations {@code =}, {@code ==} / {@code exact}, the CQL words {@code all any adj}, and
 *       {@code < <= > >=} on dates; a date term may be a range {@code 1990-2000}, {@code 1990-}
 *       or {@code -2000}.</li>
 *   <li>{@code and}, {@code or}, {@code not} (any case) of equal precedence from the left, as in
 *       CCL and CQL; parentheses group; two terms with no operator between them must both match.</li>
 * </ul>
 * Anything else (an unknown qualifier, masking inside a word, an unbalanced parenthesis) is
 * refused with a {@link BadQueryException} naming the position.
 *
 * <pre>{@code
 * Pz2Query.parse("ti=\"rose garden\" and au=smith");   // title adj "rose garden" and author=smith
 * Pz2Query.parse("computer");                            // any=computer
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Pz2Query {
    static final int MAX_LENGTH = 10_000;
    private static final int MAX_DEPTH = 64;
    private static final Map<String, Field> QUALIFIERS = qualifiers();

    private final String text;
    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Pz2Query(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /**
     * Parses one query.
     *
     * @throws BadQueryException when the query is empty, too long, or not one this reader accepts
     */
    public static Query parse(String query) {
        if (query.length() > MAX_LENGTH) {
            throw new BadQueryException(MAX_LENGTH, "the query is longer than " + MAX_LENGTH + " characters");
        }
        Pz2Query p = new Pz2Query(query);
        if (p.tokens.isEmpty()) {
            throw new BadQueryException(0, "the query is empty");
        }
        Query q = p.query();
        if (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos);
            throw new BadQueryException(t.start, "unexpected " + t.describe());
        }
        return q;
    }

    /** The qualifier names this reader knows, lower case, with the field each searches. */
    public static Map<String, Field> qualifierNames() {
        return QUALIFIERS;
    }

    private Query query() {
        Query left = element();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.kind == Kind.CLOSE) {
                break;
            }
            String op = t.kind == Kind.WORD ? t.text.toLowerCase(Locale.ROOT) : "";
            if (op.equals("and") || op.equals("or") || op.equals("not")) {
                pos++;
                if (pos >= tokens.size()) {
                    throw new BadQueryException(text.length(), "a search term after '" + t.text + "'");
                }
                Query right = element();
                left = switch (op) {
                    case "and" -> left.and(right);
                    case "or" -> left.or(right);
                    default -> left.andNot(right);
                };
            } else {
                left = left.and(element());
            }
        }
        return left;
    }

    private Query element() {
        Token t = tokens.get(pos);
        if (t.kind == Kind.OPEN) {
            if (++depth > MAX_DEPTH) {
                throw new BadQueryException(t.start, "more than " + MAX_DEPTH + " nested parentheses");
            }
            pos++;
            if (pos >= tokens.size()) {
                throw new BadQueryException(text.length(), "a search term after '('");
            }
            Query inner = query();
            if (pos >= tokens.size() || tokens.get(pos).kind != Kind.CLOSE) {
                throw new BadQueryException(pos >= tokens.size() ? text.length() : tokens.get(pos).start,
                        "a ')' to close the '(' at position " + t.start);
            }
            pos++;
            depth--;
            return inner;
        }
        if (t.kind == Kind.CLOSE || t.kind == Kind.RELATION) {
            throw new BadQueryException(t.start, "unexpected " + t.describe() + " where a search term should be");
        }
        if (t.kind == Kind.WORD && isOperator(t) ) {
            throw new BadQueryException(t.start, "unexpected '" + t.text + "' where a search term should be (quote it to search it)");
        }
        List<Field> fields = List.of(Field.ANY);
        Relation relation = null;
        String relationText = "=";
        if (t.kind == Kind.WORD && startsQualified(pos)) {
            fields = fields(t);
            Token r = tokens.get(pos + 1);
            relationText = r.text.toLowerCase(Locale.ROOT);
            relation = switch (relationText) {
                case "=" -> null;
                case "==", "exact" -> Relation.EXACT;
                case "all" -> Relation.ALL_WORDS;
                case "any" -> Relation.ANY_WORD;
                case "adj" -> Relation.PHRASE;
                case "<" -> Relation.LESS_THAN;
                case "<=" -> Relation.LESS_OR_EQUAL;
                case ">" -> Relation.GREATER_THAN;
                case ">=" -> Relation.GREATER_OR_EQUAL;
                default -> throw new BadQueryException(r.start, "unknown relation '" + r.text + "'");
            };
            pos += 2;
        }
        int termStart = pos;
        List<Token> words = new ArrayList<>();
        while (pos < tokens.size()) {
            Token w = tokens.get(pos);
            if ((w.kind != Kind.WORD && w.kind != Kind.QUOTED) || (w.kind == Kind.WORD && isOperator(w))
                    || (w.kind == Kind.WORD && pos > termStart && startsQualified(pos))) {
                break;
            }
            words.add(w);
            pos++;
        }
        if (words.isEmpty()) {
            int at = pos < tokens.size() ? tokens.get(pos).start : text.length();
            throw new BadQueryException(at, "a search term after '" + relationText + "'");
        }
        @Nullable Query q = null;
        for (Field f : fields) {
            Query one = term(f, relation, words);
            q = q == null ? one : q.or(one);
        }
        return q;
    }

    /** True when the word at {@code i} is a qualifier: followed by a relation (or by a CQL relation word). */
    private boolean startsQualified(int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(i + 1);
        if (next.kind == Kind.RELATION) {
            return true;
        }
        if (next.kind == Kind.WORD && i + 2 < tokens.size()) {
            String r = next.text.toLowerCase(Locale.ROOT);
            boolean cqlWord = r.equals("all") || r.equals("any") || r.equals("adj") || r.equals("exact");
            return cqlWord && knownQualifiers(tokens.get(i).text)
                    && tokens.get(i + 2).kind != Kind.CLOSE && !isOperator(tokens.get(i + 2));
        }
        return false;
    }

    private static boolean knownQualifiers(String word) {
        for (String q : word.split(",", -1)) {
            if (!QUALIFIERS.containsKey(q.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private List<Field> fields(Token t) {
        List<Field> out = new ArrayList<>();
        for (String q : t.text.split(",", -1)) {
            Field f = QUALIFIERS.get(q.toLowerCase(Locale.ROOT));
            if (f == null) {
                throw new BadQueryException(t.start, "unknown qualifier '" + q + "'; known: " + String.join(" ", QUALIFIERS.keySet()));
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private Query term(Field field, Relation relation, List<Token> words) {
        if (field == Field.YEAR) {
            return yearTerm(relation, words);
        }
        if (relation != null && relation.ordinal() >= Relation.LESS_THAN.ordinal()) {
            throw new BadQueryException(words.get(0).start, "relation " + relation + " only applies to date");
        }
        @Nullable Query q = null;
        StringBuilder plain = new StringBuilder();
        boolean truncated = false;
        for (int i = 0; i < words.size(); i++) {
            Token w = words.get(i);
            if (w.kind == Kind.QUOTED) {
                Relation quoted = relation != null ? relation : w.text.trim().contains(" ") ? Relation.PHRASE : Relation.ALL_WORDS;
                q = and(q, clause(field, quoted, w.text, false, w));
                continue;
            }
            String word = w.text;
            boolean last = i == words.size() - 1 || words.get(i + 1).kind == Kind.QUOTED;
            if (word.endsWith("?") || word.endsWith("*")) {
                word = word.substring(0, word.length() - 1);
                if (!last || word.isEmpty()) {
                    throw new BadQueryException(w.start, "truncation only at the end of the last word of a term");
                }
                truncated = true;
            }
            int mask = indexOfAny(word, "?*#");
            if (mask >= 0) {
                throw new BadQueryException(w.start + mask, "masking inside a word is not supported");
            }
            plain.append(plain.length() == 0 ? "" : " ").append(word);
            if (last) {
                q = and(q, clause(field, relation == null ? Relation.ALL_WORDS : relation, plain.toString(), truncated, w));
                plain.setLength(0);
                truncated = false;
            }
        }
        return q;
    }

    private Query yearTerm(Relation relation, List<Token> words) {
        Token w = words.get(0);
        if (words.size() > 1) {
            throw new BadQueryException(words.get(1).start, "one date or range per date term");
        }
        String v = w.text;
        if (relation == null || relation == Relation.ALL_WORDS || relation == Relation.EXACT) {
            int dash = v.indexOf('-');
            if (dash >= 0) {
                String from = v.substring(0, dash);
                String to = v.substring(dash + 1);
                if (from.isEmpty() && to.isEmpty()) {
                    throw new BadQueryException(w.start, "a year on at least one side of '-'");
                }
                if (from.isEmpty()) {
                    return clause(Field.YEAR, Relation.LESS_OR_EQUAL, year(to, w), false, w);
                }
                if (to.isEmpty()) {
                    return clause(Field.YEAR, Relation.GREATER_OR_EQUAL, year(from, w), false, w);
                }
                int a = Integer.parseInt(year(from, w));
                int b = Integer.parseInt(year(to, w));
                if (a > b) {
                    throw new BadQueryException(w.start, "date range " + v + " ends before it starts");
                }
                return Query.yearBetween(a, b);
            }
            return clause(Field.YEAR, Relation.ALL_WORDS, year(v, w), false, w);
        }
        if (relation.ordinal() >= Relation.LESS_THAN.ordinal()) {
            return clause(Field.YEAR, relation, year(v, w), false, w);
        }
        throw new BadQueryException(w.start, "relation " + relation + " does not apply to date");
    }

    private static String year(String s, Token w) {
        if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadQueryException(w.start, "a year of 1 to 4 digits, found '" + s + "'");
        }
        return s;
    }

    private static Query clause(Field field, Relation relation, String term, boolean truncated, Token at) {
        try {
            return new Query.Clause(field, relation, term, null, truncated);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(at.start, e.getMessage());
        }
    }

    private static Query and(@Nullable Query left, Query right) {
        return left == null ? right : left.and(right);
    }

    private static boolean isOperator(Token t) {
        if (t.kind != Kind.WORD) {
            return false;
        }
        String s = t.text.toLowerCase(Locale.ROOT);
        return s.equals("and") || s.equals("or") || s.equals("not");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private enum Kind { WORD, QUOTED, RELATION, OPEN, CLOSE }

    private record Token(Kind kind, String text, int start) {
        String describe() {
            return switch (kind) {
                case OPEN -> "'('";
                case CLOSE -> "')'";
                case RELATION -> "relation '" + text + "'";
                case QUOTED -> "\"" + text + "\"";
                case WORD -> "'" + text + "'";
            };
        }
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '=' || c == '<' || c == '>') {
                int start = i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                String rel = s.substring(start, i);
                if (rel.equals("=>") || rel.equals("=<")) {
                    throw new BadQueryException(start, "unknown relation '" + rel + "'");
                }
                out.add(new Token(Kind.RELATION, rel, start));
            } else if (c == '"') {
                int start = i++;
                StringBuilder b = new StringBuilder();
                boolean closed = false;
                while (i < s.length()) {
                    char q = s.charAt(i++);
                    if (q == '\\' && i < s.length()) {
                        b.append(s.charAt(i++));
                    } else if (q == '"') {
                        closed = true;
                        break;
                    } else {
                        b.append(q);
                    }
                }
                if (!closed) {
                    throw new BadQueryException(start, "a closing '\"' for the quote opened here");
                }
                if (b.toString().isBlank()) {
                    throw new BadQueryException(start, "an empty quoted term");
                }
                out.add(new Token(Kind.QUOTED, b.toString(), start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()=<>\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            }
        }
        return out;
    }

    private static Map<String, Field> qualifiers() {
        Map<String, Field> m = new TreeMap<>();
        for (String q : new String[] {"term", "any", "kw", "wrd", "cql.serverchoice", "cql.anywhere", "cql.keywords", "srw.serverchoice"}) {
            m.put(q, Field.ANY);
        }
        for (String q : new String[] {"ti", "title", "dc.title", "bath.keytitle"}) {
            m.put(q, Field.TITLE);
        }
        for (String q : new String[] {"au", "author", "pn", "cn", "dc.creator", "dc.author", "bath.author", "bath.name",
                "bath.personalname", "bath.corporatename"}) {
            m.put(q, Field.AUTHOR);
        }
        for (String q : new String[] {"su", "subject", "dc.subject", "bath.subject", "bath.topicalsubject"}) {
            m.put(q, Field.SUBJECT);
        }
        for (String q : new String[] {"isbn", "ib", "bath.isbn"}) {
            m.put(q, Field.ISBN);
        }
        for (String q : new String[] {"issn", "is", "bath.issn"}) {
            m.put(q, Field.ISSN);
        }
        for (String q : new String[] {"date", "year", "da", "yr", "dc.date"}) {
            m.put(q, Field.YEAR);
        }
        for (String q : new String[] {"pb", "publisher", "dc.publisher"}) {
            m.put(q, Field.PUBLISHER);
        }
        for (String q : new String[] {"la", "ln", "lang", "language", "dc.language"}) {
            m.put(q, Field.LANGUAGE);
        }
        for (String q : new String[] {"id", "rec.id"}) {
            m.put(q, Field.ID);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
