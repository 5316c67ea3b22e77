package org.navette.model;

import java.util.Locale;

/**
 * The bibliographic format a record was catalogued in, before normalisation.
 *
 * <pre>{@code
 * RecordFormat f = RecordFormat.fromCode("unimarc"); // UNIMARC
 * f.code();                                       // "unimarc"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum RecordFormat {
    MARC21,
    UNIMARC,
    /** Dublin Core, as SRU targets return with recordSchema {@code dc}. */
    DUBLIN_CORE,
    /** Fields scraped from a web OPAC's HTML page: the least complete, flagged as such. */
    HTML;

    /** The lower-case code used in JSON output and configuration: {@code marc21}, {@code unimarc}... */
    public String code() {
        return switch (this) {
            case MARC21 -> "marc21";
            case UNIMARC -> "unimarc";
            case DUBLIN_CORE -> "dc";
            case HTML -> "html";
        };
    }

    /**
     * Parses a code as written in configuration ({@code marc21}, {@code usmarc}, {@code unimarc},
     * {@code dc}, {@code html}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static RecordFormat fromCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("record format must not be null");
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "marc21", "usmarc", "marc" -> MARC21;
            case "unimarc" -> UNIMARC;
            case "dc", "dublincore", "dublin_core" -> DUBLIN_CORE;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException(
                    "record format: unknown value '" + code + "' (expected marc21, unimarc, dc or html)");
        };
    }
}
