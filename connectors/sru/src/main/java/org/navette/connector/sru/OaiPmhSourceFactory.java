package org.navette.connector.sru;

import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.CatalogueSourceFactory;

/**
 * Opens {@link OaiPmhSource}s for {@code oai:} specs; registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/org.navette.catalogue.CatalogueSourceFactory}.
 *
 * <pre>{@code
 * CatalogueSource zdb = CatalogueSource.open("oai:https://services.dnb.de/oai/repository#set=zdb&prefix=MARC21-xml");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class OaiPmhSourceFactory implements CatalogueSourceFactory {

    @Override
    public String scheme() {
        return "oai";
    }

    /** @throws IllegalArgumentException when the spec is malformed, saying what is wrong */
    @Override
    public CatalogueSource open(String spec) {
        return OaiPmhSource.fromSpec(spec);
    }
}
