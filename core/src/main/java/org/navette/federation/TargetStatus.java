package org.navette.federation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
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
 *
 * <p>Thread-safety: immutable.
 */
public record TargetStatus(String targetId, String name, TargetState state, OptionalLong hits, int fetched,
                           int failedRecords, Duration elapsed, TargetDiagnostic diagnostic,
                           List<TargetDiagnostic> warnings) {
    public TargetStatus {
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
