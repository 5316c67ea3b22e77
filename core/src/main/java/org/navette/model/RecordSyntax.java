package org.navette.model;

/**
 * How the bytes of a {@link RawRecord} are encoded.
 */
public enum RecordSyntax {
    /** ISO 2709 ("binary MARC"): MARC21 or UNIMARC, any character set. */
    ISO2709,
    /** MARCXML, marcxchange or UNIMARC slim XML: one {@code record} element (a collection is accepted). */
    MARCXML,
    /** Dublin Core XML (SRU recordSchema dc / oai_dc). */
    DUBLIN_CORE_XML,
    /** Fields already extracted from an HTML page: the raw record carries a prebuilt {@link BibRecord}. */
    SCRAPED
}
