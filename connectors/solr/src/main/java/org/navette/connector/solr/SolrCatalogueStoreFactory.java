package org.navette.connector.solr;

import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.CatalogueStoreFactory;
import org.navette.catalogue.StoreLocation;

/**
 * Registers {@link SolrCatalogueStore} with {@link CatalogueStore#open(StoreLocation)} (through
 * {@code META-INF/services}) for every kind of location: embedded, URL and SolrCloud.
 *
 * <p>Thread-safety: stateless.
 */
public final class SolrCatalogueStoreFactory implements CatalogueStoreFactory {
    @Override
    public boolean supports(StoreLocation location) {
        return true;
    }

    @Override
    public CatalogueStore open(StoreLocation location) {
        return SolrCatalogueStore.open(location);
    }
}
