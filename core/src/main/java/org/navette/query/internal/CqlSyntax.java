package org.navette.query.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.QuerySyntaxException;
import org.navette.query.Relation;
import org.navette.query.internal.CqlLexer.Kind;
import org.navette.query.internal.CqlLexer.Token;

/**
 * The recursive-descent parser behind {@link org.navette.query.CqlParser}; the accepted language is
 * documented there. Grammar (CQL 1.2, minus what Navette refuses):
 * <pre>
 * cqlQuery      ::= prefixAssign cqlQuery | scopedClause
 * prefixAssign  ::= '&gt;' term '=' term | '&gt;' term
 * scopedClause  ::= searchClause (boolean searchClause)*        -- equal precedence, from the left
 * searchClause  ::= '(' cqlQuery ')' | index relation modifier* term | term
 * modifier      ::= '/' name [comparitorSymbol term]
 * </pre>
 *
 * <p>Thread-safety: one instance per parse; {@link #parse(String)} is safe from any thread.
 */
public final class CqlSyntax {
    /** Parentheses and prefix assignments nest at most this deep: recursion must stay far from the stack limit. */
    static final int MAX_DEPTH = 64;
    /** Queries with more search clauses are refused: no catalogue runs them, and they cost us. */
    static final int MAX_CLAUSES = 1000;
    /** Longer text is refused before it is read: no catalogue query is this long, and tokens cost memory. */
    static final int MAX_LENGTH = 100_000;

    private static final Pattern YEAR = Pattern.compile("\\d{1,4}");
    private static final String BOOLEAN_OR_END = "'and', 'or', 'not' or end of query";
    private static final String RELATIONS = "a relation (= == < <= > >= all any adj within exact)";
    private static final String TERM_HINT = "quote a term that has spaces or any of ( ) = < > / \"";

    private final List<Token> tokens;
    private int next;
    private int clauses;

    private CqlSyntax(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new QuerySyntaxException(MAX_LENGTH, "a query of at most " + MAX_LENGTH + " characters",
                    "the query is " + text.length() + " characters long");
        }
        this.tokens = CqlLexer.tokenize(text);
    }

    /** Parses a whole query; see {@link org.navette.query.CqlParser}. */
    public static Query parse(String text) {
        CqlSyntax p = new CqlSyntax(text);
        Query q = p.cqlQuery(Scope.ROOT, 0);
        Token t = p.peek();
        if (t.kind() != Kind.EOF) {
            throw p.afterClause(t, BOOLEAN_OR_END, "this ')' closes no '('");
        }
        return q;
    }

    /** Prefix assignments in force: prefix (lower case) to context set short name, and the default set. */
    private record Scope(Map<String, String> prefixes, String defaultSet) {
        static final Scope ROOT = new Scope(Map.of(), null);

        Scope withPrefix(String prefix, String set) {
            Map<String, String> m = new HashMap<>(prefixes);
            m.put(prefix.toLowerCase(Locale.ROOT), set);
            return new Scope(Map.copyOf(m), defaultSet);
        }

        Scope withDefault(String set) {
            return new Scope(prefixes, set);
        }

        String setFor(String prefix) {
            String lower = prefix.toLowerCase(Locale.ROOT);
            return prefixes.getOrDefault(lower, lower);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.EOF) {
            next++;
        }
        return t;
    }

    private Query cqlQuery(Scope scope, int depth) {
        if (depth > MAX_DEPTH) {
            throw new QuerySyntaxException(peek().start(), "a simpler query",
                    "parentheses and prefix assignments nest more than " + MAX_DEPTH + " deep");
        }
        if (peek().kind() == Kind.GT) {
            return cqlQuery(prefixAssignment(scope), depth + 1);
        }
        return scopedClause(scope, depth);
    }

    private Scope prefixAssignment(Scope scope) {
        take(); // '>'
        Token first = take();
        if (!first.isTerm()) {
            throw unexpected(first, "a context set prefix or URI after '>'", null);
        }
        Token prefix = null;
        Token uri = first;
        if (peek().kind() == Kind.EQ) {
            take();
            prefix = first;
            uri = take();
            if (!uri.isTerm()) {
                throw unexpected(uri, "a context set URI in double quotes", null);
            }
        }
        String uriText = decodeName(uri);
        String set = IndexNames.SET_BY_URI.get(uriText);
        if (set == null) {
            set = IndexNames.SET_BY_URI.get(uriText.endsWith("/") ? uriText : uriText + "/");
        }
        if (set == null) {
            throw new QuerySyntaxException(uri.start(), "a known context set URI " + IndexNames.SET_BY_URI.keySet(),
                    "unknown context set URI '" + uriText + "'");
        }
        if (prefix == null) {
            return scope.withDefault(set);
        }
        String name = decodeName(prefix);
        if (name.isEmpty() || name.contains(".")) {
            throw new QuerySyntaxException(prefix.start(), "a context set prefix without '.'",
                    "bad context set prefix '" + name + "'");
        }
        return scope.withPrefix(name, set);
    }

    private Query scopedClause(Scope scope, int depth) {
        Query left = searchClause(scope, depth);
        while (true) {
            Token t = peek();
            Query right;
            if (t.isWord("and") || t.isWord("or") || t.isWord("not")) {
                take();
                if (peek().kind() == Kind.SLASH) {
                    throw new QuerySyntaxException(peek().start(), "a search term or '(' after '" + t.raw() + "'",
                            "boolean modifiers (such as " + t.raw() + "/rel.combine) are not supported");
                }
                right = searchClause(scope, depth);
                String op = t.raw().toLowerCase(Locale.ROOT);
                left = op.equals("and") ? new Query.And(left, right)
                        : op.equals("or") ? new Query.Or(left, right) : new Query.AndNot(left, right);
            } else if (t.isWord("prox")) {
                throw new QuerySyntaxException(t.start(), BOOLEAN_OR_END,
                        "the proximity operator 'prox' is not supported; use a phrase (adj) instead");
            } else {
                return left;
            }
        }
    }

    private Query searchClause(Scope scope, int depth) {
        Token t = peek();
        if (t.kind() == Kind.LPAREN) {
            take();
            Query inner = cqlQuery(scope, depth + 1);
            Token close = peek();
            if (close.kind() != Kind.RPAREN) {
                throw afterClause(close, "')' to close the '(' at position " + t.start() + ", or 'and', 'or', 'not'", null);
            }
            take();
            return inner;
        }
        if (t.kind() == Kind.GT) {
            throw unexpected(t, "a search term or '('",
                    "a prefix assignment may only start the query or a parenthesised group");
        }
        if (!t.isTerm()) {
            throw unexpected(t, "a search term or '('", null);
        }
        if (isKeyword(t)) {
            String hint = t.isWord("not") ? "'not' is binary: write 'a not b'; to search the word, quote it: \"not\""
                    : "to search the word, quote it: \"" + t.raw() + "\"";
            throw unexpected(t, "a search term or '('", hint);
        }
        take();
        Token after = peek();
        if (after.isComparitorSymbol() || (after.kind() == Kind.WORD && !isKeyword(after))) {
            return indexedClause(t, scope);
        }
        return clause(Field.ANY, t, "=", true, t);
    }

    private Query indexedClause(Token index, Scope scope) {
        Token relation = take();
        String name = relation.kind() == Kind.WORD ? relationName(relation) : relation.raw();
        checkRelation(relation, name);
        Field field = resolveIndex(index, scope);
        boolean masked = true;
        while (peek().kind() == Kind.SLASH) {
            masked = modifier(masked);
        }
        Token term = take();
        if (!term.isTerm()) {
            throw unexpected(term, "a search term after relation '" + relation.raw() + "'", null);
        }
        return clause(field, term, name, masked, index);
    }

    private static String relationName(Token t) {
        String name = decodeName(t).toLowerCase(Locale.ROOT);
        return name.startsWith("cql.") ? name.substring(4) : name;
    }

    private void checkRelation(Token t, String name) {
        switch (name) {
            case "=", "==", "<", "<=", ">", ">=", "all", "any", "adj", "within", "exact" -> {
                return;
            }
            case "<>" -> throw new QuerySyntaxException(t.start(), RELATIONS,
                    "relation '<>' (not equal) is not supported; write 'a not b' instead");
            case "encloses" -> throw new QuerySyntaxException(t.start(), RELATIONS,
                    "relation 'encloses' is not supported");
            default -> throw afterClause(t, RELATIONS + ", or " + BOOLEAN_OR_END, null);
        }
    }

    /** Reads one modifier; returns whether terms stay masked. */
    private boolean modifier(boolean masked) {
        Token slash = take();
        Token nameToken = take();
        if (nameToken.kind() != Kind.WORD) {
            throw unexpected(nameToken, "a relation modifier name after '/'", null);
        }
        String name = relationName(nameToken);
        boolean hasValue = peek().isComparitorSymbol();
        if (hasValue) {
            take();
            Token value = take();
            if (!value.isTerm()) {
                throw unexpected(value, "a value for relation modifier '" + nameToken.raw() + "'", null);
            }
        }
        String expected = "one of the relation modifiers /ignoreCase, /ignoreAccents, /masked, /unmasked";
        boolean known = switch (name) {
            case "ignorecase", "ignoreaccents", "masked", "unmasked" -> true;
            default -> false;
        };
        if (!known) {
            throw new QuerySyntaxException(slash.start(), expected,
                    "relation modifier '" + decodeName(nameToken) + "' is not supported");
        }
        if (hasValue) {
            throw new QuerySyntaxException(slash.start(), expected + " without a value",
                    "relation modifier '" + decodeName(nameToken) + "' takes no value");
        }
        return switch (name) {
            case "masked" -> true;
            case "unmasked" -> false;
            default -> masked; // catalogues fold case and accents anyway: nothing to change
        };
    }

    private Field resolveIndex(Token index, Scope scope) {
        String name = decodeName(index);
        String expected = IndexNames.EXPECTED;
        int dot = name.indexOf('.');
        Optional<Field> field;
        if (dot >= 0) {
            String set = scope.setFor(name.substring(0, dot));
            String local = name.substring(dot + 1);
            String refusal = IndexNames.refusal(set, local);
            if (refusal != null) {
                throw new QuerySyntaxException(index.start(), expected, refusal);
            }
            field = IndexNames.qualified(set, local);
        } else if (scope.defaultSet() != null) {
            field = IndexNames.qualified(scope.defaultSet(), name);
            if (field.isEmpty()) {
                throw new QuerySyntaxException(index.start(), "an index of context set '" + scope.defaultSet() + "'",
                        "unknown index '" + name + "' in the default context set '" + scope.defaultSet() + "'");
            }
        } else {
            field = IndexNames.plain(name);
        }
        return field.orElseThrow(() -> new QuerySyntaxException(index.start(), expected,
                "unknown index '" + name + "'"));
    }

    private Query clause(Field field, Token termToken, String relationName, boolean masked, Token clauseStart) {
        if (++clauses > MAX_CLAUSES) {
            throw new QuerySyntaxException(clauseStart.start(), "at most " + MAX_CLAUSES + " search clauses",
                    "the query has too many search clauses");
        }
        DecodedTerm term = decodeTerm(termToken, masked);
        String stem = TermText.normalise(term.text(), "term", field);
        if (stem.isEmpty()) {
            if (term.truncatedAt() >= 0) {
                throw new QuerySyntaxException(term.truncatedAt(), "a word before '*'",
                        "right truncation '*' must follow at least one character");
            }
            throw new QuerySyntaxException(termToken.start(), "a search term", "the search term is empty");
        }
        if (term.truncatedAt() >= 0 && Character.isWhitespace(term.text().charAt(term.text().length() - 1))) {
            throw new QuerySyntaxException(term.truncatedAt(), "'*' directly after a word",
                    "right truncation '*' must directly follow a word");
        }
        boolean truncated = term.truncatedAt() >= 0;
        String[] words = stem.split(" ");
        Relation relation = switch (relationName) {
            case "=" -> words.length > 1 ? Relation.PHRASE : Relation.ALL_WORDS;
            case "==", "exact" -> Relation.EXACT;
            case "all" -> Relation.ALL_WORDS;
            case "any" -> Relation.ANY_WORD;
            case "adj" -> Relation.PHRASE;
            case "<" -> Relation.LESS_THAN;
            case "<=" -> Relation.LESS_OR_EQUAL;
            case ">" -> Relation.GREATER_THAN;
            case ">=" -> Relation.GREATER_OR_EQUAL;
            case "within" -> Relation.WITHIN;
            default -> throw new IllegalStateException("relation checked before: " + relationName);
        };
        boolean ordered = switch (relation) {
            case LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL, WITHIN -> true;
            default -> false;
        };
        if (truncated && ordered) {
            throw new QuerySyntaxException(term.truncatedAt(), "a term without '*' for relation '" + relationName + "'",
                    "right truncation '*' cannot be used with relation '" + relationName + "'");
        }
        if (field == Field.YEAR) {
            for (String w : words) {
                if (!YEAR.matcher(w).matches()) {
                    throw new QuerySyntaxException(termToken.start(), "a year of 1 to 4 digits",
                            "'" + w + "' is not a year");
                }
            }
        }
        try {
            if (relation == Relation.WITHIN) {
                if (words.length != 2) {
                    throw new QuerySyntaxException(termToken.start(), "two bounds in quotes, such as \"1990 2000\"",
                            "relation 'within' needs a lower and an upper bound, found " + words.length + " word(s)");
                }
                if (field == Field.YEAR && Integer.parseInt(words[0]) > Integer.parseInt(words[1])) {
                    throw new QuerySyntaxException(termToken.start(), "the lower bound first",
                            "year range " + words[0] + " " + words[1] + " is reversed");
                }
                return new Query.Clause(field, relation, words[0], words[1], false);
            }
            return new Query.Clause(field, relation, stem, null, truncated);
        } catch (IllegalArgumentException e) {
            // the checks above should leave nothing for the record to refuse; never let it escape raw
            throw new QuerySyntaxException(termToken.start(), "a valid search term", e.getMessage());
        }
    }

    /** A term with escapes removed; {@code truncatedAt} is the position of an unescaped final '*', or -1. */
    private record DecodedTerm(String text, int truncatedAt) {
    }

    private static DecodedTerm decodeTerm(Token t, boolean masked) {
        String raw = t.raw();
        int base = t.rawStart();
        StringBuilder out = new StringBuilder(raw.length());
        int truncatedAt = -1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                out.append(raw.charAt(++i)); // the lexer guarantees a character after every backslash
                continue;
            }
            if (masked && c == '*') {
                if (i != raw.length() - 1) {
                    throw new QuerySyntaxException(base + i, "'*' only at the end of the term, or '\\*' for an asterisk",
                            "masking with '*' inside a term is not supported, only right truncation");
                }
                truncatedAt = base + i;
                continue;
            }
            if (masked && c == '?') {
                throw new QuerySyntaxException(base + i, "'\\?' for a question mark",
                        "masking with '?' (any one character) is not supported");
            }
            if (masked && c == '^') {
                throw new QuerySyntaxException(base + i, "'\\^' for a caret",
                        "anchoring with '^' is not supported; use == for an exact match");
            }
            out.append(c);
        }
        return new DecodedTerm(out.toString(), truncatedAt);
    }

    private static String decodeName(Token t) {
        String raw = t.raw();
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(c == '\\' ? raw.charAt(++i) : c);
        }
        return out.toString();
    }

    private static boolean isKeyword(Token t) {
        return t.isWord("and") || t.isWord("or") || t.isWord("not") || t.isWord("prox") || t.isWord("sortby");
    }

    private QuerySyntaxException unexpected(Token t, String expected, String hint) {
        return new QuerySyntaxException(t.start(), expected,
                "expected " + expected + ", found " + t.describe() + (hint == null ? "" : "; " + hint));
    }

    /** The error for a token that cannot follow a complete search clause. */
    private QuerySyntaxException afterClause(Token t, String expected, String rparenHint) {
        if (t.isWord("sortby")) {
            return new QuerySyntaxException(t.start(), BOOLEAN_OR_END,
                    "sortBy is not supported: Navette ranks merged results itself");
        }
        String hint = switch (t.kind()) {
            case RPAREN -> rparenHint;
            case WORD, QUOTED, SLASH, EQ, EQEQ, LT, LE, GT, GE, NE -> TERM_HINT;
            default -> null;
        };
        return unexpected(t, expected, hint);
    }
}
