package org.navette.normalise.internal;

import org.marc4j.marc.Leader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.impl.MarcFactoryImpl;
import org.navette.model.ProblemKind;

/**
 * Builds marc4j leaders from leader text that may be wrong: marc4j's own parser throws on a
 * non-numeric length or base address, so the numbers are set here from what was really read.
 *
 * <p>Thread-safety: stateless; {@link #FACTORY} is marc4j's stateless default factory.
 */
public final class Leaders {
    /** marc4j's plain factory; it keeps no state, so one instance serves every thread. */
    public static final MarcFactory FACTORY = new MarcFactoryImpl();

    private Leaders() {
    }

    /**
     * A leader from 24 characters of text (shorter text is padded with blanks, longer is cut, with
     * a BAD_LEADER problem); record length and base address are the given real values.
     */
    public static Leader of(String text, int recordLength, int baseAddress, ProblemLog log) {
        String t = text == null ? "" : text;
        if (t.length() != 24) {
            if (log != null) {
                log.add(ProblemKind.BAD_LEADER, "leader is " + t.length() + " characters long instead of 24");
            }
            t = (t + " ".repeat(24)).substring(0, 24);
        }
        char[] c = t.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0x20 || c[i] >= 0x7F) {
                c[i] = ' ';
            }
        }
        Leader leader = FACTORY.newLeader();
        // non-positive values mean "as the text says" (XML and JSON leaders carry the original numbers)
        leader.setRecordLength(clamp(recordLength > 0 ? recordLength : Math.max(0, number(t, 0, 5))));
        leader.setRecordStatus(c[5]);
        leader.setTypeOfRecord(c[6]);
        leader.setImplDefined1(new char[] {c[7], c[8]});
        leader.setCharCodingScheme(c[9]);
        leader.setIndicatorCount(2);
        leader.setSubfieldCodeLength(2);
        leader.setBaseAddressOfData(clamp(baseAddress > 0 ? baseAddress : Math.max(0, number(t, 12, 5))));
        leader.setImplDefined2(new char[] {c[17], c[18], c[19]});
        leader.setEntryMap(new char[] {c[20], c[21], c[22], c[23]});
        return leader;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(v, Iso2709Framer.MAX_STANDARD_LENGTH));
    }

    /** The decimal number in text[from, from+n), or -1. */
    public static int number(String text, int from, int n) {
        if (text == null || text.length() < from + n) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + ch - '0';
        }
        return v;
    }
}
