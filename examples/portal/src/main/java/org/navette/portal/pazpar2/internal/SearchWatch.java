package org.navette.portal.pazpar2.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.navette.federation.FederatedSearchListener;
import org.navette.federation.SearchEvent;

/**
 * Counts the changes of one running search, so that a {@code block=1} command can wait for the
 * next change (or the end) on a condition the search's own events signal, never by polling.
 *
 * <pre>{@code
 * SearchWatch watch = new SearchWatch();
 * federation.search(query, SearchOptions.builder().listener(watch).build());
 * long seen = watch.version();
 * watch.awaitChange(seen, Duration.ofSeconds(5));   // returns at the next event, the end or the timeout
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; events arrive on the federation's threads and only
 * bump a counter under the watch's monitor.
 */
public final class SearchWatch implements FederatedSearchListener {
    private long version;
    private boolean finished;
    private boolean records;

    @Override
    public synchronized void onEvent(SearchEvent event) {
        version++;
        if (event instanceof SearchEvent.Finished) {
            finished = true;
        } else if (event instanceof SearchEvent.RecordsAdded r && !r.records().isEmpty()) {
            records = true;
        }
        notifyAll();
    }

    /** Events seen so far. */
    public synchronized long version() {
        return version;
    }

    /** True once records have been placed in clusters. */
    public synchronized boolean hasRecords() {
        return records;
    }

    public synchronized boolean finished() {
        return finished;
    }

    /**
     * Waits until the version is past {@code seen}, the search finished, or {@code timeout} passed.
     *
     * @return true when something changed or the search finished
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version == seen && !finished) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits until {@code done} holds after a change, the search finished, or {@code timeout} passed. */
    public void awaitUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = version();
        while (!done.getAsBoolean() && !finished()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !awaitChange(seen, Duration.ofNanos(left))) {
                return;
            }
            seen = version();
        }
    }

    @Override
    public synchronized String toString() {
        return "SearchWatch[version " + version + (finished ? ", finished]" : "]");
    }
}
