package org.navette.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueStore;
import org.navette.federation.Federation;
import org.navette.federation.SearchResult;
import org.navette.ill.IllPlan;
import org.navette.ill.IllPlanner;
import org.navette.ill.LendingStatistics;
import org.navette.ill.RequestBatch;
import org.navette.ill.RequestMatcher;
import org.navette.ill.Rota;
import org.navette.query.CqlParser;
import org.navette.query.Query;

/**
 * The demo's mission over a {@link DemoNetwork}: one federated search over every target that
 * started (ranked, deduplicated clusters with their holdings, facets, one status per target), then
 * the bundled interlending batch matched against the union catalogue and given lenders by the
 * network's policy.
 *
 * <pre>{@code
 * try (DemoNetwork network = DemoNetwork.start(dir)) {
 *     DemoRun.Report r = DemoRun.run(network, network.suggestedQuery());
 *     r.search().clusters();   // ranked works, each with holdings by library
 *     r.plan().counts();       // matched, no-lender, ambiguous, unmatched, invalid
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless; runs one after the other on a network, since both steps use its catalogue.
 */
public final class DemoRun {
    /** The search's deadline: long enough for a cold embedded Solr, short for a dead target. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Records fetched from each target. */
    public static final int RECORDS_PER_TARGET = 20;

    private DemoRun() {
    }

    /**
     * What one run found.
     *
     * @param query         the CQL query searched
     * @param search        the federated search's final result: clusters, facets, target statuses
     * @param skipped       the network's targets that could not start here (each with its install hint)
     * @param requests      the interlending batch as read (its rejected lines are in the plan as invalid)
     * @param plan          one line per request: status, the work matched, the lenders in order
     * @param searchElapsed how long the search took
     * @param illElapsed    how long the interlending batch took
     */
    public record Report(String query, SearchResult search, List<SkippedTarget> skipped, RequestBatch requests, IllPlan plan,
                         Duration searchElapsed, Duration illElapsed) {
        public Report {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(search, "search");
            skipped = List.copyOf(skipped);
            Objects.requireNonNull(requests, "requests");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(searchElapsed, "searchElapsed");
            Objects.requireNonNull(illElapsed, "illElapsed");
        }

        /** The search's and the batch's time together. */
        public Duration elapsed() {
            return searchElapsed.plus(illElapsed);
        }
    }

    /** Runs the search for {@code cql}, then the interlending batch. */
    public static Report run(DemoNetwork network, String cql) {
        return run(network, cql, DEADLINE);
    }

    /**
     * As {@link #run(DemoNetwork, String)}, with the search's deadline.
     *
     * @throws org.navette.query.QuerySyntaxException when {@code cql} is not CQL Navette can run
     */
    public static Report run(DemoNetwork network, String cql, Duration deadline) {
        Objects.requireNonNull(network, "network");
        Query query = CqlParser.parse(cql);
        long t0 = System.nanoTime();
        SearchResult result;
        // the union target holds the embedded catalogue until its federation closes: close it before the batch opens it
        try (Federation federation = Federation.builder().targets(network.targets()).deadline(deadline)
                .targetTimeout(deadline).maxRecordsPerTarget(RECORDS_PER_TARGET).build()) {
            result = federation.searchAndWait(query);
        }
        long t1 = System.nanoTime();
        IllPlan plan;
        try (CatalogueStore store = CatalogueStore.open(network.catalogueLocation())) {
            IllPlanner planner = IllPlanner.builder(RequestMatcher.overCatalogue(Catalogue.builder(store).build()),
                    Rota.of(network.policy(), LendingStatistics.empty())).batchId(network.requests().source()).build();
            plan = planner.plan(network.requests());
        }
        long t2 = System.nanoTime();
        return new Report(cql, result, network.skipped(), network.requests(), plan, Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1));
    }
}
