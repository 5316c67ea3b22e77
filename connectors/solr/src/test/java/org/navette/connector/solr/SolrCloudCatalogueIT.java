package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.Test;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.StoreLocation;
import org.navette.target.TargetConfig;

/**
 * The union catalogue scenario on a two-node SolrCloud (ZooKeeper and both Jetty nodes in this JVM,
 * on 127.0.0.1) gives exactly what the in-memory reference store gives ({@link StoreScenarioChecks}).
 * The store itself uploads the configset and creates the collection, one shard per live node, so the
 * scenario's lookups, facets and cursors all run distributed.
 */
class SolrCloudCatalogueIT extends StoreScenarioChecks {
    static final String COLLECTION = "navette";

    MiniSolrCloudCluster cluster;
    StoreLocation location;

    @Override
    SolrCatalogueStore openStore(Path dir) throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(2, dir.resolve("cluster")).build();
        location = StoreLocation.cloud(cluster.getZkServer().getZkAddress(), COLLECTION);
        return SolrCatalogueStore.open(location);
    }

    @Override
    void stopSolr() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void theStoreCreatedTheCollectionWithOneShardPerLiveNodeAndUsesBoth() throws Exception {
        DocCollection c = cluster.getZkStateReader().getClusterState().getCollection(COLLECTION);
        assertThat(c.getSlices()).hasSize(2);
        assertThat(c.getSlices()).allMatch(s -> s.getReplicas().size() == 1);
        for (String shard : c.getSlicesMap().keySet()) {
            SolrQuery q = new SolrQuery("navette_doc_type:member").setRows(0);
            q.set("shards", shard);
            assertThat(store.client().query(COLLECTION, q).getResults().getNumFound()).as(shard).isPositive();
        }
    }

    @Test
    void reopeningTheStoreOnTheExistingCollectionKeepsItAndItsDocuments() {
        DocCollection before = cluster.getZkStateReader().getClusterState().getCollection(COLLECTION);
        CatalogueStats stats = store.stats();
        try (SolrCatalogueStore again = SolrCatalogueStore.open(location)) {
            assertThat(again.stats()).isEqualTo(stats);
            assertThat(again.collection()).isEqualTo(COLLECTION);
        }
        DocCollection after = cluster.getZkStateReader().getClusterState().getCollection(COLLECTION);
        assertThat(after.getSlicesMap().keySet()).isEqualTo(before.getSlicesMap().keySet());
        assertThat(after.getReplicas()).extracting(r -> r.getCoreName())
                .containsExactlyInAnyOrderElementsOf(before.getReplicas().stream().map(r -> r.getCoreName()).toList());
    }

    @Test
    void theSearchTargetByZooKeeperAddressFindsAWorkOnceWithEveryHolding() throws Exception {
        theSearchTargetFindsAWorkOnceWithEveryHolding(TargetConfig.builder("union", "solr")
                .set("zkHost", location.address()).set("collection", COLLECTION).build());
    }
}
