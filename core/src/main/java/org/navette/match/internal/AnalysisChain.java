package org.navette.match.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A text analysis chain: character folding, tokenising, then token filters in order.
 *
 * <pre>{@code
 * AnalysisChain title = new AnalysisChain(true, TokenFilters.LEADING_ARTICLE, TokenFilters.ORDINAL);
 * title.analyze("Les Misérables. 2e partie", "fre"); // [miserables, 2, partie]
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class AnalysisChain {
    private final TextFolding folding = new TextFolding();
    private final Tokenizer tokenizer = new Tokenizer();
    private final boolean dropNonSorting;
    private final TokenFilter[] filters;

    public AnalysisChain(boolean dropNonSorting, TokenFilter... filters) {
        this.dropNonSorting = dropNonSorting;
        this.filters = filters.clone();
    }

    /** The tokens of {@code text} (null gives none); {@code language} is an ISO 639-2/B code or null. */
    public List<String> analyze(CharSequence text, String language) {
        List<String> tokens = new ArrayList<>(8);
        if (text == null) {
            return tokens;
        }
        tokenizer.tokenize(folding.fold(text, dropNonSorting), tokens);
        for (TokenFilter f : filters) {
            if (tokens.isEmpty()) {
                break;
            }
            f.filter(tokens, language);
        }
        return tokens;
    }

    /** The folded text without tokenising (for keys that keep their spacing rules elsewhere). */
    public String fold(CharSequence text) {
        return folding.fold(text, dropNonSorting);
    }
}
