package org.navette.normalise.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.navette.model.ProblemKind;

/**
 * Cuts an XML document into the text of its records, without parsing the whole document, so that
 * a malformed record does not take the following ones down with it: MARCXML, marcxchange and
 * UNIMARC slim {@code record} elements (any namespace prefix; BNCF's short {@code rec} too) and
 * Dublin Core {@code dc} elements. Wrappers such as OAI-PMH and SRU {@code record} elements are
 * recognised because they contain another record; their own text is dropped. The DOCTYPE is never
 * passed on: record text is parsed without it, so entities cannot be expanded (no XXE, no
 * billion laughs), and its presence is reported.
 *
 * <pre>{@code
 * XmlRecordFramer framer = XmlRecordFramer.open(in, "koha.xml", 16 << 20);
 * for (XmlRecordFramer.Chunk c; (c = framer.next()) != null; ) { parse(c.text()); }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one framer per stream.
 */
public final class XmlRecordFramer {
    private static final Pattern DECLARED_ENCODING = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");

    /** What kind of record a chunk holds. */
    public enum Kind { MARC, DUBLIN_CORE }

    /** The text of one record element, with the problems the framing found. */
    public record Chunk(long position, Kind kind, String text, int line, ProblemLog log) {
    }

    private final ReportingDecoder reader;
    private final String name;
    private final int maxChars;
    private final String encoding;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private int line = 1;
    private long position;
    private final Deque<Chunk> ready = new ArrayDeque<>();
    private String pendingDoctype;
    private String encodingProblem;

    private StringBuilder chunk;
    private Kind chunkKind;
    private String chunkRoot;
    private int chunkLine;
    private boolean sawMarc;
    private boolean sawOther;
    private boolean chunkOversized;
    private int replacedAtChunkStart;
    private String chunkNote;

    private XmlRecordFramer(ReportingDecoder reader, String name, int maxChars, String encoding) {
        this.reader = reader;
        this.name = name;
        this.maxChars = maxChars;
        this.encoding = encoding;
    }

    /** A framer over XML bytes; the encoding comes from the byte order mark or the XML declaration (UTF-8 by default). */
    public static XmlRecordFramer open(InputStream in, String name, int maxChars) throws IOException {
        return open(in, name, maxChars, null);
    }

    /**
     * A framer over XML bytes whose encoding is known from outside (text a target handed over as a
     * string, stored as UTF-8): {@code known} wins over the XML declaration; null means "detect".
     */
    public static XmlRecordFramer open(InputStream in, String name, int maxChars, Charset known) throws IOException {
        BufferedInputStream bin = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 64 * 1024);
        bin.mark(512);
        byte[] head = bin.readNBytes(512);
        bin.reset();
        Charset cs = StandardCharsets.UTF_8;
        String problem = null;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            cs = StandardCharsets.UTF_16BE;
        } else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else {
            Matcher m = DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                String declared = m.group(1);
                String lower = declared.toLowerCase(Locale.ROOT);
                if (lower.startsWith("utf-16") || lower.startsWith("utf-32") || lower.startsWith("ucs")) {
                    // the declaration itself was readable byte by byte: the bytes are not 16/32-bit
                    problem = "XML declares " + declared + " but its bytes are 8-bit; read as UTF-8";
                } else {
                    try {
                        cs = Charset.forName(lower.equals("latin1") ? "ISO-8859-1" : declared);
                    } catch (IllegalArgumentException e) {
                        problem = "XML declares the unknown encoding '" + declared + "'; read as UTF-8";
                    }
                }
            }
        }
        if (known != null && skip == 0) {
            cs = known;
            problem = null;
        }
        bin.skipNBytes(skip);
        XmlRecordFramer f = new XmlRecordFramer(new ReportingDecoder(bin, cs), name, maxChars, cs.name());
        f.encodingProblem = problem;
        return f;
    }

    /** The next record's text, or null at the end of the document. */
    public Chunk next() throws IOException {
        while (ready.isEmpty()) {
            int c = read();
            if (c < 0) {
                if (chunk != null) {
                    note("the input ends inside this record");
                    finish();
                }
                break;
            }
            if (c != '<') {
                append((char) c);
                continue;
            }
            markup();
        }
        return ready.poll();
    }

    private void markup() throws IOException {
        if (lookingAt("!--")) {
            copyMarkup("!--", "-->");
        } else if (lookingAt("![CDATA[")) {
            copyMarkup("![CDATA[", "]]>");
        } else if (lookingAt("?")) {
            copyMarkup("?", "?>");
        } else if (lookingAt("!")) {
            int at = line;
            String decl = declaration();
            if (decl.regionMatches(true, 0, "!DOCTYPE", 0, 8) || decl.regionMatches(true, 0, "!ENTITY", 0, 7)) {
                pendingDoctype = "DOCTYPE declaration at line " + at
                        + " refused: DTDs are not read and entities are never expanded";
            }
        } else {
            int c = peek(0);
            if (c == '/' || isNameStart(c)) {
                tag();
            } else {
                append('<');
            }
        }
    }

    /** Copies a comment, CDATA section or processing instruction into the record text (if inside one). */
    private void copyMarkup(String opener, String end) throws IOException {
        pos += opener.length();
        appendRaw("<" + opener);
        int matched = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                return;
            }
            append((char) c);
            matched = c == end.charAt(matched) ? matched + 1 : c == end.charAt(0) ? 1 : 0;
            if (matched == end.length()) {
                return;
            }
        }
    }

    private void tag() throws IOException {
        StringBuilder raw = new StringBuilder("<");
        char quote = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                break;
            }
            raw.append((char) c);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = (char) c;
            } else if (c == '>') {
                break;
            } else if (c == '<') {
                // a tag that never closes: treat what we have as text, let the parser complain
                raw.setLength(raw.length() - 1);
                pos--;
                break;
            }
        }
        boolean end = raw.length() > 1 && raw.charAt(1) == '/';
        String qname = tagName(raw, end ? 2 : 1);
        String local = qname.substring(qname.indexOf(':') + 1);
        boolean selfClosing = raw.length() >= 2 && raw.charAt(raw.length() - 2) == '/' && raw.charAt(raw.length() - 1) == '>';
        if (end) {
            if (chunk != null) {
                appendRaw(raw);
                if (qname.equals(chunkRoot)) {
                    finish();
                }
            }
            return;
        }
        Kind kind = local.equals("record") || local.equals("rec") ? Kind.MARC
                : local.equals("dc") && (chunk == null || chunkKind != Kind.MARC || !sawMarc) ? Kind.DUBLIN_CORE : null;
        if (kind != null) {
            if (chunk != null && (sawMarc || chunkKind == Kind.DUBLIN_CORE && sawOther)) {
                note("record element not closed before the next record starts at line " + line);
                finish();
            }
            start(kind, qname, raw);
            if (selfClosing) {
                finish();
            }
            return;
        }
        if (chunk != null) {
            appendRaw(raw);
            if (chunkKind == Kind.MARC && isMarcContent(local)) {
                sawMarc = true;
            } else if (!local.equals("subfield") && !local.equals("sf")) {
                sawOther = true;
            }
        }
    }

    private static boolean isMarcContent(String local) {
        return switch (local) {
            case "leader", "controlfield", "datafield", "lab", "cf", "df" -> true;
            default -> false;
        };
    }

    private void start(Kind kind, String qname, CharSequence raw) {
        chunk = new StringBuilder(4096);
        chunkKind = kind;
        chunkRoot = qname;
        chunkLine = line;
        sawMarc = false;
        sawOther = false;
        chunkOversized = false;
        chunkNote = null;
        replacedAtChunkStart = reader.replaced();
        chunk.append(raw);
    }

    private void note(String s) {
        chunkNote = chunkNote == null ? s : chunkNote + "; " + s;
    }

    private void finish() {
        StringBuilder text = chunk;
        chunk = null;
        if (chunkKind == Kind.MARC && !sawMarc && sawOther && !chunkOversized) {
            // a wrapper (OAI-PMH header only, SRU record without MARC data): not a record
            return;
        }
        position++;
        ProblemLog log = new ProblemLog(name, position, -1);
        if (pendingDoctype != null) {
            log.add(ProblemKind.MALFORMED_XML, pendingDoctype);
            pendingDoctype = null;
        }
        if (encodingProblem != null) {
            log.add(ProblemKind.ENCODING, encodingProblem);
            encodingProblem = null;
        }
        int replaced = reader.replaced() - replacedAtChunkStart;
        if (replaced > 0) {
            log.add(ProblemKind.ENCODING, replaced + " byte sequence(s) invalid in " + encoding
                    + " replaced by U+FFFD (record at line " + chunkLine + ")");
        }
        if (chunkNote != null) {
            log.add(ProblemKind.MALFORMED_XML, chunkNote + " (record at line " + chunkLine + ")");
        }
        if (chunkOversized) {
            log.add(ProblemKind.OVERSIZED, "record at line " + chunkLine + " is longer than " + maxChars + " characters");
            log.add(ProblemKind.UNREADABLE, "record at line " + chunkLine + " skipped");
            ready.add(new Chunk(position, chunkKind, "", chunkLine, log));
            return;
        }
        ready.add(new Chunk(position, chunkKind, text.toString(), chunkLine, log));
    }

    private void append(char c) {
        if (chunk != null && !chunkOversized) {
            chunk.append(c);
            checkSize();
        }
    }

    private void appendRaw(CharSequence s) {
        if (chunk != null && !chunkOversized) {
            chunk.append(s);
            checkSize();
        }
    }

    private void checkSize() {
        if (chunk.length() > maxChars) {
            chunkOversized = true;
            chunk.setLength(0);
        }
    }

    /** Reads a {@code <!...>} declaration with its internal subset; returns its text without '<'. */
    private String declaration() throws IOException {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        char quote = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                return sb.toString();
            }
            if (sb.length() < 64) {
                sb.append((char) c);
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = (char) c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return sb.toString();
            }
        }
    }

    private static String tagName(CharSequence raw, int from) {
        int i = from;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '>' || c == '/') {
                break;
            }
            i++;
        }
        return raw.subSequence(from, i).toString();
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c > 0x7F;
    }

    /** True when the input continues with {@code s}; consumes nothing. */
    private boolean lookingAt(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            if (peek(i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek(int k) throws IOException {
        while (pos + k >= limit) {
            if (eof || !fill() && eof) {
                return -1;
            }
        }
        return buf[pos + k];
    }

    private boolean fill() throws IOException {
        if (eof) {
            return pos < limit;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < buf.length) {
            int n = reader.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
            if (n > 0 && limit > 64) {
                break;
            }
        }
        return pos < limit;
    }

    /** Closes the underlying stream. */
    public void close() throws IOException {
        Reader r = reader;
        r.close();
    }
}
