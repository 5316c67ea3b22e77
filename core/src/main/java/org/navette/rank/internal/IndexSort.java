package org.navette.rank.internal;

/**
 * Stable merge sort of an int index array by a primitive comparator: sorts 10 000 cluster indices
 * without boxing a single Integer.
 *
 * <pre>{@code
 * IndexSort.sort(order, (x, y) -> Double.compare(score[y], score[x]));
 * IndexSort.sortByKeys(order, new IndexSort.SortKey[] {i -> year[i]}, (x, y) -> Integer.compare(year[x], year[y]));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class IndexSort {
    /** Compares two indices. */
    @FunctionalInterface
    public interface IndexComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /** A long per index whose signed order is one criterion of a sort; read only for the indices that need it. */
    @FunctionalInterface
    public interface SortKey {
        long of(int index);
    }

    /**
     * Sorts {@code a} by {@code keys[0]} ascending (signed), each run of equal keys by
     * {@code keys[1]}, and so on, then each run still tied by {@code tieBreak}. The keys must agree
     * with {@code tieBreak} (where a key differs, {@code tieBreak} orders the same way), so the result
     * is the stable sort by {@code tieBreak} alone; but most of the order is settled comparing plain
     * longs, and a later key is computed only for the indices tied on the earlier ones.
     */
    public static void sortByKeys(int[] a, SortKey[] keys, IndexComparator tieBreak) {
        int n = a.length;
        if (n < 2) {
            return;
        }
        sortRange(a, 0, n, keys, 0, tieBreak, new long[n], new int[n], new long[n]);
    }

    private static void sortRange(int[] a, int from, int to, SortKey[] keys, int level, IndexComparator tieBreak,
                                  long[] k, int[] ta, long[] tk) {
        if (level == keys.length) {
            mergeSort(a, ta, from, to, tieBreak);
            return;
        }
        SortKey key = keys[level];
        for (int i = from; i < to; i++) {
            k[i] = key.of(a[i]);
        }
        if (to - from > RADIX_THRESHOLD) {
            radixSortByKey(a, k, ta, tk, from, to);
        } else {
            mergeSortByKey(a, k, ta, tk, from, to);
        }
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || k[i] != k[start]) {
                if (i - start > 1) {
                    // overwrites k only inside this run, which the scan has left behind
                    sortRange(a, start, i, keys, level + 1, tieBreak, k, ta, tk);
                }
                start = i;
            }
        }
    }

    /** Below this many indices a merge sort wins; above, a radix sort's fixed cost pays. */
    private static final int RADIX_THRESHOLD = 256;

    /**
     * Stable LSD radix sort of {@code a[from, to)} by {@code k} (signed), a byte at a time, skipping
     * the bytes all keys share. Comparison sorts of scores or title prefixes mispredict about every
     * other branch, which on thousands of keys costs more than a few linear passes.
     */
    private static void radixSortByKey(int[] a, long[] k, int[] ta, long[] tk, int from, int to) {
        int n = to - from;
        int[] counts = new int[8 * 256];
        for (int i = from; i < to; i++) {
            long v = k[i] ^ Long.MIN_VALUE;
            for (int b = 0; b < 8; b++) {
                counts[b * 256 + (int) ((v >>> (8 * b)) & 0xFF)]++;
            }
        }
        int[] srcA = a;
        long[] srcK = k;
        int[] dstA = ta;
        long[] dstK = tk;
        for (int b = 0; b < 8; b++) {
            int base = b * 256;
            int shift = 8 * b;
            if (counts[base + (int) (((srcK[from] ^ Long.MIN_VALUE) >>> shift) & 0xFF)] == n) {
                continue;
            }
            int pos = from;
            for (int digit = 0; digit < 256; digit++) {
                int c = counts[base + digit];
                counts[base + digit] = pos;
                pos += c;
            }
            for (int i = from; i < to; i++) {
                long v = srcK[i];
                int p = counts[base + (int) (((v ^ Long.MIN_VALUE) >>> shift) & 0xFF)]++;
                dstA[p] = srcA[i];
                dstK[p] = v;
            }
            int[] swapA = srcA;
            srcA = dstA;
            dstA = swapA;
            long[] swapK = srcK;
            srcK = dstK;
            dstK = swapK;
        }
        if (srcA != a) {
            System.arraycopy(srcA, from, a, from, n);
            System.arraycopy(srcK, from, k, from, n);
        }
    }

    private static void mergeSortByKey(int[] a, long[] k, int[] ta, long[] tk, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int va = a[i];
                long vk = k[i];
                int j = i - 1;
                while (j >= from && k[j] > vk) {
                    a[j + 1] = a[j];
                    k[j + 1] = k[j];
                    j--;
                }
                a[j + 1] = va;
                k[j + 1] = vk;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSortByKey(a, k, ta, tk, from, mid);
        mergeSortByKey(a, k, ta, tk, mid, to);
        if (k[mid - 1] <= k[mid]) {
            return;
        }
        System.arraycopy(a, from, ta, from, to - from);
        System.arraycopy(k, from, tk, from, to - from);
        int i = from;
        int j = mid;
        for (int x = from; x < to; x++) {
            if (j >= to || (i < mid && tk[i] <= tk[j])) {
                a[x] = ta[i];
                k[x] = tk[i++];
            } else {
                a[x] = ta[j];
                k[x] = tk[j++];
            }
        }
    }

    public static void sort(int[] a, IndexComparator c) {
        if (a.length < 2) {
            return;
        }
        int[] tmp = new int[a.length];
        mergeSort(a, tmp, 0, a.length, c);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, IndexComparator c) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, c);
        mergeSort(a, tmp, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && c.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
