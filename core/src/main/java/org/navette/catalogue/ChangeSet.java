package org.navette.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;

/**
 * One batch of writes to a {@link CatalogueStore}, applied together by
 * {@link CatalogueStore#apply(ChangeSet)}: clusters put in their complete new state (with every
 * member), clusters and members deleted, and small state entries (harvest dates, the ingest
 * journal) put or deleted.
 *
 * <pre>{@code
 * ChangeSet changes = ChangeSet.builder()
 *         .putCluster(cluster, storedMembers)      // the cluster and all its members, as they are now
 *         .putCluster(grown, grownMembers, Set.of("bib-dole:000012"))  // its first member's document stays
 *         .deleteCluster("bib-dole:000007")        // a cluster that dissolved into others
 *         .deleteMember("bib-dole:000099")         // a record the library no longer has
 *         .putState("harvest:koha-a", "2026-12-01T00:00:00Z")
 *         .build();
 * store.apply(changes);
 * }</pre>
 *
 * <p>Rules checked by the builder: a cluster's stored members are exactly its members, in its order
 * ({@code members.get(i).id()} is {@code cluster.members().get(i).source().toString()}, and every
 * member's {@code clusterId} is the cluster's id); a member or cluster is not both put and deleted.
 *
 * <p>Thread-safety: a built change set is immutable; the builder is not thread-safe.
 */
public final class ChangeSet {

    /**
     * A cluster in its complete new state: the match cluster and, in the same order, its stored
     * members; {@code unchangedMembers} are the ids of members whose stored document already says
     * what this write would say of them (the same stored member, in the same cluster at the same
     * place, the cluster merged or not as before): a store may leave their documents as they are
     * and write only the others and the cluster's own.
     */
    public record ClusterWrite(Cluster cluster, List<StoredMember> members, Set<String> unchangedMembers) {
        public ClusterWrite(Cluster cluster, List<StoredMember> members) {
            this(cluster, members, Set.of());
        }

        public ClusterWrite {
            Objects.requireNonNull(cluster, "cluster");
            members = List.copyOf(members);
            unchangedMembers = Set.copyOf(unchangedMembers);
            if (members.size() != cluster.size()) {
                throw new IllegalArgumentException("cluster " + cluster.id() + " has " + cluster.size()
                        + " members but " + members.size() + " stored members were given");
            }
            for (int i = 0; i < members.size(); i++) {
                StoredMember m = members.get(i);
                String expected = cluster.members().get(i).source().toString();
                if (!m.id().equals(expected)) {
                    throw new IllegalArgumentException("stored member " + i + " of cluster " + cluster.id() + " is "
                            + m.id() + " but the cluster's member is " + expected);
                }
                if (!m.clusterId().equals(cluster.id())) {
                    throw new IllegalArgumentException("stored member " + m.id() + " names cluster " + m.clusterId()
                            + " but is written in cluster " + cluster.id());
                }
            }
            Set<String> ids = unchangedMembers.isEmpty() ? Set.of() : new java.util.HashSet<>();
            if (!unchangedMembers.isEmpty()) {
                members.forEach(m -> ids.add(m.id()));
            }
            for (String id : unchangedMembers) {
                if (!ids.contains(id)) {
                    throw new IllegalArgumentException("unchanged member " + id + " is not a member of cluster " + cluster.id());
                }
            }
        }

        /** Whether member {@code i}'s stored document must be written. */
        public boolean writes(int i) {
            return !unchangedMembers.contains(members.get(i).id());
        }

        /** The normalised record of member {@code i}. */
        public BibRecord record(int i) {
            return cluster.members().get(i);
        }
    }

    private final List<ClusterWrite> clusterWrites;
    private final Set<String> deletedClusters;
    private final Set<String> deletedMembers;
    private final Map<String, String> putStates;
    private final Set<String> deletedStates;

    private ChangeSet(Builder b) {
        this.clusterWrites = List.copyOf(b.clusterWrites.values());
        this.deletedClusters = Set.copyOf(b.deletedClusters);
        this.deletedMembers = Set.copyOf(b.deletedMembers);
        this.putStates = Map.copyOf(b.putStates);
        this.deletedStates = Set.copyOf(b.deletedStates);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Clusters to write, each complete, in the order they were added. */
    public List<ClusterWrite> clusterWrites() { return clusterWrites; }

    /** Ids of clusters to remove (their members are deleted or written into other clusters here). */
    public Set<String> deletedClusters() { return deletedClusters; }

    /** Ids of member records to remove. */
    public Set<String> deletedMembers() { return deletedMembers; }

    /** State entries to put. */
    public Map<String, String> putStates() { return putStates; }

    /** State keys to remove. */
    public Set<String> deletedStates() { return deletedStates; }

    /** Number of member records written (a cluster's unchanged members not counted). */
    public int memberWrites() {
        int n = 0;
        for (ClusterWrite w : clusterWrites) {
            n += w.members().size() - w.unchangedMembers().size();
        }
        return n;
    }

    public boolean isEmpty() {
        return clusterWrites.isEmpty() && deletedClusters.isEmpty() && deletedMembers.isEmpty()
                && putStates.isEmpty() && deletedStates.isEmpty();
    }

    @Override
    public String toString() {
        return "ChangeSet[" + clusterWrites.size() + " clusters (" + memberWrites() + " members) written, "
                + deletedClusters.size() + " clusters and " + deletedMembers.size() + " members deleted, "
                + (putStates.size() + deletedStates.size()) + " state changes]";
    }

    /** Collects writes; {@link #build()} checks that no id is both written and deleted. */
    public static final class Builder {
        private final Map<String, ClusterWrite> clusterWrites = new LinkedHashMap<>();
        private final Set<String> deletedClusters = new LinkedHashSet<>();
        private final Set<String> deletedMembers = new LinkedHashSet<>();
        private final Map<String, String> putStates = new LinkedHashMap<>();
        private final Set<String> deletedStates = new LinkedHashSet<>();

        private Builder() {
        }

        /** Writes {@code cluster} with its stored members (same order); replaces an earlier write of the same id. */
        public Builder putCluster(Cluster cluster, List<StoredMember> members) {
            return putCluster(cluster, members, Set.of());
        }

        /**
         * As {@link #putCluster(Cluster, List)}, naming the members whose stored documents need no
         * rewrite (see {@link ClusterWrite}).
         */
        public Builder putCluster(Cluster cluster, List<StoredMember> members, Set<String> unchangedMembers) {
            ClusterWrite w = new ClusterWrite(cluster, members, unchangedMembers);
            clusterWrites.put(cluster.id(), w);
            return this;
        }

        public Builder deleteCluster(String clusterId) {
            deletedClusters.add(Objects.requireNonNull(clusterId, "clusterId"));
            return this;
        }

        public Builder deleteMember(String memberId) {
            deletedMembers.add(Objects.requireNonNull(memberId, "memberId"));
            return this;
        }

        public Builder putState(String key, String value) {
            putStates.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            deletedStates.remove(key);
            return this;
        }

        public Builder deleteState(String key) {
            deletedStates.add(Objects.requireNonNull(key, "key"));
            putStates.remove(key);
            return this;
        }

        public ChangeSet build() {
            List<String> clash = new ArrayList<>();
            for (ClusterWrite w : clusterWrites.values()) {
                if (deletedClusters.contains(w.cluster().id())) {
                    clash.add("cluster " + w.cluster().id());
                }
                for (StoredMember m : w.members()) {
                    if (deletedMembers.contains(m.id())) {
                        clash.add("member " + m.id());
                    }
                }
            }
            if (!clash.isEmpty()) {
                throw new IllegalArgumentException("written and deleted in one change set: " + clash);
            }
            return new ChangeSet(this);
        }
    }
}
