package org.navette.spi;

import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Searches one target over one protocol. Created by a {@link ConnectorFactory} from a
 * {@link TargetConfig}; the federation engine calls {@link #searchAsync}, whose default runs
 * {@link #search} on a worker thread.
 *
 * <pre>{@code
 * try (Connector c = ConnectorRegistry.fromClassPath().create(config)) {
 *     SearchOutcome out = c.search(SearchRequest.builder(Query.title("opera")).build(), listener);
 * }
 * }</pre>
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #search} blocks until the records are fetched, the timeout passes or the request is
 *       cancelled; it reports progress to the listener and returns the outcome;</li>
 *   <li>a failure is a {@link TargetException} with a typed {@link TargetDiagnostic}, never another
 *       exception type, and never an exception for a single bad record (that is a warning);</li>
 *   <li>every native or network resource opened for the search is released before it returns,
 *       whatever happens;</li>
 *   <li>thread-safety: concurrent {@link #search} / {@link #searchAsync} calls on one connector are safe.</li>
 * </ul>
 */
public interface Connector extends AutoCloseable {
    /** The configuration this connector was created from. */
    TargetConfig target();

    /**
     * Runs one search.
     *
     * @throws TargetException with the diagnostic when the search fails, times out or is cancelled
     */
    SearchOutcome search(SearchRequest request, SearchListener listener);

    /**
     * Runs one search without holding a caller's thread while the target thinks. The default runs
     * {@link #search} on {@code executor}; connectors that can multiplex (ZOOM_event, OkHttp's async
     * calls) override it so that hundreds of targets do not need hundreds of blocked threads.
     *
     * <p>The future completes with the outcome, or exceptionally with a {@link TargetException};
     * listener calls for one search arrive in order, from the connector's own thread(s).
     *
     * @param executor where blocking work may run when the connector has nothing better
     */
    default CompletableFuture<SearchOutcome> searchAsync(SearchRequest request, SearchListener listener,
                                                         Executor executor) {
        return CompletableFuture.supplyAsync(() -> search(request, listener), executor);
    }

    /** Unwraps the {@link TargetException} of a failed {@link #searchAsync} future, if that is what it holds. */
    static TargetException targetFailure(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof TargetException te ? te : null;
    }

    /** Releases pooled connections and other long-lived resources; searches after close fail. */
    @Override
    void close();
}
