package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.StoreLocation;

/**
 * The union catalogue scenario on an embedded Solr gives exactly what the in-memory reference store
 * gives and answers a stock VuFind query ({@link StoreScenarioChecks}); a second process on the same
 * data directory is refused, and the ServiceLoader finds the store.
 */
class EmbeddedSolrCatalogueIT extends StoreScenarioChecks {
    Path dataDir;

    @Override
    SolrCatalogueStore openStore(Path dir) {
        dataDir = dir.resolve("navette-catalogue");
        return SolrCatalogueStore.open(StoreLocation.embedded(dataDir));
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsRefusedClearly() {
        assertThatThrownBy(() -> SolrCatalogueStore.open(StoreLocation.embedded(dataDir)).close())
                .isInstanceOf(CatalogueException.class).hasMessageContaining(dataDir.toString());
    }

    @Test
    void serviceLoaderFindsTheSolrStore() {
        Path other = dir.resolve("other");
        try (CatalogueStore s = CatalogueStore.open(StoreLocation.embedded(other))) {
            assertThat(s).isInstanceOf(SolrCatalogueStore.class);
            assertThat(s.stats().records()).isZero();
        }
    }
}
