package org.navette.rank.internal;

import java.util.Arrays;

/**
 * A document's postings in one {@code long[]}: a 256-bit Bloom filter of its terms (two bits per
 * term), a 256-bit filter of its words' first three characters (for truncated terms), then every
 * distinct term as a pair of longs sorted by the first: the term's hash, then its frequency in each
 * field packed 8 bits per field (capped at 255).
 *
 * <p>Why one array: a search reads it for every document of the result, mostly from memory rather
 * than cache. The filters share its first cache lines with its length, and most query terms are
 * absent from most documents, so they answer without a search; one lookup then answers for all
 * fields, with the frequencies on the cache line of the hash.
 *
 * <pre>{@code
 * long[] postings = Postings.encode(tokens, sequence);
 * int tf = Postings.termFrequencies(postings, TermHash.of("rose"));   // title count at bits 0-7
 * }</pre>
 */
final class Postings {
    /** Longs of the term filter at the start. */
    private static final int TERM_FILTER_LONGS = 4;
    /** Longs of the filters (terms, then word beginnings) before the pairs. */
    private static final int BLOOM_LONGS = 2 * TERM_FILTER_LONGS;

    private Postings() {
    }

    /**
     * The postings of a document whose fields hold {@code tokens}, with {@code sequence[f][i]} the
     * hash of {@code tokens[f][i]}; at most four fields, since the field rides in a hash's low bits.
     */
    static long[] encode(String[][] tokens, long[][] sequence) {
        int total = 0;
        for (long[] field : sequence) {
            total += field.length;
        }
        // (hash | field) sorted as plain longs, then folded into unique terms with per-field counts
        long[] all = new long[total];
        int k = 0;
        for (int f = 0; f < sequence.length; f++) {
            for (long h : sequence[f]) {
                all[k++] = h | f;
            }
        }
        Arrays.sort(all);
        long[] uniq = new long[total];
        int[] packed = new int[total];
        int unique = 0;
        for (int i = 0; i < total; i++) {
            long h = all[i] & ~3L;
            if (unique == 0 || uniq[unique - 1] != h) {
                uniq[unique++] = h;
            }
            int shift = 8 * (int) (all[i] & 3L);
            int count = (packed[unique - 1] >>> shift) & 0xFF;
            if (count < 255) {
                packed[unique - 1] += 1 << shift;
            }
        }
        long[] postings = new long[BLOOM_LONGS + 2 * unique];
        for (String[] field : tokens) {
            for (String token : field) {
                if (token.length() >= 3) {
                    int bits = stemFilterBits(token);
                    postings[TERM_FILTER_LONGS + ((bits & 0xFF) >>> 6)] |= 1L << bits;
                    postings[TERM_FILTER_LONGS + (bits >>> 14)] |= 1L << (bits >>> 8);
                }
            }
        }
        for (int i = 0; i < unique; i++) {
            postings[BLOOM_LONGS + 2 * i] = uniq[i];
            postings[BLOOM_LONGS + 2 * i + 1] = packed[i];
            int bit = bloomBit(uniq[i], 0);
            postings[bit >>> 6] |= 1L << bit;
            bit = bloomBit(uniq[i], 1);
            postings[bit >>> 6] |= 1L << bit;
        }
        return postings;
    }

    /**
     * The frequencies of the term with hash {@code term} in each field of the document whose
     * postings are given, 8 bits per field (field {@code f} at bit {@code 8 * f}); 0 when the
     * document lacks it.
     */
    static int termFrequencies(long[] postings, long term) {
        int bit = bloomBit(term, 0);
        int bit2 = bloomBit(term, 1);
        if ((postings[bit >>> 6] & 1L << bit) == 0 || (postings[bit2 >>> 6] & 1L << bit2) == 0) {
            return 0;
        }
        int n = (postings.length - BLOOM_LONGS) >>> 1;
        if (n == 0) {
            return 0;
        }
        // term hashes are uniform over the longs, so a term's place in the sorted array is close to
        // its value's place in the long range: one guess and a step or two instead of a binary search
        int i = (int) ((term * 0x1p-64 + 0.5) * n);
        i = Math.min(Math.max(i, 0), n - 1);
        if (postings[BLOOM_LONGS + 2 * i] < term) {
            do {
                i++;
            } while (i < n && postings[BLOOM_LONGS + 2 * i] < term);
        } else {
            while (i > 0 && postings[BLOOM_LONGS + 2 * i - 2] >= term) {
                i--;
            }
        }
        return i < n && postings[BLOOM_LONGS + 2 * i] == term ? (int) postings[BLOOM_LONGS + 2 * i + 1] : 0;
    }

    /**
     * The two bits (0-255, one per byte) of a stem's first three characters in the filter of word
     * beginnings, or -1 for a stem shorter than that (which the filter cannot rule out).
     */
    static int stemFilterBits(String stem) {
        if (stem.length() < 3) {
            return -1;
        }
        long h = (SortKeys.pack4(stem, 0) >>> 16) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 48);
    }

    /** False when no word of the document whose postings are given starts with the stem of {@code stemFilterBits}. */
    static boolean mayHoldStem(long[] postings, int stemFilterBits) {
        if (stemFilterBits < 0) {
            return true;
        }
        int bit = stemFilterBits & 0xFF;
        int bit2 = stemFilterBits >>> 8;
        return (postings[TERM_FILTER_LONGS + (bit >>> 6)] & 1L << bit) != 0
                && (postings[TERM_FILTER_LONGS + (bit2 >>> 6)] & 1L << bit2) != 0;
    }

    /** Bit {@code k} (0 or 1) of a term in the 256-bit filter: from two separate bytes of its hash. */
    private static int bloomBit(long term, int k) {
        return (int) (term >>> (48 + 8 * k)) & 0xFF;
    }
}
