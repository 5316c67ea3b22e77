package org.navette.query;

/**
 * Turns a {@link Query} into what one kind of target understands: PQF for Z39.50
 * ({@link PqfTranslator}), CQL for SRU ({@link CqlTranslator}), request parameters for a web
 * OPAC (the OPAC connector's own translator).
 *
 * <pre>{@code
 * Translator<Translation> pqf = PqfTranslator.ofDefaults();
 * pqf.translate(Query.title("rose")).text();  // "@attr 1=4 ... \"rose\""
 * }</pre>
 *
 * <p>Implementations are immutable and safe for concurrent use: one translator serves every
 * search on its target.
 *
 * @param <T> the translated form, carrying the query text or parameters and the warnings about
 *            what had to be loosened
 */
@FunctionalInterface
public interface Translator<T> {

    /**
     * Translates a query for this translator's target.
     *
     * @throws org.navette.target.TargetException with
     *         {@link org.navette.target.DiagnosticKind#UNSUPPORTED_SEARCH} when the target cannot
     *         express the query and the policy says to report it
     */
    T translate(Query query);
}
