package org.navette.catalogue;

import org.navette.model.RecordProblem;

/**
 * Progress of a {@link Catalogue} operation, for a progress bar or a log. Called on the ingesting
 * thread; keep the work short.
 *
 * <pre>{@code
 * IngestListener bar = new IngestListener() {
 *     public void read(long recordsRead) { if (recordsRead % 1000 == 0) System.err.print('.'); }
 * };
 * }</pre>
 */
public interface IngestListener {

    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() { };

    /** {@code recordsRead} records (readable or not) have been read from the source so far. */
    default void read(long recordsRead) { }

    /** A record was reported and skipped (or kept with this remark); the problem names file and position. */
    default void problem(RecordProblem problem) { }

    /** A batch was applied to the store: {@code memberWrites} members written, {@code memberDeletes} deleted. */
    default void batchCommitted(int memberWrites, int memberDeletes) { }
}
