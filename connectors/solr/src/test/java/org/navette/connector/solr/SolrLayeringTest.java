package org.navette.connector.solr;

import org.navette.testing.ModuleLayering;

/** The Solr connector's classes and tests reach core only through its public API, and no other package reaches into {@code solr.internal}. */
class SolrLayeringTest extends ModuleLayering {
}
