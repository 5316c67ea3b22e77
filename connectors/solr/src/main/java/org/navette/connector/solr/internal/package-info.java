/** Internals of the Solr store: documents in VuFind's field names, the embedded core's set-up. */
@NullMarked
package org.navette.connector.solr.internal;

import org.jspecify.annotations.NullMarked;
