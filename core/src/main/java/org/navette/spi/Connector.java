package org.navette.spi;

/**
 * Searches one target over one protocol. Created by a {@link ConnectorFactory} from a
 * {@link TargetConfig}; the federation engine calls {@link #search} on a worker thread.
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
 *   <li>thread-safety: concurrent {@link #search} calls on one connector are safe.</li>
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

    /** Releases pooled connections and other long-lived resources; searches after close fail. */
    @Override
    void close();
}
