package org.navette.federation;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.navette.rank.SortOrder;

/**
 * What one search asks beyond its query: which targets, how many records, the overall deadline,
 * the order of the clusters and who listens. Unset values fall back to the {@link Federation}'s.
 *
 * <pre>{@code
 * SearchOptions o = SearchOptions.builder()
 *         .deadline(Duration.ofSeconds(5))
 *         .maxRecordsPerTarget(50)
 *         .targets(Set.of("zebra", "loc"))
 *         .sort(SortOrder.YEAR_NEWEST)
 *         .listener(event -> System.err.println(event))
 *         .build();
 * federation.search(query, o);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class SearchOptions {
    private static final SearchOptions DEFAULTS = builder().build();

    private final Duration deadline;
    private final Integer maxRecordsPerTarget;
    private final Set<String> targets;
    private final SortOrder sort;
    private final FederatedSearchListener listener;

    private SearchOptions(Builder b) {
        deadline = b.deadline;
        maxRecordsPerTarget = b.maxRecordsPerTarget;
        targets = b.targets == null ? null : Set.copyOf(b.targets);
        sort = b.sort;
        listener = b.listener;
    }

    /** No overrides: the federation's settings, every enabled target, no listener. */
    public static SearchOptions ofDefaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The overall deadline of the search, if overridden. */
    public Optional<Duration> deadline() { return Optional.ofNullable(deadline); }

    /** Records to fetch per target, if overridden (a target's own {@code maxRecords} still caps it). */
    public OptionalInt maxRecordsPerTarget() {
        return maxRecordsPerTarget == null ? OptionalInt.empty() : OptionalInt.of(maxRecordsPerTarget);
    }

    /** The ids of the targets to search, if restricted; empty means every enabled target. */
    public Optional<Set<String>> targets() { return Optional.ofNullable(targets); }

    /** The order of the clusters, if overridden. */
    public Optional<SortOrder> sort() { return Optional.ofNullable(sort); }

    /** The listener, or {@link FederatedSearchListener#NONE}. */
    public FederatedSearchListener listener() { return listener; }

    /** Builds {@link SearchOptions}; each setter validates its value at once. Not thread-safe. */
    public static final class Builder {
        private Duration deadline;
        private Integer maxRecordsPerTarget;
        private Set<String> targets;
        private SortOrder sort;
        private FederatedSearchListener listener = FederatedSearchListener.NONE;

        private Builder() {
        }

        /** @throws IllegalArgumentException unless positive */
        public Builder deadline(Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /** @throws IllegalArgumentException unless within 0..10000 (0: count hits only) */
        public Builder maxRecordsPerTarget(int maxRecordsPerTarget) {
            if (maxRecordsPerTarget < 0 || maxRecordsPerTarget > 10_000) {
                throw new IllegalArgumentException("maxRecordsPerTarget must be within 0..10000, was " + maxRecordsPerTarget);
            }
            this.maxRecordsPerTarget = maxRecordsPerTarget;
            return this;
        }

        /**
         * Restricts the search to these target ids; {@link Federation#search} rejects ids it does not know.
         *
         * @throws IllegalArgumentException when empty or holding a blank id
         */
        public Builder targets(Set<String> targets) {
            if (targets == null || targets.isEmpty() || targets.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("targets must be a non-empty set of target ids, was " + targets);
            }
            this.targets = new LinkedHashSet<>(targets);
            return this;
        }

        public Builder sort(SortOrder sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        public Builder listener(FederatedSearchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SearchOptions build() {
            return new SearchOptions(this);
        }
    }
}
