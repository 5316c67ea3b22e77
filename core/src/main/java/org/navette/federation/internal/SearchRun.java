package org.navette.federation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.navette.federation.FederatedSearch;
import org.navette.federation.FederatedSearchListener;
import org.navette.federation.SearchEvent;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.match.ClusterUpdate;
import org.navette.match.Clusterer;
import org.navette.model.BibRecord;
import org.navette.model.RecordProblem;
import org.navette.query.Query;
import org.navette.rank.RankedResult;
import org.navette.rank.TargetFacets;
import org.navette.rank.SortOrder;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FederatedSearch}: one search over many targets. Every change of its state — a
 * target's phase, hits, records, end; the deadline; a cancellation — runs on the search's own
 * {@link SerialLane}, which then publishes an immutable {@link Progress}: so a snapshot, taken from
 * any thread, always shows clusters and statuses of the same moment.
 *
 * <pre>{@code
 * SearchRun run = new SearchRun("s1", query, guards, limits, SortOrder.RELEVANCE, listener, context, onEnd);
 * run.start();
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class SearchRun implements FederatedSearch {
    private static final Logger LOG = LoggerFactory.getLogger(SearchRun.class);

    private final String id;
    private final Query query;
    private final EngineContext ctx;
    private final SortOrder sort;
    private final FederatedSearchListener listener;
    private final Duration deadline;
    private final Instant start;
    private final SerialLane lane;
    private final Clusterer clusterer;
    private final List<TargetRun> runs = new ArrayList<>();
    private final CompletableFuture<SearchResult> result = new CompletableFuture<>();
    private final Consumer<SearchRun> onEnd;
    private final List<SubscriberChannel> subscribers = new ArrayList<>(); // guarded by itself
    private volatile boolean done;
    private volatile Progress progress;
    private volatile Ranked ranked;
    private SearchResult finalResult; // guarded by subscribers
    private ScheduledFuture<?> deadlineTimer;

    // confined to the lane
    private final List<TargetStatus> statuses = new ArrayList<>();
    private int open;
    private int records;

    /**
     * Held by the lane while it changes the clusterer and publishes the progress, and by a snapshot
     * while it takes the clusters of the current progress: so the clusters are those of that moment,
     * though they are only copied out of the clusterer when somebody looks (once per chunk cost time
     * in proportion to the records held, so a search of many records was quadratic).
     */
    private final Object moment = new Object();

    /** What the lane publishes after each step: statuses and (taken on demand) clusters of one moment. */
    private static final class Progress {
        final List<TargetStatus> statuses;
        final int records;
        final Instant end;
        private List<Cluster> clusters; // guarded by moment; null until asked for

        Progress(List<TargetStatus> statuses, List<Cluster> clusters, int records, Instant end) {
            this.statuses = statuses;
            this.clusters = clusters;
            this.records = records;
            this.end = end;
        }

        List<TargetStatus> statuses() {
            return statuses;
        }

        int records() {
            return records;
        }

        Instant end() {
            return end;
        }
    }

    /** A snapshot's ranking, kept while the progress it was computed from is current. */
    private record Ranked(Progress from, RankedResult ranked, org.navette.rank.Facets facets) {
    }

    /** Per-search limits for one target. */
    public record Limits(Integer maxRecords, int defaultMaxRecords, int defaultChunkSize) {
    }

    public SearchRun(String id, Query query, List<TargetGuard> guards, Limits limits, Duration deadline, SortOrder sort,
                     FederatedSearchListener listener, EngineContext ctx, Consumer<SearchRun> onEnd) {
        this.id = id;
        this.query = Objects.requireNonNull(query, "query");
        this.ctx = ctx;
        this.sort = sort;
        this.listener = listener;
        this.deadline = deadline;
        this.onEnd = onEnd;
        this.start = ctx.clock().instant();
        this.lane = new SerialLane(ctx.cpu(), "search " + id);
        this.clusterer = Clusterer.create(ctx.matcher());
        for (TargetGuard g : guards) {
            TargetRun run = new TargetRun(this, g, g.maxRecords(limits.maxRecords(), limits.defaultMaxRecords()),
                    g.chunkSize(limits.defaultChunkSize()));
            run.index = runs.size();
            runs.add(run);
            statuses.add(run.status(start, start));
        }
        this.open = runs.size();
        this.progress = new Progress(List.copyOf(statuses), List.of(), 0, null);
    }

    /** Starts every target and the deadline timer. */
    public void start() {
        LOG.debug("search {}: {} targets, deadline {} ms, query {}", id, runs.size(), deadline.toMillis(), query);
        deadlineTimer = ctx.scheduler().schedule(() -> lane.executeFirst(this::deadlineReached),
                deadline.toNanos(), TimeUnit.NANOSECONDS);
        if (runs.isEmpty()) {
            lane.execute(this::finish);
            return;
        }
        for (TargetRun run : runs) {
            run.guard.start(run);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Query query() {
        return query;
    }

    EngineContext context() {
        return ctx;
    }

    SerialLane lane() {
        return lane;
    }

    /** Time left before the overall deadline. */
    Duration remaining() {
        return deadline.minus(Duration.between(start, ctx.clock().instant()));
    }

    @Override
    public boolean isDone() {
        return done;
    }

    // ---- steps, on the lane only ----

    void applyState(TargetRun run, TargetState state) {
        if (done || run.state.isFinal() || state.ordinal() <= run.state.ordinal()) {
            return; // phases only move forward; a finished target stays finished
        }
        run.state = state;
        changed(run);
    }

    void applyHits(TargetRun run, long hits) {
        if (done || run.state.isFinal()) {
            return;
        }
        run.hits = hits;
        changed(run);
    }

    void applyWarning(TargetRun run, TargetDiagnostic warning) {
        if (done || run.state.isFinal()) {
            return;
        }
        addWarning(run, warning);
        changed(run);
    }

    void applyRecords(TargetRun run, List<RecordDecoder.Decoded> decoded) {
        if (done || run.state.isFinal()) {
            return;
        }
        List<BibRecord> added = new ArrayList<>(decoded.size());
        List<ClusterUpdate> placements = new ArrayList<>(decoded.size());
        List<RecordProblem> problems = new ArrayList<>();
        synchronized (moment) {
            placeAll(run, decoded, added, placements, problems);
            statuses.set(run.index, run.status(ctx.clock().instant(), start));
            progress = new Progress(List.copyOf(statuses), null, records, null);
        }
        publish(new SearchEvent.RecordsAdded(id, run.targetId(), added, placements, problems));
        publish(new SearchEvent.TargetChanged(id, statuses.get(run.index)));
    }

    private void placeAll(TargetRun run, List<RecordDecoder.Decoded> decoded, List<BibRecord> added,
                          List<ClusterUpdate> placements, List<RecordProblem> problems) {
        for (RecordDecoder.Decoded d : decoded) {
            problems.addAll(d.problems());
            if (d.record() == null) {
                run.failedRecords++;
                String why = d.problems().isEmpty() ? "unreadable record" : d.problems().get(d.problems().size() - 1).toString();
                addWarning(run, new TargetDiagnostic(DiagnosticKind.RECORD_FAILED, null, why, null, false));
                continue;
            }
            added.add(d.record());
            placements.add(clusterer.add(d.record()));
        }
        run.fetched += decoded.size();
        records += added.size();
        if (run.state.ordinal() < TargetState.FETCHING.ordinal()) {
            run.state = TargetState.FETCHING;
        }
    }

    void applyEnd(TargetRun run, TargetState state, TargetDiagnostic why, OptionalLong hits, TargetFacets facets) {
        if (done || run.state.isFinal()) {
            return;
        }
        run.facets = facets;
        end(run, state, why, hits);
        if (--open == 0) {
            finish();
        }
    }

    private void end(TargetRun run, TargetState state, TargetDiagnostic why, OptionalLong hits) {
        run.state = state;
        run.diagnostic = why;
        if (hits.isPresent()) {
            run.hits = hits.getAsLong();
        }
        run.elapsed = Duration.between(start, ctx.clock().instant());
        ctx.metrics().targetEnded(run.targetId(), state, run.elapsed);
        if (state == TargetState.DONE) {
            LOG.debug("search {} target {}: done, {} hits, {} fetched in {} ms", id, run.targetId(), run.hits,
                    run.fetched, run.elapsed.toMillis());
        } else {
            LOG.debug("search {} target {}: {} after {} ms: {}", id, run.targetId(), state, run.elapsed.toMillis(), why);
        }
        changed(run);
    }

    private void deadlineReached() {
        if (done) {
            return;
        }
        for (TargetRun run : runs) {
            if (!run.state.isFinal()) {
                end(run, TargetState.TIMED_OUT, new TargetDiagnostic(DiagnosticKind.TIMEOUT, null,
                        "the search's overall deadline of " + deadline.toMillis() + " ms passed while the target was "
                                + run.state.label(), null, false), OptionalLong.empty());
            }
        }
        finish();
        // after the statuses are final, so that the connectors' "cancelled" ends change nothing
        runs.forEach(r -> r.signal.cancel());
    }

    private void cancelled() {
        if (done) {
            return;
        }
        for (TargetRun run : runs) {
            if (!run.state.isFinal()) {
                end(run, TargetState.CANCELLED, TargetDiagnostic.of(DiagnosticKind.CANCELLED,
                        "search cancelled by the caller"), OptionalLong.empty());
            }
        }
        finish();
    }

    private void finish() {
        if (done) {
            return;
        }
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
        Instant end = ctx.clock().instant();
        Progress last;
        synchronized (moment) {
            last = new Progress(List.copyOf(statuses), clusterer.clusters(), records, end);
            progress = last;
        }
        done = true;
        SearchResult r = resultOf(last, end);
        synchronized (subscribers) {
            finalResult = r;
        }
        publish(new SearchEvent.Finished(id, r));
        synchronized (subscribers) {
            subscribers.clear();
        }
        ctx.metrics().searchEnded(r.elapsed());
        LOG.debug("search {}: finished in {} ms, {} clusters of {} records; {}", id, r.elapsed().toMillis(),
                r.ranked().size(), r.records(), summary(r.targets()));
        onEnd.accept(this);
        result.complete(r);
    }

    private static String summary(List<TargetStatus> targets) {
        StringBuilder sb = new StringBuilder();
        for (TargetStatus t : targets) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t.targetId()).append(' ').append(t.state().label());
        }
        return sb.toString();
    }

    private void addWarning(TargetRun run, TargetDiagnostic warning) {
        if (run.warnings.size() < TargetRun.MAX_WARNINGS) {
            run.warnings.add(warning);
        }
    }

    /** Publishes the target's new status and the new progress. */
    private void changed(TargetRun run) {
        TargetStatus s = run.status(ctx.clock().instant(), start);
        statuses.set(run.index, s);
        synchronized (moment) {
            Progress before = progress;
            // no record came in: the clusters (once taken) stay those of the previous moment
            progress = new Progress(List.copyOf(statuses), before.clusters, records, null);
        }
        publish(new SearchEvent.TargetChanged(id, s));
    }

    private void publish(SearchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("search {}: listener threw on {}; ignored", id, event.getClass().getSimpleName(), e);
        }
        synchronized (subscribers) {
            for (SubscriberChannel ch : subscribers) {
                ch.offer(event);
            }
        }
    }

    // ---- the public handle ----

    @Override
    public SearchResult snapshot() {
        Progress p;
        synchronized (moment) {
            p = progress;
            clustersOf(p);
        }
        Instant now = p.end() != null ? p.end() : ctx.clock().instant();
        return resultOf(p, now);
    }

    private SearchResult resultOf(Progress p, Instant now) {
        Ranked r = ranked;
        if (r == null || r.from() != p) {
            List<Cluster> clusters;
            synchronized (moment) {
                clusters = clustersOf(p);
            }
            r = new Ranked(p, ctx.ranker().rank(query, clusters, sort),
                    ctx.ranker().facets(clusters, reportedFacets(p.statuses())));
            ranked = r;
        }
        List<TargetStatus> targets = p.statuses();
        if (p.end() == null) {
            // running targets' elapsed times grow until they end
            Duration sinceStart = Duration.between(start, now);
            List<TargetStatus> live = new ArrayList<>(targets.size());
            for (TargetStatus t : targets) {
                live.add(t.state().isFinal() ? t : new TargetStatus(t.targetId(), t.name(), t.state(), t.hits(),
                        t.fetched(), t.failedRecords(), sinceStart, t.diagnostic(), t.warnings(), t.facets()));
            }
            targets = live;
        }
        return new SearchResult(id, query, p.end() != null, Duration.between(start, now), r.ranked(), r.facets(),
                targets, p.records());
    }

    /** The facets targets counted themselves, by target id (the origin of their records). */
    private static Map<String, TargetFacets> reportedFacets(List<TargetStatus> statuses) {
        Map<String, TargetFacets> out = new HashMap<>();
        for (TargetStatus t : statuses) {
            if (!t.facets().isEmpty()) {
                out.put(t.targetId(), t.facets());
            }
        }
        return out;
    }

    /** The progress's clusters, taken from the clusterer the first time; {@code p} must be current. */
    private List<Cluster> clustersOf(Progress p) {
        if (p.clusters == null) {
            p.clusters = clusterer.clusters();
        }
        return p.clusters;
    }

    @Override
    public SearchResult await(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return result.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return snapshot();
        } catch (ExecutionException e) {
            throw new IllegalStateException("search " + id + " failed", e.getCause()); // never: the result is only completed normally
        }
    }

    @Override
    public SearchResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("search " + id + " failed", e.getCause());
        }
    }

    @Override
    public CompletableFuture<SearchResult> result() {
        return result.copy();
    }

    @Override
    public void cancel() {
        if (done) {
            return;
        }
        // abort in-flight requests at once; the lane then settles the statuses
        runs.forEach(r -> r.signal.cancel());
        lane.executeFirst(this::cancelled);
    }

    @Override
    public CompletableFuture<Void> released() {
        return CompletableFuture.allOf(runs.stream().map(r -> r.released).toArray(CompletableFuture[]::new));
    }

    @Override
    public void subscribe(Flow.Subscriber<? super SearchEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
        SubscriberChannel ch = new SubscriberChannel(id, subscriber, ctx.subscriberBuffer(), ctx.cpu());
        ch.start();
        SearchResult ended;
        synchronized (subscribers) {
            ended = finalResult;
            if (ended == null) {
                subscribers.add(ch);
            }
        }
        if (ended != null) {
            ch.offer(new SearchEvent.Finished(id, ended));
        }
    }

    @Override
    public String toString() {
        return "FederatedSearch[" + id + (done ? " finished" : " running") + ", " + runs.size() + " targets]";
    }
}
