package org.navette.federation;

import java.util.List;
import java.util.Objects;
import org.navette.match.ClusterUpdate;
import org.navette.model.BibRecord;
import org.navette.model.RecordProblem;

/**
 * What a running federated search tells its listener and its {@link java.util.concurrent.Flow}
 * subscribers, in order: target state changes, records placed in clusters, and the end.
 *
 * <pre>{@code
 * federation.search(query, SearchOptions.builder().listener(event -> {
 *     if (event instanceof SearchEvent.TargetChanged t) {
 *         progress.show(t.status());
 *     } else if (event instanceof SearchEvent.Finished f) {
 *         page.show(f.result());
 *     } else {
 *         page.refresh();          // RecordsAdded, or EventsDropped for a lagging Flow subscriber
 *     }
 * }).build());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface SearchEvent {
    /** The id of the search this event belongs to. */
    String searchId();

    /**
     * A target's status changed: a new state, a hit count, more records fetched, or its end.
     *
     * @param searchId the search
     * @param status   the target's status after the change
     */
    record TargetChanged(String searchId, TargetStatus status) implements SearchEvent {
        public TargetChanged {
            Objects.requireNonNull(searchId, "searchId");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One chunk of a target's records was normalised and placed in clusters.
     *
     * @param searchId   the search
     * @param targetId   the target the records came from
     * @param records    the records that could be read, in the target's order
     * @param placements where each record went (same order as {@code records})
     * @param problems   problems found in the chunk's records, unreadable records included
     */
    record RecordsAdded(String searchId, String targetId, List<BibRecord> records, List<ClusterUpdate> placements,
                        List<RecordProblem> problems) implements SearchEvent {
        public RecordsAdded {
            Objects.requireNonNull(searchId, "searchId");
            Objects.requireNonNull(targetId, "targetId");
            records = List.copyOf(records);
            placements = List.copyOf(placements);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The search ended (every target finished, the deadline passed, or it was cancelled); always
     * the last event.
     *
     * @param searchId the search
     * @param result   the final result
     */
    record Finished(String searchId, SearchResult result) implements SearchEvent {
        public Finished {
            Objects.requireNonNull(searchId, "searchId");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Sent to a {@link java.util.concurrent.Flow.Subscriber} in place of {@link RecordsAdded} events it
     * could not take in time (its buffer was full); {@link FederatedSearch#snapshot()} has everything.
     *
     * @param searchId the search
     * @param count    how many events were left out here
     */
    record EventsDropped(String searchId, long count) implements SearchEvent {
        public EventsDropped {
            Objects.requireNonNull(searchId, "searchId");
            if (count < 1) {
                throw new IllegalArgumentException("dropped event count must be >= 1, was " + count);
            }
        }
    }
}
