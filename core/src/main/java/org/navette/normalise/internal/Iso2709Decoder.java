package org.navette.normalise.internal;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.navette.model.ProblemKind;
import org.navette.model.RecordFormat;
import org.navette.normalise.MarcCharset;

/**
 * Turns a parsed ISO 2709 record into a marc4j record of Unicode text: decides its format (MARC21
 * or UNIMARC) and its character set (declaration verified against the bytes), then decodes every
 * field. The declaration is MARC21 leader/09 or UNIMARC 100$a/26-27, unless the source declared a
 * set; an override replaces detection altogether.
 *
 * <pre>{@code
 * Iso2709Decoder.Decoded d = Iso2709Decoder.decode(parsed, null, RecordFormat.MARC21, null, null, log);
 * d.record(); d.format(); d.charset();
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Iso2709Decoder {
    /** A decoded record with the format and character set it was read with. */
    public record Decoded(Record record, RecordFormat format, MarcCharset charset) {
    }

    private Iso2709Decoder() {
    }

    public static Decoded decode(ParsedRecord p, RecordFormat formatOverride, RecordFormat formatHint,
                                 MarcCharset charsetOverride, MarcCharset declaredBySource, ProblemLog log) {
        String control008 = p.asciiControl("008");
        RecordFormat format = formatOverride != null ? formatOverride
                : FormatDetector.detect(p::has, p.asciiSubfield("100", 'a'),
                        control008 == null ? 0 : control008.length(), formatHint);
        MarcCharset charset = charsetOverride != null ? charsetOverride
                : chooseCharset(p, format, declaredBySource, log);
        FieldDecoder decoder = new FieldDecoder(charset, log);
        byte[] b = p.bytes();
        int base = Leaders.number(p.leader(), 12, 5);
        Record record = Leaders.FACTORY.newRecord(Leaders.of(p.leader(), b.length, base, null));
        for (ParsedField f : p.fields()) {
            if (f.control()) {
                ControlField cf = Leaders.FACTORY.newControlField(f.tag(), decoder.decode(b, f.start(), f.end(), f.tag()));
                record.addVariableField(cf);
            } else {
                DataField df = Leaders.FACTORY.newDataField(f.tag(), f.ind1(), f.ind2());
                for (int i = 0; i < f.subfieldCount(); i++) {
                    char code = f.code(i);
                    df.addSubfield(Leaders.FACTORY.newSubfield(code,
                            decoder.decode(b, f.subfieldStart(i), f.subfieldEnd(i), f.tag() + "$" + code)));
                }
                record.addVariableField(df);
            }
        }
        return new Decoded(record, format, charset);
    }

    /** The declared set, checked against the bytes; the bytes win, and a contradiction is reported. */
    static MarcCharset chooseCharset(ParsedRecord p, RecordFormat format, MarcCharset declaredBySource, ProblemLog log) {
        String[] how = new String[1];
        MarcCharset declared = declaredBySource;
        if (declared != null) {
            how[0] = "the source declared " + declared.label();
        } else {
            declared = declaredInRecord(p, format, how, log);
        }
        ByteEvidence ev = new ByteEvidence();
        byte[] b = p.bytes();
        for (ParsedField f : p.fields()) {
            if (f.control()) {
                ev.scan(b, f.start(), f.end());
            } else {
                for (int i = 0; i < f.subfieldCount(); i++) {
                    ev.scan(b, f.subfieldStart(i), f.subfieldEnd(i));
                }
            }
        }
        MarcCharset chosen;
        String why;
        MarcCharset legacy = declared != null && declared.legacy() ? declared
                : format == RecordFormat.UNIMARC ? MarcCharset.ISO_5426 : MarcCharset.MARC_8;
        boolean legacyUnlikely = legacy == MarcCharset.MARC_8 ? ev.marc8Unlikely()
                : legacy != MarcCharset.ISO_8859_1 && ev.iso5426Unlikely();
        if (ev.high() == 0 && ev.escapes() == 0) {
            return declared != null ? declared : MarcCharset.UTF_8;
        } else if (ev.utf8Valid() > 0 && (ev.utf8Invalid() == 0 || ev.utf8Valid() >= ev.utf8Invalid() && ev.escapes() == 0)) {
            chosen = MarcCharset.UTF_8;
            why = "the bytes are UTF-8 (" + ev.utf8Valid() + " multi-byte characters"
                    + (ev.utf8Invalid() > 0 ? ", " + ev.utf8Invalid() + " invalid sequences" : "") + ")";
        } else if (declared == MarcCharset.UTF_8 && !(legacy == MarcCharset.MARC_8 ? ev.marc8Clear() : ev.iso5426Clear())) {
            // too little evidence against the declaration: keep UTF-8 and report the bad bytes
            chosen = MarcCharset.UTF_8;
            why = "";
        } else {
            chosen = legacyUnlikely ? MarcCharset.ISO_8859_1 : legacy;
            why = legacyUnlikely ? "the bytes are neither UTF-8 nor plausible " + legacy.label()
                    : "the bytes are not UTF-8 but plausible " + legacy.label();
        }
        if (declared != null && declared != chosen) {
            log.add(ProblemKind.CHARSET_MISMATCH, how[0] + " but " + why + "; read as " + chosen.label());
        }
        return chosen;
    }

    private static MarcCharset declaredInRecord(ParsedRecord p, RecordFormat format, String[] how, ProblemLog log) {
        char l9 = p.leader().charAt(9);
        if (format == RecordFormat.UNIMARC) {
            String a100 = p.asciiSubfield("100", 'a');
            if (a100 != null && a100.length() >= 28) {
                String g0 = a100.substring(26, 28);
                how[0] = "100$a/26-27 declares '" + g0 + "'";
                if (g0.equals("50")) {
                    return MarcCharset.UTF_8;
                }
                if (g0.matches("0[1-9]|1[01]")) {
                    how[0] = "100$a/26-29 declares '" + a100.substring(26, Math.min(30, a100.length())) + "' (ISO 646/5426)";
                    return MarcCharset.ISO_5426;
                }
            }
            if (l9 == 'a') {
                how[0] = "leader/09 declares UTF-8";
                return MarcCharset.UTF_8;
            }
            return null;
        }
        if (l9 == 'a') {
            how[0] = "leader/09 declares UTF-8";
            return MarcCharset.UTF_8;
        }
        if (l9 == ' ') {
            how[0] = "leader/09 declares MARC-8";
            return MarcCharset.MARC_8;
        }
        log.add(ProblemKind.BAD_LEADER, "leader/09 '" + l9 + "' is not a character coding scheme (blank or 'a')");
        return null;
    }
}
