package org.navette.normalise;

import java.util.List;
import org.navette.model.BibRecord;
import org.navette.model.ProblemKind;
import org.navette.model.RecordProblem;

/**
 * The outcome of reading one record: the normalised record, or null when nothing could be
 * salvaged, and every problem found on the way (the same problems the record itself carries).
 *
 * <pre>{@code
 * ReadResult r = Normaliser.ofDefaults().normalise(raw);
 * if (r.record() != null) {
 *     show(r.record().title());
 * }
 * r.problems().forEach(p -> log.warn(p.toString()));
 * }</pre>
 *
 * @param position 1-based position of the record in its file or result set; 0 when not known or
 *                 when the result concerns the whole input (an unsupported file)
 * @param record   the normalised record; null only when the record is unreadable
 * @param problems what was wrong; contains an {@link ProblemKind#UNREADABLE} problem when
 *                 {@code record} is null
 *
 * <p>Thread-safety: immutable.
 */
public record ReadResult(long position, BibRecord record, List<RecordProblem> problems) {
    public ReadResult {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
        problems = List.copyOf(problems);
        if (record == null && problems.stream().noneMatch(RecordProblem::fatal)) {
            throw new IllegalArgumentException("a result without a record needs an UNREADABLE problem (position "
                    + position + ")");
        }
    }

    /** True when a record was read (possibly with problems). */
    public boolean readable() {
        return record != null;
    }

    /** True when a problem of this kind was found. */
    public boolean has(ProblemKind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }
}
