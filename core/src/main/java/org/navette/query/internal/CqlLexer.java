package org.navette.query.internal;

import java.util.ArrayList;
import java.util.List;
import org.navette.query.QuerySyntaxException;

/**
 * Splits CQL text into tokens. Words are runs of characters other than whitespace and
 * {@code ( ) = < > " /}; a backslash inside a word takes the next character into the word. Quoted
 * strings run to the next unescaped double quote. Tokens keep their raw text (escapes included):
 * only the parser knows whether a word is a term (where escapes decide masking) or a name.
 *
 * <p>Thread-safety: stateless.
 */
final class CqlLexer {
    enum Kind { WORD, QUOTED, LPAREN, RPAREN, SLASH, EQ, EQEQ, LT, LE, GT, GE, NE, EOF }

    /**
     * @param raw   the token's text as written; for a quoted string the text between the quotes
     * @param start index of the token's first character (the opening quote of a quoted string)
     */
    record Token(Kind kind, String raw, int start) {
        /** Index of the first character of {@link #raw()} in the query. */
        int rawStart() {
            return kind == Kind.QUOTED ? start + 1 : start;
        }

        boolean isWord(String lowerCase) {
            return kind == Kind.WORD && raw.equalsIgnoreCase(lowerCase);
        }

        boolean isTerm() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        boolean isComparitorSymbol() {
            return switch (kind) {
                case EQ, EQEQ, LT, LE, GT, GE, NE -> true;
                default -> false;
            };
        }

        /** How error messages name this token. */
        String describe() {
            return switch (kind) {
                case EOF -> "end of query";
                case QUOTED -> "quoted string \"" + abbreviate(raw) + "\"";
                case WORD -> "'" + abbreviate(raw) + "'";
                default -> "'" + raw + "'";
            };
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }

    private CqlLexer() {
    }

    static List<Token> tokenize(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (true) {
            while (i < n && Character.isWhitespace(q.charAt(i))) {
                i++;
            }
            if (i >= n) {
                tokens.add(new Token(Kind.EOF, "", n));
                return tokens;
            }
            char c = q.charAt(i);
            int start = i;
            switch (c) {
                case '(' -> { tokens.add(new Token(Kind.LPAREN, "(", start)); i++; }
                case ')' -> { tokens.add(new Token(Kind.RPAREN, ")", start)); i++; }
                case '/' -> { tokens.add(new Token(Kind.SLASH, "/", start)); i++; }
                case '=' -> {
                    boolean twice = i + 1 < n && q.charAt(i + 1) == '=';
                    tokens.add(twice ? new Token(Kind.EQEQ, "==", start) : new Token(Kind.EQ, "=", start));
                    i += twice ? 2 : 1;
                }
                case '<' -> {
                    char d = i + 1 < n ? q.charAt(i + 1) : 0;
                    if (d == '=') {
                        tokens.add(new Token(Kind.LE, "<=", start));
                        i += 2;
                    } else if (d == '>') {
                        tokens.add(new Token(Kind.NE, "<>", start));
                        i += 2;
                    } else {
                        tokens.add(new Token(Kind.LT, "<", start));
                        i++;
                    }
                }
                case '>' -> {
                    boolean ge = i + 1 < n && q.charAt(i + 1) == '=';
                    tokens.add(ge ? new Token(Kind.GE, ">=", start) : new Token(Kind.GT, ">", start));
                    i += ge ? 2 : 1;
                }
                case '"' -> i = quoted(q, i, tokens);
                default -> i = word(q, i, tokens);
            }
        }
    }

    private static int quoted(String q, int open, List<Token> tokens) {
        int i = open + 1;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            checkCharacter(q, i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                checkCharacter(q, i + 1);
                i += 2;
            } else if (c == '"') {
                tokens.add(new Token(Kind.QUOTED, q.substring(open + 1, i), open));
                return i + 1;
            } else {
                i++;
            }
        }
        throw new QuerySyntaxException(open, "a closing '\"'",
                "the quoted string that starts here is not closed: expected a closing '\"', found end of query");
    }

    private static int word(String q, int start, List<Token> tokens) {
        int i = start;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c) || "()=<>\"/".indexOf(c) >= 0) {
                break;
            }
            checkCharacter(q, i);
            if (c == '\\') {
                if (i + 1 >= n || Character.isWhitespace(q.charAt(i + 1))) {
                    throw new QuerySyntaxException(i, "a character after '\\'",
                            "a backslash must escape the character that follows it, found "
                                    + (i + 1 >= n ? "end of query" : "whitespace"));
                }
                checkCharacter(q, i + 1);
                i += 2;
            } else {
                i++;
            }
        }
        tokens.add(new Token(Kind.WORD, q.substring(start, i), start));
        return i;
    }

    private static void checkCharacter(String q, int i) {
        int problem = TermText.problemAt(q, i);
        if (problem >= 0) {
            throw new QuerySyntaxException(i, "a printable character",
                    TermText.describe(problem) + " is not allowed in a query");
        }
    }
}
