package org.navette.connector.sru;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.navette.connector.sru.internal.SruSettings;
import org.navette.connector.sru.internal.SruTransport;
import org.navette.query.CqlTranslator;
import org.navette.query.Translation;
import org.navette.spi.Connector;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Searches one SRU target (SRU 1.1, 1.2 or 2.0 over HTTP): translates the query to the target's CQL,
 * pages through searchRetrieve responses and hands the records over as MARCXML or Dublin Core
 * {@link org.navette.model.RawRecord}s. Failures become typed diagnostics: SRU diagnostics by number,
 * HTTP errors, timeouts, unreachable hosts, non-SRU or malformed answers, oversized bodies.
 * Created by {@link SruConnectorFactory}.
 *
 * <pre>{@code
 * SruConnector loc = new SruConnectorFactory().create(TargetConfig.builder("zebra", "sru")
 *         .set("url", "http://127.0.0.1:2100/marc21").set("recordSchema", "marcxml").build());
 * SearchOutcome out = loc.search(SearchRequest.builder(Query.title("computer")).build(), listener);
 * SearchOutcome raw = loc.searchCql("dc.title=computer and dc.creator=collins", request, listener);
 * SruExplain explain = loc.explain();
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent searches; {@link #close()} cancels the searches in flight.
 */
public final class SruConnector implements Connector {
    private final TargetConfig target;
    private final CqlTranslator translator;
    private final SruTransport transport;

    SruConnector(TargetConfig target, SruSettings settings, CqlTranslator translator, OkHttpClient client, Clock clock) {
        this.target = target;
        this.translator = translator;
        this.transport = new SruTransport(target.id(), settings, client, clock);
    }

    @Override
    public TargetConfig target() {
        return target;
    }

    /**
     * Translates the request's query to this target's CQL and searches.
     *
     * @throws org.navette.target.TargetException when the target cannot search the query or the search fails
     */
    @Override
    public SearchOutcome search(SearchRequest request, SearchListener listener) {
        Translation cql = translate(request);
        return transport.search(cql.text(), request, listener, cql.warnings());
    }

    /**
     * Searches without holding a thread while the server works: OkHttp's asynchronous calls, records
     * parsed on OkHttp's callback threads (the executor is not needed). Cancelling the future cancels
     * the call in flight.
     */
    @Override
    public CompletableFuture<SearchOutcome> searchAsync(SearchRequest request, SearchListener listener,
                                                        Executor executor) {
        Translation cql;
        try {
            cql = translate(request);
        } catch (TargetException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.searchAsync(cql.text(), request, listener, cql.warnings());
    }

    /** Translates, keeping the contract that a search fails with a TargetException only. */
    private Translation translate(SearchRequest request) {
        try {
            return translator.translate(request.query());
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR, null,
                    "query translation failed: " + e, target.id()), e);
        }
    }

    /** The CQL this connector sends for a query (its index names, quoting and escaping). */
    public Translation translate(org.navette.query.Query query) {
        return translator.translate(query);
    }

    /**
     * Searches with CQL written for this server (its own index names, as in a harvest), ignoring the
     * request's query but honouring its paging, timeout and cancellation.
     */
    public SearchOutcome searchCql(String cql, SearchRequest request, SearchListener listener) {
        return transport.search(requireCql(cql), request, listener, List.of());
    }

    /** {@link #searchCql} without blocking, as {@link #searchAsync}. */
    public CompletableFuture<SearchOutcome> searchCqlAsync(String cql, SearchRequest request, SearchListener listener) {
        return transport.searchAsync(requireCql(cql), request, listener, List.of());
    }

    /**
     * Asks the server what it can do: indexes, schemas, paging limits (an SRU explain request,
     * within the target's {@code timeout}). A server that sends no explain record gives an empty
     * {@link SruExplain}.
     *
     * @throws org.navette.target.TargetException when the server cannot be reached or does not answer in SRU
     */
    public SruExplain explain() {
        return transport.explain();
    }

    /** Cancels the searches in flight; the HTTP client shared with other connectors stays open. */
    @Override
    public void close() {
        transport.close();
    }

    private static String requireCql(String cql) {
        Objects.requireNonNull(cql, "cql");
        if (cql.isBlank()) {
            throw new IllegalArgumentException("cql must not be blank");
        }
        return cql;
    }

    @Override
    public String toString() {
        return "SruConnector[" + target.id() + "]";
    }
}
