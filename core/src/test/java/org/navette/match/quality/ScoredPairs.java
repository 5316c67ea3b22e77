package org.navette.match.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.navette.match.MatchDecision;
import org.navette.match.MatchExplanation;

/**
 * Labelled pairs with the matcher's score, to measure precision/recall at the configured threshold
 * and to sweep thresholds (how the default threshold was chosen).
 */
final class ScoredPairs {
    private final List<double[]> pairs = new ArrayList<>();

    /** Adds a labelled pair; a vetoed pair scores -1 (never a match at any threshold). */
    void add(boolean same, MatchExplanation e) {
        pairs.add(new double[] {same ? 1 : 0, e.decision() == MatchDecision.VETOED ? -1 : e.score()});
    }

    /** A pair never compared (no shared blocking key): a non-match at every threshold. */
    void addNonCandidate(boolean same) {
        pairs.add(new double[] {same ? 1 : 0, -1});
    }

    int size() {
        return pairs.size();
    }

    PairCounts at(double threshold) {
        PairCounts c = PairCounts.ZERO;
        for (double[] p : pairs) {
            c = c.add(p[0] == 1, p[1] >= threshold);
        }
        return c;
    }

    String sweep() {
        StringBuilder sb = new StringBuilder();
        for (double t : new double[] {0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999}) {
            sb.append(String.format(Locale.ROOT, "  threshold %.3f: %s%n", t, at(t)));
        }
        return sb.toString();
    }
}
