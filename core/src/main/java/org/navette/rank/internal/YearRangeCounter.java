package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.navette.rank.YearRange;

/**
 * Counts clusters per year range: decades from 1900 on, centuries before. A small open-addressing
 * table of ints, because faceting adds one year per cluster and a boxed map would allocate for
 * most of them.
 *
 * <pre>{@code
 * YearRangeCounter ranges = new YearRangeCounter();
 * ranges.add(1862);
 * ranges.add(1995);
 * ranges.ranges(); // [YearRange[1800, 1899, 1], YearRange[1990, 1999, 1]]
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one per call.
 */
public final class YearRangeCounter {
    /** Range starts; a slot is free while its count is 0. */
    private int[] starts = new int[64];
    private int[] counts = new int[64];
    private int size;

    /** Counts one cluster published in {@code year}. */
    public void add(int year) {
        add(year, 1);
    }

    /** Counts {@code clusters} (&gt; 0) published in {@code year}, or in the range starting with it. */
    public void add(int year, int clusters) {
        if (clusters <= 0) {
            throw new IllegalArgumentException("clusters must be > 0, was " + clusters + " (year " + year + ")");
        }
        int from = year >= 1900 ? year / 10 * 10 : Math.floorDiv(year, 100) * 100;
        int mask = starts.length - 1;
        int i = (from * 0x9E3779B9) >>> 16 & mask;
        while (counts[i] != 0 && starts[i] != from) {
            i = (i + 1) & mask;
        }
        if (counts[i] == 0) {
            starts[i] = from;
            if (++size * 2 > starts.length) {
                counts[i] = clusters;
                grow();
                return;
            }
        }
        counts[i] += clusters;
    }

    private void grow() {
        int[] oldStarts = starts;
        int[] oldCounts = counts;
        starts = new int[oldStarts.length * 2];
        counts = new int[starts.length];
        int mask = starts.length - 1;
        for (int j = 0; j < oldStarts.length; j++) {
            if (oldCounts[j] != 0) {
                int i = (oldStarts[j] * 0x9E3779B9) >>> 16 & mask;
                while (counts[i] != 0) {
                    i = (i + 1) & mask;
                }
                starts[i] = oldStarts[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    /** The ranges met, oldest first. */
    public List<YearRange> ranges() {
        long[] byStart = new long[size];
        int k = 0;
        for (int i = 0; i < starts.length; i++) {
            if (counts[i] != 0) {
                // start in the high half (signed order), count in the low half
                byStart[k++] = ((long) starts[i] << 32) | counts[i];
            }
        }
        Arrays.sort(byStart);
        List<YearRange> out = new ArrayList<>(size);
        for (long v : byStart) {
            int from = (int) (v >> 32);
            out.add(new YearRange(from, from >= 1900 ? from + 9 : from + 99, (int) v));
        }
        return out;
    }
}
