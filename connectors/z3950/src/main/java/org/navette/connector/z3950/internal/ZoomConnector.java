package org.navette.connector.z3950.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.navette.query.PqfTranslator;
import org.navette.query.Translation;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * The Z39.50 {@link Connector}: translates the query to PQF, then runs the search as a
 * {@link SearchTask} — on an event loop of its own on the caller's thread for {@link #search}, on the
 * shared {@link Multiplexer} for {@link #searchAsync} — with connections from its target's pool.
 *
 * <pre>{@code
 * Connector c = new Z3950ConnectorFactory().create(config);
 * SearchOutcome out = c.search(SearchRequest.builder(Query.title("computer")).build(), listener);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} lets running searches finish and then
 * destroys their connections.
 */
public final class ZoomConnector implements Connector {
    private final TargetConfig config;
    private final ZoomTarget target;
    private final Posix posix;
    private final PqfTranslator translator;
    private final Supplier<Multiplexer> multiplexer;
    private final LongSupplier nanoTime;
    private volatile boolean closed;

    public ZoomConnector(TargetConfig config, ZoomTarget target, Posix posix, PqfTranslator translator,
                         Supplier<Multiplexer> multiplexer, LongSupplier nanoTime) {
        this.config = config;
        this.target = target;
        this.posix = posix;
        this.translator = translator;
        this.multiplexer = multiplexer;
        this.nanoTime = nanoTime;
    }

    @Override
    public TargetConfig target() {
        return config;
    }

    /** The target's connection pool (tests and metrics). */
    public ConnectionPool pool() {
        return target.pool();
    }

    /** Live native objects of the libyaz this connector uses (tests and metrics). */
    public NativeCounts nativeCounts() {
        return target.zoom().counts();
    }

    @Override
    public SearchOutcome search(SearchRequest request, SearchListener listener) {
        checkOpen();
        Translation pqf = translator.translate(request.query());
        return searchPqf(pqf.text(), pqf.warnings(), request, listener);
    }

    /**
     * Runs a search with PQF text already written, blocking the calling thread, which runs the
     * search's event loop itself. The request's query is not used.
     */
    public SearchOutcome searchPqf(String pqf, List<TargetDiagnostic> warnings, SearchRequest request,
                                   SearchListener listener) {
        checkOpen();
        BlockingCompletion completion = new BlockingCompletion();
        SearchTask task = new SearchTask(target, pqf, warnings, request, listener, completion);
        try (EventLoop loop = EventLoop.open(posix, nanoTime)) {
            loop.add(task);
            loop.runUntil(task::isDone);
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bug in the loop: closing it released the search; the caller still gets a typed failure
            throw new TargetException(new TargetDiagnostic(DiagnosticKind.INTERNAL_ERROR, null,
                    "Z39.50 search of target " + config.id() + " failed: " + e, null, false), e);
        }
        return completion.outcome();
    }

    @Override
    public CompletableFuture<SearchOutcome> searchAsync(SearchRequest request, SearchListener listener,
                                                        Executor executor) {
        Translation pqf;
        try {
            checkOpen();
            pqf = translator.translate(request.query());
        } catch (TargetException e) {
            return CompletableFuture.failedFuture(e);
        }
        return searchPqfAsync(pqf.text(), pqf.warnings(), request, listener, executor);
    }

    /**
     * Runs a search with PQF text already written on the multiplexer; the future completes on
     * {@code executor} (so that callers' continuations never run on the event loop's thread).
     */
    public CompletableFuture<SearchOutcome> searchPqfAsync(String pqf, List<TargetDiagnostic> warnings,
                                                           SearchRequest request, SearchListener listener,
                                                           Executor executor) {
        CompletableFuture<SearchOutcome> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(closedException());
            return future;
        }
        SearchTask task = new SearchTask(target, pqf, warnings, request, listener, new FutureCompletion(future, executor));
        try {
            multiplexer.get().schedule(task);
        } catch (RuntimeException e) {
            future.completeExceptionally(new TargetException(new TargetDiagnostic(DiagnosticKind.INTERNAL_ERROR, null,
                    "could not schedule the Z39.50 search of target " + config.id() + ": " + e, null, false), e));
        }
        return future;
    }

    private void checkOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private TargetException closedException() {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED,
                "the Z39.50 connector of target " + config.id() + " is closed"));
    }

    @Override
    public void close() {
        closed = true;
        target.pool().close();
    }

    /** Holds the end of a blocking search, which runs on the same thread. */
    private static final class BlockingCompletion implements SearchTask.Completion {
        private SearchOutcome outcome;
        private TargetException failure;

        @Override
        public void succeeded(SearchOutcome o) {
            outcome = o;
        }

        @Override
        public void failed(TargetException e) {
            failure = e;
        }

        SearchOutcome outcome() {
            if (failure != null) {
                throw failure;
            }
            if (outcome == null) {
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR,
                        "the Z39.50 search ended without an outcome"));
            }
            return outcome;
        }
    }

    /** Completes a future on the caller's executor, or inline when it refuses. */
    private record FutureCompletion(CompletableFuture<SearchOutcome> future, Executor executor)
            implements SearchTask.Completion {
        @Override
        public void succeeded(SearchOutcome o) {
            run(() -> future.complete(o));
        }

        @Override
        public void failed(TargetException e) {
            run(() -> future.completeExceptionally(e));
        }

        private void run(Runnable r) {
            try {
                executor.execute(r);
            } catch (RejectedExecutionException e) {
                r.run();
            }
        }
    }
}
