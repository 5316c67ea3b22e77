package org.navette.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.navette.model.RawRecord;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.target.TargetDiagnostic;

/**
 * A connector search listener that remembers every call, in order, and the threads that made
 * them, for the connectors' tests (thread-safe: searches call it from their own threads).
 *
 * <pre>{@code
 * RecordingListener listener = new RecordingListener();
 * connector.search(request, listener);
 * assertThat(listener.events).startsWith("CONNECTING", "SEARCHING", "hits 4");
 * assertThat(listener.records()).hasSize(4);
 * }</pre>
 */
public class RecordingListener implements SearchListener {
    /** Every call as text: a phase's name, "hits N", "records N", "warning KIND". */
    public final List<String> events = new CopyOnWriteArrayList<>();
    public final List<Phase> phases = new CopyOnWriteArrayList<>();
    /** Every hit count reported. */
    public final List<Long> hits = new CopyOnWriteArrayList<>();
    public final List<List<RawRecord>> chunks = new CopyOnWriteArrayList<>();
    /** The records of every chunk, in arrival order (the same as {@link #records()}, live). */
    public final List<RawRecord> records = new CopyOnWriteArrayList<>();
    /** The size of every chunk (the same as {@link #chunkSizes()}, live). */
    public final List<Integer> chunkSizes = new CopyOnWriteArrayList<>();
    public final List<TargetDiagnostic> warnings = new CopyOnWriteArrayList<>();
    /** The threads that called. */
    public final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** Counted down when the search reaches {@link Phase#SEARCHING}. */
    public final CountDownLatch searching = new CountDownLatch(1);

    @Override
    public void onPhase(Phase phase) {
        threads.add(Thread.currentThread());
        events.add(phase.name());
        phases.add(phase);
        if (phase == Phase.SEARCHING) {
            searching.countDown();
        }
    }

    @Override
    public void onHits(long count) {
        threads.add(Thread.currentThread());
        events.add("hits " + count);
        hits.add(count);
    }

    @Override
    public void onRecords(List<RawRecord> chunk) {
        threads.add(Thread.currentThread());
        events.add("records " + chunk.size());
        chunks.add(chunk);
        chunkSizes.add(chunk.size());
        records.addAll(chunk);
    }

    @Override
    public void onWarning(TargetDiagnostic warning) {
        threads.add(Thread.currentThread());
        events.add("warning " + warning.kind());
        warnings.add(warning);
    }

    /** The records received so far. */
    public List<RawRecord> records() {
        return List.copyOf(records);
    }

    /** The size of each chunk received so far. */
    public List<Integer> chunkSizes() {
        return List.copyOf(chunkSizes);
    }
}
