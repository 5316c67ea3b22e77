package org.navette.connector.sru;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.SourceSink;
import org.navette.normalise.ReadResult;

/** A sink that remembers what a source delivered, in order. */
final class RecordingSink implements SourceSink {
    /** One delivered record with the local id the source gave. */
    record Delivered(ReadResult result, @Nullable String localId) {
    }

    final List<Delivered> records = new ArrayList<>();
    final List<String> deletions = new ArrayList<>();
    /** Every call in order: "record ID" or "deleted ID". */
    final List<String> events = new ArrayList<>();

    @Override
    public void record(ReadResult result, @Nullable String localId) {
        records.add(new Delivered(result, localId));
        events.add("record " + localId);
    }

    @Override
    public void deleted(String localId) {
        deletions.add(localId);
        events.add("deleted " + localId);
    }

    List<String> localIds() {
        return records.stream().map(Delivered::localId).toList();
    }
}
