package org.navette.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What ingest needs of a stored member to place new records next to it, without its MARC: its
 * cluster, when it entered the catalogue, its blocking keys and its match keys as text
 * ({@link org.navette.match.MatchKeys#toCode()}).
 *
 * <pre>{@code
 * for (MemberSummary s : store.summariesOfClusters(candidates, settings.maxComparedMembers())) {
 *     MatchKeys k = s.keyCode().isEmpty() ? null : MatchKeys.fromCode(s.keyCode(), source).orElse(null);
 * }
 * }</pre>
 *
 * @param id           "LIBRARY:localId"
 * @param clusterId    the cluster it belongs to
 * @param firstIndexed when it first entered the catalogue
 * @param matchKeys    its blocking keys
 * @param keyCode      its match keys as text; empty when not asked for (or stored before codes were kept)
 */
public record MemberSummary(String id, String clusterId, Instant firstIndexed, List<String> matchKeys, String keyCode) {
    public MemberSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(firstIndexed, "firstIndexed");
        Objects.requireNonNull(keyCode, "keyCode");
        matchKeys = List.copyOf(matchKeys);
    }
}
