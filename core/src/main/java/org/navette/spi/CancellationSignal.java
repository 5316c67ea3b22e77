package org.navette.spi;

import org.navette.target.TargetDiagnostic;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a running search that its caller gave up. Connectors check {@link #isCancelled()} between
 * steps and register {@link #onCancel(Runnable)} actions that abort blocking work at once (cancel an
 * HTTP call, close a Z39.50 connection).
 *
 * <pre>{@code
 * CancellationSignal signal = new CancellationSignal();
 * AutoCloseable reg = signal.onCancel(call::cancel);
 * ...
 * signal.cancel();   // runs call.cancel() once
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; each action runs at most once.
 */
public final class CancellationSignal {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    /** Cancels, running every registered action once. Later calls do nothing. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable action : actions) {
                runQuietly(action);
            }
            actions.clear();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws a {@link TargetException} of kind {@link DiagnosticKind#CANCELLED} when cancelled. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search cancelled"));
        }
    }

    /**
     * Registers an action to run on cancellation; runs it at once when already cancelled. Closing
     * the returned registration removes the action (do it when the guarded work has finished).
     */
    public AutoCloseable onCancel(Runnable action) {
        actions.add(action);
        if (isCancelled() && actions.remove(action)) {
            runQuietly(action);
        }
        return () -> actions.remove(action);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // a failing abort must not stop the other aborts; the search ends as cancelled anyway
        }
    }
}
