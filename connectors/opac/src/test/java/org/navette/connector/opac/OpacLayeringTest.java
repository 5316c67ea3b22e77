package org.navette.connector.opac;

import org.navette.testing.ModuleLayering;

/** The OPAC connector's classes and tests reach core only through its public API, and no other package reaches into {@code opac.internal}. */
class OpacLayeringTest extends ModuleLayering {
}
