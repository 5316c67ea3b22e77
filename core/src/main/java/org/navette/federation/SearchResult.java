package org.navette.federation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.navette.match.Cluster;
import org.navette.query.Query;
import org.navette.rank.Facets;
import org.navette.rank.RankedCluster;
import org.navette.rank.RankedResult;

/**
 * A consistent picture of a federated search: the clusters found so far, ranked, their facets,
 * and one {@link TargetStatus} per target — all taken at the same moment. Snapshots taken while the
 * search runs have {@link #finished()} false; the final result has it true.
 *
 * <pre>{@code
 * SearchResult r = federation.search(query).await(Duration.ofSeconds(5));
 * for (RankedCluster rc : r.clusters()) {
 *     System.out.printf("%.2f %s%n", rc.score(), rc.cluster().representative().title());
 * }
 * r.targets().forEach(t -> System.out.println(t));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class SearchResult {
    private final String searchId;
    private final Query query;
    private final boolean finished;
    private final Duration elapsed;
    private final RankedResult ranked;
    private final Facets facets;
    private final List<TargetStatus> targets;
    private final int records;

    /**
     * @param searchId the search's id (in every log line of the search)
     * @param query    the query searched
     * @param finished true when every target has ended (or the search was cancelled or hit its deadline)
     * @param elapsed  time since the fan-out started (until the end when finished)
     * @param ranked   the clusters in display order
     * @param facets   facet counts over the clusters and the targets' own reported counts
     * @param targets  one status per target, in the federation's target order
     * @param records  records placed in clusters
     */
    public SearchResult(String searchId, Query query, boolean finished, Duration elapsed, RankedResult ranked,
                        Facets facets, List<TargetStatus> targets, int records) {
        this.searchId = Objects.requireNonNull(searchId, "searchId");
        this.query = Objects.requireNonNull(query, "query");
        this.finished = finished;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.ranked = Objects.requireNonNull(ranked, "ranked");
        this.facets = Objects.requireNonNull(facets, "facets");
        this.targets = List.copyOf(targets);
        if (records < 0) {
            throw new IllegalArgumentException("records must be >= 0, was " + records);
        }
        this.records = records;
    }

    public String searchId() { return searchId; }

    public Query query() { return query; }

    /** True when the search is over: every target ended, or the search was cancelled or reached its deadline. */
    public boolean finished() { return finished; }

    /** Time since the fan-out started; for a finished search, its whole duration. */
    public Duration elapsed() { return elapsed; }

    /** The ranked clusters with their sort order. */
    public RankedResult ranked() { return ranked; }

    /** The ranked clusters in display order. */
    public List<RankedCluster> clusters() { return ranked.clusters(); }

    /** The clusters alone, in display order. */
    public List<Cluster> clusterList() { return ranked.clusterList(); }

    /**
     * Facet counts over the clusters, combined with the counts targets made themselves over all
     * their hits ({@link TargetStatus#facets()}): for a field a target reports, its counts stand in
     * for its records, which are not counted again (the rules are those of
     * {@link org.navette.rank.Ranker#facets(List, java.util.Map)}).
     */
    public Facets facets() { return facets; }

    /** One status per target of the search, in the federation's order. */
    public List<TargetStatus> targets() { return targets; }

    /** The status of one target, if it took part in the search. */
    public Optional<TargetStatus> target(String targetId) {
        return targets.stream().filter(t -> t.targetId().equals(targetId)).findFirst();
    }

    /** Records placed in clusters (records that could not be read at all are not counted). */
    public int records() { return records; }

    @Override
    public String toString() {
        return "SearchResult[" + searchId + (finished ? " finished" : " running") + " " + elapsed.toMillis() + "ms, "
                + ranked.size() + " clusters of " + records + " records, targets " + targets + "]";
    }
}
