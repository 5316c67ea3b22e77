/**
 * The portal's workings behind {@link org.navette.portal.PortalServer}: the search registry, the
 * JSON API's handlers, the server-sent event streams and the static page. Not an API: names and
 * shapes here change without notice.
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.portal.internal;

import org.jspecify.annotations.NullMarked;
