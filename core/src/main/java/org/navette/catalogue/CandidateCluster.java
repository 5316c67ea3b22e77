package org.navette.catalogue;

import java.util.List;
import java.util.Objects;
import org.navette.match.MatchKeys;

/**
 * A stored cluster a record may belong to, as {@link Catalogue#candidatesFor} finds it: its id,
 * every member id in stored order (a member id is {@code LIBRARY:localId}) and the match keys of
 * its first compared members, decoded from the store without reading any original record.
 *
 * <pre>{@code
 * for (CandidateCluster c : catalogue.candidatesFor(matcher.keys(citation))) {
 *     double best = c.comparedKeys().stream().mapToDouble(k -> matcher.explain(citationKeys, k).score()).max().orElse(0);
 * }
 * }</pre>
 *
 * @param clusterId    the cluster's id
 * @param memberIds    every member, in stored cluster order
 * @param comparedKeys the keys of the first {@code maxComparedMembers} members (those ingest compares)
 */
public record CandidateCluster(String clusterId, List<String> memberIds, List<MatchKeys> comparedKeys) {
    public CandidateCluster {
        Objects.requireNonNull(clusterId, "clusterId");
        memberIds = List.copyOf(memberIds);
        comparedKeys = List.copyOf(comparedKeys);
    }

    /** The libraries holding the work: each member's library, once, in member order. */
    public List<String> libraries() {
        return memberIds.stream().map(id -> id.substring(0, id.indexOf(':'))).distinct().toList();
    }
}
