package org.navette.rank.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct words of a cluster document in string order, with the first four characters of each
 * packed in a long (unsigned order = string order): the words starting with a stem are one
 * contiguous run, found by a binary search over longs; only stems longer than four characters
 * compare strings, and only within the run of their first four.
 */
final class WordIndex {
    private static final int FIELDS = ClusterDocument.FIELDS;

    private final String[] words;
    private final long[] prefixes;
    /** Occurrences per word and field, at {@code word * FIELDS + field}. */
    private final int[] counts;

    WordIndex(String[][] tokens) {
        Map<String, int[]> byWord = new HashMap<>();
        for (int f = 0; f < FIELDS; f++) {
            for (String t : tokens[f]) {
                byWord.computeIfAbsent(t, w -> new int[FIELDS])[f]++;
            }
        }
        words = byWord.keySet().toArray(new String[0]);
        Arrays.sort(words);
        prefixes = new long[words.length];
        counts = new int[words.length * FIELDS];
        for (int i = 0; i < words.length; i++) {
            prefixes[i] = SortKeys.pack4(words[i], 0);
            System.arraycopy(byWord.get(words[i]), 0, counts, i * FIELDS, FIELDS);
        }
    }

    void addStemCounts(String stem, int fieldMask, int[] into, int offset) {
        long low = SortKeys.pack4(stem, 0);
        // the greatest packed value with the stem's first (up to four) characters
        int shown = Math.min(4, stem.length());
        long high = low | (-1L >>> (16 * shown));
        if (shown == 4) {
            high = low;
        }
        for (int i = firstAtLeast(low); i < words.length && Long.compareUnsigned(prefixes[i], high) <= 0; i++) {
            if (stem.length() > 4 && !words[i].startsWith(stem)) {
                continue;
            }
            for (int f = 0; f < FIELDS; f++) {
                if ((fieldMask & (1 << f)) != 0) {
                    into[offset + f] += counts[i * FIELDS + f];
                }
            }
        }
    }

    private int firstAtLeast(long key) {
        int lo = 0;
        int hi = words.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(prefixes[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
