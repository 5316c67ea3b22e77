package org.navette.catalogue.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ChangeSet;
import org.navette.catalogue.StoredMember;
import org.navette.match.Cluster;
import org.navette.match.Clusterer;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.navette.model.RecordSource;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * Writes one batch of new, changed and deleted member records into the store, re-clustering only
 * the part of the catalogue the batch touches.
 *
 * <p>The touched component is: the clusters of the changed and deleted members as stored, and the
 * clusters of every stored member sharing a blocking key with a new or changed record. Its members
 * are re-normalised from their stored MARCXML with the one normaliser and fed, in stored order
 * (clusters by their earliest member, members in cluster order), to a fresh clusterer with the one
 * matcher; then the batch's records in file order. The resulting clusters replace the component's.
 * A cluster id is its first member's id, so a cluster keeps its id while its first member stays,
 * and every stored cluster's id is the id of one of its members — which is why a new cluster id
 * can never collide with a cluster outside the component.
 *
 * <p>Crash safety invariant: before a batch's change set is applied, a separate change set puts
 * the journal entry {@code journal:LIB} listing every cluster id the batch may touch (the
 * component's old ids and the new ones); the batch's own change set deletes it. While the entry
 * exists, every member whose cluster doc may be stale names one of those ids, so {@link #repair}
 * re-clusters exactly the members of those clusters and rewrites them, whatever part of the change
 * set the store applied before a crash. Members the crash kept from being written are missing from
 * the store and are added again by re-running the same load (their fingerprints are absent).
 */
public final class BatchWriter {
    /** State key prefix of the ingest journal. */
    public static final String JOURNAL = "journal:";

    /** A record to write: its normalised form (source = member id), stored MARCXML and fingerprint. */
    public record Pending(BibRecord record, String fullRecord, String fingerprint, long position, List<String> blockingKeys) {
    }

    /** What a batch did. */
    public record Outcome(int memberWrites, int memberDeletes) {
    }

    private final CatalogueStore store;
    private final Normaliser normaliser;
    private final Matcher matcher;

    public BatchWriter(CatalogueStore store, Normaliser normaliser, Matcher matcher) {
        this.store = store;
        this.normaliser = normaliser;
        this.matcher = matcher;
    }

    /**
     * Writes {@code writes} (by member id) and deletes {@code deletes} for {@code journalName}
     * (a library), with {@code extraStates} put in the same change set.
     */
    public Outcome write(String journalName, Map<String, Pending> writes, Set<String> deletes,
            Map<String, String> extraStates) {
        Set<String> touched = new LinkedHashSet<>(writes.keySet());
        touched.addAll(deletes);
        Map<String, StoredMember> before = new HashMap<>();
        for (StoredMember m : store.members(touched)) {
            before.put(m.id(), m);
        }
        Set<String> affected = new TreeSet<>();
        for (StoredMember m : before.values()) {
            affected.add(m.clusterId());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Pending p : writes.values()) {
            keys.addAll(p.blockingKeys());
        }
        if (!keys.isEmpty()) {
            for (StoredMember m : store.membersSharingKeys(keys, matcher.settings().maxBlockSize())) {
                affected.add(m.clusterId());
            }
        }
        List<StoredMember> existing = affected.isEmpty() ? List.of() : store.membersOfClusters(affected);
        List<StoredMember> kept = new ArrayList<>();
        for (StoredMember m : ordered(existing)) {
            if (!writes.containsKey(m.id()) && !deletes.contains(m.id())) {
                kept.add(m);
            }
        }
        Instant now = Instant.now();
        Map<String, StoredMember> stored = new HashMap<>();
        Clusterer clusterer = Clusterer.create(matcher);
        for (StoredMember m : kept) {
            clusterer.add(renormalise(m));
            stored.put(m.id(), m);
        }
        List<Pending> fresh = new ArrayList<>(writes.values());
        fresh.sort(Comparator.comparingLong(Pending::position));
        for (Pending p : fresh) {
            clusterer.add(p.record());
            StoredMember old = before.get(p.record().source().toString());
            RecordSource s = p.record().source();
            stored.put(s.toString(), new StoredMember(s.toString(), s.origin(), s.recordId(), p.fingerprint(), "?",
                    p.fullRecord(), p.record().format(), p.blockingKeys(), p.position(),
                    old == null ? now : old.firstIndexed()));
        }
        Map<String, List<String>> oldLayout = layout(existing);
        ChangeSet.Builder changes = ChangeSet.builder();
        Set<String> resultIds = new HashSet<>();
        for (Cluster c : clusterer.clusters()) {
            resultIds.add(c.id());
            List<String> ids = new ArrayList<>(c.size());
            boolean memberChanged = false;
            for (BibRecord r : c.members()) {
                String id = r.source().toString();
                ids.add(id);
                memberChanged |= writes.containsKey(id);
            }
            if (!memberChanged && ids.equals(oldLayout.get(c.id()))) {
                continue;   // the cluster is as stored: writing it again would only cost
            }
            List<StoredMember> members = new ArrayList<>(ids.size());
            for (String id : ids) {
                members.add(stored.get(id).withClusterId(c.id()));
            }
            changes.putCluster(c, members);
        }
        Set<String> journal = new TreeSet<>(affected);
        journal.addAll(resultIds);
        for (String id : affected) {
            if (!resultIds.contains(id)) {
                changes.deleteCluster(id);
            }
        }
        for (String id : deletes) {
            if (before.containsKey(id)) {
                changes.deleteMember(id);
            }
        }
        extraStates.forEach(changes::putState);
        String journalKey = JOURNAL + journalName;
        changes.deleteState(journalKey);
        ChangeSet set = changes.build();
        if (!journal.isEmpty()) {
            store.apply(ChangeSet.builder().putState(journalKey, String.join("\n", journal)).build());
        }
        store.apply(set);
        return new Outcome(set.memberWrites(), set.deletedMembers().size());
    }

    /**
     * Repairs after a crash: for every journal entry, re-clusters the members of the clusters it
     * lists and rewrites them, deletes listed clusters left without members, and clears the entry.
     *
     * @return the number of journal entries repaired
     */
    public int repair() {
        Map<String, String> journals = store.states(JOURNAL);
        for (Map.Entry<String, String> e : journals.entrySet()) {
            Set<String> ids = new TreeSet<>(List.of(e.getValue().split("\n")));
            ids.remove("");
            List<StoredMember> members = ordered(ids.isEmpty() ? List.of() : store.membersOfClusters(ids));
            Clusterer clusterer = Clusterer.create(matcher);
            Map<String, StoredMember> byId = new HashMap<>();
            for (StoredMember m : members) {
                if (byId.putIfAbsent(m.id(), m) == null) {
                    clusterer.add(renormalise(m));
                }
            }
            ChangeSet.Builder changes = ChangeSet.builder();
            Set<String> resultIds = new HashSet<>();
            for (Cluster c : clusterer.clusters()) {
                resultIds.add(c.id());
                List<StoredMember> list = new ArrayList<>();
                for (BibRecord r : c.members()) {
                    list.add(byId.get(r.source().toString()).withClusterId(c.id()));
                }
                changes.putCluster(c, list);
            }
            for (String id : ids) {
                if (!resultIds.contains(id)) {
                    changes.deleteCluster(id);
                }
            }
            changes.deleteState(e.getKey());
            store.apply(changes.build());
        }
        return journals.size();
    }

    /** The member re-read from its stored MARCXML with the one normaliser, attributed to its member id. */
    private BibRecord renormalise(StoredMember m) {
        ReadResult r = normaliser.normalise(MarcXmlCodec.fromXml(m.fullRecord(), m.id()),
                new RecordSource(m.library(), m.localId()), m.format());
        if (r.record() == null) {
            throw new org.navette.catalogue.CatalogueException("stored member " + m.id()
                    + " can no longer be normalised: " + r.problems());
        }
        return r.record();
    }

    /** Clusters by their earliest member (then id), members in their stored cluster order. */
    private static List<StoredMember> ordered(Collection<StoredMember> members) {
        Map<String, List<StoredMember>> byCluster = new LinkedHashMap<>();
        for (StoredMember m : members) {
            byCluster.computeIfAbsent(m.clusterId(), k -> new ArrayList<>()).add(m);
        }
        List<List<StoredMember>> clusters = new ArrayList<>(byCluster.values());
        clusters.sort(Comparator.<List<StoredMember>, Instant>comparing(
                l -> l.stream().map(StoredMember::firstIndexed).min(Comparator.naturalOrder()).orElseThrow())
                .thenComparing(l -> l.get(0).clusterId()));
        List<StoredMember> out = new ArrayList<>(members.size());
        clusters.forEach(out::addAll);
        return out;
    }

    private static Map<String, List<String>> layout(List<StoredMember> members) {
        Map<String, List<String>> out = new HashMap<>();
        for (StoredMember m : members) {
            out.computeIfAbsent(m.clusterId(), k -> new ArrayList<>()).add(m.id());
        }
        return out;
    }
}
