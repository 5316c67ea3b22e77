package org.navette.normalise;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.stream.XMLInputFactory;
import org.marc4j.Mrk8StreamReader;
import org.marc4j.marc.Record;
import org.navette.NavetteException;
import org.navette.model.ProblemKind;
import org.navette.model.RecordProblem;
import org.navette.normalise.internal.Iso2709Framer;
import org.navette.normalise.internal.MarcJsonReader;
import org.navette.normalise.internal.MarcMakerText;
import org.navette.normalise.internal.ProblemLog;
import org.navette.normalise.internal.SafeXml;
import org.navette.normalise.internal.XmlRecordFramer;

/**
 * Reads a whole file of records through a {@link Normaliser}, one {@link ReadResult} per record,
 * in file order: ISO 2709 (MARC21/UNIMARC, any character set), MARCXML / marcxchange / UNIMARC slim
 * / Dublin Core XML (also inside OAI-PMH or SRU responses), MARC-in-JSON and MarcMaker text. The
 * file type is recognised by content. One bad record never stops the read: it comes back with its
 * problems (and a null record when nothing could be salvaged), and reading goes on with the next.
 * A file of an unsupported type yields a single UNREADABLE result saying so.
 *
 * <pre>{@code
 * try (MarcFileReader reader = MarcFileReader.open(Path.of("jazz.mrc"), Normaliser.ofDefaults())) {
 *     reader.stream().filter(ReadResult::readable).forEach(r -> index(r.record()));
 * }
 * }</pre>
 *
 * <p>I/O errors of the underlying stream surface as {@link NavetteException}s from
 * {@link #hasNext()} and {@link #next()}.
 *
 * <p>Thread-safety: not thread-safe; read one file from one thread.
 */
public final class MarcFileReader implements Iterator<ReadResult>, AutoCloseable {
    private static final int SNIFF_BYTES = 4096;

    private final String name;
    private final FileFormat format;
    private final Normaliser normaliser;
    private final InputStream in;
    private final RecordSupplier supplier;
    private ReadResult next;
    private boolean finished;

    /** One step of reading: the next result, or null at the end. */
    private interface RecordSupplier {
        ReadResult next() throws IOException;
    }

    private MarcFileReader(String name, InputStream in, Normaliser normaliser, String extensionHint) throws IOException {
        this.name = name;
        this.normaliser = normaliser;
        BufferedInputStream bin = new BufferedInputStream(in, 64 * 1024);
        this.in = bin;
        bin.mark(SNIFF_BYTES);
        byte[] head = bin.readNBytes(SNIFF_BYTES);
        bin.reset();
        this.format = sniff(head, extensionHint);
        this.supplier = supplier(bin, head);
    }

    /** Opens a file; its path (as given) names the records' origin. */
    public static MarcFileReader open(Path file, Normaliser normaliser) throws IOException {
        if (file == null || normaliser == null) {
            throw new IllegalArgumentException("file and normaliser must not be null");
        }
        InputStream in = Files.newInputStream(file);
        try {
            return new MarcFileReader(file.toString(), in, normaliser, extension(file.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads a stream; {@code name} names the records' origin (a file name, a library code). The reader closes the stream. */
    public static MarcFileReader open(InputStream in, String name, Normaliser normaliser) throws IOException {
        if (in == null || name == null || name.isBlank() || normaliser == null) {
            throw new IllegalArgumentException("stream, name and normaliser must be given (name was '" + name + "')");
        }
        return new MarcFileReader(name, in, normaliser, extension(name));
    }

    /** What kind of file this is. */
    public FileFormat format() {
        return format;
    }

    /** The name records are attributed to. */
    public String name() {
        return name;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = supplier.next();
            } catch (IOException e) {
                finished = true;
                throw new NavetteException("cannot read " + name + ": " + e.getMessage(), e);
            } catch (java.io.UncheckedIOException e) {
                finished = true;
                throw new NavetteException("cannot read " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
            if (next == null) {
                finished = true;
            }
        }
        return next != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + name);
        }
        ReadResult r = next;
        next = null;
        return r;
    }

    /** The remaining results as a sequential stream; closing the stream closes this reader. */
    public Stream<ReadResult> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        finished = true;
        try {
            in.close();
        } catch (IOException e) {
            throw new NavetteException("cannot close " + name + ": " + e.getMessage(), e);
        }
    }

    // ---- file types ----

    private RecordSupplier supplier(BufferedInputStream bin, byte[] head) throws IOException {
        switch (format) {
            case ISO2709: {
                Iso2709Framer framer = new Iso2709Framer(bin, name, normaliser.maxRecordBytes());
                return () -> {
                    Iso2709Framer.Frame f = framer.next();
                    return f == null ? null : normaliser.fromFrame(f, name, null);
                };
            }
            case XML: {
                XmlRecordFramer framer = XmlRecordFramer.open(bin, name, normaliser.maxRecordBytes());
                XMLInputFactory factory = SafeXml.inputFactory();
                boolean[] any = new boolean[1];
                return () -> {
                    XmlRecordFramer.Chunk c = framer.next();
                    if (c == null) {
                        if (!any[0]) {
                            any[0] = true;
                            return fileProblem(ProblemKind.MALFORMED_XML, "no MARC or Dublin Core record element in the XML");
                        }
                        return null;
                    }
                    any[0] = true;
                    return normaliser.fromXmlChunk(c, name, null, factory);
                };
            }
            case MARC_JSON: {
                MarcJsonReader reader = new MarcJsonReader(bin.readAllBytes(), name);
                return () -> {
                    MarcJsonReader.Item i = reader.next();
                    if (i == null) {
                        return null;
                    }
                    if (i.record() == null) {
                        return new ReadResult(i.position(), null, i.log().problems());
                    }
                    return normaliser.fromDecoded(i.record(), name, i.position(), i.byteOffset(), i.log().problems(), null, "UTF-8");
                };
            }
            case MARC_MAKER:
                return makerSupplier(bin);
            default: {
                String what = describe(head);
                boolean[] done = new boolean[1];
                return () -> {
                    if (done[0]) {
                        return null;
                    }
                    done[0] = true;
                    return fileProblem(ProblemKind.UNREADABLE, "unsupported format: " + what
                            + " (readable: ISO 2709, MARCXML/marcxchange/UNIMARC slim/Dublin Core XML, MARC-in-JSON, MarcMaker)");
                };
            }
        }
    }

    private RecordSupplier makerSupplier(BufferedInputStream bin) throws IOException {
        byte[] all = bin.readAllBytes();
        Mrk8StreamReader reader = new Mrk8StreamReader(new ByteArrayInputStream(all));
        long[] position = new long[1];
        boolean[] broken = new boolean[1];
        return () -> {
            if (broken[0]) {
                return null;
            }
            long pos = position[0] + 1;
            try {
                if (!reader.hasNext()) {
                    return null;
                }
                position[0] = pos;
                Record r = reader.next();
                ProblemLog log = new ProblemLog(name, pos, -1);
                boolean marc8 = MarcMakerText.decodeMarc8(r, log);
                return normaliser.fromDecoded(r, name, pos, -1, log.problems(), null, marc8 ? "MARC-8" : "UTF-8");
            } catch (RuntimeException e) {
                broken[0] = true;
                position[0] = pos;
                return new ReadResult(pos, null, List.of(new RecordProblem(ProblemKind.UNREADABLE, name, pos, -1,
                        "MarcMaker text not readable: " + e.getMessage() + "; the rest of the file is not read")));
            }
        };
    }

    private ReadResult fileProblem(ProblemKind kind, String message) {
        List<RecordProblem> ps = kind == ProblemKind.UNREADABLE
                ? List.of(new RecordProblem(kind, name, 0, -1, message))
                : List.of(new RecordProblem(kind, name, 0, -1, message),
                        new RecordProblem(ProblemKind.UNREADABLE, name, 0, -1, "no record could be read"));
        return new ReadResult(0, null, ps);
    }

    /** The file type by content; the extension only decides between equally plausible readings. */
    static FileFormat sniff(byte[] head, String extension) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return FileFormat.XML;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t' || head[i] == 0)) {
            i++;
        }
        if (i >= head.length) {
            return extension.equals("xml") ? FileFormat.XML : FileFormat.UNSUPPORTED;
        }
        byte b = head[i];
        boolean terminators = false;
        for (byte x : head) {
            if (x == Iso2709Framer.FIELD_TERMINATOR || x == Iso2709Framer.RECORD_TERMINATOR) {
                terminators = true;
                break;
            }
        }
        String all = new String(head, StandardCharsets.ISO_8859_1);
        // binary MARC with a damaged first byte is not XML: XML closes its elements
        if (b == '<' && (!terminators || all.contains("</") || all.contains("<?xml"))) {
            return FileFormat.XML;
        }
        if (b == '{' || b == '[') {
            return FileFormat.MARC_JSON;
        }
        String text = new String(head, i, Math.min(head.length - i, 16), StandardCharsets.ISO_8859_1);
        if (text.startsWith("=LDR") || text.startsWith("=000") || text.startsWith("=001")) {
            return FileFormat.MARC_MAKER;
        }
        boolean digits = head.length - i >= 5;
        for (int k = i; k < i + 5 && k < head.length; k++) {
            digits &= head[k] >= '0' && head[k] <= '9';
        }
        if (digits && (terminators || head.length < 26 || Iso2709Framer.leaderScore(head, i, head.length - i) >= 5)) {
            return FileFormat.ISO2709;
        }
        // terminators alone are no proof: random bytes hold one in every 128; a record file also shows
        // a leader (at the start or after a record terminator) or reads as text between its separators
        if (terminators && !text.startsWith("LDR") && (hasLeaderAfterTerminator(head) || mostlyText(head))) {
            return FileFormat.ISO2709;
        }
        if ((extension.equals("mrk") || extension.equals("mrk8")) && text.startsWith("=")) {
            return FileFormat.MARC_MAKER;
        }
        return FileFormat.UNSUPPORTED;
    }

    /** Whether a record terminator in {@code head} is followed by something shaped like a leader. */
    private static boolean hasLeaderAfterTerminator(byte[] head) {
        for (int k = 0; k < head.length - 1; k++) {
            if (head[k] == Iso2709Framer.RECORD_TERMINATOR) {
                int start = k + 1;
                while (start < head.length && (head[start] == '\n' || head[start] == '\r' || head[start] == 0)) {
                    start++;
                }
                if (head.length - start >= 26 && Iso2709Framer.leaderScore(head, start, head.length - start) >= 5) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the bytes read as text with MARC separators: real records, even with a damaged leader
     * and in a legacy 8-bit set, hold almost no control bytes besides the three separators (and MARC-8 escapes).
     */
    private static boolean mostlyText(byte[] head) {
        return controlBytes(head) * 50 < head.length;
    }

    private static int controlBytes(byte[] head) {
        int control = 0;
        for (byte x : head) {
            int u = x & 0xFF;
            if ((u < 0x20 || u == 0x7F) && u != '\n' && u != '\r' && u != '\t'
                    && u != 0x1B && x != Iso2709Framer.RECORD_TERMINATOR && x != Iso2709Framer.FIELD_TERMINATOR
                    && x != Iso2709Framer.SUBFIELD_DELIMITER) {
                control++;
            }
        }
        return control;
    }

    /** A short description of unsupported content for the problem message. */
    private static String describe(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 200), StandardCharsets.UTF_8).strip();
        String firstLine = text.isEmpty() ? "" : text.lines().findFirst().orElse("");
        if (firstLine.length() > 40) {
            firstLine = firstLine.substring(0, 40) + "...";
        }
        if (head.length == 0) {
            return "the file is empty";
        }
        if (!mostlyText(head)) {
            return "binary data, not a MARC record file";
        }
        if (text.startsWith("LDR") || text.matches("(?s)^\\d{3}[ \\t].*")) {
            return "line-based MARC text (starts with \"" + firstLine + "\")";
        }
        return "not a MARC record file (starts with \"" + firstLine + "\")";
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
