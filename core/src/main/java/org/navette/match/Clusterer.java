package org.navette.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.navette.model.BibRecord;

/**
 * Groups records into clusters of one manifestation each, incrementally: records arrive one by
 * one (as targets answer a federated search, or as a union catalogue loads its files) and each is
 * placed at once.
 *
 * <p>A new record is compared only with records sharing a blocking key (an identifier, a title
 * key, author and year), never with all. It joins a cluster only when it matches enough of the
 * cluster's first members ({@link MatchSettings#clusterAgreement()}, more than half by default)
 * and none of them vetoes it — so a chain A~B~C cannot pull an unrelated A and C together. When a
 * record qualifies for two clusters they merge only if their members agree the same way.
 *
 * <p>Determinism: the same records in the same order give the same clusters and ids. When the
 * records of each true group all match one another and no record matches across groups, the
 * partition does not depend on the order either.
 *
 * <pre>{@code
 * Clusterer clusterer = Clusterer.create(Matcher.ofDefaults());
 * for (BibRecord r : records) {
 *     ClusterUpdate u = clusterer.add(r);
 * }
 * List<Cluster> clusters = clusterer.clusters();   // immutable snapshot, cheap to take often
 * }</pre>
 *
 * <p>Thread-safety: implementations are thread-safe (methods synchronise); snapshots are immutable
 * and may be handed to other threads. For throughput, feed one clusterer from one thread.
 */
public interface Clusterer {

    /** A clusterer using {@code matcher} and its settings. */
    static Clusterer create(Matcher matcher) {
        if (matcher == null) {
            throw new IllegalArgumentException("matcher must not be null");
        }
        return new IncrementalClusterer(matcher);
    }

    /** A clusterer with the default matcher. */
    static Clusterer create() {
        return create(Matcher.ofDefaults());
    }

    /** Places one record and says where. */
    ClusterUpdate add(BibRecord record);

    /**
     * Places a cluster formed earlier as it is, without comparing its members again: how a union
     * catalogue resumes clustering next to what it has stored. Later records are compared with it
     * as with any cluster, and may join it or merge it with another.
     *
     * <pre>{@code
     * clusterer.seed("bib-dole:12", storedRecords, List.of(keysOf12, keysOf40), storedBlockingKeys);
     * }</pre>
     *
     * @param clusterId    the cluster's id, kept; no other cluster of this clusterer may have it
     * @param members      its members in their order (they may be placeholders holding only their
     *                     source: the clusterer reads nothing else of them)
     * @param firstKeys    the keys of its first {@code min(size, maxComparedMembers)} members, the only
     *                     ones ever compared with later records
     * @param blockingKeys the blocking keys of all its members, by which later records find it
     * @throws IllegalArgumentException if the id is taken or {@code firstKeys} has the wrong size
     */
    void seed(String clusterId, List<BibRecord> members, List<MatchKeys> firstKeys, Collection<String> blockingKeys);

    /** Places records in order. */
    default List<ClusterUpdate> addAll(Collection<BibRecord> records) {
        List<ClusterUpdate> out = new ArrayList<>(records.size());
        for (BibRecord r : records) {
            out.add(add(r));
        }
        return out;
    }

    /**
     * The current clusters, in order of creation: an immutable snapshot. Unchanged clusters are the
     * same {@link Cluster} instances as in the previous snapshot, so data derived from them stays valid.
     */
    List<Cluster> clusters();

    /** The current cluster id of every record added, in order of addition (merges applied). */
    List<String> assignments();

    /** Number of records added. */
    int size();
}
