/**
 * How the demo network is made: the bundled records dealt out to the member libraries, the peers
 * started inside the process (a web OPAC from saved pages, a small SRU server) and the launcher of
 * a real Zebra. Not API: {@link org.navette.demo.DemoNetwork} is.
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.demo.internal;

import org.jspecify.annotations.NullMarked;
