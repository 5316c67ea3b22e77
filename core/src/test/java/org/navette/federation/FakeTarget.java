package org.navette.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.navette.model.BibRecord;
import org.navette.model.RawRecord;
import org.navette.rank.TargetFacets;
import org.navette.spi.CancellationSignal;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * A fake connector for tests of the engine's own logic: each call follows a script (answer with
 * records after a delay, fail, hang until cancelled, wait for a gate), runs asynchronously on a
 * scheduler like a multiplexing connector, and counts what happened to it.
 */
final class FakeTarget implements Connector {
    /** What one call does. */
    interface Script {
        void run(Call call);
    }

    private final TargetConfig config;
    private final ScheduledExecutorService scheduler;
    private final IntFunction<Script> scripts;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger cancellations = new AtomicInteger();
    final List<SearchRequest> requests = new CopyOnWriteArrayList<>();
    final List<Call> callList = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    FakeTarget(TargetConfig config, ScheduledExecutorService scheduler, IntFunction<Script> scripts) {
        this.config = config;
        this.scheduler = scheduler;
        this.scripts = scripts;
    }

    @Override
    public TargetConfig target() {
        return config;
    }

    @Override
    public SearchOutcome search(SearchRequest request, SearchListener listener) {
        return searchAsync(request, listener, Runnable::run).join();
    }

    @Override
    public CompletableFuture<SearchOutcome> searchAsync(SearchRequest request, SearchListener listener, Executor executor) {
        int n = calls.incrementAndGet();
        requests.add(request);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Call call = new Call(n, request, listener, new CompletableFuture<>(), scheduler, inFlight);
        request.cancellation().onCancel(() -> call.end(null,
                new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search cancelled")), cancellations));
        callList.add(call);
        scripts.apply(n).run(call);
        return call.future;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** One search call in progress. */
    static final class Call {
        final int number;
        final SearchRequest request;
        final SearchListener listener;
        final CompletableFuture<SearchOutcome> future;
        final ScheduledExecutorService scheduler;
        private final AtomicInteger inFlight;
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        Call(int number, SearchRequest request, SearchListener listener, CompletableFuture<SearchOutcome> future,
             ScheduledExecutorService scheduler, AtomicInteger inFlight) {
            this.number = number;
            this.request = request;
            this.listener = listener;
            this.future = future;
            this.scheduler = scheduler;
            this.inFlight = inFlight;
        }

        /** Ends the call: like a real connector, its resources are released before its future completes. */
        private boolean end(SearchOutcome outcome, TargetException failure, AtomicInteger alsoCount) {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            inFlight.decrementAndGet();
            if (alsoCount != null) {
                alsoCount.incrementAndGet();
            }
            return failure == null ? future.complete(outcome) : future.completeExceptionally(failure);
        }

        boolean succeed(SearchOutcome outcome) {
            return end(outcome, null, null);
        }

        CancellationSignal signal() {
            return request.cancellation();
        }

        /** Reports the phases, the hits and the records (up to the request's maximum, in chunks), then succeeds. */
        void answer(List<BibRecord> records) {
            answer(records, records.size(), TargetFacets.none());
        }

        /** Like {@link #answer(List)}, with a hit count of the target's own and the facets it counted over them. */
        void answer(List<BibRecord> records, long hits, TargetFacets facets) {
            if (ended.get()) {
                return;
            }
            listener.onPhase(Phase.CONNECTING);
            listener.onPhase(Phase.SEARCHING);
            listener.onHits(hits);
            List<RawRecord> all = new ArrayList<>();
            for (BibRecord r : records.subList(0, Math.min(records.size(), request.maxRecords()))) {
                all.add(RawRecord.scraped(r));
            }
            if (!all.isEmpty()) {
                listener.onPhase(Phase.FETCHING);
            }
            for (int i = 0; i < all.size(); i += request.chunkSize()) {
                listener.onRecords(all.subList(i, Math.min(all.size(), i + request.chunkSize())));
            }
            succeed(new SearchOutcome(hits, all.size(), List.of(), facets));
        }

        boolean fail(TargetDiagnostic d) {
            return end(null, new TargetException(d), null);
        }

        void after(Duration delay, Runnable action) {
            scheduler.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    // ---- scripts ----

    static Script answers(List<BibRecord> records) {
        return call -> call.answer(records);
    }

    /** Answers the first records of {@code hits}, with the facets the target counted over all of them. */
    static Script answersWithFacets(List<BibRecord> records, long hits, TargetFacets facets) {
        return call -> call.answer(records, hits, facets);
    }

    static Script answersAfter(Duration delay, List<BibRecord> records) {
        return call -> call.after(delay, () -> call.answer(records));
    }

    static Script fails(DiagnosticKind kind, boolean retryable) {
        return call -> call.fail(new TargetDiagnostic(kind, null, "fake " + kind, null, retryable));
    }

    /** Never answers; only a cancellation ends it (its request timeout is ignored on purpose). */
    static Script hangs() {
        return call -> call.listener.onPhase(Phase.CONNECTING);
    }

    /** Never answers; like a real connector, fails with a timeout of its own when its request's timeout passes. */
    static Script timesOutOnItsOwn() {
        return call -> {
            call.listener.onPhase(Phase.CONNECTING);
            call.after(call.request.timeout(), () -> call.fail(new TargetDiagnostic(DiagnosticKind.TIMEOUT, null,
                    "the connector's own timer", null, false)));
        };
    }

    /** Answers when {@code gate} completes. */
    static Script waitsFor(CompletableFuture<Void> gate, List<BibRecord> records) {
        return call -> gate.thenRun(() -> call.answer(records));
    }
}
