package org.navette.match;

/**
 * One piece of evidence the matcher weighed when comparing two records: a shared ISBN, a title
 * similarity, a year difference, a veto.
 *
 * <pre>{@code
 * for (MatchRule r : matcher.explain(a, b).rules()) {
 *     System.out.println(r);   // "FOR isbn +10.0 (9780836968439)", "VETO edition (2 vs 3)"
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param name   which comparison: {@code isbn}, {@code title}, {@code author}, {@code year}, {@code edition}...
 * @param effect whether it speaks for, against, or vetoes the match
 * @param weight its weight in bits of evidence (log2 likelihood ratio); 0 for vetoes
 * @param detail what was compared, for people ("2nd vs 3rd", "similarity 0.93")
 */
public record MatchRule(String name, Effect effect, double weight, String detail) {
    /** How a rule bears on the decision. */
    public enum Effect {
        /** Positive evidence. */
        FOR,
        /** Negative evidence. */
        AGAINST,
        /** The records cannot describe the same manifestation, whatever else agrees. */
        VETO
    }

    public MatchRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rule name must not be blank");
        }
        if (effect == null) {
            throw new IllegalArgumentException("rule effect must not be null (rule " + name + ")");
        }
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        String w = effect == Effect.VETO ? "" : String.format(java.util.Locale.ROOT, " %+.1f", weight);
        return effect + " " + name + w + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
