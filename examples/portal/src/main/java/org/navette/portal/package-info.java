/**
 * The web portal: a search page whose results stream in as targets answer, the JSON API behind it
 * (with server-sent events), and a pazpar2-compatible endpoint for existing pazpar2 front ends.
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.portal;

import org.jspecify.annotations.NullMarked;
