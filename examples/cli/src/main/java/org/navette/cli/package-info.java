/**
 * The {@code navette} command line: {@link NavetteCli} and one class per sub-command
 * ({@code search}, {@code inspect}, {@code dedup}, {@code opac-check}, {@code sru-explain}).
 *
 * <pre>{@code
 * navette search --targets targets.json 'title=rose'
 * }</pre>
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.cli;

import org.jspecify.annotations.NullMarked;
