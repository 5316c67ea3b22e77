package org.navette.normalise.internal;

import static org.navette.normalise.internal.Iso2709Framer.FIELD_TERMINATOR;
import static org.navette.normalise.internal.Iso2709Framer.RECORD_TERMINATOR;
import static org.navette.normalise.internal.Iso2709Framer.SUBFIELD_DELIMITER;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.navette.model.ProblemKind;

/**
 * Parses one ISO 2709 record's bytes into leader and fields. The directory is trusted only when
 * each entry points at a field that ends with a field terminator where the entry says; otherwise
 * the fields are found by their terminators and matched to the directory entries, and every
 * disagreement is reported. Nothing here decodes text: the character set is decided later.
 *
 * <pre>{@code
 * ParsedRecord r = Iso2709Parser.parse(bytes, log); // null only when not even a leader is there
 * }</pre>
 *
 * <p>Thread-safety: stateless, safe to share.
 */
public final class Iso2709Parser {
    private static final int LEADER_LENGTH = 24;

    private Iso2709Parser() {
    }

    /** The parsed record, or null (with an UNREADABLE problem logged) when nothing can be salvaged. */
    public static ParsedRecord parse(byte[] rec, ProblemLog log) {
        if (rec.length < LEADER_LENGTH) {
            log.add(ProblemKind.UNREADABLE, "only " + rec.length + " bytes, shorter than a 24-byte leader");
            return null;
        }
        char[] leader = new char[LEADER_LENGTH];
        int badLeaderBytes = 0;
        for (int i = 0; i < LEADER_LENGTH; i++) {
            int b = rec[i] & 0xFF;
            if (b < 0x20 || b >= 0x7F) {
                badLeaderBytes++;
                leader[i] = ' ';
            } else {
                leader[i] = (char) b;
            }
        }
        if (badLeaderBytes > 0) {
            log.add(ProblemKind.BAD_LEADER, badLeaderBytes + " non-ASCII byte(s) in the leader replaced by blanks");
        }
        int dataEnd = rec[rec.length - 1] == RECORD_TERMINATOR ? rec.length - 1 : rec.length;
        int base = number(rec, 12, 5);
        if (base <= LEADER_LENGTH || base > dataEnd || rec[base - 1] != FIELD_TERMINATOR) {
            int dirEnd = indexOf(rec, FIELD_TERMINATOR, LEADER_LENGTH, dataEnd);
            if (dirEnd < 0) {
                log.add(ProblemKind.UNREADABLE, "no directory terminator (0x1E) after the leader");
                return null;
            }
            log.add(ProblemKind.BAD_LEADER, "base address of data '" + new String(leader, 12, 5)
                    + "' is wrong; the directory ends at byte " + dirEnd);
            base = dirEnd + 1;
        }
        int lengthDigits = digit(leader[20], 4);
        int startDigits = digit(leader[21], 5);
        int implDigits = leader[22] >= '0' && leader[22] <= '9' ? leader[22] - '0' : 0;
        int entrySize = 3 + lengthDigits + startDigits + implDigits;
        int dirLength = base - 1 - LEADER_LENGTH;
        if (dirLength % entrySize != 0 && entrySize != 12 && dirLength % 12 == 0) {
            log.add(ProblemKind.BAD_LEADER, "entry map '" + new String(leader, 20, 4)
                    + "' does not fit the directory; read it as 4500");
            lengthDigits = 4;
            startDigits = 5;
            entrySize = 12;
        }
        if (dirLength % entrySize != 0) {
            log.add(ProblemKind.BAD_DIRECTORY, "directory is " + dirLength + " bytes, not a multiple of "
                    + entrySize + "; the last " + (dirLength % entrySize) + " bytes were ignored");
        }
        int indicatorCount = leader[10] >= '0' && leader[10] <= '9' ? leader[10] - '0' : 2;
        if (leader[10] != '2' || leader[11] != '2') {
            log.add(ProblemKind.BAD_LEADER, "indicator count / subfield code length '" + leader[10] + leader[11]
                    + "' (expected '22'); read with " + indicatorCount + " indicator(s) and 1-character subfield codes");
        }

        int entries = dirLength / entrySize;
        List<ParsedField> fields = new ArrayList<>(Math.max(4, entries));
        boolean clean = true;
        for (int i = 0; i < entries && clean; i++) {
            int e = LEADER_LENGTH + i * entrySize;
            int length = number(rec, e + 3, lengthDigits);
            int start = number(rec, e + 3 + lengthDigits, startDigits);
            int to = base + start + length;
            clean = start >= 0 && length > 0 && to <= dataEnd && rec[to - 1] == FIELD_TERMINATOR;
        }
        if (clean) {
            for (int i = 0; i < entries; i++) {
                int e = LEADER_LENGTH + i * entrySize;
                int length = number(rec, e + 3, lengthDigits);
                int from = base + number(rec, e + 3 + lengthDigits, startDigits);
                fields.add(field(rec, tag(rec, e, log), from, from + length - 1, indicatorCount, log));
            }
        } else {
            for (int[] f : salvageFields(rec, base, dataEnd, entries, log)) {
                String tag = f[0] < 0 ? "???" : tag(rec, f[0], log);
                fields.add(field(rec, tag, f[1], f[2], indicatorCount, log));
            }
        }
        return new ParsedRecord(rec, new String(leader), List.copyOf(fields));
    }

    /**
     * Finds the fields by their terminators and gives each the tag of the directory entry that
     * describes it: the entry whose length and start equal the field's, written with the widths the
     * standard allows or with the extra digit writers use when a record outgrows them (fields over
     * 9 999 bytes, starts over 99 999). Returns (tag offset or -1, from, to) per field.
     */
    private static List<int[]> salvageFields(byte[] rec, int base, int dataEnd, int nominalEntries, ProblemLog log) {
        List<int[]> chunks = new ArrayList<>();
        int p = base;
        while (p < dataEnd) {
            int t = indexOf(rec, FIELD_TERMINATOR, p, dataEnd);
            chunks.add(new int[] {-1, p, t < 0 ? dataEnd : t});
            if (t < 0) {
                break;
            }
            p = t + 1;
        }
        String dir = new String(rec, LEADER_LENGTH, base - 1 - LEADER_LENGTH, StandardCharsets.ISO_8859_1);
        BitSet used = new BitSet(dir.length());
        int matched = 0;
        int[] entryEnd = new int[chunks.size()];
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 0; k < chunks.size(); k++) {
                int[] c = chunks.get(k);
                if (c[0] >= 0) {
                    continue;
                }
                int start = c[1] - base;
                int length = c[2] - c[1] + 1;
                int at = switch (pass) {
                    case 0 -> findEntry(dir, used, length, start);
                    // a byte inserted or lost shifts every later start: the entry after the
                    // previous field's entry is this field's
                    case 1 -> k > 0 && chunks.get(k - 1)[0] >= 0 ? nextEntry(dir, used, entryEnd[k - 1]) : -1;
                    default -> findEntryByStart(dir, used, start);
                };
                if (at >= 0) {
                    c[0] = LEADER_LENGTH + at;
                    entryEnd[k] = used.nextClearBit(at);
                    matched++;
                }
            }
        }
        log.add(ProblemKind.BAD_DIRECTORY, "directory does not match the data (" + nominalEntries + " entries, "
                + chunks.size() + " fields); " + matched + " field(s) matched to their entries by length and start");
        int unmatched = chunks.size() - matched;
        if (unmatched > 0) {
            log.add(ProblemKind.BAD_DIRECTORY, unmatched + " field(s) without a matching directory entry kept with tag ???");
        }
        return chunks;
    }

    /** Offset in the directory text of an entry (tag + length + start) for this field, or -1. */
    private static int findEntry(String dir, BitSet used, int length, int start) {
        for (String len : widths(length, 4, 5)) {
            for (String st : widths(start, 5, 6)) {
                String pattern = len + st;
                int from = 3;
                while (true) {
                    int i = dir.indexOf(pattern, from);
                    if (i < 0) {
                        break;
                    }
                    if (!used.get(i - 3) && printableTag(dir, i - 3)) {
                        used.set(i - 3, i + pattern.length());
                        return i - 3;
                    }
                    from = i + 1;
                }
            }
        }
        return -1;
    }

    /** The entry starting at {@code at} when it is unused and looks like one (tag, 4 digits, 5 digits), else -1. */
    private static int nextEntry(String dir, BitSet used, int at) {
        if (at + 12 > dir.length() || used.get(at, at + 12).cardinality() > 0 || !printableTag(dir, at)
                || !isDigits(dir.substring(at + 3, at + 12))) {
            return -1;
        }
        used.set(at, at + 12);
        return at;
    }

    /** Like {@link #findEntry} but matching the start only (a field cut short by truncation). */
    private static int findEntryByStart(String dir, BitSet used, int start) {
        for (String st : widths(start, 5, 6)) {
            int from = 7;
            while (true) {
                int i = dir.indexOf(st, from);
                if (i < 0) {
                    break;
                }
                int entry = i - 7;
                if (!used.get(entry) && printableTag(dir, entry) && isDigits(dir.substring(entry + 3, i))) {
                    used.set(entry, i + st.length());
                    return entry;
                }
                from = i + 1;
            }
        }
        return -1;
    }

    private static String[] widths(int value, int narrow, int wide) {
        String v = Integer.toString(value);
        if (v.length() > wide) {
            return new String[0];
        }
        String w = "0".repeat(wide - v.length()) + v;
        return v.length() > narrow ? new String[] {w} : new String[] {w.substring(wide - narrow), w};
    }

    private static boolean printableTag(String dir, int at) {
        if (at < 0 || at + 3 > dir.length()) {
            return false;
        }
        for (int i = at; i < at + 3; i++) {
            char c = dir.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static ParsedField field(byte[] rec, String tag, int from, int to, int indicatorCount, ProblemLog log) {
        int firstDelimiter = indexOf(rec, SUBFIELD_DELIMITER, from, to);
        boolean control = tag.startsWith("00") && Character.isDigit(tag.charAt(2))
                || !isDigits(tag) && firstDelimiter < 0;
        if (control) {
            return new ParsedField(tag, true, ' ', ' ', from, to, new int[0]);
        }
        char ind1 = ' ';
        char ind2 = ' ';
        int subfieldsFrom;
        if (firstDelimiter < 0) {
            subfieldsFrom = Math.min(from + indicatorCount, to);
        } else {
            subfieldsFrom = firstDelimiter;
            if (firstDelimiter - from < indicatorCount) {
                log.add(ProblemKind.BAD_FIELD, "field " + tag + ": " + (firstDelimiter - from)
                        + " indicator(s) instead of " + indicatorCount + "; missing ones read as blank");
            } else if (firstDelimiter - from > indicatorCount) {
                log.add(ProblemKind.BAD_FIELD, "field " + tag + ": " + (firstDelimiter - from - indicatorCount)
                        + " unexpected byte(s) between the indicators and the first subfield were ignored");
            }
        }
        int indEnd = Math.min(from + Math.min(indicatorCount, 2), subfieldsFrom);
        if (from < indEnd) {
            ind1 = indicator(rec[from], tag, log);
        }
        if (from + 1 < indEnd) {
            ind2 = indicator(rec[from + 1], tag, log);
        }
        List<int[]> subs = new ArrayList<>();
        if (firstDelimiter < 0) {
            if (subfieldsFrom < to) {
                log.add(ProblemKind.BAD_FIELD, "field " + tag + ": no subfield delimiter; its text was kept as subfield a");
                subs.add(new int[] {'a', subfieldsFrom, to});
            } else {
                log.add(ProblemKind.BAD_FIELD, "field " + tag + " has no subfields");
            }
        } else {
            int p = firstDelimiter;
            while (p < to) {
                int next = indexOf(rec, SUBFIELD_DELIMITER, p + 1, to);
                int end = next < 0 ? to : next;
                if (p + 1 >= end) {
                    log.add(ProblemKind.BAD_FIELD, "field " + tag + ": empty subfield (delimiter without code) ignored");
                } else {
                    int code = rec[p + 1] & 0xFF;
                    int dataFrom = p + 2;
                    if (code <= 0x20 || code >= 0x7F) {
                        log.add(ProblemKind.BAD_FIELD, "field " + tag + String.format(": subfield code 0x%02X is not a letter or digit", code));
                        int seq = code >= 0x80 ? Utf8.sequenceLength(rec, p + 1, end) : 0;
                        if (seq > 1) {
                            // a multi-byte character where the code should be: keep it whole out of the data
                            code = '?';
                            dataFrom = p + 1 + seq;
                        }
                    }
                    subs.add(new int[] {code, dataFrom, end});
                }
                p = end;
            }
        }
        int[] flat = new int[subs.size() * 3];
        for (int i = 0; i < subs.size(); i++) {
            System.arraycopy(subs.get(i), 0, flat, i * 3, 3);
        }
        return new ParsedField(tag, false, ind1, ind2, from, to, flat);
    }

    private static char indicator(byte b, String tag, ProblemLog log) {
        int v = b & 0xFF;
        if (v < 0x20 || v >= 0x7F) {
            log.add(ProblemKind.BAD_FIELD, "field " + tag + String.format(": indicator byte 0x%02X read as blank", v));
            return ' ';
        }
        return (char) v;
    }

    private static String tag(byte[] rec, int at, ProblemLog log) {
        char[] t = new char[3];
        boolean bad = false;
        for (int i = 0; i < 3; i++) {
            int b = rec[at + i] & 0xFF;
            if (b <= 0x20 || b >= 0x7F) {
                bad = true;
                t[i] = '?';
            } else {
                t[i] = (char) b;
            }
        }
        String tag = new String(t);
        if (bad) {
            log.add(ProblemKind.BAD_DIRECTORY, "directory entry at byte " + at + " has an unreadable tag, read as " + tag);
        }
        return tag;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c, int dflt) {
        return c >= '1' && c <= '9' ? c - '0' : dflt;
    }

    /** The decimal number in rec[at, at+n), or -1 when it is not all digits or out of the array. */
    static int number(byte[] rec, int at, int n) {
        if (at < 0 || at + n > rec.length) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = rec[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static int indexOf(byte[] a, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
