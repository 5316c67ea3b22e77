package org.navette.connector.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ChangeSet;
import org.navette.catalogue.MemberSummary;
import org.navette.catalogue.StoreLocation;
import org.navette.catalogue.StoredMember;
import org.navette.match.Cluster;
import org.navette.match.MatchSettings;
import org.navette.model.BibRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;
import org.navette.testing.InMemoryCatalogueStore;

/**
 * The union catalogue scenario on an embedded Solr gives exactly what the in-memory reference store
 * gives and answers a stock VuFind query ({@link StoreScenarioChecks}); a second process on the same
 * data directory is refused, and the ServiceLoader finds the store; a cluster larger than a page
 * of answers is read in the same order as small ones.
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

    /**
     * Lookups read one page unsorted and order it themselves, and page with a cursor sorted by Solr
     * only when the answer is longer: both must give the reference store's order, here with a
     * cluster of 1,205 members (positions against id order, a library whose name sorts by code
     * point) next to small ones, and a blocking key too common to block.
     */
    @Test
    void aClusterLongerThanAPageIsReadInTheOrderOfSmallOnes() {
        ChangeSet.Builder changes = ChangeSet.builder();
        List<String> clusterIds = new ArrayList<>();
        int[] sizes = {1205, 3, 1, 2};
        for (int c = 0; c < sizes.length; c++) {
            List<BibRecord> records = new ArrayList<>();
            List<StoredMember> members = new ArrayList<>();
            for (int i = 0; i < sizes[c]; i++) {
                String library = i % 3 == 0 ? "bib-é" : i % 3 == 1 ? "bib-z" : "Bib-a";
                String localId = c + "-" + (sizes[c] - i);
                records.add(BibRecord.builder(new RecordSource(library, localId), RecordFormat.MARC21)
                        .titleProper("Work " + c).build());
                String clusterId = (c == 0 ? "bib-é:" : "bib-z:") + "first" + c;
                List<String> keys = i < 300 || c > 0 ? List.of("tcommon", "tw" + c + "|" + (i % 7)) : List.of("tcommon");
                members.add(new StoredMember(library + ":" + localId, library, localId, "f" + i, clusterId, "<record/>",
                        RecordFormat.MARC21, keys, "code" + c + "." + i, (i * 7919L) % 2000, Instant.EPOCH.plusSeconds(i)));
            }
            String clusterId = members.get(0).clusterId();
            clusterIds.add(clusterId);
            // the cluster's first member names it, as a clusterer does
            members.set(0, new StoredMember(clusterId, clusterId.substring(0, clusterId.indexOf(':')),
                    clusterId.substring(clusterId.indexOf(':') + 1), "f0", clusterId, "<record/>", RecordFormat.MARC21,
                    members.get(0).matchKeys(), "code" + c + ".0", members.get(0).position(), Instant.EPOCH));
            records.set(0, records.get(0).toBuilder(new RecordSource(members.get(0).library(), members.get(0).localId())).build());
            changes.putCluster(Cluster.restore(clusterId, records, MatchSettings.ofDefaults()), members);
        }
        ChangeSet built = changes.build();
        InMemoryCatalogueStore reference = new InMemoryCatalogueStore();
        reference.apply(built);
        try (SolrCatalogueStore big = SolrCatalogueStore.open(StoreLocation.embedded(dir.resolve("big-cluster")))) {
            big.apply(built);
            assertThat(summaries(big.summariesOfClusters(clusterIds, 8))).hasSize(1211)
                    .isEqualTo(summaries(reference.summariesOfClusters(clusterIds, 8)));
            assertThat(big.summariesOfClusters(clusterIds.subList(1, 4), 2)).map(MemberSummary::id)
                    .isEqualTo(reference.summariesOfClusters(clusterIds.subList(1, 4), 2).stream().map(MemberSummary::id).toList());
            assertThat(big.membersOfClusters(clusterIds)).map(StoredMember::id)
                    .isEqualTo(reference.membersOfClusters(clusterIds).stream().map(StoredMember::id).toList());
            // "tcommon" has 1,211 members: above the limit it blocks nothing; "tw0|3" has 43
            assertThat(big.clustersSharingKeys(List.of("tcommon"), 256)).isEmpty();
            assertThat(big.clustersSharingKeys(List.of("tcommon", "tw0|3", "tw2|0"), 256))
                    .containsExactlyInAnyOrder(clusterIds.get(0), clusterIds.get(2))
                    .isEqualTo(reference.clustersSharingKeys(List.of("tcommon", "tw0|3", "tw2|0"), 256));
            assertThat(big.clustersSharingKeys(List.of("tcommon"), 2000)).containsExactlyInAnyOrderElementsOf(clusterIds);
        }
    }

    /** A catalogue written before key codes moved to binary docValues still gives its members' codes. */
    @Test
    void aKeyCodeWrittenByAnEarlierBuildIsStillRead() throws Exception {
        BibRecord record = BibRecord.builder(new RecordSource("bib-old", "1"), RecordFormat.MARC21).titleProper("Old").build();
        StoredMember member = new StoredMember("bib-old:1", "bib-old", "1", "f", "bib-old:1", "<record/>", RecordFormat.MARC21,
                List.of("told"), "the old code", 0, Instant.EPOCH);
        org.apache.solr.common.SolrInputDocument doc =
                org.navette.connector.solr.internal.VufindDocuments.member(member, record, 0, 1, Instant.EPOCH);
        doc.removeField(org.navette.connector.solr.internal.VufindDocuments.KEY_BYTES);
        doc.setField(org.navette.connector.solr.internal.VufindDocuments.KEY_CODE, "the old code");
        try (SolrCatalogueStore old = SolrCatalogueStore.open(StoreLocation.embedded(dir.resolve("old-codes")))) {
            old.client().add(doc);
            old.client().commit();
            assertThat(old.summariesOfClusters(List.of("bib-old:1"), 8, false)).map(MemberSummary::keyCode)
                    .containsExactly("the old code");
            assertThat(old.membersOfClusters(List.of("bib-old:1"))).map(StoredMember::keyCode).containsExactly("the old code");
        }
    }

    private static List<String> summaries(List<MemberSummary> list) {
        return list.stream().map(m -> m.id() + " " + m.clusterId() + " " + m.firstIndexed() + " " + m.matchKeys() + " " + m.keyCode())
                .toList();
    }
}
