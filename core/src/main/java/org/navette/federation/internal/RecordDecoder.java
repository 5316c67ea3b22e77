package org.navette.federation.internal;

import java.util.List;
import org.navette.model.BibRecord;
import org.navette.model.RawRecord;
import org.navette.model.RecordProblem;

/**
 * Turns a target's raw record into a {@link BibRecord}: the engine's one seam to the normaliser,
 * called on the federation's bounded CPU pool (never on a connector's I/O thread).
 *
 * <pre>{@code
 * RecordDecoder.Decoded d = decoder.decode(raw, 7);
 * if (d.record() == null) { ... d.problems() ... }
 * }</pre>
 *
 * <p>Thread-safety: implementations must be safe for concurrent use; they never throw because of a
 * record's content.
 */
@FunctionalInterface
public interface RecordDecoder {
    /**
     * @param raw      the record as the target sent it
     * @param position its 1-based position in the target's result set
     */
    Decoded decode(RawRecord raw, long position);

    /**
     * @param record   the record, or null when nothing could be read
     * @param problems what was wrong with it
     */
    record Decoded(BibRecord record, List<RecordProblem> problems) {
        public Decoded {
            problems = List.copyOf(problems);
        }
    }
}
