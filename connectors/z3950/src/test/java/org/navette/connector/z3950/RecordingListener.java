package org.navette.connector.z3950;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.navette.model.RawRecord;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.target.TargetDiagnostic;

/** A listener that records what a search reported, in order, and which threads reported it. */
class RecordingListener implements SearchListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<RawRecord> records = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> chunkSizes = Collections.synchronizedList(new ArrayList<>());
    final List<TargetDiagnostic> warnings = Collections.synchronizedList(new ArrayList<>());
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final CountDownLatch searching = new CountDownLatch(1);
    volatile long hits = -1;

    @Override
    public void onPhase(Phase phase) {
        threads.add(Thread.currentThread());
        events.add(phase.name());
        if (phase == Phase.SEARCHING) {
            searching.countDown();
        }
    }

    @Override
    public void onHits(long count) {
        threads.add(Thread.currentThread());
        events.add("hits " + count);
        hits = count;
    }

    @Override
    public void onRecords(List<RawRecord> chunk) {
        threads.add(Thread.currentThread());
        events.add("records " + chunk.size());
        chunkSizes.add(chunk.size());
        records.addAll(chunk);
    }

    @Override
    public void onWarning(TargetDiagnostic warning) {
        threads.add(Thread.currentThread());
        events.add("warning " + warning.kind());
        warnings.add(warning);
    }
}
