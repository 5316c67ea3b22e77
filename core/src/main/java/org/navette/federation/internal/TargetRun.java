package org.navette.federation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.RawRecord;
import org.navette.rank.TargetFacets;
import org.navette.spi.CancellationSignal;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.target.TargetDiagnostic;

/**
 * One target's part in one search. Connector callbacks arrive on I/O threads and are handed on:
 * first to this target's own {@link SerialLane} (where its records are normalised, in order, on the
 * CPU pool), then to the search's lane, which alone changes the status fields below.
 *
 * <pre>{@code
 * TargetRun run = new TargetRun(search, guard, 20, 10);
 * guard.start(run);     // queues, admits, launches; callbacks flow back through the lanes
 * }</pre>
 *
 * <p>Thread-safety: the entry points ({@link #listener()}, {@link #end}) are safe from any thread; the
 * status fields are confined to the search's lane; the slot flags are atomic.
 */
final class TargetRun {
    /** Warnings kept per target: enough to diagnose, bounded however many records fail. */
    static final int MAX_WARNINGS = 50;

    final SearchRun search;
    final TargetGuard guard;
    final int maxRecords;
    final int chunkSize;
    final CancellationSignal signal = new CancellationSignal();
    final SerialLane lane;
    final CompletableFuture<Void> released = new CompletableFuture<>();

    // slots held, released exactly once each
    final AtomicBoolean launched = new AtomicBoolean();
    final AtomicBoolean bulkheadHeld = new AtomicBoolean();
    final AtomicBoolean admissionHeld = new AtomicBoolean();
    final AtomicBoolean breakerHeld = new AtomicBoolean();
    final AtomicBoolean running = new AtomicBoolean();

    // confined to this target's lane
    private long position;

    // confined to the search's lane
    TargetState state = TargetState.QUEUED;
    long hits = -1;
    int fetched;
    int failedRecords;
    Duration elapsed;
    TargetDiagnostic diagnostic;
    final List<TargetDiagnostic> warnings = new ArrayList<>();
    TargetFacets facets = TargetFacets.none();
    int index;

    TargetRun(SearchRun search, TargetGuard guard, int maxRecords, int chunkSize) {
        this.search = search;
        this.guard = guard;
        this.maxRecords = maxRecords;
        this.chunkSize = chunkSize;
        this.lane = new SerialLane(search.context().cpu(), "search " + search.id() + " target " + guard.id());
    }

    public String targetId() {
        return guard.id();
    }

    /** The listener handed to the connector: forwards everything through the lanes. */
    SearchListener listener() {
        return new SearchListener() {
            @Override
            public void onPhase(Phase phase) {
                TargetState s = switch (phase) {
                    case CONNECTING -> TargetState.CONNECTING;
                    case SEARCHING -> TargetState.SEARCHING;
                    case FETCHING -> TargetState.FETCHING;
                };
                viaLanes(() -> search.applyState(TargetRun.this, s));
            }

            @Override
            public void onHits(long count) {
                viaLanes(() -> search.applyHits(TargetRun.this, count));
            }

            @Override
            public void onRecords(List<RawRecord> chunk) {
                List<RawRecord> copy = List.copyOf(chunk);
                lane.execute(() -> decode(copy));
            }

            @Override
            public void onWarning(TargetDiagnostic warning) {
                viaLanes(() -> search.applyWarning(TargetRun.this, warning));
            }
        };
    }

    /** The target started (it left the queue). */
    void connecting() {
        viaLanes(() -> search.applyState(this, TargetState.CONNECTING));
    }

    /** The target's search ended (from the guard: failure, timeout, skip). */
    void end(TargetState finalState, TargetDiagnostic why, OptionalLong reportedHits) {
        end(finalState, why, reportedHits, TargetFacets.none());
    }

    /** The target's search ended, with the facets it counted over all its hits (from the guard: outcome). */
    void end(TargetState finalState, TargetDiagnostic why, OptionalLong reportedHits, TargetFacets reportedFacets) {
        viaLanes(() -> search.applyEnd(this, finalState, why, reportedHits, reportedFacets));
    }

    /**
     * Normalises a chunk on this target's lane (parallel to other targets, in order within this one),
     * then hands the result to the search's lane for clustering.
     */
    private void decode(List<RawRecord> chunk) {
        if (search.isDone()) {
            return; // the deadline or a cancellation ended the search: nobody will look at these
        }
        List<RecordDecoder.Decoded> out = new ArrayList<>(chunk.size());
        String library = guard.library();
        for (RawRecord raw : chunk) {
            RecordDecoder.Decoded d = search.context().decoder().decode(raw, ++position);
            out.add(library == null || d.record() == null ? d
                    : new RecordDecoder.Decoded(d.record().heldBy(library), d.problems()));
        }
        search.lane().execute(() -> search.applyRecords(this, out));
    }

    /** Keeps callbacks in order with the records that went before them. */
    private void viaLanes(Runnable onSearchLane) {
        lane.execute(() -> search.lane().execute(onSearchLane));
    }

    /** The status now; on the search's lane only. */
    TargetStatus status(Instant now, Instant start) {
        Duration took = elapsed != null ? elapsed : Duration.between(start, now);
        return new TargetStatus(guard.id(), guard.name(), state, hits < 0 ? OptionalLong.empty() : OptionalLong.of(hits),
                fetched, failedRecords, took.isNegative() ? Duration.ZERO : took, diagnostic, warnings, facets);
    }
}
