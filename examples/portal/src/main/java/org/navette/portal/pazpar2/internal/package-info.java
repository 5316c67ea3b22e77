/**
 * The workings of the pazpar2 endpoint: the query translator, the session registry, the
 * commands and the XML they answer. Not an API.
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.portal.pazpar2.internal;

import org.jspecify.annotations.NullMarked;
