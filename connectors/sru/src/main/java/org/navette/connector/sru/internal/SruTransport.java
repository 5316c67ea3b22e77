package org.navette.connector.sru.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.navette.connector.sru.SruExplain;
import org.navette.spi.CancellationSignal;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Runs SRU requests for one target over a shared OkHttp client: blocking searches on the caller's
 * thread ({@link Call#execute()}), asynchronous ones with {@link Call#enqueue} so that no thread waits
 * while the server thinks, both paged by the same {@link SearchRun}. Each page's call gets the time
 * left in the search's budget as OkHttp call timeout (connect, request, server time and body
 * included) and is cancelled by the request's {@link CancellationSignal} or by {@link #close()}.
 *
 * <pre>{@code
 * SruTransport t = new SruTransport("loc", settings, client, Clock.systemUTC());
 * SearchOutcome out = t.search("dc.title=computer", request, listener, List.of());
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent searches.
 */
public final class SruTransport implements AutoCloseable {
    private final String origin;
    private final SruSettings settings;
    private final OkHttpClient client;
    private final SruRequests requests;
    private final SruResponseReader reader;
    private final Clock clock;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public SruTransport(String origin, SruSettings settings, OkHttpClient client, Clock clock) {
        this.origin = origin;
        this.settings = settings;
        this.client = client;
        this.requests = new SruRequests(settings);
        this.reader = new SruResponseReader(new SruResponseParser(), settings.maxResponseBytes());
        this.clock = clock;
    }

    /**
     * Runs a CQL search on the calling thread.
     *
     * @param warnings warnings found before the search (from query translation), reported first
     * @throws TargetException when the search fails before its first page was answered
     */
    public SearchOutcome search(String cql, SearchRequest request, SearchListener listener,
                                List<TargetDiagnostic> warnings) {
        try {
            SearchRun run = start(request, listener, warnings);
            SearchRun.Page page;
            while ((page = run.next()) != null) {
                try {
                    run.accept(page, executePage(run, cql, page, request));
                } catch (TargetException e) {
                    run.fail(e);
                }
            }
            return run.outcome();
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw internalError(e);
        }
    }

    /**
     * Runs a CQL search without blocking: pages are requested with {@link Call#enqueue} and parsed on
     * OkHttp's callback thread. Cancelling the returned future cancels the HTTP call in flight.
     */
    public CompletableFuture<SearchOutcome> searchAsync(String cql, SearchRequest request, SearchListener listener,
                                                        List<TargetDiagnostic> warnings) {
        CompletableFuture<SearchOutcome> future = new CompletableFuture<>();
        try {
            AsyncSearch search = new AsyncSearch(start(request, listener, warnings), cql, request, future);
            future.whenComplete((outcome, failure) -> {
                if (future.isCancelled()) {
                    search.cancelCurrent();
                }
            });
            search.nextPage();
        } catch (TargetException e) {
            future.completeExceptionally(e);
        } catch (RuntimeException e) {
            future.completeExceptionally(internalError(e));
        }
        return future;
    }

    /**
     * Asks the server to explain itself, within the target's {@code timeout}.
     *
     * @throws TargetException when the server cannot be reached or answers something that is not SRU
     */
    public SruExplain explain() {
        checkOpen();
        Call call = client.newCall(requests.explain());
        call.timeout().timeout(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        inFlight.add(call);
        boolean answered = false;
        try (Response response = call.execute()) {
            answered = true;
            SruResponseParser.ExplainResponse r = reader.explain(response);
            if (r.explain().isEmpty() && !r.diagnostics().isEmpty()) {
                throw new TargetException(SruDiagnosticKinds.whole(r.diagnostics().get(0)));
            }
            return r.explain();
        } catch (IOException e) {
            throw new TargetException(NetworkFailures.classify(e, answered, call.isCanceled() && !closed, closed,
                    seconds(settings.timeout())), e);
        } finally {
            inFlight.remove(call);
        }
    }

    /** Cancels the calls in flight; later searches fail as cancelled. The shared client stays usable by others. */
    @Override
    public void close() {
        closed = true;
        for (Call call : inFlight) {
            call.cancel();
        }
    }

    private SearchRun start(SearchRequest request, SearchListener listener, List<TargetDiagnostic> warnings) {
        checkOpen();
        request.cancellation().throwIfCancelled();
        SearchRun run = new SearchRun(origin, settings, request.startRecord(), request.maxRecords(),
                request.chunkSize(), request.timeout(), listener, clock);
        warnings.forEach(run::warn);
        return run;
    }

    private SruResponse executePage(SearchRun run, String cql, SearchRun.Page page, SearchRequest request) {
        Call call = newPageCall(run, cql, page, request);
        AutoCloseable registration = request.cancellation().onCancel(call::cancel);
        boolean answered = false;
        try (Response response = call.execute()) {
            answered = true;
            return reader.searchRetrieve(response, page.start());
        } catch (IOException e) {
            throw failure(e, answered, call, run, request);
        } finally {
            release(call, registration);
        }
    }

    private Call newPageCall(SearchRun run, String cql, SearchRun.Page page, SearchRequest request) {
        checkOpen();
        request.cancellation().throwIfCancelled();
        Duration remaining = run.remaining();
        if (remaining.isNegative() || remaining.isZero()) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, null,
                    "time budget of " + seconds(request.timeout()) + " s spent before record " + page.start(), null));
        }
        Call call = client.newCall(requests.searchRetrieve(cql, page.start(), page.size()));
        call.timeout().timeout(remaining.toNanos(), TimeUnit.NANOSECONDS);
        inFlight.add(call);
        return call;
    }

    private TargetException failure(IOException e, boolean answered, Call call, SearchRun run, SearchRequest request) {
        boolean cancelled = closed || request.cancellation().isCancelled();
        boolean timedOut = !cancelled && (call.isCanceled() || run.deadlinePassed());
        return new TargetException(NetworkFailures.classify(e, answered, timedOut, cancelled,
                seconds(request.timeout())), e);
    }

    private void release(Call call, AutoCloseable registration) {
        inFlight.remove(call);
        try {
            registration.close();
        } catch (Exception ignored) {
            // removing a cancellation action cannot fail in a way that matters to the search
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "SRU connector is closed"));
        }
    }

    private static TargetException internalError(RuntimeException e) {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR, null,
                "unexpected " + e.getClass().getSimpleName() + " in the SRU connector", String.valueOf(e.getMessage())), e);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** One asynchronous search: a chain of enqueued page calls. */
    private final class AsyncSearch {
        private final SearchRun run;
        private final String cql;
        private final SearchRequest request;
        private final CompletableFuture<SearchOutcome> future;
        private volatile Call current;

        AsyncSearch(SearchRun run, String cql, SearchRequest request, CompletableFuture<SearchOutcome> future) {
            this.run = run;
            this.cql = cql;
            this.request = request;
            this.future = future;
        }

        void cancelCurrent() {
            Call call = current;
            if (call != null) {
                call.cancel();
            }
        }

        /** Enqueues the next page, or completes the future when there is none. */
        void nextPage() {
            try {
                SearchRun.Page page = run.next();
                if (page == null) {
                    future.complete(run.outcome());
                    return;
                }
                if (future.isDone()) {
                    return; // the caller cancelled the future
                }
                Call call;
                try {
                    call = newPageCall(run, cql, page, request);
                } catch (TargetException e) {
                    pageFailed(e);
                    return;
                }
                current = call;
                AutoCloseable registration = request.cancellation().onCancel(call::cancel);
                call.enqueue(new PageCallback(page, registration));
            } catch (TargetException e) {
                future.completeExceptionally(e);
            } catch (RuntimeException e) {
                future.completeExceptionally(internalError(e));
            }
        }

        private void pageFailed(TargetException failure) {
            try {
                run.fail(failure);
            } catch (TargetException fatal) {
                future.completeExceptionally(fatal);
                return;
            }
            nextPage();
        }

        private final class PageCallback implements Callback {
            private final SearchRun.Page page;
            private final AutoCloseable registration;

            PageCallback(SearchRun.Page page, AutoCloseable registration) {
                this.page = page;
                this.registration = registration;
            }

            @Override
            public void onFailure(Call call, IOException e) {
                release(call, registration);
                pageFailed(failure(e, false, call, run, request));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try {
                    SruResponse parsed;
                    try (response) {
                        parsed = reader.searchRetrieve(response, page.start());
                    } catch (IOException e) {
                        release(call, registration);
                        pageFailed(failure(e, true, call, run, request));
                        return;
                    }
                    release(call, registration);
                    run.accept(page, parsed);
                } catch (TargetException e) {
                    release(call, registration);
                    pageFailed(e);
                    return;
                } catch (RuntimeException e) {
                    release(call, registration);
                    future.completeExceptionally(internalError(e));
                    return;
                }
                nextPage();
            }
        }
    }
}
