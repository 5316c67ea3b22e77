package org.navette.match;

import java.util.List;
import java.util.Optional;
import org.navette.model.BibRecord;

/**
 * What adding one record to a {@link Clusterer} did: the cluster it joined or created, and the
 * clusters that merged into that one because of it.
 *
 * <pre>{@code
 * ClusterUpdate u = clusterer.add(record);
 * if (!u.created()) {
 *     u.explanation().ifPresent(e -> System.out.println(u.clusterId() + ": " + e.decisiveRules()));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable; the explanation is computed on first use.
 */
public final class ClusterUpdate {
    private final BibRecord record;
    private final String clusterId;
    private final boolean created;
    private final List<String> absorbedClusterIds;
    private final MatchKeys recordKeys;
    private final MatchKeys matchedKeys;
    private final Matcher matcher;
    private volatile MatchExplanation explanation;

    ClusterUpdate(BibRecord record, String clusterId, boolean created, List<String> absorbedClusterIds,
                  MatchKeys recordKeys, MatchKeys matchedKeys, Matcher matcher) {
        this.record = record;
        this.clusterId = clusterId;
        this.created = created;
        this.absorbedClusterIds = List.copyOf(absorbedClusterIds);
        this.recordKeys = recordKeys;
        this.matchedKeys = matchedKeys;
        this.matcher = matcher;
    }

    /** The record that was added. */
    public BibRecord record() { return record; }

    /** The id of the cluster the record is now in. */
    public String clusterId() { return clusterId; }

    /** True when the record started a new cluster. */
    public boolean created() { return created; }

    /** Ids of clusters that merged into {@link #clusterId()} because this record bridged them; usually empty. */
    public List<String> absorbedClusterIds() { return absorbedClusterIds; }

    /** The member the record matched best, when it joined an existing cluster. */
    public Optional<BibRecord> matchedMember() {
        return matchedKeys == null ? Optional.empty() : Optional.of(matchedKeys.record());
    }

    /** Why the record joined: its comparison with {@link #matchedMember()}; empty when it created a cluster. */
    public Optional<MatchExplanation> explanation() {
        if (matchedKeys == null) {
            return Optional.empty();
        }
        MatchExplanation e = explanation;
        if (e == null) {
            e = matcher.explain(recordKeys, matchedKeys);
            explanation = e;
        }
        return Optional.of(e);
    }

    @Override
    public String toString() {
        return "ClusterUpdate[" + record.source() + (created ? " created " : " joined ") + clusterId
                + (absorbedClusterIds.isEmpty() ? "" : " absorbing " + absorbedClusterIds) + "]";
    }
}
