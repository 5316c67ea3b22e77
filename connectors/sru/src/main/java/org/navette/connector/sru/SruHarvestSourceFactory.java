package org.navette.connector.sru;

import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.CatalogueSourceFactory;

/**
 * Opens {@link SruHarvestSource}s for {@code sru:} specs; registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/org.navette.catalogue.CatalogueSourceFactory}.
 *
 * <pre>{@code
 * CatalogueSource s = CatalogueSource.open("sru:http://127.0.0.1:2100/marc21#query=dc.title=computer");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class SruHarvestSourceFactory implements CatalogueSourceFactory {

    @Override
    public String scheme() {
        return "sru";
    }

    /** @throws IllegalArgumentException when the spec is malformed, saying what is wrong */
    @Override
    public CatalogueSource open(String spec) {
        return SruHarvestSource.fromSpec(spec);
    }
}
