package org.navette.model;

/**
 * What went wrong with one record while reading or normalising it.
 */
public enum ProblemKind {
    /** The bytes end before the record does (length in the leader beyond the end of input). */
    TRUNCATED,
    /** The record is longer than ISO 2709 allows (99 999 bytes) or than its leader says. */
    OVERSIZED,
    /** Leader unreadable: wrong length digits, base address, indicator or subfield counts. */
    BAD_LEADER,
    /** Directory entries wrong: lengths or offsets pointing outside the record, unordered entries. */
    BAD_DIRECTORY,
    /** A field that could not be parsed: bad tag, indicators, subfield codes, missing terminators. */
    BAD_FIELD,
    /** Bytes that are not valid in the declared or detected character set; replaced, never dropped silently. */
    ENCODING,
    /** The declared character set contradicted the bytes; the detected one was used. */
    CHARSET_MISMATCH,
    /** XML that is not well-formed, or a MARCXML element missing required parts. */
    MALFORMED_XML,
    /** A record without a title proper (245/200$a). */
    MISSING_TITLE,
    /** A data value that could not be interpreted (a year that is not a year, a bad ISBN...). */
    BAD_VALUE,
    /** The record could not be salvaged at all: it is reported and skipped. */
    UNREADABLE
}
