package org.navette.query.internal;

import org.navette.query.Field;

/**
 * The rules every search term follows once it is in a {@link org.navette.query.Query}: no control
 * characters, no unpaired surrogates, words separated by exactly one space.
 *
 * <p>Thread-safety: stateless.
 */
public final class TermText {
    private TermText() {
    }

    /**
     * Strips the term, turns every run of whitespace into one space and refuses control characters
     * and unpaired surrogates, naming the clause part and field in the message.
     */
    public static String normalise(String term, String part, Field field) {
        StringBuilder out = new StringBuilder(term.length());
        boolean pendingSpace = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            int problem = problemAt(term, i);
            if (problem >= 0) {
                throw new IllegalArgumentException("clause " + part + " must not contain " + describe(problem)
                        + " (field " + field.indexName() + ", at index " + i + ")");
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The code point that makes position {@code i} unacceptable in a term (a control character that
     * is not whitespace, or an unpaired surrogate), or -1 when it is fine.
     */
    public static int problemAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
            return c;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? -1 : c;
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? -1 : c;
        }
        return -1;
    }

    /** "control character U+0000" or "unpaired surrogate U+D800". */
    public static String describe(int codeUnit) {
        String kind = Character.isSurrogate((char) codeUnit) ? "unpaired surrogate" : "control character";
        return String.format("%s U+%04X", kind, codeUnit);
    }
}
