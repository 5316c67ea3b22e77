package org.navette.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record as a target delivered it, before normalisation: ISO 2709 or XML bytes plus what is
 * known about them, or (for scraped OPACs) a record already built from HTML fields.
 * Connectors produce raw records; the one core normaliser turns them into {@link BibRecord}s.
 *
 * <pre>{@code
 * RawRecord raw = RawRecord.of("zebra", RecordSyntax.ISO2709, bytes, RecordFormat.MARC21);
 * RawRecord scraped = RawRecord.scraped(bibRecordFromHtml);
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #bytes()} returns a copy.
 */
public final class RawRecord {
    private final String origin;
    private final RecordSyntax syntax;
    private final byte[] data;
    private final RecordFormat formatHint;
    private final String charsetHint;
    private final BibRecord scraped;

    private RawRecord(String origin, RecordSyntax syntax, byte[] data, RecordFormat formatHint,
                      String charsetHint, BibRecord scraped) {
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("raw record origin must not be blank");
        }
        this.origin = origin;
        this.syntax = Objects.requireNonNull(syntax, "syntax");
        this.data = data;
        this.formatHint = formatHint;
        this.charsetHint = charsetHint;
        this.scraped = scraped;
    }

    /**
     * Bytes from a target.
     *
     * @param origin     the target id
     * @param syntax     ISO 2709, MARCXML or Dublin Core XML
     * @param data       the record's bytes (copied)
     * @param formatHint what the target says the format is (MARC21/UNIMARC), or null to detect it
     */
    public static RawRecord of(String origin, RecordSyntax syntax, byte[] data, RecordFormat formatHint) {
        return of(origin, syntax, data, formatHint, null);
    }

    /**
     * Bytes from a target, with the character set the target declared (e.g. "MARC-8", "ISO-5426",
     * "UTF-8"), or null when it declared none. The normaliser still verifies the bytes.
     */
    public static RawRecord of(String origin, RecordSyntax syntax, byte[] data, RecordFormat formatHint, String charsetHint) {
        if (syntax == RecordSyntax.SCRAPED) {
            throw new IllegalArgumentException("use RawRecord.scraped(BibRecord) for scraped records");
        }
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("raw record data must not be empty (origin " + origin + ")");
        }
        return new RawRecord(origin, syntax, data.clone(), formatHint, charsetHint, null);
    }

    /** XML text from a target (SRU recordPacking string or xml), stored as UTF-8 bytes. */
    public static RawRecord ofXml(String origin, RecordSyntax syntax, String xml, RecordFormat formatHint) {
        return of(origin, syntax, xml.getBytes(StandardCharsets.UTF_8), formatHint, "UTF-8");
    }

    /** A record built from scraped HTML fields; its format must be {@link RecordFormat#HTML} unless it came from a MARC export. */
    public static RawRecord scraped(BibRecord record) {
        Objects.requireNonNull(record, "record");
        return new RawRecord(record.source().origin(), RecordSyntax.SCRAPED, null, record.format(), null, record);
    }

    /** The target (or file) this record came from. */
    public String origin() { return origin; }

    public RecordSyntax syntax() { return syntax; }

    /** A copy of the bytes; empty for scraped records. */
    public byte[] bytes() { return data == null ? new byte[0] : data.clone(); }

    /** Length of the bytes without copying them. */
    public int length() { return data == null ? 0 : data.length; }

    /** The format the target declared, or null to let the normaliser detect it. */
    public RecordFormat formatHint() { return formatHint; }

    /** The character set the target declared, or null. */
    public String charsetHint() { return charsetHint; }

    /** The prebuilt record of a scraped raw record; null otherwise. */
    public BibRecord scrapedRecord() { return scraped; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r && origin.equals(r.origin) && syntax == r.syntax
                && Arrays.equals(data, r.data) && formatHint == r.formatHint
                && Objects.equals(charsetHint, r.charsetHint) && Objects.equals(scraped, r.scraped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, syntax, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "RawRecord[" + origin + " " + syntax + " " + length() + " bytes]";
    }
}
