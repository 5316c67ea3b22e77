package org.navette.ill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a batch of interlending requests into a plan: each request matched by the one
 * {@link RequestMatcher} (a union catalogue or a federation), its work's holdings put in order by the
 * batch's {@link Rota}, and, when a state store is given, the request recorded there as
 * {@link RequestState#PLANNED} at its first lender (or {@link RequestState#UNMATCHED}).
 *
 * <p>Planning is resumable: a request the store already holds keeps the rota recorded for it, and
 * its first lender counts as assigned again, so a batch killed half way and run again plans the
 * rest exactly as one uninterrupted run would have. Requests are recorded {@value #CHUNK} per
 * transaction; those of a chunk a crash cut off are simply planned again, to the same rotas.
 *
 * <pre>{@code
 * try (IllStateStore state = IllStateStore.openIn(Path.of("batch-2026-12"))) {
 *     IllPlanner planner = IllPlanner.builder(RequestMatcher.overCatalogue(catalogue), Rota.of(policy, stats))
 *             .state(state).batchId("batch-2026-12").build();
 *     IllPlan plan = planner.plan(RequestCsvReader.read(Path.of("requests.csv")));
 * }
 * }</pre>
 */
public final class IllPlanner {
    /** The requester recorded for a request that names none, when the builder was given none. */
    public static final AgencyId UNKNOWN_REQUESTER = new AgencyId(AgencyId.LOCAL, "unknown");
    /** Requests recorded per transaction: one disk sync per chunk, and at most a chunk to plan again after a crash. */
    static final int CHUNK = 200;

    private final RequestMatcher matcher;
    private final Rota rota;
    private final @Nullable IllStateStore state;
    private final String batchId;
    private final AgencyId defaultRequester;
    private final Clock clock;
    private final int threads;

    private IllPlanner(Builder b) {
        this.matcher = b.matcher;
        this.rota = b.rota;
        this.state = b.state;
        this.batchId = b.batchId;
        this.defaultRequester = b.defaultRequester;
        this.clock = b.clock;
        this.threads = b.threads;
    }

    /** A planner matching with {@code matcher} and ordering lenders with {@code rota} (one per batch). */
    public static Builder builder(RequestMatcher matcher, Rota rota) {
        return new Builder(matcher, rota);
    }

    /** Plans every request of {@code batch}; rows rejected while reading become {@link PlannedRequest.Status#INVALID} lines. */
    public IllPlan plan(RequestBatch batch) {
        return plan(batch, p -> { });
    }

    /**
     * Plans every request of {@code batch}, telling {@code progress} about each as it is done. The
     * plan lists the requests read, in input order, then the rows rejected while reading, by line.
     */
    public IllPlan plan(RequestBatch batch, Consumer<PlannedRequest> progress) {
        List<PlannedRequest> out = new ArrayList<>(batch.requests().size() + batch.rejected().size());
        List<IllStateStore.Planned> pending = new ArrayList<>();
        // matching (the costly part: catalogue or federation lookups) runs on worker threads a
        // window ahead; the rota and the state take the matches in input order on this thread, so
        // the plan is the one a single thread would make
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ill-match");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<RequestMatch>> ahead = new ArrayDeque<>();
            List<IllRequest> requests = batch.requests();
            int submitted = 0;
            for (IllRequest r : requests) {
                while (submitted < requests.size() && ahead.size() < threads * 4) {
                    IllRequest next = asked(requests.get(submitted++));
                    ahead.add(workers.submit(() -> matcher.match(next)));
                }
                PlannedRequest p = planMatched(r, await(ahead.poll()), batch.problemsFor(r.id()), pending);
                if (pending.size() >= CHUNK) {
                    flush(pending);
                }
                progress.accept(p);
                out.add(p);
            }
        } finally {
            workers.shutdownNow();
        }
        flush(pending);
        for (RequestProblem rejected : batch.rejected()) {
            PlannedRequest p = PlannedRequest.invalid(rejected);
            progress.accept(p);
            out.add(p);
        }
        return new IllPlan(batch.source(), out);
    }

    /** Plans one request. */
    public PlannedRequest plan(IllRequest request) {
        List<IllStateStore.Planned> pending = new ArrayList<>(1);
        PlannedRequest p = plan(request, List.of(), pending);
        flush(pending);
        return p;
    }

    /** Records what is pending in one transaction. */
    private void flush(List<IllStateStore.Planned> pending) {
        if (state != null && !pending.isEmpty()) {
            state.planAll(pending, batchId);
        }
        pending.clear();
    }

    private static RequestMatch await(Future<RequestMatch> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllStateException("matching failed: " + e.getCause(), e.getCause());
        }
    }

    /** The request as matched and planned: with the default requester when it names none. */
    private IllRequest asked(IllRequest request) {
        return request.requester().isPresent() ? request : request.toBuilder().requester(defaultRequester).build();
    }

    private PlannedRequest plan(IllRequest request, List<RequestProblem> problems, List<IllStateStore.Planned> pending) {
        return planMatched(request, matcher.match(asked(request)), problems, pending);
    }

    private PlannedRequest planMatched(IllRequest request, RequestMatch match, List<RequestProblem> problems,
                                       List<IllStateStore.Planned> pending) {
        AgencyId requester = request.requester().orElse(defaultRequester);
        IllRequest asked = match.request();
        Optional<TrackedRequest> known = state == null ? Optional.empty() : state.get(request.id());
        PlannedRequest planned = switch (match.status()) {
            case MATCHED -> {
                RequestMatch.Work work = match.work().orElseThrow();
                LenderPlan lenders = known.filter(k -> !k.rota().isEmpty())
                        .map(k -> rota.replay(asked, work.holdingsByLibrary(), k.rota(), today()))
                        .orElseGet(() -> rota.plan(asked, work.holdingsByLibrary(), today()));
                yield lenders.first().isPresent()
                        ? new PlannedRequest(request.id(), PlannedRequest.Status.MATCHED, Optional.of(match), Optional.of(lenders),
                                problems, match.reason())
                        : new PlannedRequest(request.id(), PlannedRequest.Status.NO_LENDER, Optional.of(match), Optional.of(lenders),
                                problems, match.reason() + "; no holding library can lend it");
            }
            case AMBIGUOUS -> new PlannedRequest(request.id(), PlannedRequest.Status.AMBIGUOUS, Optional.of(match), Optional.empty(),
                    problems, match.reason());
            case UNMATCHED -> new PlannedRequest(request.id(), PlannedRequest.Status.UNMATCHED, Optional.of(match), Optional.empty(),
                    problems, match.reason());
        };
        if (state != null) {
            List<AgencyId> agencies = planned.lenders().map(l -> l.lenders().stream().map(LenderPlan.Lender::agency).toList())
                    .orElse(List.of());
            pending.add(new IllStateStore.Planned(request.id(), requester,
                    planned.status() == PlannedRequest.Status.MATCHED ? planned.clusterId().orElse(null) : null, agencies));
        }
        return planned;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Builds an {@link IllPlanner}; not thread-safe. */
    public static final class Builder {
        private final RequestMatcher matcher;
        private final Rota rota;
        private @Nullable IllStateStore state;
        private String batchId = "batch";
        private AgencyId defaultRequester = UNKNOWN_REQUESTER;
        private Clock clock = Clock.systemDefaultZone();
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder(RequestMatcher matcher, Rota rota) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
            this.rota = Objects.requireNonNull(rota, "rota");
        }

        /** Records every planned request in {@code store} (none by default: the plan is only returned). */
        public Builder state(@Nullable IllStateStore store) { this.state = store; return this; }

        /** The batch's name in the state store (default {@code batch}). */
        public Builder batchId(String batchId) { this.batchId = LifecycleEvent.requireText(batchId, "batch id"); return this; }

        /** The requesting library of requests that name none (default {@link #UNKNOWN_REQUESTER}). */
        public Builder defaultRequester(AgencyId requester) { this.defaultRequester = Objects.requireNonNull(requester, "requester"); return this; }

        /** Tells the day, for suspensions in the policy (default the system clock). */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

        /**
         * Requests matched at once (default: the processors). The matcher must be thread-safe, as
         * {@link RequestMatcher} over a catalogue or a federation is; the plan does not depend on it.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public IllPlanner build() {
            return new IllPlanner(this);
        }
    }
}
