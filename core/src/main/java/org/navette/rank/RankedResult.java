package org.navette.rank;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
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
    private final Cluster[] clusters;
    private final double[] scores;

    /**
     * Takes ownership of the arrays (clusters and their scores, in display order): a result of
     * 10 000 clusters is then two arrays rather than 10 000 objects, and {@link #clusters()} makes
     * the pairs as they are read, usually for the first page only.
     */
    RankedResult(SortOrder sort, Cluster[] clusters, double[] scores) {
        this.sort = sort;
        this.clusters = clusters;
        this.scores = scores;
    }

    /** The order used. */
    public SortOrder sort() { return sort; }

    /** Ranked clusters in display order (an unmodifiable view). */
    public List<RankedCluster> clusters() {
        return new RankedView();
    }

    /** The clusters alone, in display order. */
    public List<Cluster> clusterList() {
        return List.of(clusters);
    }

    public int size() { return clusters.length; }

    @Override
    public String toString() {
        return "RankedResult[" + sort + ", " + clusters.length + " clusters]";
    }

    private final class RankedView extends AbstractList<RankedCluster> implements RandomAccess {
        @Override
        public RankedCluster get(int index) {
            return new RankedCluster(clusters[index], scores[index]);
        }

        @Override
        public int size() {
            return clusters.length;
        }
    }
}
