package org.navette.query;

import org.navette.query.internal.CqlSyntax;

/**
 * A strict parser of CQL 1.2 into Navette's {@link Query}: a query is either parsed completely or
 * refused with a {@link QuerySyntaxException} naming the position and what was expected there.
 *
 * <pre>{@code
 * Query q = CqlParser.parse("title=computer and (author=collins or dc.creator=baird)");
 * Query p = CqlParser.parse("dc.title=\"the computer bible\"");   // a phrase
 * Query t = CqlParser.parse("subject all \"opera italian\" not year<1950");
 * Query y = CqlParser.parse("year within \"1990 2000\"");
 * }</pre>
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li>Search clauses {@code index relation term} and bare terms (searched as {@link Field#ANY});
 *       terms bare or in double quotes, where a backslash escapes the next character.</li>
 *   <li>Indexes: the plain names {@code any title author subject isbn issn year publisher language id},
 *       and the synonyms {@code dc.title dc.creator dc.author dc.subject dc.publisher dc.date dc.language},
 *       {@code bath.isbn bath.issn bath.name bath.author bath.personalName bath.corporateName
 *       bath.subject bath.topicalSubject bath.keyTitle}, {@code cql.serverChoice cql.anywhere
 *       cql.keywords srw.serverChoice}, {@code rec.id}, and the BnF's {@code bib.anywhere bib.title
 *       bib.author bib.subject bib.isbn bib.issn bib.date bib.publisher bib.language bib.recordid}.
 *       Names are case-insensitive. {@code dc.identifier} is refused as ambiguous (ISBN, ISSN or id?).</li>
 *   <li>Relations: {@code =} (all words; a phrase when the term has several words, as CQL 1.1 and
 *       YAZ-based servers read it), {@code all}, {@code any}, {@code adj}, {@code ==} and {@code exact},
 *       {@code < <= > >=}, and {@code within "low high"}. A {@code year} term must be a year
 *       (1 to 4 digits).</li>
 *   <li>Relation modifiers {@code /ignoreCase} and {@code /ignoreAccents} (what catalogues do anyway),
 *       {@code /masked} (the default) and {@code /unmasked} (every character literal).</li>
 *   <li>Right truncation: an unescaped {@code *} at the very end of the term.</li>
 *   <li>{@code and}, {@code or}, {@code not} (any case), all of equal precedence and grouping from
 *       the left as CQL says ({@code a or b and c} is {@code (a or b) and c}); parentheses.</li>
 *   <li>Prefix assignments {@code >dc="info:srw/cql-context-set/1/dc-v1.1"} and default-set
 *       assignments {@code >"uri"} for the context sets above, scoped as CQL says.</li>
 * </ul>
 *
 * <h2>What is refused, with a clear message</h2>
 * {@code prox}, boolean modifiers, {@code sortBy} (Navette ranks the merged results of all targets
 * itself: one target's order means nothing there), {@code <>} (write {@code a not b}), masking with
 * {@code ?} or an inner {@code *}, anchoring {@code ^} (escape these to search them literally),
 * other relations and modifiers, unknown indexes and context sets (there is no {@code alis.*}
 * set: Alis' index names have no public definition to map from). The keywords {@code and or not
 * prox sortBy} are not accepted as bare terms: quote them ({@code "not"}). Queries over 100,000
 * characters, 1000 search clauses or 64 nested groups are refused too.
 *
 * <p>Thread-safety: stateless; {@link #parse(String)} may be called from any thread.
 */
public final class CqlParser {
    private CqlParser() {
    }

    /**
     * Parses one CQL query.
     *
     * @throws QuerySyntaxException when the query is not CQL Navette can run, with the position
     * @throws IllegalArgumentException when {@code cql} is null
     */
    public static Query parse(String cql) {
        if (cql == null) {
            throw new IllegalArgumentException("CQL query must not be null");
        }
        return CqlSyntax.parse(cql);
    }
}
