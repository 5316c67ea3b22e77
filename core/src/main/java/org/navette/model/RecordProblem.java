package org.navette.model;

/**
 * A typed problem found in one record: where it is and what is wrong. Problems never stop a
 * whole-file read; the record is kept when it can be salvaged, else reported as unreadable.
 *
 * <pre>{@code
 * RecordProblem p = new RecordProblem(ProblemKind.TRUNCATED, "jazz.mrc", 17, 40960,
 *         "record length 1520 in leader, only 812 bytes left");
 * p.toString(); // "jazz.mrc record 17 (byte 40960): TRUNCATED: record length 1520 in leader, only 812 bytes left"
 * }</pre>
 *
 * @param kind       what kind of problem
 * @param file       the file or target the record came from; may be null for in-memory input
 * @param position   1-based position of the record in its input, or 0 when not known
 * @param byteOffset offset of the record's first byte in its input, or -1 when not known (XML input)
 * @param message    what is wrong, precise enough to find and fix it
 */
public record RecordProblem(ProblemKind kind, String file, long position, long byteOffset, String message) {
    public RecordProblem {
        if (kind == null) {
            throw new IllegalArgumentException("problem kind must not be null");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("problem message must not be blank");
        }
        if (position < 0) {
            throw new IllegalArgumentException("problem position must be >= 0, was " + position);
        }
    }

    /** True when the record this problem belongs to could not be read at all. */
    public boolean fatal() {
        return kind == ProblemKind.UNREADABLE;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(' ');
        }
        sb.append("record ").append(position);
        if (byteOffset >= 0) {
            sb.append(" (byte ").append(byteOffset).append(')');
        }
        return sb.append(": ").append(kind).append(": ").append(message).toString();
    }
}
