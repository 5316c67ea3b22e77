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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ChangeSet;
import org.navette.catalogue.MemberSummary;
import org.navette.catalogue.StoredMember;
import org.navette.match.Cluster;
import org.navette.match.Clusterer;
import org.navette.match.MatchKeys;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.navette.model.RecordSource;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * Writes one batch of new, changed and deleted member records into the store, re-clustering only
 * the part of the catalogue the batch touches.
 *
 * <p>The touched component is: the clusters of the changed and deleted members as stored ("dirty"),
 * and the clusters with a member sharing a blocking key with a new or changed record
 * ("candidates"). Both are fed, in stored order (clusters by their earliest member, members in
 * cluster order), to a fresh clusterer with the one matcher: a dirty cluster's remaining members
 * re-normalised from their stored MARCXML with the one normaliser and clustered again (so a cluster
 * may split when a member leaves), a candidate cluster seeded as it is from its members' stored key
 * codes, without reading their MARC; then the batch's records in file order. Only the clusters that
 * came out different are written (their members' originals read then); a candidate the batch does
 * not join is neither read in full nor rewritten. A cluster id is its first member's id, so a
 * cluster keeps its id while its first member stays, and every stored cluster's id is the id of one
 * of its members — which is why a new cluster id can never collide with a cluster outside the
 * component. Members stored without a key code (by an earlier version) are read and normalised.
 *
 * <p>Crash safety invariant: before a batch's change set is applied, a separate change set puts
 * the journal entry {@code journal:LIB} listing every cluster id the batch touches (the old
 * clusters of every member it writes or deletes, and the new ids); the batch's own change set deletes it. While the entry
 * exists, every member whose cluster doc may be stale names one of those ids, so {@link #repair}
 * re-clusters exactly the members of those clusters and rewrites them, whatever part of the change
 * set the store applied before a crash. Members the crash kept from being written are missing from
 * the store and are added again by re-running the same load (their fingerprints are absent).
 */
public final class BatchWriter {
    /** State key prefix of the ingest journal. */
    public static final String JOURNAL = "journal:";

    /** A record to write: its normalised form (source = member id), stored MARCXML, fingerprint and match keys. */
    public record Pending(BibRecord record, String fullRecord, String fingerprint, long position, MatchKeys keys) {
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
        Set<String> dirty = new TreeSet<>();
        for (StoredMember m : before.values()) {
            dirty.add(m.clusterId());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Pending p : writes.values()) {
            keys.addAll(p.keys().blockingKeys());
        }
        Set<String> candidates = new TreeSet<>();
        if (!keys.isEmpty()) {
            candidates.addAll(store.clustersSharingKeys(keys, matcher.settings().maxBlockSize()));
        }
        candidates.removeAll(dirty);
        int compared = matcher.settings().maxComparedMembers();

        // the component: dirty clusters in full (they are clustered again), candidates in summary (seeded as they are)
        Map<String, Part> parts = new HashMap<>();
        if (!dirty.isEmpty()) {
            for (StoredMember m : store.membersOfClusters(dirty)) {
                parts.computeIfAbsent(m.clusterId(), Part::new).add(m.id(), m.firstIndexed()).full.add(m);
            }
        }
        Map<String, MatchKeys> decoded = new HashMap<>();
        Set<String> undecodable = new TreeSet<>();
        if (!candidates.isEmpty()) {
            for (MemberSummary s : store.summariesOfClusters(candidates, compared)) {
                Part part = parts.computeIfAbsent(s.clusterId(), Part::new).add(s.id(), s.firstIndexed());
                part.summaries.add(s);
                if (part.summaries.size() <= compared) {
                    Optional<MatchKeys> k = s.keyCode().isEmpty() ? Optional.empty() : MatchKeys.fromCode(s.keyCode(), sourceOf(s.id()));
                    if (k.isPresent()) {
                        decoded.put(s.id(), k.get());
                    } else {
                        undecodable.add(s.clusterId());  // stored by another version: its records are read again
                    }
                }
            }
        }
        Map<String, BibRecord> records = new HashMap<>();
        Map<String, StoredMember> stored = new HashMap<>();
        Set<String> recoded = new HashSet<>();
        if (!undecodable.isEmpty()) {
            for (StoredMember m : store.membersOfClusters(undecodable)) {
                remember(m, records, stored, recoded);
            }
        }
        List<Part> ordered = new ArrayList<>(parts.values());
        ordered.sort(Comparator.comparing((Part p) -> p.earliest).thenComparing(p -> p.id));

        Clusterer clusterer = Clusterer.create(matcher);
        Map<String, String> oldCluster = new HashMap<>();
        Map<String, List<String>> oldLayout = new HashMap<>();
        for (Part part : ordered) {
            oldLayout.put(part.id, part.memberIds);
            part.memberIds.forEach(id -> oldCluster.put(id, part.id));
            if (!part.full.isEmpty()) {
                for (StoredMember m : part.full) {
                    if (!writes.containsKey(m.id()) && !deletes.contains(m.id())) {
                        clusterer.add(remember(m, records, stored, recoded));
                    }
                }
                continue;
            }
            List<BibRecord> members = new ArrayList<>(part.summaries.size());
            List<MatchKeys> first = new ArrayList<>(compared);
            Set<String> blocking = new LinkedHashSet<>();
            for (MemberSummary s : part.summaries) {
                BibRecord known = records.get(s.id());
                MatchKeys k = first.size() < compared ? decoded.get(s.id()) : null;
                if (first.size() < compared) {
                    k = k != null ? k : matcher.keys(known);
                    first.add(k);
                }
                members.add(known != null ? known : k != null ? k.record() : placeholder(s.id()));
                blocking.addAll(s.matchKeys());
            }
            clusterer.seed(part.id, members, first, blocking);
        }
        Instant now = Instant.now();
        List<Pending> fresh = new ArrayList<>(writes.values());
        fresh.sort(Comparator.comparingLong(Pending::position));
        for (Pending p : fresh) {
            clusterer.add(p.record());
            StoredMember old = before.get(p.record().source().toString());
            RecordSource s = p.record().source();
            records.put(s.toString(), p.record());
            stored.put(s.toString(), new StoredMember(s.toString(), s.origin(), s.recordId(), p.fingerprint(), "?",
                    p.fullRecord(), p.record().format(), p.keys().blockingKeys(), p.keys().toCode(), p.position(),
                    old == null ? now : old.firstIndexed()));
        }

        // clusters as they are now: those unchanged are left alone, the others written whole
        List<Cluster> rewritten = new ArrayList<>();
        Set<String> resultIds = new HashSet<>();
        Set<String> unread = new TreeSet<>();
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
            rewritten.add(c);
            for (String id : ids) {
                if (!stored.containsKey(id)) {
                    unread.add(id);
                }
            }
        }
        if (!unread.isEmpty()) {
            for (StoredMember m : store.members(unread)) {
                remember(m, records, stored, recoded);
            }
        }
        ChangeSet.Builder changes = ChangeSet.builder();
        Set<String> journal = new TreeSet<>(dirty);
        for (Cluster c : rewritten) {
            List<BibRecord> real = new ArrayList<>(c.size());
            List<StoredMember> members = new ArrayList<>(c.size());
            Set<String> unchanged = new HashSet<>();
            List<String> layout = oldLayout.get(c.id());
            for (BibRecord placed : c.members()) {
                String id = placed.source().toString();
                if (layout != null && !writes.containsKey(id) && !recoded.contains(id) && members.size() < layout.size()
                        && id.equals(layout.get(members.size())) && (layout.size() > 1) == (c.size() > 1)) {
                    // same record, same cluster, same place, merged as before: its stored document stays right
                    unchanged.add(id);
                }
                StoredMember m = stored.get(id);
                if (m == null) {
                    throw new org.navette.catalogue.CatalogueException("catalogue store " + store.location()
                            + ": member " + id + " of cluster " + c.id() + " vanished while the batch was written");
                }
                real.add(records.get(id));
                members.add(m.withClusterId(c.id()));
                String was = oldCluster.get(id);
                if (was != null) {
                    journal.add(was);
                }
            }
            journal.add(c.id());
            changes.putCluster(Cluster.restore(c.id(), real, matcher.settings()), members, unchanged);
        }
        for (String id : parts.keySet()) {
            if (!resultIds.contains(id)) {
                changes.deleteCluster(id);
                journal.add(id);
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

    /** One stored cluster of the component: its members in stored order, in full or in summary. */
    private static final class Part {
        final String id;
        final List<String> memberIds = new ArrayList<>();
        final List<StoredMember> full = new ArrayList<>();
        final List<MemberSummary> summaries = new ArrayList<>();
        Instant earliest = Instant.MAX;

        Part(String id) {
            this.id = id;
        }

        Part add(String memberId, Instant firstIndexed) {
            memberIds.add(memberId);
            if (firstIndexed.isBefore(earliest)) {
                earliest = firstIndexed;
            }
            return this;
        }
    }

    /** Re-normalises a stored member, keeping it and its record by id; its key code is refreshed (and its id put in {@code recoded} then). */
    private BibRecord remember(StoredMember m, Map<String, BibRecord> records, Map<String, StoredMember> stored,
            Set<String> recoded) {
        BibRecord r = renormalise(m);
        records.put(m.id(), r);
        String code = matcher.keys(r).toCode();
        if (!code.equals(m.keyCode())) {
            recoded.add(m.id());   // its document is written again, with the key code of this version
        }
        stored.put(m.id(), code.equals(m.keyCode()) ? m : new StoredMember(m.id(), m.library(), m.localId(), m.fingerprint(),
                m.clusterId(), m.fullRecord(), m.format(), m.matchKeys(), code, m.position(), m.firstIndexed()));
        return r;
    }

    /** The source a member id names ("LIBRARY:localId"; a library id holds no colon). */
    public static RecordSource sourceOf(String memberId) {
        int colon = memberId.indexOf(':');
        return new RecordSource(memberId.substring(0, colon), memberId.substring(colon + 1));
    }

    /** A stand-in for a seeded member beyond the compared ones: the clusterer reads only its source. */
    private static BibRecord placeholder(String memberId) {
        return BibRecord.builder(sourceOf(memberId), org.navette.model.RecordFormat.MARC21).build();
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
    public BibRecord renormalise(StoredMember m) {
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
