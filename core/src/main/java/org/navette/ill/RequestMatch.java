package org.navette.ill;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.navette.match.MatchExplanation;
import org.navette.model.BibRecord;
import org.navette.model.Holding;

/**
 * What matching made of one request: {@link Status#MATCHED} to one work (a catalogue cluster or a
 * federated result cluster) with its holdings, {@link Status#AMBIGUOUS} when the best candidates
 * are too close to choose (they are listed), or {@link Status#UNMATCHED} with the reason.
 *
 * <pre>{@code
 * RequestMatch m = requestMatcher.match(request);
 * if (m.status() == RequestMatch.Status.MATCHED) {
 *     m.work().orElseThrow().holdingsByLibrary();   // {bib-dole=[...], bib-lons=[...]}
 * }
 * System.out.println(m.status() + " " + m.score() + " " + m.reason());
 * }</pre>
 *
 * @param request    the request
 * @param status     the outcome
 * @param work       the matched work; empty unless matched
 * @param score      the best candidate's score (0..1; 0 when there was none)
 * @param reason     why, in a line: the decisive rules of the best candidate, or what was missing
 * @param candidates the candidates compared, best first (at most {@value RequestMatcher#LISTED})
 */
public record RequestMatch(IllRequest request, Status status, Optional<Work> work, double score, String reason,
                           List<Candidate> candidates) {

    /** The three outcomes. */
    public enum Status { MATCHED, AMBIGUOUS, UNMATCHED }

    public RequestMatch {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(reason, "reason");
        candidates = List.copyOf(candidates);
        if ((status == Status.MATCHED) != work.isPresent()) {
            throw new IllegalArgumentException("a work is given exactly when matched: " + status);
        }
    }

    /**
     * A candidate work and how the request compared with its best member.
     *
     * @param workId      the cluster id
     * @param libraries   the libraries (catalogue) or targets (federation) holding it
     * @param explanation the request against the candidate's best member
     */
    public record Candidate(String workId, List<String> libraries, MatchExplanation explanation) {
        public Candidate {
            Objects.requireNonNull(workId, "workId");
            libraries = List.copyOf(libraries);
            Objects.requireNonNull(explanation, "explanation");
        }

        public double score() {
            return explanation.score();
        }
    }

    /**
     * The matched work: its id and members, each member attributed to the library (or target) that
     * holds it by {@code source().origin()}.
     */
    public record Work(String id, List<BibRecord> members, @Nullable String title) {
        public Work {
            Objects.requireNonNull(id, "id");
            members = List.copyOf(members);
        }

        /** Each holding library's items, libraries in member order; a member with no item still counts (empty list). */
        public Map<String, List<Holding>> holdingsByLibrary() {
            Map<String, List<Holding>> out = new java.util.LinkedHashMap<>();
            for (BibRecord m : members) {
                out.computeIfAbsent(m.source().origin(), k -> new java.util.ArrayList<>()).addAll(m.holdings());
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return out;
        }
    }
}
