package org.navette.federation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.navette.rank.TargetFacets;
import org.navette.target.TargetDiagnostic;

/**
 * One target's part in a federated search: its state, what it reported and fetched, how long it
 * took, and why it failed. A failing target is never an exception for the caller: it is a status
 * with a typed diagnostic, while the other targets' results still arrive.
 *
 * <pre>{@code
 * for (TargetStatus t : result.targets()) {
 *     System.out.println(t.targetId() + " " + t.state() + " hits=" + t.hits() + " fetched=" + t.fetched()
 *             + (t.diagnostic() == null ? "" : " " + t.diagnostic()));
 * }
 * }</pre>
 *
 * @param targetId      the target's id
 * @param name          the target's display name (its {@code name} setting, else the id)
 * @param state         where the target stands
 * @param hits          the hit count the target reported; empty until (or unless) it reports one
 * @param fetched       records received from the target
 * @param failedRecords records received that could not be read at all (each also reported as a warning)
 * @param elapsed       time from the start of the fan-out until the target finished (or until now)
 * @param diagnostic    why the target failed, timed out, was skipped or cancelled; null when it did not
 * @param warnings      non-fatal diagnostics: unsupported fields, records the target could not deliver...
 * @param facets        facet counts the target made itself over all its hits (a Solr union catalogue
 *                      does), {@link TargetFacets#none()} until it ends or when it makes none; the
 *                      result's {@link SearchResult#facets()} combine them with the other targets'
 *
 * <p>Reported facets cover the target's whole result, not only the records fetched:
 * <pre>{@code
 * TargetFacets union = result.target("union").orElseThrow().facets();
 * union.values(FacetField.LIBRARY);   // [FacetValue[value=BSG, count=412], ...] over all 1 500 hits
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record TargetStatus(String targetId, String name, TargetState state, OptionalLong hits, int fetched,
                           int failedRecords, Duration elapsed, TargetDiagnostic diagnostic,
                           List<TargetDiagnostic> warnings, TargetFacets facets) {
    /** A status without facet counts of the target's own. */
    public TargetStatus(String targetId, String name, TargetState state, OptionalLong hits, int fetched,
                        int failedRecords, Duration elapsed, TargetDiagnostic diagnostic,
                        List<TargetDiagnostic> warnings) {
        this(targetId, name, state, hits, fetched, failedRecords, elapsed, diagnostic, warnings, TargetFacets.none());
    }

    public TargetStatus {
        Objects.requireNonNull(facets, "facets");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(hits, "hits");
        Objects.requireNonNull(elapsed, "elapsed");
        name = name == null ? targetId : name;
        if (fetched < 0 || failedRecords < 0 || failedRecords > fetched) {
            throw new IllegalArgumentException("target " + targetId + ": fetched " + fetched + " and failedRecords "
                    + failedRecords + " must satisfy 0 <= failedRecords <= fetched");
        }
        warnings = List.copyOf(warnings);
    }

    @Override
    public String toString() {
        return targetId + " " + state.label() + (hits.isPresent() ? " hits=" + hits.getAsLong() : "")
                + " fetched=" + fetched + (failedRecords > 0 ? " unreadable=" + failedRecords : "")
                + " " + elapsed.toMillis() + "ms" + (diagnostic == null ? "" : " " + diagnostic);
    }
}
