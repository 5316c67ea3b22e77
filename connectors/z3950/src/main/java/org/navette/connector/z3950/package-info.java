/**
 * The Z39.50 connector over YAZ's ZOOM C API (through JNA): {@link Z3950ConnectorFactory} opens
 * targets of protocol {@code z3950}; {@link Z3950Multiplexer} drives many connections from one thread.
 *
 * <pre>{@code
 * Connector c = new Z3950ConnectorFactory().open(TargetConfig.builder("loc", "z3950")
 *         .set("host", "lx2.loc.gov").set("port", 210).set("database", "LCDB").build());
 * }</pre>
 *
 * <p>Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package org.navette.connector.z3950;

import org.jspecify.annotations.NullMarked;
