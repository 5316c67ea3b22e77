package org.navette.connector.z3950;

import org.navette.testing.ModuleLayering;

/** The Z39.50 connector's classes and tests reach core only through its public API, and no other package reaches into {@code z3950.internal}. */
class Z3950LayeringTest extends ModuleLayering {
}
