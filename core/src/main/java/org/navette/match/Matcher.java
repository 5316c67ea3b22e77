package org.navette.match;

import java.util.Objects;
import org.navette.model.BibRecord;

/**
 * Navette's one record matcher, shared by federated-search deduplication, the union catalogue and
 * interlending: decides whether two records describe the same manifestation (same edition, same
 * volume, same carrier), and says why.
 *
 * <p>How: each record is reduced once to {@link MatchKeys} (identifiers, normalised title and
 * author, year, pagination, edition and part numbers, publisher...). Two records' keys are then
 * compared rule by rule; each rule adds evidence for or against (log-likelihood weights in bits),
 * vetoes stop pairs that cannot be one manifestation (different material type, carrier, edition or
 * volume numbers, years too far apart, incompatible pagination), and the summed evidence becomes a
 * posterior probability compared with {@link MatchSettings#threshold()}.
 *
 * <pre>{@code
 * Matcher m = Matcher.ofDefaults();
 * if (m.matches(a, b)) { ... }
 * MatchExplanation why = m.explain(a, b);
 * System.out.println(why);      // decision, score, every rule that fired
 * String key = m.keys(a).goldRushKey();
 * }</pre>
 *
 * <p>Matching is symmetric ({@code matches(a, b) == matches(b, a)}) and reflexive for any record
 * with a title. For many records, use a {@link Clusterer}: it blocks on shared keys instead of
 * comparing all pairs.
 *
 * <p>Thread-safety: immutable, safe to share between threads.
 */
public final class Matcher {
    private static final Matcher DEFAULTS = new Matcher(MatchSettings.ofDefaults());

    private final MatchSettings settings;
    private final KeyExtractor extractor = new KeyExtractor();
    private final PairScorer scorer;

    private Matcher(MatchSettings settings) {
        this.settings = settings;
        this.scorer = new PairScorer(settings);
    }

    /** The matcher with default settings. */
    public static Matcher ofDefaults() {
        return DEFAULTS;
    }

    /** A matcher with the given settings. */
    public static Matcher of(MatchSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("match settings must not be null");
        }
        return settings.equals(MatchSettings.ofDefaults()) ? DEFAULTS : new Matcher(settings);
    }

    public MatchSettings settings() {
        return settings;
    }

    /** All keys of a record, the Gold Rush key included. Never throws for a built record. */
    public MatchKeys keys(BibRecord record) {
        return extractor.keys(Objects.requireNonNull(record, "record"));
    }

    /** Compares two records and tells why they match or not. */
    public MatchExplanation explain(BibRecord a, BibRecord b) {
        return explain(keys(a), keys(b));
    }

    /** Compares two records' precomputed keys and tells why they match or not. */
    public MatchExplanation explain(MatchKeys a, MatchKeys b) {
        return scorer.explain(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"));
    }

    /** True when the two records describe the same manifestation. */
    public boolean matches(BibRecord a, BibRecord b) {
        return matches(keys(a), keys(b));
    }

    /** True when the two records whose keys these are describe the same manifestation. */
    public boolean matches(MatchKeys a, MatchKeys b) {
        return decide(a, b) == MatchDecision.MATCH;
    }

    /** The decision without building an explanation (cheaper, for bulk use). */
    public MatchDecision decide(MatchKeys a, MatchKeys b) {
        return scorer.decide(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"));
    }

    PairScorer scorer() {
        return scorer;
    }

    @Override
    public String toString() {
        return "Matcher[" + settings + "]";
    }
}
