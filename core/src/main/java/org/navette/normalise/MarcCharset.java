package org.navette.normalise;

import java.util.Locale;

/**
 * The character sets MARC records are written in, as far as Navette reads them. The normaliser
 * detects the set of each ISO 2709 record from its declaration (MARC21 leader/09, UNIMARC
 * 100$a/26-29) checked against the bytes themselves; a source known to lie can be forced with
 * {@link Normaliser.Builder#charsetOverride(MarcCharset)}.
 *
 * <pre>{@code
 * MarcCharset cs = MarcCharset.fromName("marc8"); // MARC_8
 * cs.label();                                     // "MARC-8"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum MarcCharset {
    /** Unicode UTF-8 (MARC21 leader/09 'a', UNIMARC 100$a/26-27 "50"). */
    UTF_8("UTF-8"),
    /** MARC-8 with its escape sequences, EACC (CJK) included (MARC21 leader/09 blank). */
    MARC_8("MARC-8"),
    /** ISO 5426 extended Latin over ISO 646 (UNIMARC 100$a/26-29 "01", "03"). */
    ISO_5426("ISO-5426"),
    /** ISO 6937, used by some UNIMARC sources instead of ISO 5426. */
    ISO_6937("ISO-6937"),
    /** ISO 8859-1 (Latin-1): not a MARC character set, but what many legacy exports really contain. */
    ISO_8859_1("ISO-8859-1");

    private final String label;

    MarcCharset(String label) {
        this.label = label;
    }

    /** The name recorded in {@code BibRecord.characterSet()}: "UTF-8", "MARC-8", "ISO-5426", "ISO-6937", "ISO-8859-1". */
    public String label() {
        return label;
    }

    /** True for the single-byte legacy sets that must be verified against UTF-8 content. */
    public boolean legacy() {
        return this != UTF_8;
    }

    /**
     * Parses a character set name as written in configuration or declared by a target, ignoring
     * case, blanks, '-' and '_': utf8, marc8 (also ansel), iso5426, iso6937, latin1 (also iso88591).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static MarcCharset fromName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("character set must not be null");
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        return switch (n) {
            case "utf8", "unicode" -> UTF_8;
            case "marc8", "ansel", "marc" -> MARC_8;
            case "iso5426" -> ISO_5426;
            case "iso6937" -> ISO_6937;
            case "latin1", "iso88591", "isolatin1", "8859", "windows1252", "cp1252" -> ISO_8859_1;
            default -> throw new IllegalArgumentException("character set: unknown value '" + name
                    + "' (expected UTF-8, MARC-8, ISO-5426, ISO-6937 or ISO-8859-1)");
        };
    }
}
