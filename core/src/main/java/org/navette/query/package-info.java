/**
 * One query for every target: the {@link org.navette.query.Query} tree, built in code or parsed from
 * CQL by {@link org.navette.query.CqlParser}, then translated per target.
 *
 * <pre>{@code
 * Query q = CqlParser.parse("title=\"the computer bible\" and year within \"1970 1990\"");
 * q.toCql();                                        // canonical CQL, for logs and the CLI
 * PqfTranslator.fromTarget(z3950Target).translate(q).text();
 *     // @and @attr 1=4 @attr 4=1 "the computer bible" @and @attr 1=31 @attr 2=4 "1970" @attr 1=31 @attr 2=2 "1990"
 * CqlTranslator.fromTarget(sruTarget).translate(q).text();
 *     // dc.title="the computer bible" and (dc.date>="1970" and dc.date<="1990")
 * }</pre>
 *
 * <p>Target files configure translation with three keys: {@code "indexes"} (field name to the
 * target's index: Bib-1 attributes such as {@code "1=1003 4=1"} for Z39.50, an index name such as
 * {@code "bib.title"} for SRU; null or {@code ""} when the target cannot search the field),
 * {@code "indexPreset"} (SRU only: {@code dc}, {@code bnf}, {@code k10plus}) and
 * {@code "unsupportedFields"} ({@code "report"} or {@code "any"}, see
 * {@link org.navette.query.UnsupportedFieldPolicy}). Connectors accept
 * {@link org.navette.query.PqfTranslator#TARGET_KEYS} / {@link org.navette.query.CqlTranslator#TARGET_KEYS}.
 *
 * <p>Nothing a user types can become syntax at a target: the parser refuses what it cannot honour
 * with a {@link org.navette.query.QuerySyntaxException} (position and expectation), and both
 * translators quote and escape every term.
 */
@NullMarked
package org.navette.query;

import org.jspecify.annotations.NullMarked;
