package org.navette.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.navette.model.ProblemKind;
import org.navette.model.RecordProblem;

/**
 * Splits a stream of ISO 2709 records into one byte array per record, knowing each record's
 * 1-based position and byte offset. The leader's record length is trusted only when the record
 * terminator (0x1D) sits where it says; otherwise the terminator decides and the disagreement is
 * reported. Garbage between records (stray line feeds, NULs) is skipped; a record that is cut off
 * by the start of the next one, or by the end of the input, is returned with a TRUNCATED problem;
 * bytes that do not start with anything like a leader become one UNREADABLE frame up to the next
 * terminator, so that nothing disappears without a report.
 *
 * <pre>{@code
 * Iso2709Framer framer = new Iso2709Framer(in, "jazz.mrc", 16 << 20);
 * for (Iso2709Framer.Frame f; (f = framer.next()) != null; ) { ... }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one framer per stream.
 */
public final class Iso2709Framer {
    public static final byte RECORD_TERMINATOR = 0x1D;
    public static final byte FIELD_TERMINATOR = 0x1E;
    public static final byte SUBFIELD_DELIMITER = 0x1F;
    /** The largest record ISO 2709's five-digit length can describe. */
    public static final int MAX_STANDARD_LENGTH = 99_999;
    private static final int LEADER_LENGTH = 24;
    private static final int READ_CHUNK = 64 * 1024;

    /**
     * One record's bytes, or a stretch of unreadable bytes.
     *
     * @param position   1-based record position in the stream
     * @param byteOffset offset of the first byte in the stream
     * @param bytes      the record's bytes (terminator included when present)
     * @param problems   framing problems: truncation, length disagreements, garbage
     * @param readable   false when the bytes are not a record at all (an UNREADABLE problem says why)
     */
    public record Frame(long position, long byteOffset, byte[] bytes, List<RecordProblem> problems, boolean readable) {
    }

    private final InputStream in;
    private final String name;
    private final int maxRecordBytes;
    private byte[] buf;
    private int pos;
    private int limit;
    private long bufStart;
    private boolean eof;
    private long position;

    public Iso2709Framer(InputStream in, String name, int maxRecordBytes) {
        this(in, name, maxRecordBytes, new byte[READ_CHUNK], 0);
    }

    /**
     * Frames bytes already in memory (one record from a target) in place: no read buffer to
     * allocate and fill, which for a record of a few hundred bytes cost more than decoding it.
     */
    public Iso2709Framer(byte[] bytes, String name, int maxRecordBytes) {
        this(InputStream.nullInputStream(), name, maxRecordBytes, bytes, bytes.length);
        this.eof = true;
    }

    private Iso2709Framer(InputStream in, String name, int maxRecordBytes, byte[] buf, int limit) {
        this.in = in;
        this.name = name;
        this.maxRecordBytes = Math.max(maxRecordBytes, LEADER_LENGTH + 2);
        this.buf = buf;
        this.limit = limit;
    }

    /** The next frame, or null at the end of the input. */
    public Frame next() throws IOException {
        while (true) {
            if (fill(1) == 0) {
                return null;
            }
            if (!isFiller(buf[pos])) {
                break;
            }
            pos++;
        }
        long offset = bufStart + pos;
        position++;
        ProblemLog log = new ProblemLog(name, position, offset);
        fill(LEADER_LENGTH);
        if (leaderScore(0) < 4) {
            int skip = resyncPoint();
            if (skip <= 0) {
                return junk(log, offset);
            }
            String garbage = printable(Math.min(skip, 16));
            pos += skip;
            offset += skip;
            log = new ProblemLog(name, position, offset);
            log.add(ProblemKind.BAD_LEADER, skip + " byte(s) of garbage before the record's leader skipped (\""
                    + garbage + "\" at byte " + (offset - skip) + ")");
            fill(LEADER_LENGTH);
        }
        int declared = digits(0, 5);
        int end = -1;
        if (declared > LEADER_LENGTH && declared <= maxRecordBytes && fill(declared) >= declared) {
            if (buf[pos + declared - 1] == RECORD_TERMINATOR) {
                end = declared;
            } else if (buf[pos + declared - 2] == FIELD_TERMINATOR && endsCleanlyAt(declared)) {
                // some exporters (e.g. SWB) close records with another byte: keep the record, say so
                log.add(ProblemKind.BAD_FIELD, "record terminator missing: the record's last byte is "
                        + describeByte(buf[pos + declared - 1]) + ", not 0x1D");
                end = declared;
            }
        }
        if (end < 0) {
            end = findEnd(log, declared);
            if (end < 0) {
                return oversized(log, offset);
            }
        }
        byte[] bytes = Arrays.copyOfRange(buf, pos, pos + end);
        pos += end;
        return new Frame(position, offset, bytes, log.problems(), true);
    }

    /** Offset of a convincing leader before the next record terminator, or -1: how far to skip garbage. */
    private int resyncPoint() throws IOException {
        int terminator = indexOf(RECORD_TERMINATOR, 0, Math.min(maxRecordBytes, 1 << 20));
        int end = terminator >= 0 ? terminator : limit - pos;
        for (int i = 1; i + LEADER_LENGTH <= end; i++) {
            byte b = buf[pos + i];
            if (b >= '0' && b <= '9' && leaderScore(i) >= 6) {
                return i;
            }
        }
        return -1;
    }

    /** Where the record really ends when the leader's length is wrong; -1 when no end is in reach. */
    private int findEnd(ProblemLog log, int declared) throws IOException {
        int terminator = indexOf(RECORD_TERMINATOR, LEADER_LENGTH, maxRecordBytes);
        int end = endAt(terminator);
        if (end < 0) {
            return -1;
        }
        int nextLeader = embeddedLeader(end);
        if (nextLeader > 0) {
            log.add(ProblemKind.TRUNCATED, "record breaks off after " + nextLeader
                    + " bytes, where the next record's leader starts (leader says " + lengthText(declared) + ")");
            return nextLeader;
        }
        if (terminator < 0) {
            log.add(ProblemKind.TRUNCATED, "leader says " + lengthText(declared) + " but the input ends after "
                    + end + " bytes, without a record terminator");
        } else if (declared < 0) {
            log.add(ProblemKind.BAD_LEADER, "record length '" + ascii(0, 5)
                    + "' in the leader is not a number; the record terminator comes after " + end + " bytes");
        } else if (end > MAX_STANDARD_LENGTH) {
            log.add(ProblemKind.OVERSIZED, "record is " + end + " bytes long, more than ISO 2709 allows ("
                    + MAX_STANDARD_LENGTH + "); leader says " + declared);
        } else {
            log.add(ProblemKind.BAD_LEADER, "leader says " + declared
                    + " bytes but the record terminator comes after " + end + " bytes");
        }
        return end;
    }

    private Frame junk(ProblemLog log, long offset) throws IOException {
        String start = printable(Math.min(limit - pos, 16));
        int end = endAt(indexOf(RECORD_TERMINATOR, 0, maxRecordBytes));
        if (end < 0) {
            return oversized(log, offset);
        }
        int nextLeader = embeddedLeader(end);
        if (nextLeader > 0) {
            end = nextLeader;
        }
        log.add(ProblemKind.UNREADABLE, "no record leader here (bytes start with \"" + start + "\"); "
                + end + " bytes skipped");
        byte[] bytes = Arrays.copyOfRange(buf, pos, pos + end);
        pos += end;
        return new Frame(position, offset, bytes, log.problems(), false);
    }

    /** The end of a stretch: after its terminator, else at the end of the input when in reach, else -1. */
    private int endAt(int terminator) {
        if (terminator >= 0) {
            return terminator + 1;
        }
        return eof && limit - pos <= maxRecordBytes ? limit - pos : -1;
    }

    /** No terminator within the size limit: skip to the next terminator without buffering it all. */
    private Frame oversized(ProblemLog log, long offset) throws IOException {
        byte[] head = Arrays.copyOfRange(buf, pos, pos + Math.min(limit - pos, LEADER_LENGTH));
        long skipped = 0;
        while (true) {
            if (fill(1) == 0) {
                break;
            }
            int i = pos;
            while (i < limit && buf[i] != RECORD_TERMINATOR) {
                i++;
            }
            skipped += i - pos;
            if (i < limit) {
                skipped++;
                pos = i + 1;
                break;
            }
            pos = limit;
        }
        log.add(ProblemKind.OVERSIZED, "no record terminator within " + maxRecordBytes + " bytes");
        log.add(ProblemKind.UNREADABLE, skipped + " bytes skipped up to the next record terminator");
        return new Frame(position, offset, head, log.problems(), false);
    }

    /**
     * True when a record may end here although its last byte is not a terminator: at the end of
     * the input, or where (after line ends and blanks) a convincing leader starts.
     */
    private boolean endsCleanlyAt(int rel) throws IOException {
        int avail = fill(rel + 16 + LEADER_LENGTH);
        int p = rel;
        while (p < avail && p < rel + 16 && isFiller(buf[pos + p])) {
            p++;
        }
        return p == avail || avail - p >= LEADER_LENGTH && leaderScore(p) >= 7;
    }

    /** Relative offset of a convincing leader strictly inside [24, end), or -1. */
    private int embeddedLeader(int end) {
        for (int i = LEADER_LENGTH; i + LEADER_LENGTH <= end; i++) {
            byte b = buf[pos + i];
            if (b >= '0' && b <= '9' && leaderScore(i) >= 7) {
                return i;
            }
        }
        return -1;
    }

    /**
     * How much the 24 bytes at {@code rel} look like a leader, 0..7: digits for the record length
     * and base address weigh most; the constant "22" and "45" parts and letter codes add a point each.
     */
    private int leaderScore(int rel) {
        return leaderScore(buf, pos + rel, limit - pos - rel);
    }

    /**
     * How much the bytes at {@code p} look like a leader, 0..7 (see {@link #leaderScore(int)});
     * {@code available} bytes can be looked at.
     */
    public static int leaderScore(byte[] buf, int p, int available) {
        if (available < LEADER_LENGTH) {
            return available >= 5 && number(buf, p, 5) >= 0 ? 4 : 0;
        }
        int score = 0;
        if (number(buf, p, 5) >= 0) {
            score += 2;
        }
        if (number(buf, p + 12, 5) >= 0) {
            score += 2;
        }
        if (buf[p + 10] == '2' && buf[p + 11] == '2') {
            score++;
        }
        if (buf[p + 20] == '4' && buf[p + 21] == '5') {
            score++;
        }
        if (isLowerOrSpace(buf[p + 5]) && isLowerOrSpace(buf[p + 6]) && isLowerOrSpace(buf[p + 7])) {
            score++;
        }
        return score;
    }

    private static int number(byte[] b, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + b[i] - '0';
        }
        return v;
    }

    private static boolean isLowerOrSpace(byte b) {
        return b == ' ' || b >= 'a' && b <= 'z';
    }

    /** Bytes skipped silently between records: whitespace, NUL, DOS end-of-file, stray terminators. */
    private static boolean isFiller(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t' || b == 0 || b == 0x1A
                || b == RECORD_TERMINATOR || b == FIELD_TERMINATOR;
    }

    private int digits(int rel, int n) {
        if (limit - pos < rel + n) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            byte b = buf[pos + rel + i];
            if (b < '0' || b > '9') {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }

    private String ascii(int rel, int n) {
        return new String(buf, pos + rel, Math.min(n, limit - pos - rel), StandardCharsets.ISO_8859_1);
    }

    private String printable(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = buf[pos + i] & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return sb.toString();
    }

    private static String describeByte(byte b) {
        int v = b & 0xFF;
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "'" : String.format("0x%02X", v);
    }

    private static String lengthText(int declared) {
        return declared < 0 ? "no readable length" : declared + " bytes";
    }

    /** Relative index of {@code b} at or after {@code from}, looking at most {@code max} bytes ahead. */
    private int indexOf(byte b, int from, int max) throws IOException {
        int i = from;
        while (true) {
            int avail = limit - pos;
            int stop = Math.min(avail, max);
            for (; i < stop; i++) {
                if (buf[pos + i] == b) {
                    return i;
                }
            }
            if (i >= max || eof) {
                return -1;
            }
            fill(Math.min(max, avail + READ_CHUNK));
        }
    }

    /** Makes at least {@code n} bytes available from {@code pos} unless the input ends first; returns what is available. */
    private int fill(int n) throws IOException {
        while (limit - pos < n && !eof) {
            if (buf.length - pos < n) {
                int avail = limit - pos;
                byte[] target = buf.length >= n + READ_CHUNK / 4 ? buf : new byte[Math.max(buf.length * 2, n + READ_CHUNK)];
                System.arraycopy(buf, pos, target, 0, avail);
                buf = target;
                bufStart += pos;
                pos = 0;
                limit = avail;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos;
    }
}
