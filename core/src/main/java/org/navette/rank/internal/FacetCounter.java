package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the values of one facet over many clusters without string hashing or comparison in the
 * common case: values are keyed by 62-bit hashes of their normalised key in an open-addressing
 * table, and a value's display spelling is compared by hash too; only a value met under several
 * spellings keeps a small map of them (to show the most frequent one).
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

    private long[] table = new long[64];
    private int[] slotOfEntry = new int[64];
    private int size;
    private int[] counts = new int[16];
    private long[] firstSpellingHash = new long[16];
    private String[] firstSpelling = new String[16];
    /** Per slot, the counts of each spelling, for the few values met under several; else null. */
    private Map<String, Integer>[] spellings;

    /**
     * Counts one cluster carrying the value; its display form is {@code displays[displayIndex]},
     * read only when the value is new or spelled differently.
     */
    public void add(long keyHash, long displayHash, String[] displays, int displayIndex) {
        long k = keyHash | 1L;
        int mask = table.length - 1;
        int i = (int) (k ^ (k >>> 29)) & mask;
        while (table[i] != 0 && table[i] != k) {
            i = (i + 1) & mask;
        }
        int slot;
        if (table[i] == 0) {
            slot = size++;
            if (slot == counts.length) {
                counts = Arrays.copyOf(counts, slot * 2);
                firstSpellingHash = Arrays.copyOf(firstSpellingHash, slot * 2);
                firstSpelling = Arrays.copyOf(firstSpelling, slot * 2);
                if (spellings != null) {
                    spellings = Arrays.copyOf(spellings, slot * 2);
                }
            }
            table[i] = k;
            slotOfEntry[i] = slot;
            firstSpellingHash[slot] = displayHash;
            firstSpelling[slot] = displays[displayIndex];
            if (size * 2 > table.length) {
                grow();
            }
        } else {
            slot = slotOfEntry[i];
        }
        counts[slot]++;
        if (displayHash != firstSpellingHash[slot] || (spellings != null && spellings[slot] != null)) {
            countSpelling(slot, displays[displayIndex]);
        }
    }

    @SuppressWarnings("unchecked")
    private void countSpelling(int slot, String display) {
        if (spellings == null) {
            spellings = new Map[counts.length];
        }
        Map<String, Integer> m = spellings[slot];
        if (m == null) {
            m = new HashMap<>(4);
            m.put(firstSpelling[slot], counts[slot] - 1);
            spellings[slot] = m;
        }
        m.merge(display, 1, Integer::sum);
    }

    private void grow() {
        long[] oldTable = table;
        int[] oldSlots = slotOfEntry;
        table = new long[oldTable.length * 2];
        slotOfEntry = new int[table.length];
        int mask = table.length - 1;
        for (int j = 0; j < oldTable.length; j++) {
            long k = oldTable[j];
            if (k != 0) {
                int i = (int) (k ^ (k >>> 29)) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = k;
                slotOfEntry[i] = oldSlots[j];
            }
        }
    }

    /** The {@code limit} most frequent values, most frequent first, ties alphabetically. */
    public List<Count> top(int limit) {
        String[] display = new String[size];
        java.util.Comparator<Integer> better = (x, y) -> counts[x] != counts[y] ? Integer.compare(counts[y], counts[x])
                : spellingOf(display, x).compareTo(spellingOf(display, y));
        // a bounded heap, worst on top: the long tail of values seen once rarely gets past a count check
        java.util.PriorityQueue<Integer> best = new java.util.PriorityQueue<>(limit + 1, better.reversed());
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
        for (int slot : kept) {
            out.add(new Count(spellingOf(display, slot), counts[slot]));
        }
        return out;
    }

    private String spellingOf(String[] cache, int slot) {
        String d = cache[slot];
        if (d == null) {
            d = spelling(slot);
            cache[slot] = d;
        }
        return d;
    }

    private String spelling(int slot) {
        Map<String, Integer> m = spellings == null ? null : spellings[slot];
        if (m == null) {
            return firstSpelling[slot];
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
