package org.navette.connector.sru;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.navette.model.RawRecord;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.target.TargetDiagnostic;

/** A listener that remembers every call, for assertions (thread-safe: async searches call it from OkHttp's threads). */
public class RecordingListener implements SearchListener {
    public final List<Phase> phases = new CopyOnWriteArrayList<>();
    public final List<Long> hits = new CopyOnWriteArrayList<>();
    public final List<List<RawRecord>> chunks = new CopyOnWriteArrayList<>();
    public final List<TargetDiagnostic> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void onPhase(Phase phase) {
        phases.add(phase);
    }

    @Override
    public void onHits(long n) {
        hits.add(n);
    }

    @Override
    public void onRecords(List<RawRecord> chunk) {
        chunks.add(chunk);
    }

    @Override
    public void onWarning(TargetDiagnostic warning) {
        warnings.add(warning);
    }

    public List<RawRecord> records() {
        return chunks.stream().flatMap(List::stream).toList();
    }

    public List<Integer> chunkSizes() {
        return chunks.stream().map(List::size).toList();
    }

    /** Each record's bytes read with {@link MarcXmlProbe}. */
    public List<MarcXmlProbe> probes() {
        return records().stream().map(r -> MarcXmlProbe.of(r.bytes())).toList();
    }
}
