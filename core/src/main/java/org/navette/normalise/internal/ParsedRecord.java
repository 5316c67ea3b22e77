package org.navette.normalise.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An ISO 2709 record split into leader and fields, its data still bytes: the character set is
 * decided afterwards, from the declaration and from the bytes themselves.
 *
 * <p>Thread-safety: immutable once parsed.
 */
public record ParsedRecord(byte[] bytes, String leader, List<ParsedField> fields) {
    /** The first field with this tag, or null. */
    public ParsedField first(String tag) {
        for (ParsedField f : fields) {
            if (f.tag().equals(tag)) {
                return f;
            }
        }
        return null;
    }

    public boolean has(String tag) {
        return first(tag) != null;
    }

    /** The first subfield {@code code} of the first field {@code tag} as ISO-8859-1 text (for ASCII codes), or null. */
    public String asciiSubfield(String tag, char code) {
        ParsedField f = first(tag);
        if (f == null || f.control()) {
            return null;
        }
        for (int i = 0; i < f.subfieldCount(); i++) {
            if (f.code(i) == code) {
                return new String(bytes, f.subfieldStart(i), f.subfieldEnd(i) - f.subfieldStart(i), StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** A control field's data as ISO-8859-1 text, or null. */
    public String asciiControl(String tag) {
        ParsedField f = first(tag);
        if (f == null || !f.control()) {
            return null;
        }
        return new String(bytes, f.start(), f.end() - f.start(), StandardCharsets.ISO_8859_1);
    }
}
