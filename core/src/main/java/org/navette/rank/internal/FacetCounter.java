package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Counts the values of one facet over many clusters without string hashing or comparison in the
 * common case: values are keyed by 62-bit hashes of their normalised key in an open-addressing
 * table, and a value's display spelling is compared by hash too; only a value met under several
 * spellings keeps a small list of them (to show the most frequent one).
 *
 * <p>Each table entry holds the key, the first spelling's hash and the count side by side, so that
 * counting a value touches one cache line: faceting a federated result counts some 60 000 values.
 *
 * <pre>{@code
 * FacetCounter authors = new FacetCounter();
 * String[] displays = {"Hugo, Victor"};
 * authors.add(TermHash.of("p hugo victor"), TermHash.of("Hugo, Victor"), displays, 0);
 * authors.top(20); // [Hugo, Victor=1]
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one per facet per call.
 */
public final class FacetCounter {
    /** A counted value. */
    public record Count(String display, int count) {
    }

    /** Longs per entry: key (hash | 1, 0 when free), first spelling's hash, count | MANY_SPELLINGS. */
    private static final int ENTRY = 3;
    /** Set in an entry's count when the value has met several spellings (see {@link #spellings}). */
    private static final long MANY_SPELLINGS = 1L << 32;

    private long[] entries = new long[ENTRY * 64];
    /** Per table position, the first spelling met. */
    private String[] firstSpelling = new String[64];
    /** Per table position, the spellings of a value met under several; allocated on the first such value. */
    private Spellings[] spellings;
    /** Table positions in the order the values were first met: the order of equally ranked values. */
    private int[] positions = new int[16];
    private int size;

    /**
     * Counts one cluster carrying the value; its display form is {@code displays[displayIndex]},
     * read only when the value is new or spelled differently.
     */
    public void add(long keyHash, long displayHash, String[] displays, int displayIndex) {
        add(keyHash, displayHash, displays, displayIndex, 1);
    }

    /**
     * Counts {@code clusters} (&gt; 0) carrying the value at once: the count a target reported for
     * it. Its spelling weighs as much as that many clusters' spellings.
     */
    public void add(long keyHash, long displayHash, String display, int clusters) {
        if (clusters <= 0) {
            throw new IllegalArgumentException("clusters must be > 0, was " + clusters + " (value " + display + ")");
        }
        add(keyHash, displayHash, new String[] {display}, 0, clusters);
    }

    private void add(long keyHash, long displayHash, String[] displays, int displayIndex, int clusters) {
        long k = keyHash | 1L;
        int mask = firstSpelling.length - 1;
        int i = (int) (k ^ (k >>> 29)) & mask;
        while (entries[ENTRY * i] != 0 && entries[ENTRY * i] != k) {
            i = (i + 1) & mask;
        }
        int e = ENTRY * i;
        if (entries[e] == 0) {
            entries[e] = k;
            entries[e + 1] = displayHash;
            entries[e + 2] = clusters;
            firstSpelling[i] = displays[displayIndex];
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = i;
            if (size * 2 > firstSpelling.length) {
                grow();
            }
            return;
        }
        long count = entries[e + 2] += clusters;
        if (displayHash != entries[e + 1] || (count & MANY_SPELLINGS) != 0) {
            countSpelling(i, displayHash, displays[displayIndex], clusters);
        }
    }

    private void countSpelling(int i, long displayHash, String display, int clusters) {
        if (spellings == null) {
            spellings = new Spellings[firstSpelling.length];
        }
        Spellings m = spellings[i];
        if (m == null) {
            m = new Spellings();
            m.add(entries[ENTRY * i + 1], firstSpelling[i], count(i) - clusters);
            spellings[i] = m;
            entries[ENTRY * i + 2] |= MANY_SPELLINGS;
        }
        m.add(displayHash, display, clusters);
    }

    private int count(int i) {
        return (int) entries[ENTRY * i + 2];
    }

    private void grow() {
        long[] oldEntries = entries;
        String[] oldFirst = firstSpelling;
        Spellings[] oldSpellings = spellings;
        int capacity = oldFirst.length * 2;
        entries = new long[ENTRY * capacity];
        firstSpelling = new String[capacity];
        spellings = oldSpellings == null ? null : new Spellings[capacity];
        int mask = capacity - 1;
        // in first-met order, so that positions keeps that order
        for (int s = 0; s < size; s++) {
            int old = positions[s];
            long k = oldEntries[ENTRY * old];
            int i = (int) (k ^ (k >>> 29)) & mask;
            while (entries[ENTRY * i] != 0) {
                i = (i + 1) & mask;
            }
            System.arraycopy(oldEntries, ENTRY * old, entries, ENTRY * i, ENTRY);
            firstSpelling[i] = oldFirst[old];
            if (oldSpellings != null) {
                spellings[i] = oldSpellings[old];
            }
            positions[s] = i;
        }
    }

    /** The {@code limit} most frequent values, most frequent first, ties alphabetically. */
    public List<Count> top(int limit) {
        String[] display = new String[size];
        int[] counts = new int[size];
        for (int s = 0; s < size; s++) {
            counts[s] = count(positions[s]);
        }
        Comparator<Integer> better = (x, y) -> counts[x] != counts[y] ? Integer.compare(counts[y], counts[x])
                : spellingOf(display, x).compareTo(spellingOf(display, y));
        // a bounded heap, worst on top: the long tail of values seen once rarely gets past a count check
        PriorityQueue<Integer> best = new PriorityQueue<>(limit + 1, better.reversed());
        for (int s = 0; s < size; s++) {
            if (best.size() < limit) {
                best.add(s);
            } else if (counts[s] >= counts[best.peek()] && better.compare(s, best.peek()) < 0) {
                best.poll();
                best.add(s);
            }
        }
        List<Integer> kept = new ArrayList<>(best);
        kept.sort(better);
        List<Count> out = new ArrayList<>(kept.size());
        for (int s : kept) {
            out.add(new Count(spellingOf(display, s), counts[s]));
        }
        return out;
    }

    /** The spelling shown for the value first met {@code s}-th, cached in {@code cache}. */
    private String spellingOf(String[] cache, int s) {
        String d = cache[s];
        if (d == null) {
            int i = positions[s];
            Spellings m = spellings == null ? null : spellings[i];
            d = m == null ? firstSpelling[i] : m.best();
            cache[s] = d;
        }
        return d;
    }

    /** The spellings of one value with their counts, told apart by hash. */
    private static final class Spellings {
        private long[] hashes = new long[4];
        private String[] displays = new String[4];
        private int[] counts = new int[4];
        private int size;

        void add(long hash, String display, int count) {
            for (int i = 0; i < size; i++) {
                if (hashes[i] == hash) {
                    counts[i] += count;
                    return;
                }
            }
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                displays = Arrays.copyOf(displays, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            hashes[size] = hash;
            displays[size] = display;
            counts[size++] = count;
        }

        /** The most frequent spelling, the alphabetically first among equally frequent ones. */
        String best() {
            String best = null;
            int bestCount = -1;
            for (int i = 0; i < size; i++) {
                if (counts[i] > bestCount || (counts[i] == bestCount && displays[i].compareTo(best) < 0)) {
                    best = displays[i];
                    bestCount = counts[i];
                }
            }
            return best;
        }
    }
}
