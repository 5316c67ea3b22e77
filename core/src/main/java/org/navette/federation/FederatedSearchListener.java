package org.navette.federation;

/**
 * Receives the {@link SearchEvent}s of one federated search as they happen.
 *
 * <pre>{@code
 * FederatedSearchListener printer = event -> {
 *     if (event instanceof SearchEvent.TargetChanged t) {
 *         System.err.println(t.status());
 *     }
 * };
 * federation.search(query, SearchOptions.builder().listener(printer).build());
 * }</pre>
 *
 * <p>Calls for one search come one at a time, in order, from the federation's processing threads;
 * nothing is dropped. Implementations must be quick (they hold up the search's processing) and
 * should not throw: an exception is logged and ignored.
 */
@FunctionalInterface
public interface FederatedSearchListener {
    /** A listener that ignores everything. */
    FederatedSearchListener NONE = event -> { };

    void onEvent(SearchEvent event);
}
