/**
 * A pazpar2-compatible web service ({@code /search.pz2}) over a Navette
 * {@link org.navette.federation.Federation}, so pazpar2 front ends (pz2.js, MasterKey widgets)
 * search through Navette unchanged: {@link org.navette.portal.pazpar2.Pazpar2Endpoint}.
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.portal.pazpar2;

import org.jspecify.annotations.NullMarked;
