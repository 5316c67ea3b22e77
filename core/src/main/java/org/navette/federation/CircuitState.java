package org.navette.federation;

/**
 * Where a target's circuit breaker stands: whether the federation is sending it searches.
 *
 * <pre>{@code
 * if (federation.circuitState("loc") == CircuitState.OPEN) {
 *     // recent searches on loc failed: it is skipped until the breaker's wait is over
 * }
 * }</pre>
 */
public enum CircuitState {
    /** Searches go through; failures are being counted. */
    CLOSED,
    /** Too many recent failures: searches skip the target until the wait is over. */
    OPEN,
    /** The wait is over: a few trial searches decide whether the breaker closes again. */
    HALF_OPEN,
    /** The target's resilience settings turn the breaker off: every search goes through. */
    DISABLED
}
