package org.navette.catalogue;

/**
 * Opens {@link CatalogueStore}s; implementations register in
 * {@code META-INF/services/org.navette.catalogue.CatalogueStoreFactory}.
 *
 * <pre>{@code
 * public final class SolrCatalogueStoreFactory implements CatalogueStoreFactory {
 *     public boolean supports(StoreLocation l) { return true; }
 *     public CatalogueStore open(StoreLocation l) { return SolrCatalogueStore.open(l); }
 * }
 * }</pre>
 */
public interface CatalogueStoreFactory {

    /** Whether this factory can open {@code location}. */
    boolean supports(StoreLocation location);

    /** Opens (and for a new embedded store or cloud collection, creates) the store. */
    CatalogueStore open(StoreLocation location);
}
