package org.navette.match.internal;

import java.util.List;
import java.util.Set;

/**
 * Splits folded text into word tokens: runs of letters and digits; everything else separates.
 *
 * <p>Apostrophes: a French or Italian elided article or preposition before an apostrophe
 * ({@code l'}, {@code d'}, {@code qu'}, {@code dell'}...) is dropped, an English possessive
 * {@code 's} is dropped, and any other apostrophe joins ({@code o'brien} → {@code obrien}), so that
 * "L'Étranger", "Étranger" and "l ́etranger" share the token {@code etranger}. Han, Hiragana and
 * Katakana characters are one token each, since those scripts do not separate words.
 *
 * <pre>{@code
 * List<String> out = new ArrayList<>();
 * new Tokenizer().tokenize("l'étranger d'albert camus", out); // [étranger, albert, camus]
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Tokenizer {
    private static final Set<String> ELIDED = Set.of(
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu", "presqu",
            "dell", "dall", "nell", "sull", "all", "coll", "pell", "quell", "un", "gl", "tutt", "sant");

    /** Appends the tokens of already folded {@code text} to {@code out}. */
    public void tokenize(String text, List<String> out) {
        int n = text.length();
        int i = 0;
        StringBuilder word = new StringBuilder(16);
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isIdeograph(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
                i += Character.charCount(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
                i += Character.charCount(cp);
            } else if (cp == '\'' && word.length() > 0 && i + 1 < n && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
                String before = word.toString();
                int next = i + 1;
                int end = next;
                while (end < n && Character.isLetterOrDigit(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                if (ELIDED.contains(before)) {
                    word.setLength(0);
                } else if (end - next == 1 && text.charAt(next) == 's') {
                    i = end;
                    continue;
                }
                i = next;
            } else {
                flush(word, out);
                i += Character.charCount(cp);
            }
        }
        flush(word, out);
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isIdeograph(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
