package org.navette.normalise.internal;

import java.nio.charset.StandardCharsets;
import org.navette.model.ProblemKind;

/**
 * Repairs UTF-8 text that was decoded as Latin-1 (or Windows-1252) and encoded again, the
 * commonest corruption in exported catalogues ("BR.8Â°0947" for "BR.8°0947", "Ã©" for "é"). A run
 * of such characters is replaced only when its bytes form valid UTF-8 with at least one multi-byte
 * character, which ordinary text almost never does; each repair is reported with the original text.
 *
 * <pre>{@code
 * DoubleEncoding.repair("BR.8Â°0947(13)", "995$k", log); // "BR.8°0947(13)", ENCODING problem logged
 * }</pre>
 *
 * <p>Thread-safety: stateless (coders are created per repair, which is rare).
 */
final class DoubleEncoding {
    private DoubleEncoding() {
    }

    public static String repair(String s, String where, ProblemLog log) {
        if (!suspicious(s)) {
            return s;
        }
        String current = s;
        // some exports went through the mistake several times; undo one layer per round
        for (int round = 0; round < 16; round++) {
            String next = repairOnce(current);
            if (next == null) {
                break;
            }
            current = next;
        }
        if (current.equals(s)) {
            return s;
        }
        log.add(ProblemKind.ENCODING, where + ": UTF-8 encoded twice ('" + abbreviate(s) + "'); repaired");
        return current;
    }

    /** One layer undone, or null when nothing could be. */
    private static String repairOnce(String s) {
        if (!suspicious(s)) {
            return null;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            if (!isMojibakeChar(s.charAt(i))) {
                if (out != null) {
                    out.append(s.charAt(i));
                }
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && isMojibakeChar(s.charAt(j))) {
                j++;
            }
            String fixed = redecode(s.substring(i, j));
            if (fixed != null && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            }
            if (out != null) {
                out.append(fixed != null ? fixed : s.substring(i, j));
            }
            i = j;
        }
        return out == null ? null : out.toString();
    }

    /** A lead character of a two- or three-byte UTF-8 sequence seen as Latin-1, followed by a continuation. */
    private static boolean suspicious(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xC2 && c <= 0xEF && isContinuation(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContinuation(char c) {
        return c >= 0x80 && c <= 0xBF || c > 0xFF && cp1252Byte(c) >= 0x80 && cp1252Byte(c) <= 0xBF;
    }

    private static boolean isMojibakeChar(char c) {
        return c >= 0x80 && c <= 0xFF || c > 0xFF && cp1252Byte(c) >= 0;
    }

    /** The Windows-1252 byte of a character outside Latin-1, or -1. */
    private static int cp1252Byte(char c) {
        return switch (c) {
            case '\u20AC' -> 0x80;
            case '\u201A' -> 0x82;
            case '\u0192' -> 0x83;
            case '\u201E' -> 0x84;
            case '\u2026' -> 0x85;
            case '\u2020' -> 0x86;
            case '\u2021' -> 0x87;
            case '\u02C6' -> 0x88;
            case '\u2030' -> 0x89;
            case '\u0160' -> 0x8A;
            case '\u2039' -> 0x8B;
            case '\u0152' -> 0x8C;
            case '\u017D' -> 0x8E;
            case '\u2018' -> 0x91;
            case '\u2019' -> 0x92;
            case '\u201C' -> 0x93;
            case '\u201D' -> 0x94;
            case '\u2022' -> 0x95;
            case '\u2013' -> 0x96;
            case '\u2014' -> 0x97;
            case '\u02DC' -> 0x98;
            case '\u2122' -> 0x99;
            case '\u0161' -> 0x9A;
            case '\u203A' -> 0x9B;
            case '\u0153' -> 0x9C;
            case '\u017E' -> 0x9E;
            case '\u0178' -> 0x9F;
            default -> -1;
        };
    }

    /** The run read back as UTF-8, or null when it is not valid UTF-8 with a multi-byte character. */
    private static String redecode(String run) {
        byte[] bytes = new byte[run.length()];
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            bytes[k] = (byte) (c <= 0xFF ? c : cp1252Byte(c));
        }
        if (Utf8.invalidSequences(bytes, 0, bytes.length) > 0) {
            return null;
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        return decoded.length() < run.length() ? decoded : null;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
