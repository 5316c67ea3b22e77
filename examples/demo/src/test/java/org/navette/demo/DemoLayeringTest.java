package org.navette.demo;

import org.navette.testing.ModuleLayering;

/** The demo uses Navette through its public API, never another module's {@code internal} package. */
class DemoLayeringTest extends ModuleLayering {
}
