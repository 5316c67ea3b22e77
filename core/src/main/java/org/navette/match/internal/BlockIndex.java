package org.navette.match.internal;

/**
 * Blocking keys to record numbers, compact enough for millions of records: keys are 64-bit hashes
 * in an open-addressing table, postings are linked through two int arrays (no boxing, no per-key
 * objects). Each key keeps at most {@code maxPerKey} postings: beyond that a key is too common to
 * say anything ("poems") and new records only look up the first ones.
 *
 * <pre>{@code
 * BlockIndex blocks = new BlockIndex(256);
 * blocks.add("i9780836968439", 0);
 * blocks.forEach("i9780836968439", record -> compare(record));
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; the clusterer guards it.
 */
public final class BlockIndex {
    private static final long EMPTY = 0L;

    private final int maxPerKey;
    private long[] keys;
    private int[] heads;
    private int[] counts;
    private int used;
    private int[] next;
    private int[] values;
    private int postings;

    public BlockIndex(int maxPerKey) {
        this.maxPerKey = maxPerKey;
        keys = new long[1 << 10];
        heads = new int[1 << 10];
        counts = new int[1 << 10];
        next = new int[1 << 10];
        values = new int[1 << 10];
    }

    /** Adds {@code value} under {@code key} unless the key already holds {@code maxPerKey} values. */
    public void add(String key, int value) {
        long h = hash(key);
        if ((used + 1) * 4L > keys.length * 3L) {
            rehash();
        }
        int slot = find(keys, h);
        if (keys[slot] == EMPTY) {
            keys[slot] = h;
            heads[slot] = -1;
            used++;
        }
        if (counts[slot] >= maxPerKey) {
            return;
        }
        if (postings == values.length) {
            next = java.util.Arrays.copyOf(next, postings * 2);
            values = java.util.Arrays.copyOf(values, postings * 2);
        }
        values[postings] = value;
        next[postings] = heads[slot];
        heads[slot] = postings;
        postings++;
        counts[slot]++;
    }

    /** Calls {@code consumer} with every value under {@code key}, most recent first. */
    public void forEach(String key, java.util.function.IntConsumer consumer) {
        long h = hash(key);
        int slot = find(keys, h);
        if (keys[slot] == EMPTY) {
            return;
        }
        for (int p = heads[slot]; p >= 0; p = next[p]) {
            consumer.accept(values[p]);
        }
    }

    private static int find(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != EMPTY && table[i] != h) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        heads = new int[keys.length];
        counts = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** 64-bit FNV-1a, never 0 (0 marks an empty slot). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        return h == EMPTY ? 1L : h;
    }
}
