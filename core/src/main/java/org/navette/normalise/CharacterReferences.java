package org.navette.normalise;

import java.text.Normalizer;
import java.util.Map;

/**
 * Decodes HTML/XML character references left as literal text in catalogue data: numeric ones
 * ({@code &#246;}, {@code &#x00E9;}), the five XML names and the HTML names of accented Latin
 * letters and common punctuation. Records that went through a web form or an HTML export carry
 * them; "M&amp;#252;ller" must read "Müller" everywhere, or it matches nothing.
 *
 * <pre>{@code
 * CharacterReferences.decode("M&#252;ller &amp; Caf&eacute;"); // "Müller & Café"
 * CharacterReferences.decode("AT&T");                         // "AT&T" (not a reference: kept)
 * }</pre>
 *
 * <p>A reference that does not name a character (an unknown name, a surrogate or a control code
 * point, no closing semicolon) is kept as it is. A doubly escaped reference ({@code &amp;#246;})
 * is decoded to the character: literal reference syntax is never meant in a title or a name.
 *
 * <p>Thread-safety: stateless.
 */
public final class CharacterReferences {
    /** Longest name or number between {@code &} and {@code ;} considered. */
    private static final int MAX_REFERENCE = 10;
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("szlig", "ß"), Map.entry("aelig", "æ"),
            Map.entry("AElig", "Æ"), Map.entry("oelig", "œ"), Map.entry("OElig", "Œ"), Map.entry("oslash", "ø"),
            Map.entry("Oslash", "Ø"), Map.entry("eth", "ð"), Map.entry("ETH", "Ð"), Map.entry("thorn", "þ"),
            Map.entry("THORN", "Þ"), Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("hellip", "…"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("deg", "°"), Map.entry("middot", "·"), Map.entry("iquest", "¿"), Map.entry("iexcl", "¡"));
    /** HTML names of a letter with a diacritic are the letter and the diacritic's name: "eacute", "Ouml". */
    private static final Map<String, Character> DIACRITICS = Map.of(
            "acute", '\u0301', "grave", '\u0300', "circ", '\u0302', "uml", '\u0308', "tilde", '\u0303',
            "ring", '\u030A', "cedil", '\u0327', "caron", '\u030C');

    private CharacterReferences() {
    }

    /** True when {@code s} holds at least one reference that {@link #decode} would replace. */
    public static boolean contains(CharSequence s) {
        if (s == null) {
            return false;
        }
        for (int i = indexOf(s, 0); i >= 0; i = indexOf(s, i + 1)) {
            if (referenceEnd(s, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with its character references decoded; {@code s} itself when it has none (null stays null). */
    public static String decode(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        String once = decodeOnce(s);
        // "&amp;#246;": an export escaped an already escaped text
        return once != s && once.indexOf('&') >= 0 ? decodeOnce(once) : once;
    }

    private static String decodeOnce(String s) {
        StringBuilder sb = null;
        int copied = 0;
        for (int i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
            int end = referenceEnd(s, i);
            if (end < 0) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            }
            sb.append(s, copied, i).append(replacement(s, i + 1, end));
            copied = end + 1;
            i = end;
        }
        if (sb == null) {
            return s;
        }
        sb.append(s, copied, s.length());
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    private static int indexOf(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '&') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the {@code ;} closing a decodable reference that starts at {@code amp}, or -1. */
    private static int referenceEnd(CharSequence s, int amp) {
        int limit = Math.min(s.length(), amp + 2 + MAX_REFERENCE);
        for (int j = amp + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == ';') {
                return j > amp + 1 && replacement(s, amp + 1, j) != null ? j : -1;
            }
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && !(c == '#' && j == amp + 1)) {
                return -1;
            }
        }
        return -1;
    }

    /** The text a reference body (between {@code &} and {@code ;}) stands for, or null. */
    private static String replacement(CharSequence s, int from, int to) {
        String body = s.subSequence(from, to).toString();
        if (body.charAt(0) == '#') {
            return numeric(body);
        }
        String named = NAMES.get(body);
        if (named != null) {
            return named;
        }
        if (body.length() >= 4 && Character.isLetter(body.charAt(0))) {
            Character mark = DIACRITICS.get(body.substring(1));
            if (mark != null) {
                return Normalizer.normalize(body.charAt(0) + String.valueOf(mark), Normalizer.Form.NFC);
            }
        }
        return null;
    }

    private static String numeric(String body) {
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return null;
        }
        int cp;
        try {
            cp = Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return null;
        }
        if (cp < 0x20 && cp != '\t' && cp != '\n' || cp >= 0x7F && cp < 0xA0 || cp > Character.MAX_CODE_POINT
                || Character.getType(cp) == Character.SURROGATE) {
            return null;
        }
        return new String(Character.toChars(cp));
    }
}
