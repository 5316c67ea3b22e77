package org.navette.match;

import java.util.List;
import org.navette.match.internal.AnalysisChain;
import org.navette.match.internal.TokenFilters;

/**
 * Navette's one text normalisation chain, shared by match keys, the ranker's index and query
 * terms, and sort keys: Unicode NFKC case folding, diacritics removed, MARC non-sorting markers
 * honoured, punctuation split, elided articles ({@code l'}, {@code dell'}) dropped, "and/et/und"
 * dropped, ordinals ("2nd", "2e", "2te") and Roman numerals ("xiv") turned into numbers. Title keys
 * and sort keys also drop a leading article of the record's language (fr, en, de, es, it, pt, nl, ca;
 * any of the usual five when unknown).
 *
 * <pre>{@code
 * TextAnalyzer text = TextAnalyzer.ofDefaults();
 * text.tokens("Œuvres complètes, tome II");        // [oeuvres, completes, tome, 2]
 * text.titleTokens("L'Étranger", "fre");          // [etranger]
 * text.sortKey("The Hobbit", "eng");             // "hobbit"
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share between threads.
 */
public final class TextAnalyzer {
    private static final TextAnalyzer DEFAULTS = new TextAnalyzer();

    private final AnalysisChain text = new AnalysisChain(false,
            TokenFilters.CONJUNCTION, TokenFilters.ORDINAL, TokenFilters.ROMAN_NUMERAL);
    private final AnalysisChain title = new AnalysisChain(true,
            TokenFilters.LEADING_ARTICLE, TokenFilters.CONJUNCTION, TokenFilters.ORDINAL, TokenFilters.ROMAN_NUMERAL);

    private TextAnalyzer() {
    }

    /** The default chain; immutable and shared. */
    public static TextAnalyzer ofDefaults() {
        return DEFAULTS;
    }

    /** Search tokens of any text (index and query time alike); null gives an empty list. */
    public List<String> tokens(CharSequence value) {
        return text.analyze(value, null);
    }

    /**
     * Title tokens: like {@link #tokens} but without the leading article and without text marked
     * non-sorting.
     *
     * @param language ISO 639-2/B code of the title's language, or null when unknown
     */
    public List<String> titleTokens(CharSequence value, String language) {
        return title.analyze(value, language);
    }

    /** The tokens joined by single spaces: a normalised key for equality tests and blocking. */
    public String key(CharSequence value) {
        return String.join(" ", tokens(value));
    }

    /** A sort key for a title: title tokens joined by spaces, numbers zero-padded so that 2 sorts before 10. */
    public String sortKey(CharSequence titleValue, String language) {
        StringBuilder sb = new StringBuilder();
        for (String t : titleTokens(titleValue, language)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean digits = !t.isEmpty() && allDigits(t);
            if (digits && t.length() < 6) {
                sb.append("0".repeat(6 - t.length()));
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Case, compatibility and diacritic folding only, punctuation kept. */
    public String fold(CharSequence value) {
        return text.fold(value);
    }
}
