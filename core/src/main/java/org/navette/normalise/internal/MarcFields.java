package org.navette.normalise.internal;

import java.util.ArrayList;
import java.util.List;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * Small, null-safe reading helpers over a marc4j record, shared by the MARC21 and UNIMARC mappings.
 *
 * <p>Thread-safety: stateless.
 */
public final class MarcFields {
    private MarcFields() {
    }

    public static List<DataField> data(Record r, String tag) {
        List<DataField> out = new ArrayList<>(2);
        for (DataField f : r.getDataFields()) {
            if (f.getTag().equals(tag)) {
                out.add(f);
            }
        }
        return out;
    }

    public static DataField first(Record r, String tag) {
        for (DataField f : r.getDataFields()) {
            if (f.getTag().equals(tag)) {
                return f;
            }
        }
        return null;
    }

    public static String control(Record r, String tag) {
        for (VariableField v : r.getControlFields()) {
            if (v.getTag().equals(tag)) {
                return ((ControlField) v).getData();
            }
        }
        return null;
    }

    public static List<String> controls(Record r, String tag) {
        List<String> out = new ArrayList<>(1);
        for (ControlField c : r.getControlFields()) {
            if (c.getTag().equals(tag) && c.getData() != null) {
                out.add(c.getData());
            }
        }
        return out;
    }

    /** The first subfield {@code code}'s data, or null. */
    public static String sub(DataField f, char code) {
        if (f == null) {
            return null;
        }
        for (Subfield s : f.getSubfields()) {
            if (s.getCode() == code) {
                return s.getData();
            }
        }
        return null;
    }

    /** Every subfield {@code code}'s data, in order. */
    public static List<String> subs(DataField f, char code) {
        List<String> out = new ArrayList<>(1);
        if (f != null) {
            for (Subfield s : f.getSubfields()) {
                if (s.getCode() == code && s.getData() != null) {
                    out.add(s.getData());
                }
            }
        }
        return out;
    }

    /** The data of the subfields whose codes are in {@code codes}, in field order, joined with {@code sep}; null when none. */
    public static String join(DataField f, String codes, String sep) {
        if (f == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Subfield s : f.getSubfields()) {
            if (codes.indexOf(s.getCode()) >= 0 && s.getData() != null && !s.getData().isBlank()) {
                if (sb.length() > 0) {
                    sb.append(sep);
                }
                sb.append(s.getData().strip());
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * The leader's coded positions 00-23 as text without marc4j's number formatting (positions
     * 00-04 and 12-16 are left blank: the mappings only read the codes).
     */
    public static String leaderText(Record r) {
        org.marc4j.marc.Leader l = r.getLeader();
        if (l == null) {
            return "";
        }
        char[] c = "                        ".toCharArray();
        c[5] = l.getRecordStatus();
        c[6] = l.getTypeOfRecord();
        char[] impl1 = l.getImplDefined1();
        if (impl1 != null && impl1.length >= 2) {
            c[7] = impl1[0];
            c[8] = impl1[1];
        }
        c[9] = l.getCharCodingScheme();
        char[] impl2 = l.getImplDefined2();
        if (impl2 != null && impl2.length >= 3) {
            c[17] = impl2[0];
            c[18] = impl2[1];
            c[19] = impl2[2];
        }
        return new String(c);
    }

    /** The character at {@code i} of a fixed-length field, or blank when the field is too short. */
    public static char at(String fixed, int i) {
        return fixed != null && fixed.length() > i ? fixed.charAt(i) : ' ';
    }
}
