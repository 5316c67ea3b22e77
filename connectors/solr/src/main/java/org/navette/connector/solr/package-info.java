/**
 * The union catalogue in Apache Solr: {@link org.navette.connector.solr.SolrCatalogueStore}
 * (embedded, by URL, SolrCloud) behind core's {@link org.navette.catalogue.CatalogueStore}.
 */
@NullMarked
package org.navette.connector.solr;

import org.jspecify.annotations.NullMarked;
