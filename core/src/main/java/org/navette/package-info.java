/**
 * The root of Navette's packages: only {@link org.navette.NavetteException}, the unchecked
 * exception every typed Navette error extends, so a caller can catch all of them at once.
 *
 * <pre>{@code
 * try { federation.search(query); } catch (NavetteException e) { log(e.getMessage()); }
 * }</pre>
 *
 * <p>Nullness: in every Navette package nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette;

import org.jspecify.annotations.NullMarked;
