package org.navette.normalise.internal;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.navette.normalise.MarcCharset;

/**
 * MarcMaker (.mrk) files spell MARC-8 characters as mnemonics ("{Lstrok}", "{acute}"); marc4j's
 * reader turns them into the MARC-8 byte values, one character per byte. This finishes the job:
 * records whose leader declares MARC-8 get their text decoded from MARC-8 into NFC Unicode.
 *
 * <pre>{@code
 * boolean marc8 = MarcMakerText.decodeMarc8(record, log);
 * }</pre>
 *
 * <p>Thread-safety: stateless; changes the record it is given.
 */
public final class MarcMakerText {
    private MarcMakerText() {
    }

    /** Decodes the record's text from MARC-8 when its leader/09 is blank; returns whether it did. */
    public static boolean decodeMarc8(Record r, ProblemLog log) {
        if (r.getLeader() == null || r.getLeader().getCharCodingScheme() != ' ') {
            return false;
        }
        FieldDecoder decoder = new FieldDecoder(MarcCharset.MARC_8, log);
        for (ControlField c : r.getControlFields()) {
            c.setData(decode(c.getData(), decoder, c.getTag()));
        }
        for (DataField d : r.getDataFields()) {
            for (Subfield s : d.getSubfields()) {
                s.setData(decode(s.getData(), decoder, d.getTag() + "$" + s.getCode()));
            }
        }
        return true;
    }

    private static String decode(String s, FieldDecoder decoder, String where) {
        if (s == null) {
            return null;
        }
        byte[] b = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                // already Unicode (a MarcMaker file written in UTF-8 despite its leader)
                return FieldDecoder.nfc(s);
            }
            b[i] = (byte) c;
        }
        return decoder.decode(b, 0, b.length, where);
    }
}
