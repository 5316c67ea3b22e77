/**
 * The connector service-provider interface: what a protocol module implements
 * ({@link ConnectorFactory}, {@link Connector}) and what the federation engine hands it
 * ({@link SearchRequest}, {@link SearchListener}, {@link CancellationSignal}).
 *
 * <pre>{@code
 * ConnectorRegistry connectors = ConnectorRegistry.fromClassPath();  // every factory in META-INF/services
 * }</pre>
 *
 * <p>Depends on {@code org.navette.query}, {@code org.navette.target} and {@code org.navette.model}
 * (and on {@code org.navette.rank}'s facet values, for the facet counts a target reports), never the
 * reverse. Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.spi;

import org.jspecify.annotations.NullMarked;
