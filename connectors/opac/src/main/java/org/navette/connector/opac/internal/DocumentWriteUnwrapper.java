package org.navette.connector.opac.internal;

/**
 * Replaces every inline {@code <script>} that calls {@code document.write}/{@code writeln} by the
 * HTML its string literals write, so that selectors see what a browser would show. Old OPACs
 * (BIB2) write their whole result table that way. Only string literals are kept: expressions
 * between them ({@code '+anzahl+'}) are dropped, nothing is executed.
 *
 * <p>A linear scan (no regex) so that hostile pages cannot make it backtrack.
 *
 * <p>Thread-safety: stateless.
 */
final class DocumentWriteUnwrapper {
    private DocumentWriteUnwrapper() {
    }

    static String unwrap(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            int open = indexOfIgnoreCase(html, "<script", i);
            if (open < 0) {
                break;
            }
            int openEnd = html.indexOf('>', open);
            int close = openEnd < 0 ? -1 : indexOfIgnoreCase(html, "</script", openEnd);
            int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
            if (closeEnd < 0) {
                break;
            }
            String body = html.substring(openEnd + 1, close);
            if (body.contains("document.write")) {
                out.append(html, i, open).append(writtenText(body));
            } else {
                out.append(html, i, closeEnd + 1);
            }
            i = closeEnd + 1;
        }
        return out.append(html, Math.min(i, html.length()), html.length()).toString();
    }

    /** The concatenated string literals of every document.write(ln) call in a script body. */
    static String writtenText(String script) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int call = script.indexOf("document.write", i);
            if (call < 0) {
                return out.toString();
            }
            int p = call + "document.write".length();
            if (script.startsWith("ln", p)) {
                p += 2;
            }
            while (p < script.length() && Character.isWhitespace(script.charAt(p))) {
                p++;
            }
            if (p >= script.length() || script.charAt(p) != '(') {
                i = p;
                continue;
            }
            i = arguments(script, p + 1, out);
        }
    }

    /** Reads call arguments from {@code start} up to the matching ')', appending literals; returns the index after it. */
    private static int arguments(String s, int start, StringBuilder out) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = literal(s, i, out);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i + 1;
                }
                depth--;
            }
            i++;
        }
        return i;
    }

    /** Appends the unescaped value of the string literal starting at {@code start}; returns the index after it. */
    private static int literal(String s, int start, StringBuilder out) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'x' -> i = hex(s, i, 2, out);
                    case 'u' -> i = hex(s, i, 4, out);
                    default -> out.append(e);
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return i;
    }

    private static int hex(String s, int at, int digits, StringBuilder out) {
        if (at + digits <= s.length()) {
            try {
                out.append((char) Integer.parseInt(s.substring(at, at + digits), 16));
                return at + digits;
            } catch (NumberFormatException e) {
                // not an escape after all: keep the text as written
            }
        }
        out.append(digits == 2 ? 'x' : 'u');
        return at;
    }

    private static int indexOfIgnoreCase(String haystack, String needle, int from) {
        int last = haystack.length() - needle.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            i = haystack.indexOf('<', i);
            if (i < 0 || i > last) {
                return -1;
            }
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
