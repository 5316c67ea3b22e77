package org.navette.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Why two records do or do not match: both records' keys, every rule that fired, the total
 * evidence, the resulting score and the decision.
 *
 * <pre>{@code
 * MatchExplanation e = Matcher.ofDefaults().explain(a, b);
 * e.decision();        // MATCH
 * e.score();           // 0.998
 * e.decisiveRules();   // [FOR isbn +10.0 (9780836968439), FOR title +8.0 (similarity 1.00)]
 * System.out.println(e);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class MatchExplanation {
    private final MatchKeys left;
    private final MatchKeys right;
    private final List<MatchRule> rules;
    private final double evidence;
    private final double score;
    private final double threshold;
    private final MatchDecision decision;

    MatchExplanation(MatchKeys left, MatchKeys right, List<MatchRule> rules, double evidence, double score,
                     double threshold, MatchDecision decision) {
        this.left = left;
        this.right = right;
        this.rules = List.copyOf(rules);
        this.evidence = evidence;
        this.score = score;
        this.threshold = threshold;
        this.decision = decision;
    }

    /** Keys of the first record. */
    public MatchKeys left() { return left; }

    /** Keys of the second record. */
    public MatchKeys right() { return right; }

    /** Every rule that fired, in evaluation order. */
    public List<MatchRule> rules() { return rules; }

    /** Total weight of evidence in bits (sum of the rules' weights). */
    public double evidence() { return evidence; }

    /** Posterior probability of a match, 0..1, from the evidence and the prior; vetoes do not change it. */
    public double score() { return score; }

    /** The threshold the score was compared with. */
    public double threshold() { return threshold; }

    public MatchDecision decision() { return decision; }

    /** True when the decision is {@link MatchDecision#MATCH}. */
    public boolean matches() { return decision == MatchDecision.MATCH; }

    /** The vetoes that fired; empty unless the decision is {@link MatchDecision#VETOED}. */
    public List<MatchRule> vetoes() {
        return rules.stream().filter(r -> r.effect() == MatchRule.Effect.VETO).toList();
    }

    /**
     * The rules that carried the decision: the vetoes when vetoed, else the rules pointing the same
     * way as the decision, strongest first.
     */
    public List<MatchRule> decisiveRules() {
        if (decision == MatchDecision.VETOED) {
            return vetoes();
        }
        MatchRule.Effect side = decision == MatchDecision.MATCH ? MatchRule.Effect.FOR : MatchRule.Effect.AGAINST;
        List<MatchRule> out = new ArrayList<>();
        for (MatchRule r : rules) {
            if (r.effect() == side) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingDouble((MatchRule r) -> -Math.abs(r.weight())));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s score %.3f (evidence %+.1f bits, threshold %.2f)%n",
                decision, score, evidence, threshold));
        sb.append("  left:  ").append(left).append(System.lineSeparator());
        sb.append("  right: ").append(right).append(System.lineSeparator());
        for (MatchRule r : rules) {
            sb.append("  ").append(r).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
