package org.navette.connector.sru;

import org.navette.testing.ModuleLayering;

/** The SRU connector's classes and tests reach core only through its public API, and no other package reaches into {@code sru.internal}. */
class SruLayeringTest extends ModuleLayering {
}
