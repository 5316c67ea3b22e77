package org.navette.portal.internal;

/**
 * A portal limit was reached: too many searches running (429), or no room for another session or
 * event stream (503). The API answers it as a JSON error with that status.
 *
 * <pre>{@code
 * throw new LimitExceeded(429, "8 searches are running, the most this portal runs at once; try again shortly");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public LimitExceeded(int status, String message) {
        super(message);
        if (status != 429 && status != 503) {
            throw new IllegalArgumentException("a limit answers 429 or 503, not " + status);
        }
        this.status = status;
    }

    /** The HTTP status: 429 (too many requests) or 503 (no room now). */
    public int status() {
        return status;
    }
}
