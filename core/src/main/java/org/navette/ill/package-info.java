/**
 * Interlending: requests in (CSV, ISO 18626), matched against a union catalogue or a federation by
 * the one {@link org.navette.match.Matcher}, lenders chosen by a rota under each library's policy,
 * and each request's lifecycle driven by ISO 18626 supplier messages and kept in an SQL database.
 *
 * <p>ISO 18626 reading and writing live in {@code org.navette.ill.iso18626}.
 */
@NullMarked
package org.navette.ill;

import org.jspecify.annotations.NullMarked;
