package org.navette.match;

import java.util.List;
import java.util.Objects;

/**
 * The knobs of the {@link Matcher} and of clustering. Every setting has a default chosen from
 * measured precision and recall on the labelled sets (see the match quality tests).
 *
 * <pre>{@code
 * MatchSettings s = MatchSettings.builder()
 *         .threshold(0.7)                     // posterior match probability needed
 *         .maxYearGap(1)                      // years further apart veto a match
 *         .allowPrintElectronicMerge(true)    // one cluster for the book and its e-book
 *         .sourcePriority(List.of("bnf", "local-koha"))
 *         .build();
 * Matcher m = Matcher.of(s);
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class MatchSettings {
    /** Default {@link #threshold()}: chosen from measured precision/recall (see MatchQualityTest). */
    public static final double DEFAULT_THRESHOLD = 0.9;

    private static final MatchSettings DEFAULTS = builder().build();

    private final double threshold;
    private final int maxYearGap;
    private final boolean allowPrintElectronicMerge;
    private final double clusterAgreement;
    private final int maxComparedMembers;
    private final int maxBlockSize;
    private final List<String> sourcePriority;
    private final boolean citationMode;

    private MatchSettings(Builder b) {
        threshold = b.threshold;
        maxYearGap = b.maxYearGap;
        allowPrintElectronicMerge = b.allowPrintElectronicMerge;
        clusterAgreement = b.clusterAgreement;
        maxComparedMembers = b.maxComparedMembers;
        maxBlockSize = b.maxBlockSize;
        sourcePriority = b.sourcePriority;
        citationMode = b.citationMode;
    }

    /** The defaults. */
    public static MatchSettings ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.threshold = threshold;
        b.maxYearGap = maxYearGap;
        b.allowPrintElectronicMerge = allowPrintElectronicMerge;
        b.clusterAgreement = clusterAgreement;
        b.maxComparedMembers = maxComparedMembers;
        b.maxBlockSize = maxBlockSize;
        b.sourcePriority = sourcePriority;
        b.citationMode = citationMode;
        return b;
    }

    /** Posterior probability (0..1, exclusive) from which two records match. */
    public double threshold() { return threshold; }

    /** Publication years further apart than this veto a match. */
    public int maxYearGap() { return maxYearGap; }

    /** Whether a print and an electronic manifestation may share a cluster. */
    public boolean allowPrintElectronicMerge() { return allowPrintElectronicMerge; }

    /**
     * Share of a cluster's compared members a record must match to join it (and share of
     * cross-pairs two clusters must match to merge): the guard against chains A~B~C.
     */
    public double clusterAgreement() { return clusterAgreement; }

    /** How many members of a big cluster a new record is compared with (the first ones). */
    public int maxComparedMembers() { return maxComparedMembers; }

    /** Records kept per blocking key; beyond it a very common key ("poems") stops growing. */
    public int maxBlockSize() { return maxBlockSize; }

    /**
     * Whether the left side of a comparison is a citation (an interlending request, a reference)
     * rather than a catalogue record: see {@link Builder#citationMode(boolean)}.
     */
    public boolean citationMode() { return citationMode; }

    /** Origins (targets, libraries) whose records are preferred as a cluster's representative, best first. */
    public List<String> sourcePriority() { return sourcePriority; }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchSettings s && threshold == s.threshold && maxYearGap == s.maxYearGap
                && allowPrintElectronicMerge == s.allowPrintElectronicMerge && clusterAgreement == s.clusterAgreement
                && maxComparedMembers == s.maxComparedMembers && maxBlockSize == s.maxBlockSize
                && citationMode == s.citationMode
                && sourcePriority.equals(s.sourcePriority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threshold, maxYearGap, allowPrintElectronicMerge, clusterAgreement, maxComparedMembers,
                maxBlockSize, sourcePriority, citationMode);
    }

    @Override
    public String toString() {
        return "MatchSettings[threshold=" + threshold + ", maxYearGap=" + maxYearGap + ", allowPrintElectronicMerge="
                + allowPrintElectronicMerge + ", clusterAgreement=" + clusterAgreement + ", maxComparedMembers="
                + maxComparedMembers + ", maxBlockSize=" + maxBlockSize + ", sourcePriority=" + sourcePriority + ", citationMode=" + citationMode + "]";
    }

    /** Builds {@link MatchSettings}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private double threshold = DEFAULT_THRESHOLD;
        private int maxYearGap = 2;
        private boolean allowPrintElectronicMerge;
        private double clusterAgreement = 0.6;
        private int maxComparedMembers = 8;
        private int maxBlockSize = 256;
        private List<String> sourcePriority = List.of();
        private boolean citationMode;

        private Builder() {
        }

        /** @throws IllegalArgumentException unless 0 &lt; value &lt; 1 */
        public Builder threshold(double value) {
            if (!(value > 0.0 && value < 1.0)) {
                throw new IllegalArgumentException("threshold must be within (0, 1) exclusive, was " + value);
            }
            threshold = value;
            return this;
        }

        /** @throws IllegalArgumentException unless 0 &lt;= value &lt;= 100 */
        public Builder maxYearGap(int value) {
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("maxYearGap must be within 0..100, was " + value);
            }
            maxYearGap = value;
            return this;
        }

        public Builder allowPrintElectronicMerge(boolean value) {
            allowPrintElectronicMerge = value;
            return this;
        }

        /** @throws IllegalArgumentException unless 0 &lt; value &lt;= 1 */
        public Builder clusterAgreement(double value) {
            if (!(value > 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("clusterAgreement must be within (0, 1], was " + value);
            }
            clusterAgreement = value;
            return this;
        }

        /** @throws IllegalArgumentException unless 1 &lt;= value &lt;= 1000 */
        public Builder maxComparedMembers(int value) {
            if (value < 1 || value > 1000) {
                throw new IllegalArgumentException("maxComparedMembers must be within 1..1000, was " + value);
            }
            maxComparedMembers = value;
            return this;
        }

        /** @throws IllegalArgumentException unless 1 &lt;= value &lt;= 100000 */
        public Builder maxBlockSize(int value) {
            if (value < 1 || value > 100_000) {
                throw new IllegalArgumentException("maxBlockSize must be within 1..100000, was " + value);
            }
            maxBlockSize = value;
            return this;
        }

        /** @throws IllegalArgumentException when an origin is null or blank */
        public Builder sourcePriority(List<String> origins) {
            if (origins == null) {
                throw new IllegalArgumentException("sourcePriority must not be null");
            }
            for (String o : origins) {
                if (o == null || o.isBlank()) {
                    throw new IllegalArgumentException("sourcePriority must not contain a blank origin, was " + origins);
                }
            }
            sourcePriority = List.copyOf(origins);
            return this;
        }

        /**
         * Citation mode: the left record of every comparison is a citation, which says only what its
         * sender knew. What it leaves out is no evidence (a citation without an edition statement
         * may well want the 8th edition; records always state it), its year may be off (a wrong year
         * weighs against instead of vetoing), and the prior odds are those of a request's few
         * candidates, one of which it was written for, instead of a record's whole block.
         * Interlending matching uses it; clustering never does.
         */
        public Builder citationMode(boolean value) {
            citationMode = value;
            return this;
        }

        public MatchSettings build() {
            return new MatchSettings(this);
        }
    }
}
