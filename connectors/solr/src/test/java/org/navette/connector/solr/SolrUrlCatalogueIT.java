package org.navette.connector.solr;

import java.nio.file.Path;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.navette.catalogue.StoreLocation;
import org.navette.connector.solr.internal.SolrHome;
import org.navette.target.TargetConfig;

/**
 * The union catalogue scenario on a standalone Solr reached over HTTP (Jetty on 127.0.0.1, a Solr
 * home laid out as the embedded store lays out its own) gives exactly what the in-memory reference
 * store gives ({@link StoreScenarioChecks}).
 */
class SolrUrlCatalogueIT extends StoreScenarioChecks {
    JettySolrRunner jetty;
    String url;

    @Override
    SolrCatalogueStore openStore(Path dir) throws Exception {
        Path home = dir.resolve("solr-home");
        SolrHome.prepare(home);
        jetty = new JettySolrRunner(home.toString(), JettyConfig.builder().setPort(0).build());
        jetty.start();
        url = "http://127.0.0.1:" + jetty.getLocalPort() + "/solr/" + SolrHome.CORE;
        return SolrCatalogueStore.open(StoreLocation.url(url));
    }

    @Override
    void stopSolr() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    @Test
    void theSearchTargetByUrlFindsAWorkOnceWithEveryHolding() throws Exception {
        theSearchTargetFindsAWorkOnceWithEveryHolding(TargetConfig.builder("union", "solr").set("url", url).build());
    }
}
