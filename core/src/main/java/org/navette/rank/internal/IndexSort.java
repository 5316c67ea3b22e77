package org.navette.rank.internal;

import java.util.Arrays;

/**
 * Stable sort of an int index array by columns of long keys first and a primitive comparator only
 * for what they leave tied: sorts 10 000 cluster indices without boxing a single Integer, and
 * mostly without calling the comparator.
 *
 * <pre>{@code
 * IndexSort.sortByKeys(order, new long[][] {yearKey, titleKey}, (x, y) -> title[x].compareTo(title[y]));
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

    /** Runs of at most this many tied indices are compared on all remaining keys at once. */
    private static final int SMALL_RUN = 12;
    /** Below this many indices a merge sort wins; above, a radix sort's fixed cost pays. */
    private static final int RADIX_THRESHOLD = 256;

    private IndexSort() {
    }

    /**
     * Sorts {@code a} by {@code keys[0][a[i]]} ascending (signed), each run of equal keys by
     * {@code keys[1]}, and so on, then each run still tied by {@code tieBreak}. The keys must agree
     * with {@code tieBreak} (where a key differs, {@code tieBreak} orders the same way), so the result
     * is the stable sort by {@code tieBreak} alone; but most of the order is settled on plain longs,
     * and a later key is only read for the indices tied on the earlier ones.
     */
    public static void sortByKeys(int[] a, long[][] keys, IndexComparator tieBreak) {
        int n = a.length;
        if (n < 2) {
            return;
        }
        sortRange(a, 0, n, keys, 0, tieBreak, new long[n], new int[n], new long[n]);
    }

    private static void sortRange(int[] a, int from, int to, long[][] keys, int level, IndexComparator tieBreak,
                                  long[] k, int[] ta, long[] tk) {
        if (level == keys.length) {
            mergeSort(a, ta, from, to, tieBreak);
            return;
        }
        if (to - from <= SMALL_RUN) {
            // most ties are a few indices: comparing them on the remaining keys at once costs less
            // than a pass per key
            insertionSort(a, from, to, keys, level, tieBreak);
            return;
        }
        long[] key = keys[level];
        for (int i = from; i < to; i++) {
            k[i] = key[a[i]];
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

    /** Stable insertion sort of {@code a[from, to)} by {@code keys[level...]}, then {@code tieBreak}. */
    private static void insertionSort(int[] a, int from, int to, long[][] keys, int level, IndexComparator tieBreak) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && compare(a[j], v, keys, level, tieBreak) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static int compare(int x, int y, long[][] keys, int level, IndexComparator tieBreak) {
        for (int l = level; l < keys.length; l++) {
            int r = Long.compare(keys[l][x], keys[l][y]);
            if (r != 0) {
                return r;
            }
        }
        return tieBreak.compare(x, y);
    }

    /**
     * Stable LSD radix sort of {@code a[from, to)} by {@code k} (signed), a byte at a time, skipping
     * the bytes all keys share. Comparison sorts of scores or title prefixes mispredict about every
     * other branch, which on thousands of keys costs more than a few linear passes.
     */
    private static void radixSortByKey(int[] a, long[] k, int[] ta, long[] tk, int from, int to) {
        long and = -1L;
        long or = 0L;
        for (int i = from; i < to; i++) {
            and &= k[i];
            or |= k[i];
        }
        long varying = and ^ or;
        int[] counts = new int[256];
        int[] srcA = a;
        long[] srcK = k;
        int[] dstA = ta;
        long[] dstK = tk;
        for (int shift = 0; shift < 64; shift += 8) {
            if (((varying >>> shift) & 0xFF) == 0) {
                continue;
            }
            Arrays.fill(counts, 0);
            for (int i = from; i < to; i++) {
                counts[(int) (((srcK[i] ^ Long.MIN_VALUE) >>> shift) & 0xFF)]++;
            }
            int pos = from;
            for (int digit = 0; digit < 256; digit++) {
                int c = counts[digit];
                counts[digit] = pos;
                pos += c;
            }
            for (int i = from; i < to; i++) {
                long v = srcK[i];
                int p = counts[(int) (((v ^ Long.MIN_VALUE) >>> shift) & 0xFF)]++;
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
            System.arraycopy(srcA, from, a, from, to - from);
            System.arraycopy(srcK, from, k, from, to - from);
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
