package org.navette.portal;

import org.navette.testing.ModuleLayering;

/** The portal uses Navette through its public API, never another module's {@code internal} package. */
class PortalLayeringTest extends ModuleLayering {
}
