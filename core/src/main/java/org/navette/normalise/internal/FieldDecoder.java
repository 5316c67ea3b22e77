package org.navette.normalise.internal;

import com.ibm.icu.text.Normalizer2;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marc4j.converter.CharConverter;
import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.converter.impl.Iso5426ToUnicode;
import org.marc4j.converter.impl.Iso6937ToUnicode;
import org.navette.model.ProblemKind;
import org.navette.normalise.MarcCharset;

/**
 * Decodes the data bytes of one record's subfields and control fields from the character set
 * chosen for the record into NFC Unicode text. Bytes that are invalid in that set become U+FFFD and
 * an ENCODING problem naming the field; a converter failure never escapes.
 *
 * <pre>{@code
 * FieldDecoder d = new FieldDecoder(MarcCharset.MARC_8, log);
 * String title = d.decode(bytes, from, to, "245$a");
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe (marc4j's converters keep state); one decoder per record.
 */
public final class FieldDecoder {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** marc4j writes an unmapped MARC-8 byte as the text "<U+00XX>". */
    private static final Pattern UNMAPPED = Pattern.compile("<U\\+[0-9a-fA-F]{4}>");
    /** Stands in for a byte the legacy set leaves undefined; replaced by U+FFFD after conversion. */
    private static final char SENTINEL = 0x1A;

    private final MarcCharset charset;
    private final ProblemLog log;
    private CharConverter converter;
    private final StringBuilder converterErrors = new StringBuilder();

    public FieldDecoder(MarcCharset charset, ProblemLog log) {
        this.charset = charset;
        this.log = log;
    }

    public MarcCharset charset() {
        return charset;
    }

    /** The text of bytes [from, to), NFC; {@code where} names the field for problem messages ("245$a"). */
    public String decode(byte[] b, int from, int to, String where) {
        if (isPlainAscii(b, from, to)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String text = switch (charset) {
            case UTF_8 -> utf8(b, from, to, where);
            case ISO_8859_1 -> new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            case MARC_8 -> marc8(b, from, to, where);
            case ISO_5426, ISO_6937 -> isoLegacy(b, from, to, where);
        };
        return nfc(text);
    }

    /** NFC form of {@code s}; cheap when it already is. */
    public static String nfc(String s) {
        return NFC.isNormalized(s) ? s : NFC.normalize(s);
    }

    private static boolean isPlainAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0 || b[i] == 0x1B) {
                return false;
            }
        }
        return true;
    }

    private String utf8(byte[] b, int from, int to, String where) {
        int bad = Utf8.invalidSequences(b, from, to);
        if (bad > 0) {
            log.add(ProblemKind.ENCODING, where + ": " + bad + " invalid UTF-8 byte sequence(s) replaced by U+FFFD");
        }
        return DoubleEncoding.repair(new String(b, from, to - from, StandardCharsets.UTF_8), where, log);
    }

    private String marc8(byte[] b, int from, int to, String where) {
        if (converter == null) {
            converter = new AnselToUnicode((severity, message) -> {
                if (converterErrors.length() == 0) {
                    converterErrors.append(message);
                }
            });
        }
        converterErrors.setLength(0);
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            chars[i - from] = (char) (b[i] & 0xFF);
        }
        String out;
        try {
            out = converter.convert(chars);
        } catch (RuntimeException e) {
            log.add(ProblemKind.ENCODING, where + ": MARC-8 conversion failed (" + e.getMessage()
                    + "); bytes read as ISO-8859-1");
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (converterErrors.length() > 0) {
            log.add(ProblemKind.ENCODING, where + ": MARC-8: " + converterErrors);
        }
        if (out.indexOf("<U+") >= 0 && !new String(chars).contains("<U+")) {
            Matcher m = UNMAPPED.matcher(out);
            int n = 0;
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                n++;
                m.appendReplacement(sb, "\uFFFD");
            }
            m.appendTail(sb);
            if (n > 0) {
                log.add(ProblemKind.ENCODING, where + ": " + n + " byte(s) undefined in MARC-8 replaced by U+FFFD");
                out = sb.toString();
            }
        }
        return out;
    }

    private String isoLegacy(byte[] b, int from, int to, String where) {
        if (converter == null) {
            converter = charset == MarcCharset.ISO_5426 ? new Iso5426ToUnicode() : new Iso6937ToUnicode();
        }
        char[] chars = new char[to - from];
        int undefined = 0;
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (v == SENTINEL || v >= 0x80 && v < 0xA0 && v != 0x88 && v != 0x89 && v != 0x98 && v != 0x9C
                    || charset == MarcCharset.ISO_5426 && undefinedIn5426(v)) {
                undefined++;
                chars[i - from] = SENTINEL;
            } else {
                chars[i - from] = (char) v;
            }
        }
        String out;
        try {
            out = converter.convert(chars);
        } catch (RuntimeException e) {
            log.add(ProblemKind.ENCODING, where + ": " + charset.label() + " conversion failed (" + e.getMessage()
                    + "); bytes read as ISO-8859-1");
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (undefined > 0) {
            log.add(ProblemKind.ENCODING, where + ": " + undefined + " byte(s) undefined in " + charset.label()
                    + " replaced by U+FFFD");
            out = out.replace(SENTINEL, '\uFFFD');
        }
        return out;
    }

    private static boolean undefinedIn5426(int v) {
        return switch (v) {
            case 0xA0, 0xB3, 0xB4, 0xB5, 0xE0, 0xE3, 0xE4, 0xE5, 0xE7, 0xEB, 0xED, 0xEE, 0xEF, 0xF0, 0xF2, 0xF3,
                    0xF4, 0xF7, 0xFD, 0xFE, 0xFF -> true;
            default -> false;
        };
    }
}
