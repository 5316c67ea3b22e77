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
