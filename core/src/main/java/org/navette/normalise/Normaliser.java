package org.navette.normalise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.xml.stream.XMLInputFactory;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.navette.model.BibRecord;
import org.navette.model.MarcRecord;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordProblem;
import org.navette.model.RecordSource;
import org.navette.model.RecordSyntax;
import org.navette.normalise.internal.DisplayText;
import org.navette.normalise.internal.DublinCoreMapper;
import org.navette.normalise.internal.FormatDetector;
import org.navette.normalise.internal.HoldingsMapper;
import org.navette.normalise.internal.Iso2709Decoder;
import org.navette.normalise.internal.Iso2709Framer;
import org.navette.normalise.internal.Iso2709Parser;
import org.navette.normalise.internal.Marc21Mapper;
import org.navette.normalise.internal.MarcFields;
import org.navette.normalise.internal.MarcXmlParser;
import org.navette.normalise.internal.ParsedRecord;
import org.navette.normalise.internal.ProblemLog;
import org.navette.normalise.internal.SafeXml;
import org.navette.normalise.internal.UnimarcMapper;
import org.navette.normalise.internal.XmlRecordFramer;

/**
 * The one normaliser: turns MARC21 and UNIMARC records (ISO 2709 in any character set, MARCXML,
 * marcxchange, UNIMARC slim XML), Dublin Core XML and scraped records into {@link BibRecord}s.
 * Federated search, the union catalogue, deduplication and interlending all read records through it.
 *
 * <p>It never throws because of a record's content: whatever is wrong (truncated or mis-directoried
 * ISO 2709, lying character set declarations, malformed XML, a title missing, a year that is not
 * one) becomes a typed {@link RecordProblem} in the result, and the record is salvaged as far as
 * possible. Format (MARC21/UNIMARC) and character set are detected per record; a source known to
 * lie can be forced with {@link Builder#formatOverride} and {@link Builder#charsetOverride}.
 *
 * <pre>{@code
 * Normaliser normaliser = Normaliser.ofDefaults();
 * ReadResult r = normaliser.normalise(RawRecord.of("zebra", RecordSyntax.ISO2709, bytes, null));
 * BibRecord record = r.record();      // null only when nothing could be salvaged
 *
 * Normaliser bsg = Normaliser.builder()
 *         .formatOverride(RecordFormat.UNIMARC)
 *         .charsetOverride(MarcCharset.UTF_8)   // declares ISO 5426, sends UTF-8
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable and thread-safe; share one instance per configuration.
 */
public final class Normaliser {
    static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private final RecordFormat formatOverride;
    private final MarcCharset charsetOverride;
    private final int maxRecordBytes;

    private Normaliser(Builder b) {
        this.formatOverride = b.formatOverride;
        this.charsetOverride = b.charsetOverride;
        this.maxRecordBytes = b.maxRecordBytes;
    }

    /** A normaliser that detects format and character set per record. */
    public static Normaliser ofDefaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The forced format, or null when it is detected per record. */
    public RecordFormat formatOverride() {
        return formatOverride;
    }

    /** The forced character set, or null when it is detected per record. */
    public MarcCharset charsetOverride() {
        return charsetOverride;
    }

    /** Records longer than this many bytes (or XML characters) are reported and skipped. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** Normalises one record from a target; its position is not known. Never throws because of the record's content. */
    public ReadResult normalise(RawRecord raw) {
        return normalise(raw, 0);
    }

    /**
     * Normalises one record from a target, at a known 1-based position in its result set (used in
     * problem reports and as the record id when the record has no 001).
     */
    public ReadResult normalise(RawRecord raw, long position) {
        if (raw == null) {
            throw new IllegalArgumentException("raw record must not be null");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
        ProblemLog log = new ProblemLog(raw.origin(), position, raw.syntax() == RecordSyntax.ISO2709 ? 0 : -1);
        try {
            return switch (raw.syntax()) {
                case SCRAPED -> new ReadResult(position, raw.scrapedRecord(), raw.scrapedRecord().problems());
                case ISO2709 -> fromIsoBytes(raw, position, log);
                case MARCXML, DUBLIN_CORE_XML -> fromXmlBytes(raw, position, log);
            };
        } catch (RuntimeException e) {
            return failed(position, log, e);
        }
    }

    /**
     * Normalises a marc4j record that is already decoded to Unicode (read by other means, or
     * built by hand). The format is detected from the content unless this normaliser forces one;
     * {@code formatHint} decides only when the content does not.
     */
    public ReadResult normalise(Record marc, RecordSource source, RecordFormat formatHint) {
        if (marc == null || source == null) {
            throw new IllegalArgumentException("marc record and source must not be null");
        }
        ProblemLog log = new ProblemLog(source.origin(), 0, -1);
        try {
            RecordFormat format = detect(marc, formatHint);
            BibRecord r = map(marc, false, format, source.origin(), source.recordId(), 0, null, log);
            return new ReadResult(0, r, r.problems());
        } catch (RuntimeException e) {
            return failed(0, log, e);
        }
    }

    // ---- entry points shared with MarcFileReader ----

    ReadResult fromFrame(Iso2709Framer.Frame f, String origin, RecordFormat hint) {
        ProblemLog log = new ProblemLog(origin, f.position(), f.byteOffset());
        log.addAll(f.problems());
        if (!f.readable()) {
            return new ReadResult(f.position(), null, log.problems());
        }
        try {
            return fromIso2709(f.bytes(), origin, f.position(), hint, null, log);
        } catch (RuntimeException e) {
            return failed(f.position(), log, e);
        }
    }

    ReadResult fromXmlChunk(XmlRecordFramer.Chunk c, String origin, RecordFormat hint, XMLInputFactory factory) {
        ProblemLog log = c.log();
        if (log.has(ProblemKind.UNREADABLE)) {
            return new ReadResult(c.position(), null, log.problems());
        }
        try {
            if (c.kind() == XmlRecordFramer.Kind.DUBLIN_CORE) {
                BibRecord r = DublinCoreMapper.map(c.text(), c.line(), factory, origin, c.position(), log);
                if (r == null) {
                    return new ReadResult(c.position(), null, log.problems());
                }
                r = r.toBuilder().problems(log.problems()).build();
                return new ReadResult(c.position(), r, r.problems());
            }
            MarcXmlParser.Parsed p = MarcXmlParser.parse(c.text(), c.line(), factory, log);
            if (p.record() == null) {
                return new ReadResult(c.position(), null, log.problems());
            }
            RecordFormat format = detect(p.record(), p.declaredFormat() != null ? p.declaredFormat() : hint);
            BibRecord r = map(p.record(), true, format, origin, null, c.position(), "UTF-8", log);
            return new ReadResult(c.position(), r, r.problems());
        } catch (RuntimeException e) {
            return failed(c.position(), log, e);
        }
    }

    /** A record decoded by another reader (MARC-in-JSON, MarcMaker), with the problems found while reading it. */
    ReadResult fromDecoded(Record marc, String origin, long position, long byteOffset, List<RecordProblem> earlier,
                           RecordFormat hint, String charset) {
        ProblemLog log = new ProblemLog(origin, position, byteOffset);
        log.addAll(earlier);
        try {
            RecordFormat format = detect(marc, hint);
            BibRecord r = map(marc, true, format, origin, null, position, charset, log);
            return new ReadResult(position, r, r.problems());
        } catch (RuntimeException e) {
            return failed(position, log, e);
        }
    }

    // ---- the pipeline ----

    private ReadResult fromIso2709(byte[] bytes, String origin, long position, RecordFormat hint,
                                   MarcCharset declared, ProblemLog log) {
        ParsedRecord parsed = Iso2709Parser.parse(bytes, log);
        if (parsed == null) {
            return new ReadResult(position, null, log.problems());
        }
        Iso2709Decoder.Decoded d = Iso2709Decoder.decode(parsed, formatOverride, hint, charsetOverride, declared, log);
        BibRecord r = map(d.record(), true, d.format(), origin, null, position, d.charset().label(), log);
        return new ReadResult(position, r, r.problems());
    }

    /** One record's bytes from a target: framed like a file so that length and terminator are checked too. */
    private ReadResult fromIsoBytes(RawRecord raw, long position, ProblemLog outer) {
        MarcCharset declared = declared(raw.charsetHint(), outer);
        try {
            Iso2709Framer framer = new Iso2709Framer(raw.bytes(), raw.origin(), maxRecordBytes);
            Iso2709Framer.Frame f = framer.next();
            if (f == null) {
                outer.add(ProblemKind.UNREADABLE, "no record in " + raw.length() + " bytes of blanks and terminators");
                return new ReadResult(position, null, outer.problems());
            }
            ProblemLog log = new ProblemLog(raw.origin(), position, f.byteOffset());
            log.addAll(outer.problems());
            log.addAll(f.problems());
            boolean more = framer.next() != null;
            if (more) {
                log.add(ProblemKind.BAD_FIELD, "the bytes hold more than one record; only the first was read");
            }
            if (!f.readable()) {
                return new ReadResult(position, null, log.problems());
            }
            return fromIso2709(f.bytes(), raw.origin(), position, raw.formatHint(), declared, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReadResult fromXmlBytes(RawRecord raw, long position, ProblemLog outer) {
        try {
            XmlRecordFramer framer = XmlRecordFramer.open(new ByteArrayInputStream(raw.bytes()), raw.origin(), maxRecordBytes,
                    javaCharset(raw.charsetHint()));
            List<XmlRecordFramer.Chunk> chunks = new ArrayList<>(1);
            for (XmlRecordFramer.Chunk c; (c = framer.next()) != null; ) {
                chunks.add(c);
            }
            if (chunks.isEmpty()) {
                outer.add(ProblemKind.MALFORMED_XML, "no record element in the XML");
                outer.add(ProblemKind.UNREADABLE, "nothing could be read");
                return new ReadResult(position, null, outer.problems());
            }
            // ZDB's MARC21plus (and other holdings-aware servers) send one collection per hit: the
            // bibliographic record with separate MARC holdings records around it, often first.
            List<XmlRecordFramer.Chunk> holdings = new ArrayList<>();
            List<XmlRecordFramer.Chunk> bibliographic = new ArrayList<>(1);
            for (XmlRecordFramer.Chunk c : chunks) {
                (chunks.size() > 1 && isHoldingsRecord(c) ? holdings : bibliographic).add(c);
            }
            if (bibliographic.isEmpty()) {
                bibliographic.add(holdings.remove(0));
            }
            XmlRecordFramer.Chunk first = bibliographic.get(0);
            XmlRecordFramer.Chunk chunk = new XmlRecordFramer.Chunk(position, first.kind(), first.text(), first.line(),
                    relocated(first.log(), raw.origin(), position));
            if (raw.syntax() == RecordSyntax.DUBLIN_CORE_XML && chunk.kind() == XmlRecordFramer.Kind.MARC) {
                chunk.log().add(ProblemKind.MALFORMED_XML, "declared Dublin Core, but the XML holds a MARC record");
            }
            ReadResult r = fromXmlChunk(chunk, raw.origin(), raw.formatHint(), SafeXml.inputFactory());
            if (r.record() == null || (holdings.isEmpty() && bibliographic.size() == 1)) {
                return r;
            }
            BibRecord.Builder b = r.record().toBuilder();
            List<RecordProblem> ps = new ArrayList<>(r.problems());
            for (XmlRecordFramer.Chunk h : holdings) {
                ProblemLog log = relocated(h.log(), raw.origin(), position);
                MarcXmlParser.Parsed p = MarcXmlParser.parse(h.text(), h.line(), SafeXml.inputFactory(), log);
                if (p.record() != null) {
                    HoldingsMapper.marc21HoldingsRecord(p.record(), b);
                }
                ps.addAll(log.problems());
            }
            if (bibliographic.size() > 1) {
                // a raw record is one record; a collection's further records would be silently dropped otherwise
                ps.add(new RecordProblem(ProblemKind.MALFORMED_XML, raw.origin(), position, -1,
                        "the XML holds " + bibliographic.size() + " bibliographic records; only the first was read"));
            }
            BibRecord rec = b.problems(ps).build();
            return new ReadResult(position, rec, rec.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern HOLDINGS_LEADER = Pattern.compile("<(?:[\\w.-]+:)?leader\\b[^>]*>\\s*.{6}[uvxy]");

    /** A MARC holdings record: leader/06 is u, v, x or y (looked up in the text, before any parsing). */
    private static boolean isHoldingsRecord(XmlRecordFramer.Chunk c) {
        return c.kind() == XmlRecordFramer.Kind.MARC && HOLDINGS_LEADER.matcher(c.text()).find();
    }

    /** The Java charset a target declared for XML text, or null to read the XML's own declaration. */
    private static Charset javaCharset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemLog relocated(ProblemLog log, String origin, long position) {
        ProblemLog moved = new ProblemLog(origin, position, -1);
        moved.addAll(log.problems());
        return moved;
    }

    private RecordFormat detect(Record marc, RecordFormat hint) {
        if (formatOverride != null) {
            return formatOverride;
        }
        String f008 = MarcFields.control(marc, "008");
        Set<String> tags = new HashSet<>();
        marc.getVariableFields().forEach(v -> tags.add(v.getTag()));
        return FormatDetector.detect(tags::contains,
                MarcFields.sub(MarcFields.first(marc, "100"), 'a'), f008 == null ? 0 : f008.length(), hint);
    }

    /** The record mapped; {@code owned} when nobody else holds {@code marc}, so that it need not be copied. */
    private static BibRecord map(Record marc, boolean owned, RecordFormat format, String origin, String id, long position,
                                 String charset, ProblemLog log) {
        String recordId = id != null ? id : DisplayText.clean(MarcFields.control(marc, "001"));
        if (recordId == null) {
            recordId = position > 0 ? "#" + position : "#" + checksum(marc);
        }
        decodeCharacterReferences(marc, log);
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, recordId), format);
        if (format == RecordFormat.UNIMARC) {
            UnimarcMapper.map(marc, b, log);
            HoldingsMapper.unimarc(marc, b);
        } else {
            Marc21Mapper.map(marc, b, log);
            HoldingsMapper.marc21(marc, b);
        }
        return b.characterSet(charset).marc(owned ? MarcRecord.adopt(marc) : MarcRecord.of(marc)).problems(log.problems()).build();
    }

    /**
     * Replaces character references left as text in subfields ("M&#252;ller", "&amp;") by the
     * characters, so that every use of the record (display, keys, matching, the MARC itself) sees
     * one spelling; each field so repaired is reported, since the source's export is at fault.
     */
    private static void decodeCharacterReferences(Record marc, ProblemLog log) {
        for (DataField f : marc.getDataFields()) {
            for (Subfield sf : f.getSubfields()) {
                String data = sf.getData();
                if (data == null || data.indexOf('&') < 0) {
                    continue;
                }
                String decoded = CharacterReferences.decode(data);
                if (!decoded.equals(data)) {
                    sf.setData(decoded);
                    log.add(ProblemKind.ENCODING, "character references decoded in " + f.getTag() + "$" + sf.getCode()
                            + ": '" + data + "' read as '" + decoded + "'");
                }
            }
        }
    }

    /** A stable id for a record without 001 and without a position: a checksum of its content. */
    private static String checksum(Record marc) {
        CRC32 crc = new CRC32();
        crc.update(marc.toString().getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static MarcCharset declared(String hint, ProblemLog log) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        try {
            return MarcCharset.fromName(hint);
        } catch (IllegalArgumentException e) {
            log.add(ProblemKind.CHARSET_MISMATCH, "the source declared the unknown character set '" + hint + "'; detected instead");
            return null;
        }
    }

    private static ReadResult failed(long position, ProblemLog log, RuntimeException e) {
        log.add(ProblemKind.UNREADABLE, "record could not be normalised: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return new ReadResult(position, null, log.problems());
    }

    /**
     * Builds {@link Normaliser}s; every setting is optional. Not thread-safe.
     */
    public static final class Builder {
        private RecordFormat formatOverride;
        private MarcCharset charsetOverride;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;

        private Builder() {
        }

        /**
         * Forces every MARC record to be read as MARC21 or UNIMARC, whatever its content says.
         *
         * @throws IllegalArgumentException for a format other than MARC21, UNIMARC or null
         */
        public Builder formatOverride(RecordFormat format) {
            if (format != null && format != RecordFormat.MARC21 && format != RecordFormat.UNIMARC) {
                throw new IllegalArgumentException("formatOverride must be MARC21 or UNIMARC, was " + format);
            }
            this.formatOverride = format;
            return this;
        }

        /** Forces every ISO 2709 record to be decoded from this character set, whatever it declares. */
        public Builder charsetOverride(MarcCharset charset) {
            this.charsetOverride = charset;
            return this;
        }

        /**
         * Forces the character set by name ("UTF-8", "MARC-8", "ISO-5426", "ISO-6937", "ISO-8859-1").
         *
         * @throws IllegalArgumentException naming the unknown value
         */
        public Builder charsetOverride(String name) {
            if (name == null) {
                this.charsetOverride = null;
                return this;
            }
            try {
                this.charsetOverride = MarcCharset.fromName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("charsetOverride: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Records longer than this are reported as OVERSIZED and skipped (default 16 MiB).
         *
         * @throws IllegalArgumentException when below 1024
         */
        public Builder maxRecordBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRecordBytes must be at least 1024, was " + bytes);
            }
            this.maxRecordBytes = bytes;
            return this;
        }

        public Normaliser build() {
            return new Normaliser(this);
        }
    }
}
