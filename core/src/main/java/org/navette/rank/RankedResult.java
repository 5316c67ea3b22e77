package org.navette.rank;

import java.util.List;
import org.navette.match.Cluster;

/**
 * The clusters of a search in display order, with their scores.
 *
 * <pre>{@code
 * RankedResult r = Ranker.ofDefaults().rank(query, clusters, SortOrder.RELEVANCE);
 * for (RankedCluster rc : r.clusters()) {
 *     System.out.printf("%.2f %s%n", rc.score(), rc.cluster().representative().title());
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class RankedResult {
    private final SortOrder sort;
    private final List<RankedCluster> clusters;

    RankedResult(SortOrder sort, List<RankedCluster> clusters) {
        this.sort = sort;
        this.clusters = List.copyOf(clusters);
    }

    /** The order used. */
    public SortOrder sort() { return sort; }

    /** Ranked clusters in display order. */
    public List<RankedCluster> clusters() { return clusters; }

    /** The clusters alone, in display order. */
    public List<Cluster> clusterList() {
        return clusters.stream().map(RankedCluster::cluster).toList();
    }

    public int size() { return clusters.size(); }

    @Override
    public String toString() {
        return "RankedResult[" + sort + ", " + clusters.size() + " clusters]";
    }
}
