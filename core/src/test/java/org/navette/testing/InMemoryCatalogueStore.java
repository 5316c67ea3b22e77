package org.navette.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ChangeSet;
import org.navette.catalogue.StoreLocation;
import org.navette.catalogue.StoredMember;

/**
 * A {@link CatalogueStore} in memory for tests: members, cluster documents (a cluster's member ids
 * in order) and state entries, honouring the store contract. {@link #crashDuring(int, int)} makes a
 * later {@link #apply} stop with a {@link CatalogueException} after that many of its single writes,
 * leaving them applied, as a store killed in the middle of a change set would.
 *
 * <pre>{@code
 * InMemoryCatalogueStore store = new InMemoryCatalogueStore();
 * store.crashDuring(2, 5);                    // the second change set from now is applied only in part
 * }</pre>
 *
 * <p>Thread-safety: every method synchronises on the store.
 */
public final class InMemoryCatalogueStore implements CatalogueStore {
    private final Map<String, StoredMember> members = new LinkedHashMap<>();
    private final Map<String, List<String>> clusters = new LinkedHashMap<>();
    private final Map<String, String> states = new TreeMap<>();
    private final Map<String, org.navette.match.Cluster> clusterObjects = new LinkedHashMap<>();
    private int crashAt = -1;
    private int crashAfter = -1;
    private int applies;
    private long originalsRead;
    private long memberWrites;

    /**
     * The {@code nth} apply from now (1 = the next) stops after {@code writes} single writes
     * (a member, a cluster document or a state entry each), throwing; the writes before stay applied.
     */
    public synchronized void crashDuring(int nth, int writes) {
        this.crashAt = applies + nth;
        this.crashAfter = writes;
    }

    /** The cluster last written with this id (null when none is stored). */
    public synchronized org.navette.match.@org.jspecify.annotations.Nullable Cluster cluster(String id) {
        return clusters.containsKey(id) ? clusterObjects.get(id) : null;
    }

    /** Members read with their original record (by {@link #members} and {@link #membersOfClusters}) so far. */
    public synchronized long originalsRead() {
        return originalsRead;
    }

    /** Member documents written so far (a cluster write's unchanged members are not). */
    public synchronized long memberWrites() {
        return memberWrites;
    }

    /** Change sets applied so far (including a crashed one). */
    public synchronized int applies() {
        return applies;
    }

    /** The cluster documents: id to member ids in order. */
    public synchronized Map<String, List<String>> clusters() {
        Map<String, List<String>> out = new TreeMap<>();
        clusters.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** Every stored member by id. */
    public synchronized Map<String, StoredMember> allMembers() {
        return new TreeMap<>(members);
    }

    @Override
    public StoreLocation location() {
        return StoreLocation.url("memory:" + Integer.toHexString(System.identityHashCode(this)));
    }

    @Override
    public synchronized Map<String, String> fingerprints(String library) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StoredMember m : members.values()) {
            if (m.library().equals(library)) {
                out.put(m.id(), m.fingerprint());
            }
        }
        return out;
    }

    @Override
    public synchronized List<StoredMember> members(Collection<String> memberIds) {
        List<StoredMember> out = new ArrayList<>();
        for (String id : new HashSet<>(memberIds)) {
            StoredMember m = members.get(id);
            if (m != null) {
                out.add(m);
            }
        }
        originalsRead += out.size();
        return out;
    }

    @Override
    public synchronized Set<String> clustersSharingKeys(Collection<String> matchKeys, int maxPerKey) {
        Map<String, List<StoredMember>> byKey = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>(matchKeys);
        for (StoredMember m : members.values()) {
            for (String k : m.matchKeys()) {
                if (wanted.contains(k)) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
                }
            }
        }
        Set<String> out = new TreeSet<>();
        for (List<StoredMember> list : byKey.values()) {
            if (list.size() <= maxPerKey) {
                list.forEach(m -> out.add(m.clusterId()));
            }
        }
        return out;
    }

    @Override
    public synchronized List<org.navette.catalogue.MemberSummary> summariesOfClusters(Collection<String> clusterIds,
            int codedMembers) {
        List<org.navette.catalogue.MemberSummary> out = new ArrayList<>();
        String cluster = null;
        int n = 0;
        for (StoredMember m : inClusters(clusterIds)) {
            n = m.clusterId().equals(cluster) ? n + 1 : 0;
            cluster = m.clusterId();
            out.add(new org.navette.catalogue.MemberSummary(m.id(), m.clusterId(), m.firstIndexed(), m.matchKeys(),
                    n < codedMembers ? m.keyCode() : ""));
        }
        return out;
    }

    @Override
    public synchronized List<StoredMember> membersOfClusters(Collection<String> clusterIds) {
        List<StoredMember> out = inClusters(clusterIds);
        originalsRead += out.size();
        return out;
    }

    private List<StoredMember> inClusters(Collection<String> clusterIds) {
        Set<String> wanted = new HashSet<>(clusterIds);
        Map<String, List<StoredMember>> byCluster = new TreeMap<>();
        for (StoredMember m : members.values()) {
            if (wanted.contains(m.clusterId())) {
                byCluster.computeIfAbsent(m.clusterId(), x -> new ArrayList<>()).add(m);
            }
        }
        List<StoredMember> out = new ArrayList<>();
        for (Map.Entry<String, List<StoredMember>> e : byCluster.entrySet()) {
            List<String> order = clusters.getOrDefault(e.getKey(), List.of());
            List<StoredMember> list = e.getValue();
            // stored order: the cluster document's, members it does not list (a torn write) after, by position
            list.sort(Comparator.<StoredMember>comparingInt(m -> {
                int i = order.indexOf(m.id());
                return i < 0 ? Integer.MAX_VALUE : i;
            }).thenComparingLong(StoredMember::position).thenComparing(StoredMember::id));
            out.addAll(list);
        }
        return out;
    }

    @Override
    public synchronized void forEachMember(String library, Consumer<StoredMember> action) {
        members.values().stream().filter(m -> m.library().equals(library))
                .sorted(Comparator.comparingLong(StoredMember::position).thenComparing(StoredMember::id))
                .toList().forEach(action);
    }

    @Override
    public synchronized void apply(ChangeSet changes) {
        applies++;
        int budget = applies == crashAt ? crashAfter : -1;
        int[] left = {budget};
        Runnable step = () -> {
            if (left[0] == 0) {
                throw new CatalogueException("simulated crash of store " + location() + " in the middle of " + changes);
            }
            if (left[0] > 0) {
                left[0]--;
            }
        };
        for (ChangeSet.ClusterWrite w : changes.clusterWrites()) {
            for (StoredMember m : w.members()) {
                if (w.unchangedMembers().contains(m.id())) {
                    if (!m.equals(members.get(m.id()))) {
                        throw new IllegalStateException("member " + m.id() + " is said unchanged but differs from the stored one");
                    }
                    continue;
                }
                step.run();
                memberWrites++;
                members.put(m.id(), m);
            }
            step.run();
            clusters.put(w.cluster().id(), w.members().stream().map(StoredMember::id).toList());
            clusterObjects.put(w.cluster().id(), w.cluster());
        }
        for (String id : changes.deletedClusters()) {
            step.run();
            clusters.remove(id);
            clusterObjects.remove(id);
        }
        for (String id : changes.deletedMembers()) {
            step.run();
            members.remove(id);
        }
        for (Map.Entry<String, String> e : changes.putStates().entrySet()) {
            step.run();
            states.put(e.getKey(), e.getValue());
        }
        for (String key : changes.deletedStates()) {
            step.run();
            states.remove(key);
        }
    }

    @Override
    public synchronized Map<String, String> states(String keyPrefix) {
        Map<String, String> out = new TreeMap<>();
        states.forEach((k, v) -> {
            if (k.startsWith(keyPrefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public synchronized CatalogueStats stats() {
        Map<String, Long> libraries = new TreeMap<>();
        for (StoredMember m : members.values()) {
            libraries.merge(m.library(), 1L, Long::sum);
        }
        return new CatalogueStats(members.size(), clusters.size(), libraries);
    }

    @Override
    public void close() {
    }
}
