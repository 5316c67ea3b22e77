package org.navette.rank;

import org.navette.match.Cluster;

/**
 * One cluster in a ranked result with its score.
 *
 * <pre>{@code
 * RankedCluster best = ranker.rank(query, clusters, SortOrder.RELEVANCE).clusters().get(0);
 * best.cluster().representative().title();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param cluster the cluster
 * @param score   relevance after boosts; higher is better, 0 when no query word occurs in the
 *                cluster's text; exact identifier matches score above every text match
 */
public record RankedCluster(Cluster cluster, double score) {
    public RankedCluster {
        if (cluster == null) {
            throw new IllegalArgumentException("ranked cluster must not be null");
        }
    }
}
