package org.navette.match.quality;

import java.util.Locale;

/**
 * Pairwise confusion counts of a matcher against labels, with precision, recall and F1.
 *
 * @param truePositives  labelled same, predicted same
 * @param falsePositives labelled different, predicted same
 * @param falseNegatives labelled same, predicted different
 * @param trueNegatives  labelled different, predicted different
 */
record PairCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    static final PairCounts ZERO = new PairCounts(0, 0, 0, 0);

    PairCounts add(boolean labelledSame, boolean predictedSame) {
        return new PairCounts(truePositives + (labelledSame && predictedSame ? 1 : 0),
                falsePositives + (!labelledSame && predictedSame ? 1 : 0),
                falseNegatives + (labelledSame && !predictedSame ? 1 : 0),
                trueNegatives + (!labelledSame && !predictedSame ? 1 : 0));
    }

    PairCounts plus(PairCounts o) {
        return new PairCounts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives, trueNegatives + o.trueNegatives);
    }

    double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    double recall() {
        long actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d tn=%d)",
                precision(), recall(), f1(), truePositives, falsePositives, falseNegatives, trueNegatives);
    }
}
