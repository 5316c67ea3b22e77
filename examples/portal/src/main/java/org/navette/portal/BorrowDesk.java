package org.navette.portal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;
import org.navette.ill.IllRequest;
import org.navette.ill.IllStateStore;
import org.navette.ill.LenderPlan;
import org.navette.ill.LendingStatistics;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.RequestState;
import org.navette.ill.Rota;
import org.navette.ill.TrackedRequest;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;

/**
 * The portal's interlending desk: "ask to borrow" on a cluster makes an interlending request from
 * the cluster's representative record, orders the libraries that hold it with the network's
 * {@link Rota} (the policy file's rules, see core's POLICY.md), and records the request in the
 * interlending state store — {@link RequestState#PLANNED} at its first lender, or
 * {@link RequestState#UNMATCHED} when no holding library can lend it. The cluster the user saw is
 * the match, so nothing is searched again. One rota serves the desk's whole life, so repeated
 * requests for the same work rotate among equally near lenders.
 *
 * <pre>{@code
 * try (BorrowDesk desk = BorrowDesk.builder(NetworkPolicy.read(Path.of("network.json")))
 *         .dataDir(Path.of("navette-portal")).build()) {
 *     BorrowDesk.Outcome o = desk.borrow(cluster, AgencyId.parse("ISIL:FR-39198"), "reader 42", null);
 *     o.state();     // PLANNED
 *     o.lenders();   // [Lender[library=bib-dole, ...], ...]
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe (the rota and the store serialise their own calls).
 */
public final class BorrowDesk implements AutoCloseable {
    /** The batch every portal request is recorded under in the state store. */
    public static final String BATCH = "portal";

    private final Rota rota;
    private final IllStateStore store;
    private final boolean ownsStore;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private boolean closed;

    private BorrowDesk(Builder b, IllStateStore store, boolean ownsStore) {
        this.rota = Rota.of(b.policy, b.statistics);
        this.store = store;
        this.ownsStore = ownsStore;
        this.clock = b.clock;
    }

    public static Builder builder(NetworkPolicy policy) {
        return new Builder(policy);
    }

    /**
     * What asking to borrow did.
     *
     * @param requestId  the new request's id in the state store
     * @param state      {@link RequestState#PLANNED} with lenders, {@link RequestState#UNMATCHED} without
     * @param clusterId  the cluster asked for
     * @param requester  the requesting library
     * @param patron     who the request is for, as given (shown back; the state store keeps no patron)
     * @param note       the note, as given (shown back likewise)
     * @param lenders    the libraries to ask, in order, each with why it stands there
     * @param exclusions the holding libraries left out, each with why
     */
    public record Outcome(String requestId, RequestState state, String clusterId, AgencyId requester,
                          @Nullable String patron, @Nullable String note, List<LenderPlan.Lender> lenders,
                          List<LenderPlan.Exclusion> exclusions) {
        public Outcome {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(clusterId, "clusterId");
            Objects.requireNonNull(requester, "requester");
            lenders = List.copyOf(lenders);
            exclusions = List.copyOf(exclusions);
        }

        /** One sentence for the page: who is asked first, or why nobody can be. */
        public String summary() {
            if (!lenders.isEmpty()) {
                return "Request " + requestId + " planned: " + lenders.get(0).library() + " is asked first"
                        + (lenders.size() > 1 ? ", then " + (lenders.size() - 1) + " more" : "") + ".";
            }
            if (exclusions.isEmpty()) {
                return "Request " + requestId + " recorded, but no library holds this item.";
            }
            return "Request " + requestId + " recorded, but no holding library can lend it: "
                    + String.join("; ", exclusions.stream().map(x -> x.library() + " " + x.reason()).toList()) + ".";
        }
    }

    /**
     * Makes, plans and records a request for {@code cluster} from {@code requester}.
     *
     * @throws org.navette.ill.IllStateException when the state store cannot record it
     */
    public Outcome borrow(Cluster cluster, AgencyId requester, @Nullable String patron, @Nullable String note) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(requester, "requester");
        String id = "portal-" + HexFormat.of().formatHex(randomBytes());
        IllRequest request = request(id, cluster.representative(), requester);
        LenderPlan plan = rota.plan(request, cluster.holdingsByLibrary(), LocalDate.now(clock));
        store.plan(id, requester, cluster.id(), plan.agencies(), BATCH);
        RequestState state = store.get(id).map(TrackedRequest::state)
                .orElse(plan.lenders().isEmpty() ? RequestState.UNMATCHED : RequestState.PLANNED);
        return new Outcome(id, state, cluster.id(), requester, blankToNull(patron), blankToNull(note), plan.lenders(),
                plan.exclusions());
    }

    /** A request this desk (or anyone sharing its store) recorded. */
    public Optional<TrackedRequest> request(String requestId) {
        return store.get(requestId);
    }

    /** The store's JDBC URL, for messages. */
    public String storeUrl() {
        return store.url();
    }

    private static IllRequest request(String id, BibRecord r, AgencyId requester) {
        IllRequest.Builder b = IllRequest.builder(id).requester(requester).title(r.title()).year(r.year())
                .publisher(r.publisher()).edition(r.edition()).placeOfPublication(r.place())
                .materialType(r.materialType().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .supplierUniqueRecordId(r.source().recordId());
        if (!r.authors().isEmpty()) {
            b.author(r.authors().get(0).name());
        }
        r.isbns().stream().map(Isbn::isbn13).forEach(b::isbn);
        r.issns().forEach(b::issn);
        return b.build();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Closes the state store when the desk opened it ({@link Builder#dataDir}); a store given to it stays open. Idempotent. */
    @Override
    public synchronized void close() {
        if (ownsStore && !closed) {
            closed = true;
            store.close();
        }
    }

    /** Builds a {@link BorrowDesk}; needs a data folder or a store. Not thread-safe. */
    public static final class Builder {
        private final NetworkPolicy policy;
        private LendingStatistics statistics = LendingStatistics.empty();
        private @Nullable Path dataDir;
        private @Nullable IllStateStore store;
        private Clock clock = Clock.systemUTC();

        private Builder(NetworkPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /** Past loans per library, to share the work fairly (default: none). */
        public Builder statistics(LendingStatistics statistics) {
            this.statistics = Objects.requireNonNull(statistics, "statistics");
            return this;
        }

        /** Keep the requests in {@code dir/ill-state} (H2), opened by the desk and closed with it. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            this.store = null;
            return this;
        }

        /** Keep the requests in this store, which the caller closes. */
        public Builder store(IllStateStore store) {
            this.store = Objects.requireNonNull(store, "store");
            this.dataDir = null;
            return this;
        }

        /** The clock that dates suspensions and recorded transitions' planning day (default: UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @throws IllegalStateException when neither a data folder nor a store was given
         * @throws org.navette.ill.IllStateException when the store in the data folder cannot be opened
         */
        public BorrowDesk build() {
            if (store != null) {
                return new BorrowDesk(this, store, false);
            }
            if (dataDir == null) {
                throw new IllegalStateException("a borrow desk needs dataDir(...) or store(...) to keep its requests");
            }
            return new BorrowDesk(this, IllStateStore.openIn(dataDir), true);
        }
    }
}
