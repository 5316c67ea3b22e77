package org.navette.normalise.internal;

/**
 * What the bytes of a record's data say about their character set: how many valid and invalid
 * UTF-8 multi-byte sequences they hold, and how plausible they are as MARC-8 or as ISO 5426
 * (a combining diacritic in those sets precedes the letter it decorates, so one followed by a
 * space or a digit, or a byte the set leaves undefined, counts against it).
 *
 * <p>Thread-safety: not thread-safe; fill it, then read it.
 */
final class ByteEvidence {
    int high;
    int escapes;
    int utf8Valid;
    int utf8Invalid;
    int marc8Plausible;
    int marc8Implausible;
    int iso5426Plausible;
    int iso5426Implausible;

    public int high() {
        return high;
    }

    public int escapes() {
        return escapes;
    }

    public int utf8Valid() {
        return utf8Valid;
    }

    public int utf8Invalid() {
        return utf8Invalid;
    }

    /** Looks at the data bytes in [from, to): one subfield or control field. */
    public void scan(byte[] b, int from, int to) {
        int highBefore = high;
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (v < 0x80) {
                if (v == 0x1B) {
                    escapes++;
                }
                continue;
            }
            high++;
            int prev = i > from ? b[i - 1] & 0xFF : -1;
            judgeMarc8(v, prev, afterDiacritics(b, i, to, 0xE0, 0xFE));
            judgeIso5426(v, prev, afterDiacritics(b, i, to, 0xC0, 0xCF));
        }
        if (high > highBefore) {
            scanUtf8(b, from, to);
        }
    }

    /** The byte after a run of (at most three) combining diacritics starting after {@code i}; -1 at the end. */
    private static int afterDiacritics(byte[] b, int i, int to, int lo, int hi) {
        int j = i + 1;
        while (j < to && j < i + 4 && (b[j] & 0xFF) >= lo && (b[j] & 0xFF) <= hi) {
            j++;
        }
        return j < to ? b[j] & 0xFF : -1;
    }

    private void scanUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int v = b[i] & 0xFF;
            if (v < 0x80) {
                i++;
                continue;
            }
            int len = Utf8.sequenceLength(b, i, to);
            if (len > 0) {
                utf8Valid++;
                i += len;
            } else {
                utf8Invalid++;
                i++;
            }
        }
    }

    private void judgeMarc8(int v, int prev, int next) {
        if (v >= 0xE0 && v <= 0xFE) {
            if (isAsciiLetter(next) || isMarc8Letter(next)) {
                marc8Plausible++;
            } else {
                marc8Implausible++;
            }
        } else if (isMarc8Capital(v)) {
            if (isAsciiLower(prev)) {
                marc8Implausible++;
            }
        } else if (!isMarc8Defined(v)) {
            marc8Implausible++;
        }
    }

    private void judgeIso5426(int v, int prev, int next) {
        if (v >= 0xC0 && v <= 0xCF) {
            if (isAsciiLetter(next) || next == 0xE1 || next == 0xF1) {
                iso5426Plausible++;
            } else {
                iso5426Implausible++;
            }
        } else if (v >= 0xE1 && v <= 0xEC && isIso5426Defined(v)) {
            if (isAsciiLower(prev)) {
                iso5426Implausible++;
            }
        } else if (!isIso5426Defined(v)) {
            iso5426Implausible++;
        }
    }

    /** True when these bytes are more likely not MARC-8 at all (typically ISO 8859-1). */
    public boolean marc8Unlikely() {
        // one odd byte is a typo in a MARC-8 record, not proof that the declaration lies
        return escapes == 0 && marc8Implausible > marc8Plausible && marc8Implausible >= 2;
    }

    /** True when the bytes read as MARC-8 without a single implausible sequence. */
    public boolean marc8Clear() {
        return escapes > 0 || marc8Plausible > 0 && marc8Implausible == 0;
    }

    /** True when the bytes read as ISO 5426 without a single implausible sequence. */
    public boolean iso5426Clear() {
        return iso5426Plausible > 0 && iso5426Implausible == 0;
    }

    /** True when these bytes are more likely not ISO 5426 (or 6937) at all (typically ISO 8859-1). */
    public boolean iso5426Unlikely() {
        return iso5426Implausible > iso5426Plausible && iso5426Implausible >= 2;
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isMarc8Capital(int v) {
        return v >= 0xA1 && v <= 0xA6 || v == 0xAC || v == 0xAD;
    }

    private static boolean isMarc8Letter(int v) {
        return v >= 0xA1 && v <= 0xA6 || v >= 0xB1 && v <= 0xB6 || v == 0xB8 || v == 0xBA || v == 0xAC || v == 0xAD
                || v == 0xBC || v == 0xBD;
    }

    /** ANSEL (MARC-8's default G1) plus the non-sorting and joiner controls MARC-8 defines. */
    private static boolean isMarc8Defined(int v) {
        return v == 0x88 || v == 0x89 || v == 0x8D || v == 0x8E
                || v >= 0xA1 && v <= 0xAE || v >= 0xB0 && v <= 0xBA || v == 0xBC || v == 0xBD
                || v >= 0xC0 && v <= 0xC8 || v >= 0xE0 && v <= 0xFE;
    }

    /** ISO 5426's assigned positions, plus the C1 non-sorting controls UNIMARC uses. */
    private static boolean isIso5426Defined(int v) {
        return switch (v) {
            case 0x88, 0x89, 0x98, 0x9C -> true;
            case 0xB3, 0xB4, 0xB5, 0xE0, 0xE3, 0xE4, 0xE5, 0xE7, 0xEB, 0xED, 0xEE, 0xEF, 0xF0, 0xF2, 0xF3, 0xF4,
                    0xF7, 0xFD, 0xFE, 0xFF -> false;
            default -> v >= 0xA1;
        };
    }
}
