package org.navette.catalogue;

/**
 * Opens {@link CatalogueSource}s of one scheme ({@code oai}, {@code sru}); implementations register
 * in {@code META-INF/services/org.navette.catalogue.CatalogueSourceFactory}.
 *
 * <pre>{@code
 * public final class OaiSourceFactory implements CatalogueSourceFactory {
 *     public String scheme() { return "oai"; }
 *     public CatalogueSource open(String spec) { return OaiPmhSource.fromSpec(spec); }
 * }
 * }</pre>
 */
public interface CatalogueSourceFactory {

    /** The spec prefix before the first colon, lower case. */
    String scheme();

    /** Opens the source; a malformed spec is an {@link IllegalArgumentException} saying what is wrong. */
    CatalogueSource open(String spec);
}
