package org.navette.federation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.navette.query.Query;

/**
 * A running federated search: started by {@link Federation#search}, it streams its progress,
 * gives a consistent snapshot at any time, can be awaited with a deadline, and can be cancelled.
 *
 * <pre>{@code
 * FederatedSearch search = federation.search(CqlParser.parse("title=opera"));
 * SearchResult early = search.await(Duration.ofSeconds(2));  // what has arrived within 2 s
 * if (!early.finished()) {
 *     render(early);
 * }
 * SearchResult last = search.await();                        // bounded by the overall deadline
 * }</pre>
 *
 * <h2>Flow back-pressure</h2>
 * {@link #subscribe} accepts any number of {@link Flow.Subscriber}s. Each gets events in order and
 * only as many as it {@link Flow.Subscription#request requested}; the search never waits for a
 * subscriber. Events a subscriber has not yet requested wait in its own buffer
 * ({@link Federation.Builder#subscriberBuffer}, 1024 by default). When that buffer is full, further
 * {@link SearchEvent.RecordsAdded} events are left out for that subscriber and one
 * {@link SearchEvent.EventsDropped} event with their count takes their place; the records are not
 * lost — they are in {@link #snapshot()}. {@link SearchEvent.TargetChanged} and the final
 * {@link SearchEvent.Finished} are never left out (their number is bounded by the targets and
 * chunks), and {@code onComplete} follows {@code Finished}. A subscriber that joins after the search
 * ended receives {@code Finished} and {@code onComplete}; one that joins while it runs receives the
 * events from then on.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public interface FederatedSearch extends Flow.Publisher<SearchEvent> {
    /** The search's id, in every log line about it. */
    String id();

    Query query();

    /** The current clusters (ranked), facets and target statuses, taken at one moment. */
    SearchResult snapshot();

    /** True when the search has ended. */
    boolean isDone();

    /**
     * Waits until the search ends or {@code timeout} passes, whichever comes first.
     *
     * @return the final result, or a snapshot (with {@link SearchResult#finished()} false) when time ran out
     * @throws InterruptedException when the waiting thread is interrupted (the search keeps running)
     */
    SearchResult await(Duration timeout) throws InterruptedException;

    /**
     * Waits until the search ends; the federation's overall deadline bounds the wait.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the search keeps running)
     */
    SearchResult await() throws InterruptedException;

    /** Completes with the final result when the search ends; never completes exceptionally. */
    CompletableFuture<SearchResult> result();

    /**
     * Cancels the search: in-flight requests are aborted through their {@link org.navette.spi.CancellationSignal},
     * unfinished targets end as {@link TargetState#CANCELLED} and the search finishes with what it has.
     * Does nothing once the search has ended.
     */
    void cancel();

    /**
     * Completes once every connector call of this search has returned and given back its
     * connections and slots — after the end for targets that were aborted by a cancellation or the
     * deadline. Useful before shutting down, and as proof that nothing is left running.
     */
    CompletableFuture<Void> released();

    /** Subscribes to this search's events; see the class comment for the back-pressure rules. */
    @Override
    void subscribe(Flow.Subscriber<? super SearchEvent> subscriber);
}
