package org.navette.ill;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CSV both ILL inputs share (request files, lending statistics): strict UTF-8 and RFC 4180
 * records, each with the physical line it starts on.
 *
 * <pre>{@code
 * List<CsvText.Row> rows = CsvText.rows(CsvText.utf8(bytes));
 * }</pre>
 *
 * <p>Stateless. Package-private: callers turn its failures into their own typed errors.
 */
final class CsvText {
    private CsvText() {
    }

    /**
     * One record: the line it starts on, its fields, and why it is broken when it is (then
     * {@code fields} holds those read before the break).
     */
    record Row(int line, List<String> fields, @Nullable String error) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    /** The bytes are not UTF-8: the line (1-based) holding the first malformed sequence, and why. */
    static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        NotUtf8(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /**
     * Decodes strictly: a malformed sequence is reported with its line instead of being replaced by
     * U+FFFD, since a silently mangled title or id would match nothing and nobody would know why.
     * A leading BOM is dropped.
     */
    static String utf8(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(line, String.format("byte 0x%02X at offset %d is not valid UTF-8", bytes[at] & 0xFF, at));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * RFC 4180 records: fields separated by commas, quoted fields may hold commas, doubled quotes
     * and line breaks. Blank lines are skipped. A quote left open to the end of the input is
     * reported on the line it opened, and reading starts again on the next physical line, so one
     * stray quote costs one line rather than the rest of the file. A quote inside an unquoted field
     * is kept as a literal character (spreadsheets write {@code 12" single} that way). A quoted value
     * running over several lines is kept when its record has the header's number of fields; when it
     * has another, the quote was a stray one swallowing the lines after it, and it costs one line too.
     */
    /**
     * One field as RFC 4180 writes it: quoted (inner quotes doubled) when it holds a comma, a quote
     * or a line break, or starts with a character a spreadsheet would take for a formula.
     */
    static String quote(String field) {
        boolean formula = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0;
        if (!formula && field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return field;
        }
        // a leading apostrophe stops a spreadsheet from evaluating a field that came from a request
        return "\"" + (formula ? "'" : "") + field.replace("\"", "\"\"") + "\"";
    }

    static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        int line = 1;
        int expected = -1;
        while (pos < n) {
            int startPos = pos;
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean quotedAny = false;
            int spanningColumn = 0;
            boolean endOfRecord = false;
            while (!endOfRecord) {
                field.setLength(0);
                if (pos < n && text.charAt(pos) == '"') {
                    quotedAny = true;
                    int column = fields.size() + 1;
                    pos++;
                    boolean closed = false;
                    while (pos < n) {
                        char c = text.charAt(pos);
                        if (c == '"') {
                            if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                                field.append('"');
                                pos += 2;
                                continue;
                            }
                            pos++;
                            closed = true;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                            spanningColumn = column;
                        }
                        if (c == '\r' && pos + 1 < n && text.charAt(pos + 1) == '\n') {
                            pos++; // a CRLF inside quotes is kept as one line break
                            continue;
                        }
                        field.append(c);
                        pos++;
                    }
                    if (!closed) {
                        rows.add(new Row(startLine, fields, "unterminated quote: the quote opening field "
                                + column + " is never closed"));
                        pos = nextLine(text, startPos);
                        line = startLine + 1;
                        error = "";
                        break;
                    }
                    if (pos < n && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                        error = "bad quoting: text after the closing quote of field " + column;
                        fields.add(field.toString());
                        int end = text.indexOf('\n', pos);
                        pos = end < 0 ? n : end;
                    }
                } else {
                    while (pos < n && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                        field.append(text.charAt(pos++));
                    }
                }
                if (error == null) {
                    fields.add(field.toString());
                }
                if (pos < n && text.charAt(pos) == ',' && error == null) {
                    pos++;
                    continue;
                }
                if (pos < n && text.charAt(pos) == '\r') {
                    pos++;
                }
                if (pos < n && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                endOfRecord = true;
            }

            if ("".equals(error)) {
                continue; // the unterminated quote is already recorded
            }
            if (error == null && !quotedAny && fields.size() == 1 && fields.get(0).isBlank()) {
                continue; // a blank line
            }
            if (spanningColumn > 0 && expected > 0 && (error != null || fields.size() != expected)) {
                // a value over several lines that leaves the record with the wrong number of fields is a
                // stray quote swallowing the lines after it: report its line and read the next ones
                rows.add(new Row(startLine, fields.subList(0, spanningColumn - 1), "unterminated quote: the quote opening field " + spanningColumn
                        + " runs on to line " + (line - 1) + " and leaves " + fields.size() + " fields instead of " + expected
                        + "; read as a stray quote"));
                pos = nextLine(text, startPos);
                line = startLine + 1;
                continue;
            }
            if (expected < 0) {
                expected = fields.size();
            }
            rows.add(new Row(startLine, fields, error));
        }
        return rows;
    }

    private static int nextLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end + 1;
    }
}
