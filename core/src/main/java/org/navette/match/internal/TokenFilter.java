package org.navette.match.internal;

import java.util.List;

/**
 * One step of the analysis chain after tokenising: rewrites the token list in place, like a Lucene
 * TokenFilter. Filters are small, stateless and composable; {@link AnalysisChain} runs them in order.
 *
 * <pre>{@code
 * TokenFilter dropNumbers = (tokens, language) -> tokens.removeIf(t -> Character.isDigit(t.charAt(0)));
 * }</pre>
 *
 * <p>Thread-safety: implementations are stateless and safe to share.
 */
@FunctionalInterface
public interface TokenFilter {
    /**
     * Rewrites {@code tokens} in place.
     *
     * @param language the ISO 639-2/B code of the text's language, or null when unknown
     */
    void filter(List<String> tokens, String language);
}
