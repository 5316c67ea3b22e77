package org.navette.match.internal;

import java.util.Map;
import java.util.Set;

/**
 * The token filters of Navette's analysis chain.
 *
 * <pre>{@code
 * new AnalysisChain(true, TokenFilters.LEADING_ARTICLE, TokenFilters.ROMAN_NUMERAL).analyze("The Hobbit, vol. II", "eng");
 * // [hobbit, vol, 2]
 * }</pre>
 *
 * <p>Thread-safety: every filter is stateless.
 */
public final class TokenFilters {
    private TokenFilters() {
    }

    /** Leading articles per language, as catalogues skip them when filing (ISO 639-2/B codes). */
    static final Map<String, Set<String>> ARTICLES = Map.of(
            "eng", Set.of("the", "a", "an"),
            "fre", Set.of("le", "la", "les", "un", "une", "l"),
            "ger", Set.of("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"),
            "spa", Set.of("el", "la", "lo", "los", "las", "un", "una", "unos", "unas"),
            "ita", Set.of("il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una"),
            "por", Set.of("o", "a", "os", "as", "um", "uma"),
            "dut", Set.of("de", "het", "een"),
            "cat", Set.of("el", "la", "els", "les", "l", "un", "una"));

    /**
     * Articles skipped when the language is unknown: the five languages every partner catalogue
     * mixes (en, fr, de, es, it). Skipping the same word on both sides of a comparison is harmless;
     * what matters is that "The Hobbit" and "Hobbit" meet.
     */
    static final Set<String> ANY_LANGUAGE_ARTICLES = Set.of(
            "the", "a", "an", "le", "la", "les", "l", "un", "une", "der", "die", "das", "des", "dem", "den",
            "ein", "eine", "einer", "eines", "einem", "einen", "el", "lo", "los", "las", "una", "unos", "unas",
            "il", "i", "gli", "uno");

    private static final Set<String> CONJUNCTIONS = Set.of("and", "et", "und");

    private static final Set<String> ORDINAL_SUFFIXES = Set.of(
            "st", "nd", "rd", "th", "e", "er", "re", "eme", "ieme", "me", "o", "a", "te", "ten", "ter", "tes", "nde");

    /** Real words that happen to be valid Roman numerals: never converted. */
    private static final Set<String> ROMAN_LOOKALIKES = Set.of(
            "di", "li", "ci", "mi", "vi", "dix", "mix", "dim", "mid", "lid", "did", "mild", "mc", "cd", "dc", "mm",
            "cm", "ml", "md", "mdi", "dl", "cl", "lx", "xl", "cv", "lv", "mv", "dv", "civ", "vic", "cid", "liv");

    /** Drops a leading article (of the text's language, or of any usual language) when more words follow. */
    public static final TokenFilter LEADING_ARTICLE = (tokens, language) -> {
        if (tokens.size() > 1) {
            Set<String> articles = language == null ? null : ARTICLES.get(language);
            if (articles == null) {
                articles = ANY_LANGUAGE_ARTICLES;
            }
            if (articles.contains(tokens.get(0))) {
                tokens.remove(0);
            }
        }
    };

    /** Drops "and" in its English, French and German forms ({@code &} is punctuation already). */
    public static final TokenFilter CONJUNCTION = (tokens, language) -> tokens.removeIf(CONJUNCTIONS::contains);

    /** "2nd", "2e", "2eme", "2o", "2te" become "2". */
    public static final TokenFilter ORDINAL = (tokens, language) -> {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int d = leadingDigits(t);
            if (d > 0 && d < t.length() && ORDINAL_SUFFIXES.contains(t.substring(d))) {
                tokens.set(i, t.substring(0, d));
            }
        }
    };

    /** "ii", "xiv", "mcmxc" become "2", "14", "1990"; single letters and look-alike words stay. */
    public static final TokenFilter ROMAN_NUMERAL = (tokens, language) -> {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.length() >= 2 && !ROMAN_LOOKALIKES.contains(t)) {
                int v = romanValue(t);
                if (v > 0) {
                    tokens.set(i, Integer.toString(v));
                }
            }
        }
    };

    /** The value of an all-digit token of at most {@code maxDigits} digits, else 0. */
    static int digitsValue(String t, int maxDigits) {
        if (t.isEmpty() || t.length() > maxDigits) {
            return 0;
        }
        int v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int leadingDigits(String t) {
        int d = 0;
        while (d < t.length() && t.charAt(d) >= '0' && t.charAt(d) <= '9') {
            d++;
        }
        return d;
    }

    /**
     * The value of a canonical lower-case Roman numeral (1..3999), or 0 when {@code s} is not one.
     * Canonical means what {@code Integer -> Roman} would print back: "iiii" and "ic" are not numerals.
     */
    public static int romanValue(String s) {
        if (s.isEmpty() || s.length() > 15) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = valueOf(s.charAt(i));
            if (v == 0) {
                return 0;
            }
            int next = i + 1 < s.length() ? valueOf(s.charAt(i + 1)) : 0;
            total += v < next ? -v : v;
        }
        return total > 0 && total < 4000 && toRoman(total).equals(s) ? total : 0;
    }

    private static int valueOf(char c) {
        return switch (c) {
            case 'i' -> 1;
            case 'v' -> 5;
            case 'x' -> 10;
            case 'l' -> 50;
            case 'c' -> 100;
            case 'd' -> 500;
            case 'm' -> 1000;
            default -> 0;
        };
    }

    private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] ROMAN_SYMBOLS = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};

    static String toRoman(int value) {
        StringBuilder sb = new StringBuilder();
        int v = value;
        for (int i = 0; i < ROMAN_VALUES.length; i++) {
            while (v >= ROMAN_VALUES[i]) {
                sb.append(ROMAN_SYMBOLS[i]);
                v -= ROMAN_VALUES[i];
            }
        }
        return sb.toString();
    }
}
