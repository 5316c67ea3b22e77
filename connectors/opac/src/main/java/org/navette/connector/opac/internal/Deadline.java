package org.navette.connector.opac.internal;

import java.time.Duration;
import org.navette.spi.CancellationSignal;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * The time budget of one search and its cancellation signal, on the monotonic clock.
 *
 * <p>Thread-safety: immutable (the signal is thread-safe).
 */
final class Deadline {
    private final long endNanos;
    private final Duration budget;
    private final CancellationSignal signal;

    private Deadline(long endNanos, Duration budget, CancellationSignal signal) {
        this.endNanos = endNanos;
        this.budget = budget;
        this.signal = signal;
    }

    static Deadline after(Duration budget, CancellationSignal signal) {
        long nanos = budget.toNanos();
        return new Deadline(System.nanoTime() + nanos, budget, signal);
    }

    /** A deadline that never expires and cannot be cancelled (offline extraction). */
    static Deadline none() {
        return new Deadline(Long.MAX_VALUE, Duration.ofDays(365), new CancellationSignal());
    }

    CancellationSignal signal() {
        return signal;
    }

    Duration budget() {
        return budget;
    }

    /** Nanoseconds left; never negative. */
    long remainingNanos() {
        if (endNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, endNanos - System.nanoTime());
    }

    boolean expired() {
        return remainingNanos() == 0;
    }

    /** Throws CANCELLED or TIMEOUT when the search must stop now. */
    void check() {
        signal.throwIfCancelled();
        if (expired()) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, null,
                    "search time budget of " + budget.toMillis() + " ms spent", null));
        }
    }

    /** Wraps text so that a regex running over it stops at this deadline. */
    CharSequence guard(String text) {
        return endNanos == Long.MAX_VALUE ? text : new GuardedText(text, 0, text.length(), this);
    }

    /**
     * Text that checks the deadline every few thousand characters read: a profile regex with
     * catastrophic backtracking on a hostile page then ends as a TIMEOUT, not a hung thread.
     */
    private static final class GuardedText implements CharSequence {
        private final String text;
        private final int start;
        private final int end;
        private final Deadline deadline;
        private int reads;

        GuardedText(String text, int start, int end, Deadline deadline) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FFF) == 0) {
                deadline.check();
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new GuardedText(text, start + from, start + to, deadline);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
