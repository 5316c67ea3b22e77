package org.navette.rank;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Weights and boosts of the {@link Ranker}.
 *
 * <p>Relevance is BM25 (parameters {@code k1}, {@code b}) summed over fields with weights title &gt;
 * author &gt; subject &gt; rest, plus a phrase bonus when the query's words stand together in order.
 * The result is then multiplied by {@code 1 + boosts}: more holding libraries, an available copy, a
 * preferred (local) library, recency. An exact identifier match (ISBN, ISSN, record id) adds
 * {@code identifierBoost}, which puts it above any text match.
 *
 * <pre>{@code
 * RankingSettings s = RankingSettings.builder()
 *         .preferredLibraries(Set.of("BSG"))
 *         .preferredLibraryBoost(0.5)
 *         .recencyBoost(0.0)
 *         .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class RankingSettings {
    private static final RankingSettings DEFAULTS = builder().build();

    private final double titleWeight;
    private final double authorWeight;
    private final double subjectWeight;
    private final double otherWeight;
    private final double k1;
    private final double b;
    private final double phraseBonus;
    private final double identifierBoost;
    private final double holdingsBoost;
    private final double availabilityBoost;
    private final Set<String> preferredLibraries;
    private final double preferredLibraryBoost;
    private final double recencyBoost;
    private final int recencyHorizonYears;
    private final Clock clock;
    private final int facetLimit;

    private RankingSettings(Builder x) {
        titleWeight = x.titleWeight;
        authorWeight = x.authorWeight;
        subjectWeight = x.subjectWeight;
        otherWeight = x.otherWeight;
        k1 = x.k1;
        b = x.b;
        phraseBonus = x.phraseBonus;
        identifierBoost = x.identifierBoost;
        holdingsBoost = x.holdingsBoost;
        availabilityBoost = x.availabilityBoost;
        preferredLibraries = x.preferredLibraries;
        preferredLibraryBoost = x.preferredLibraryBoost;
        recencyBoost = x.recencyBoost;
        recencyHorizonYears = x.recencyHorizonYears;
        clock = x.clock;
        facetLimit = x.facetLimit;
    }

    public static RankingSettings ofDefaults() { return DEFAULTS; }

    public static Builder builder() { return new Builder(); }

    public double titleWeight() { return titleWeight; }
    public double authorWeight() { return authorWeight; }
    public double subjectWeight() { return subjectWeight; }
    public double otherWeight() { return otherWeight; }
    /** BM25 term-frequency saturation. */
    public double k1() { return k1; }
    /** BM25 length normalisation, 0..1. */
    public double b() { return b; }
    /** Extra share of a clause's score when its words appear together and in order (half when merely near). */
    public double phraseBonus() { return phraseBonus; }
    public double identifierBoost() { return identifierBoost; }
    /** Boost per doubling of the number of holding libraries (log2(1 + libraries)). */
    public double holdingsBoost() { return holdingsBoost; }
    public double availabilityBoost() { return availabilityBoost; }
    /** Library codes or origins whose holdings are boosted (the local library). */
    public Set<String> preferredLibraries() { return preferredLibraries; }
    public double preferredLibraryBoost() { return preferredLibraryBoost; }
    /** Boost for this year's publications, fading linearly to 0 over {@link #recencyHorizonYears()}. */
    public double recencyBoost() { return recencyBoost; }
    public int recencyHorizonYears() { return recencyHorizonYears; }
    /** Where "this year" comes from, for recency. */
    public Clock clock() { return clock; }
    /** Values kept per facet. */
    public int facetLimit() { return facetLimit; }

    @Override
    public String toString() {
        return "RankingSettings[title=" + titleWeight + ", author=" + authorWeight + ", subject=" + subjectWeight
                + ", other=" + otherWeight + ", k1=" + k1 + ", b=" + b + ", phraseBonus=" + phraseBonus
                + ", identifierBoost=" + identifierBoost + ", holdingsBoost=" + holdingsBoost + ", availabilityBoost="
                + availabilityBoost + ", preferredLibraries=" + preferredLibraries + ", preferredLibraryBoost="
                + preferredLibraryBoost + ", recencyBoost=" + recencyBoost + ", recencyHorizonYears="
                + recencyHorizonYears + ", facetLimit=" + facetLimit + "]";
    }

    /** Builds {@link RankingSettings}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private double titleWeight = 3.0;
        private double authorWeight = 2.0;
        private double subjectWeight = 1.5;
        private double otherWeight = 1.0;
        private double k1 = 1.2;
        private double b = 0.75;
        private double phraseBonus = 0.5;
        private double identifierBoost = 1000.0;
        private double holdingsBoost = 0.05;
        private double availabilityBoost = 0.05;
        private Set<String> preferredLibraries = Set.of();
        private double preferredLibraryBoost = 0.2;
        private double recencyBoost = 0.05;
        private int recencyHorizonYears = 50;
        private Clock clock = Clock.systemUTC();
        private int facetLimit = 20;

        private Builder() {
        }

        private static double nonNegative(String name, double v) {
            if (!(v >= 0.0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + v);
            }
            return v;
        }

        public Builder titleWeight(double titleWeight) { this.titleWeight = nonNegative("titleWeight", titleWeight); return this; }
        public Builder authorWeight(double authorWeight) { this.authorWeight = nonNegative("authorWeight", authorWeight); return this; }
        public Builder subjectWeight(double subjectWeight) { this.subjectWeight = nonNegative("subjectWeight", subjectWeight); return this; }
        public Builder otherWeight(double otherWeight) { this.otherWeight = nonNegative("otherWeight", otherWeight); return this; }
        public Builder k1(double k1) { this.k1 = nonNegative("k1", k1); return this; }
        public Builder phraseBonus(double phraseBonus) { this.phraseBonus = nonNegative("phraseBonus", phraseBonus); return this; }
        public Builder identifierBoost(double identifierBoost) { this.identifierBoost = nonNegative("identifierBoost", identifierBoost); return this; }
        public Builder holdingsBoost(double holdingsBoost) { this.holdingsBoost = nonNegative("holdingsBoost", holdingsBoost); return this; }
        public Builder availabilityBoost(double availabilityBoost) { this.availabilityBoost = nonNegative("availabilityBoost", availabilityBoost); return this; }
        public Builder preferredLibraryBoost(double preferredLibraryBoost) { this.preferredLibraryBoost = nonNegative("preferredLibraryBoost", preferredLibraryBoost); return this; }
        public Builder recencyBoost(double recencyBoost) { this.recencyBoost = nonNegative("recencyBoost", recencyBoost); return this; }

        /** @throws IllegalArgumentException unless 0 &lt;= v &lt;= 1 */
        public Builder b(double b) {
            if (!(b >= 0.0 && b <= 1.0)) {
                throw new IllegalArgumentException("b must be within 0..1, was " + b);
            }
            this.b = b;
            return this;
        }

        /** @throws IllegalArgumentException when null or containing a blank code */
        public Builder preferredLibraries(Set<String> preferredLibraries) {
            if (preferredLibraries == null || preferredLibraries.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("preferredLibraries must be a set of non-blank codes, was " + preferredLibraries);
            }
            this.preferredLibraries = Set.copyOf(preferredLibraries);
            return this;
        }

        /** @throws IllegalArgumentException unless 1 &lt;= v &lt;= 500 */
        public Builder recencyHorizonYears(int recencyHorizonYears) {
            if (recencyHorizonYears < 1 || recencyHorizonYears > 500) {
                throw new IllegalArgumentException("recencyHorizonYears must be within 1..500, was " + recencyHorizonYears);
            }
            this.recencyHorizonYears = recencyHorizonYears;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalArgumentException unless 1 &lt;= v &lt;= 10000 */
        public Builder facetLimit(int facetLimit) {
            if (facetLimit < 1 || facetLimit > 10_000) {
                throw new IllegalArgumentException("facetLimit must be within 1..10000, was " + facetLimit);
            }
            this.facetLimit = facetLimit;
            return this;
        }

        public RankingSettings build() {
            return new RankingSettings(this);
        }
    }
}
