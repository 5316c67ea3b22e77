package org.navette.ill;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of an interlending plan: what became of one request of the input, whether it could be
 * read, matched and given lenders. Every request of a batch, even one rejected while reading, has
 * exactly one.
 *
 * <pre>{@code
 * PlannedRequest p = planner.plan(request);
 * if (p.status() == PlannedRequest.Status.MATCHED) {
 *     p.lenders().orElseThrow().first();   // Optional[Lender[library=bib-dole, ...]]
 * }
 * }</pre>
 *
 * @param requestId the request's id, or where it was ({@code line N}, {@code FILE line N}) for a row rejected before an id was read
 * @param status    the outcome
 * @param match     what matching made of it; empty when the request was rejected while reading
 * @param lenders   the rota for a matched work; empty unless matched
 * @param problems  what reading the request reported about it (fields left out, or why it was rejected)
 * @param reason    the outcome in one line, for a person
 */
public record PlannedRequest(String requestId, Status status, Optional<RequestMatch> match, Optional<LenderPlan> lenders,
        List<RequestProblem> problems, String reason) {

    /** The outcomes, in the words of the plan file. */
    public enum Status {
        /** Matched to one work, with at least one library to ask. */
        MATCHED("matched"),
        /** Matched to one work, but no holding library can lend it for this request. */
        NO_LENDER("no-lender"),
        /** Several works fit almost equally well: a person chooses. */
        AMBIGUOUS("ambiguous"),
        /** Nothing in the catalogue or the federation fits. */
        UNMATCHED("unmatched"),
        /** The request could not be read (its line, or its message, is broken). */
        INVALID("invalid");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** The word written in the plan file's {@code status} column. */
        public String word() {
            return word;
        }
    }

    public PlannedRequest {
        LifecycleEvent.requireText(requestId, "request id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(lenders, "lenders");
        problems = List.copyOf(problems);
        Objects.requireNonNull(reason, "reason");
        if (status == Status.INVALID ? match.isPresent() : match.isEmpty()) {
            throw new IllegalArgumentException("a match is given exactly when the request was read: " + status);
        }
        if (lenders.isPresent() != (status == Status.MATCHED || status == Status.NO_LENDER)) {
            throw new IllegalArgumentException("a lender plan is given exactly for a matched work: " + status);
        }
    }

    /** The matched work's cluster id, when matched. */
    public Optional<String> clusterId() {
        return match.flatMap(RequestMatch::work).map(RequestMatch.Work::id);
    }

    /** The best candidate's score (0 when there was none or the request was not read). */
    public double score() {
        return match.map(RequestMatch::score).orElse(0.0);
    }

    /** The first library to ask, when there is one. */
    public Optional<LenderPlan.Lender> firstLender() {
        return lenders.flatMap(LenderPlan::first);
    }

    /** A row rejected while reading. */
    static PlannedRequest invalid(RequestProblem problem) {
        @Nullable String id = problem.requestId();
        return new PlannedRequest(id != null && !id.isBlank() ? id : problem.where(), Status.INVALID, Optional.empty(),
                Optional.empty(), List.of(problem), problem.message());
    }
}
