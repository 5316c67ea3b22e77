package org.navette.match;

/**
 * The outcome of comparing two records.
 *
 * <pre>{@code
 * if (matcher.explain(a, b).decision() == MatchDecision.VETOED) { ... }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum MatchDecision {
    /** Same manifestation: the score reached the threshold and nothing vetoed. */
    MATCH,
    /** The evidence did not reach the threshold. */
    NO_MATCH,
    /** A veto rule fired (different edition, volume, material type...), whatever the score. */
    VETOED
}
