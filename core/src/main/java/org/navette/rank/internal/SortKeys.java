package org.navette.rank.internal;

import java.util.Arrays;

/**
 * Sort keys packed into longs: a document's title and author keys compare as four unsigned longs
 * before a string is touched, and the word index finds words by their first four characters.
 */
final class SortKeys {
    private SortKeys() {
    }

    /** Four UTF-16 units from {@code from} in a long, zero-padded: unsigned order agrees with String.compareTo on them. */
    static long pack4(String s, int from) {
        long v = 0;
        for (int i = from; i < from + 4; i++) {
            v = (v << 16) | (i < s.length() ? s.charAt(i) : 0);
        }
        return v;
    }

    /** Sixteen UTF-16 units in four longs; an empty key sorts after every other. */
    static long[] prefix(String key) {
        long[] p = new long[4];
        if (key.isEmpty()) {
            Arrays.fill(p, -1L);
            return p;
        }
        for (int w = 0; w < 4; w++) {
            p[w] = pack4(key, w * 4);
        }
        return p;
    }
}
