package org.navette.rank.internal;

/**
 * Stable merge sort of an int index array by a primitive comparator: sorts 10 000 cluster indices
 * without boxing a single Integer.
 *
 * <pre>{@code
 * IndexSort.sort(order, (x, y) -> Double.compare(score[y], score[x]));
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

    /**
     * Sorts {@code a} by {@code key[a[i]]} ascending (signed), comparing plain longs, then sorts each
     * run of equal keys with {@code tieBreak}: most of the order is settled without calling a comparator.
     */
    public static void sortByKey(int[] a, long[] key, IndexComparator tieBreak) {
        int n = a.length;
        if (n < 2) {
            return;
        }
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = key[a[i]];
        }
        mergeSortByKey(a, k, new int[n], new long[n], 0, n);
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || k[i] != k[start]) {
                if (i - start > 1) {
                    int[] run = java.util.Arrays.copyOfRange(a, start, i);
                    sort(run, tieBreak);
                    System.arraycopy(run, 0, a, start, run.length);
                }
                start = i;
            }
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
