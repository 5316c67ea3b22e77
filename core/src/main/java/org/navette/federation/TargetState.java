package org.navette.federation;

import java.util.Locale;

/**
 * Where one target stands in one federated search. Printed lower-case with hyphens
 * ({@code timed-out}), the way the CLI and the JSON output show it.
 *
 * <pre>{@code
 * TargetState s = TargetState.TIMED_OUT;
 * s.label();                          // "timed-out"
 * s.isFinal();                        // true
 * TargetState.fromLabel("timed-out"); // TIMED_OUT
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum TargetState {
    /** Waiting for a free slot (the target's concurrency cap, the federation's in-flight cap, its rate limit). */
    QUEUED,
    /** Connecting (TCP, Z39.50 init, first HTTP request). */
    CONNECTING,
    /** The target is running the query. */
    SEARCHING,
    /** Records are being fetched. */
    FETCHING,
    /** The target answered; its records (up to the limit) arrived. */
    DONE,
    /** The target failed; the diagnostic says why. */
    FAILED,
    /** No answer within the target's timeout or before the search's overall deadline. */
    TIMED_OUT,
    /** Not asked: its circuit breaker is open after repeated failures. */
    SKIPPED,
    /** The caller cancelled the search before the target finished. */
    CANCELLED;

    /** The lower-case, hyphenated name: {@code queued}, {@code timed-out}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the states a target ends in: done, failed, timed-out, skipped, cancelled. */
    public boolean isFinal() {
        return ordinal() >= DONE.ordinal();
    }

    /**
     * The state of a label ({@code timed-out}) or constant name ({@code TIMED_OUT}).
     *
     * @throws IllegalArgumentException naming the unknown value and the known labels
     */
    public static TargetState fromLabel(String label) {
        if (label != null) {
            String key = label.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (TargetState s : values()) {
                if (s.name().equals(key)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown target state '" + label + "'; known: queued, connecting, searching, "
                + "fetching, done, failed, timed-out, skipped, cancelled");
    }

    @Override
    public String toString() {
        return label();
    }
}
