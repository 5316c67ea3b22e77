package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.StoreLocation;

/** Opening a store by URL where no Solr listens fails at once with a typed exception naming the URL and the cause. */
class SolrUrlStoreTest {
    @Test
    void aStoreOnADeadPortFailsFastWithACatalogueExceptionNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/solr/navette";
        long start = System.nanoTime();
        assertThatThrownBy(() -> SolrCatalogueStore.open(StoreLocation.url(url)).close())
                .isInstanceOf(CatalogueException.class).hasMessageContaining(url).hasMessageContaining("Connection refused");
        // refused at once, not after the connect timeout
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
