package org.navette.normalise.internal;

/**
 * Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), the same
 * rules the JDK decoder applies, so that counts of invalid sequences match its replacements.
 *
 * <p>Thread-safety: stateless.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Length of the valid multi-byte sequence starting at {@code i}, or 0 when it is invalid. */
    public static int sequenceLength(byte[] b, int i, int to) {
        int v = b[i] & 0xFF;
        int len;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (v >= 0xC2 && v <= 0xDF) {
            len = 2;
        } else if (v >= 0xE0 && v <= 0xEF) {
            len = 3;
            if (v == 0xE0) {
                min2 = 0xA0;
            } else if (v == 0xED) {
                max2 = 0x9F;
            }
        } else if (v >= 0xF0 && v <= 0xF4) {
            len = 4;
            if (v == 0xF0) {
                min2 = 0x90;
            } else if (v == 0xF4) {
                max2 = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + len > to) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < min2 || second > max2) {
            return 0;
        }
        for (int k = 2; k < len; k++) {
            int c = b[i + k] & 0xFF;
            if (c < 0x80 || c > 0xBF) {
                return 0;
            }
        }
        return len;
    }

    /** Number of invalid sequences in [from, to); 0 means the range is valid UTF-8. */
    public static int invalidSequences(byte[] b, int from, int to) {
        int bad = 0;
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int len = sequenceLength(b, i, to);
            if (len == 0) {
                bad++;
                i++;
            } else {
                i += len;
            }
        }
        return bad;
    }
}
