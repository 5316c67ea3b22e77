package org.navette.normalise.internal;

import java.util.ArrayList;
import java.util.List;
import org.navette.model.ProblemKind;
import org.navette.model.RecordProblem;

/**
 * Collects the problems of one record, stamping each with the record's file, position and byte
 * offset so that the reader of a report can find the record again.
 *
 * <pre>{@code
 * ProblemLog log = new ProblemLog("jazz.mrc", 17, 40960);
 * log.add(ProblemKind.TRUNCATED, "leader says 1520 bytes, 812 left");
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one log per record being read.
 */
public final class ProblemLog {
    /** More problems than this for one record say nothing new: the rest are counted, not listed. */
    private static final int MAX_PROBLEMS = 50;

    private final String file;
    private final long position;
    private final long byteOffset;
    private final List<RecordProblem> problems = new ArrayList<>(2);
    private int suppressed;

    public ProblemLog(String file, long position, long byteOffset) {
        this.file = file;
        this.position = Math.max(0, position);
        this.byteOffset = byteOffset;
    }

    public void add(ProblemKind kind, String message) {
        if (problems.size() >= MAX_PROBLEMS) {
            suppressed++;
            return;
        }
        problems.add(new RecordProblem(kind, file, position, byteOffset, message));
    }

    public void addAll(List<RecordProblem> more) {
        for (RecordProblem p : more) {
            add(p.kind(), p.message());
        }
    }

    public boolean has(ProblemKind kind) {
        for (RecordProblem p : problems) {
            if (p.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems so far, with a final note when some were left out. */
    public List<RecordProblem> problems() {
        if (suppressed == 0) {
            return List.copyOf(problems);
        }
        List<RecordProblem> out = new ArrayList<>(problems);
        RecordProblem last = problems.get(problems.size() - 1);
        out.add(new RecordProblem(last.kind(), file, position, byteOffset,
                suppressed + " more problems of this record not listed"));
        return List.copyOf(out);
    }

    public String file() {
        return file;
    }

    public long position() {
        return position;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
