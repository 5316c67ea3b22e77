package org.navette.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PQF the way YAZ's {@code pquery.c} does (tokens split at spaces; {@code "..."} and
 * {@code {...}} quoting in which a backslash takes the next character; {@code @and @or @not}
 * binary operators; {@code @attr} followed by one attribute token; backslash escapes decoded as
 * {@code escape_string} decodes them), so tests can check what a server would really see.
 */
final class PqfReader {
    private final String text;
    private int pos;

    private PqfReader(String text) {
        this.text = text;
    }

    /** One attributes-plus-term as YAZ would build it: attribute tokens and the decoded term. */
    record Term(List<String> attributes, String term) {
    }

    /**
     * The terms of a PQF query in order.
     *
     * @throws IllegalStateException when the text is not exactly one well-formed PQF query
     */
    static List<Term> terms(String pqf) {
        PqfReader r = new PqfReader(pqf);
        List<Term> out = new ArrayList<>();
        r.expression(out);
        if (r.token() != null) {
            throw new IllegalStateException("text after the query at " + r.pos + ": " + pqf);
        }
        return out;
    }

    private void expression(List<Term> out) {
        List<String> attributes = new ArrayList<>();
        while (true) {
            Token t = token();
            if (t == null) {
                throw new IllegalStateException("query ends early: " + text);
            }
            if (!t.quoted && (t.raw.equals("@and") || t.raw.equals("@or") || t.raw.equals("@not"))) {
                if (!attributes.isEmpty()) {
                    throw new IllegalStateException("attributes before an operator: " + text);
                }
                expression(out);
                expression(out);
                return;
            }
            if (!t.quoted && t.raw.equals("@attr")) {
                Token a = token();
                if (a == null || !a.raw.matches("\\d+=[A-Za-z0-9_.:-]+")) {
                    throw new IllegalStateException("bad attribute after @attr: " + text);
                }
                attributes.add(a.raw);
                continue;
            }
            if (!t.quoted && t.raw.startsWith("@")) {
                throw new IllegalStateException("operator " + t.raw + " in " + text);
            }
            out.add(new Term(attributes, decode(t.raw)));
            return;
        }
    }

    private record Token(String raw, boolean quoted) {
    }

    private Token token() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= text.length()) {
            return null;
        }
        char sep = ' ';
        boolean quoted = false;
        if (text.charAt(pos) == '"' || text.charAt(pos) == '{') {
            sep = text.charAt(pos) == '"' ? '"' : '}';
            quoted = true;
            pos++;
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != sep) {
            if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                pos++;
            }
            pos++;
        }
        if (quoted && pos >= text.length()) {
            throw new IllegalStateException("unclosed quote: " + text);
        }
        String raw = text.substring(start, pos);
        if (pos < text.length()) {
            pos++;
        }
        return new Token(raw, quoted);
    }

    private static String decode(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char e = raw.charAt(++i);
                if ("tnrfx0123".indexOf(e) >= 0) {
                    throw new IllegalStateException("YAZ would read \\" + e + " as a control escape in " + raw);
                }
                out.append(e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
