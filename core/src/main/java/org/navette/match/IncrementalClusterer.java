package org.navette.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.navette.match.internal.BlockIndex;
import org.navette.model.BibRecord;

/**
 * The {@link Clusterer}: blocking index, guarded joins, guarded merges, cached snapshots.
 *
 * <p>Only the first {@code maxComparedMembers} members of a cluster are ever compared with newcomers
 * (the first K of a merged cluster are always among the first K of its parts), so the keys of later
 * members are dropped to keep a million-record batch within memory.
 *
 * <p>A federated search brings the same record from many targets: keys equal in everything the
 * scorer reads (sources aside) weigh the same against a cluster's first members, so once such a
 * record has been assessed against a cluster, its copies reuse that assessment until the cluster's
 * first members change. Records with a source among those members are always assessed afresh
 * (one source means the same record, whatever else differs).
 *
 * <p>Thread-safety: public methods synchronise on this.
 */
final class IncrementalClusterer implements Clusterer {
    private final Matcher matcher;
    private final PairScorer scorer;
    private final MatchSettings settings;
    private final BlockIndex blocks;
    private final List<BibRecord> records = new ArrayList<>();
    private final List<MatchKeys> keys = new ArrayList<>();
    private int[] groupOf = new int[64];
    private final List<Group> groups = new ArrayList<>();
    private int[] seen = new int[64];
    private final Set<String> usedIds = new HashSet<>();
    private List<Cluster> snapshot = List.of();
    private boolean changed;
    /** Content classes seen so far (see {@link MatchKeys#sameContent}): class number and how many records had it. */
    private final Map<Content, int[]> classes = new HashMap<>();
    private int nextClass;

    /** At most this many content classes are remembered; then the memory starts afresh. */
    private static final int MAX_CLASSES = 1 << 16;
    /** What {@link Group#assessed} holds for a record that may not join. */
    private static final Candidate REFUSED = new Candidate(-1, 0, 0, -1);

    /** Keys compared by content, for {@link #classes}. */
    private record Content(MatchKeys keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && keys.sameContent(c.keys);
        }

        @Override
        public int hashCode() {
            return keys.contentHash();
        }
    }

    /** A cluster under construction. */
    private static final class Group {
        final int index;
        final String id;
        int[] members = new int[2];
        int size;
        int mergedInto = -1;
        Cluster snapshot;
        /**
         * Assessments of content classes against this group's first members, or null; cleared
         * whenever those members change.
         */
        Map<Integer, Candidate> assessed;

        Group(int index, String id) {
            this.index = index;
            this.id = id;
        }

        void append(int record) {
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            members[size++] = record;
        }
    }

    /** A cluster the new record could join, with how well it fits. */
    private record Candidate(int group, double agreement, double evidence, int bestMember) {
    }

    IncrementalClusterer(Matcher matcher) {
        this.matcher = matcher;
        this.scorer = matcher.scorer();
        this.settings = matcher.settings();
        this.blocks = new BlockIndex(settings.maxBlockSize());
    }

    @Override
    public synchronized ClusterUpdate add(BibRecord record) {
        if (record == null) {
            throw new IllegalArgumentException("record must not be null");
        }
        int idx = records.size();
        MatchKeys k = matcher.keys(record);
        records.add(record);
        keys.add(k);
        if (idx == groupOf.length) {
            groupOf = Arrays.copyOf(groupOf, idx * 2);
        }

        int contentClass = contentClass(k);
        List<Candidate> qualifying = new ArrayList<>(2);
        for (int g : candidateGroups(k, idx)) {
            Candidate c = contentClass < 0 ? assess(k, groups.get(g)) : assessOnce(k, contentClass, groups.get(g));
            if (c != null) {
                qualifying.add(c);
            }
        }

        Group target;
        boolean created = false;
        int matchedMember = -1;
        List<String> absorbed = new ArrayList<>(0);
        if (qualifying.isEmpty()) {
            target = newGroup(record);
            created = true;
        } else {
            Candidate best = qualifying.get(0);
            for (Candidate c : qualifying) {
                if (c.agreement > best.agreement || (c.agreement == best.agreement && c.evidence > best.evidence)) {
                    best = c;
                }
            }
            target = groups.get(best.group);
            matchedMember = best.bestMember;
        }
        MatchKeys matchedKeys = matchedMember < 0 ? null : keys.get(matchedMember);
        target.append(idx);
        groupOf[idx] = target.index;
        target.snapshot = null;
        if (target.size <= settings.maxComparedMembers()) {
            target.assessed = null;
        }
        if (!created) {
            for (Candidate c : qualifying) {
                Group other = groups.get(find(c.group));
                if (other != target && mergeable(target, other)) {
                    Group survivor = target.index < other.index ? target : other;
                    Group gone = survivor == target ? other : target;
                    merge(survivor, gone);
                    absorbed.add(gone.id);
                    target = survivor;
                }
            }
        }
        for (String b : k.blockingKeys) {
            blocks.add(b, idx);
        }
        if (target.size > settings.maxComparedMembers() && target.members[target.size - 1] == idx) {
            keys.set(idx, null);
        }
        changed = true;
        return new ClusterUpdate(record, target.id, created, absorbed, k, matchedKeys, matcher);
    }

    @Override
    public synchronized void seed(String clusterId, List<BibRecord> members, List<MatchKeys> firstKeys,
            java.util.Collection<String> blockingKeys) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a seeded cluster needs at least one member (cluster " + clusterId + ")");
        }
        int compared = Math.min(members.size(), settings.maxComparedMembers());
        if (firstKeys.size() != compared) {
            throw new IllegalArgumentException("cluster " + clusterId + " of " + members.size() + " members needs the keys of its first "
                    + compared + ", got " + firstKeys.size());
        }
        if (!usedIds.add(clusterId)) {
            throw new IllegalArgumentException("cluster id " + clusterId + " is taken");
        }
        Group g = new Group(groups.size(), clusterId);
        groups.add(g);
        int first = records.size();
        for (int i = 0; i < members.size(); i++) {
            int idx = records.size();
            records.add(members.get(i));
            keys.add(i < compared ? firstKeys.get(i) : null);
            if (idx == groupOf.length) {
                groupOf = Arrays.copyOf(groupOf, idx * 2);
            }
            groupOf[idx] = g.index;
            g.append(idx);
        }
        for (String b : new java.util.LinkedHashSet<>(blockingKeys)) {
            blocks.add(b, first);   // one posting per cluster: candidates are found by group
        }
        changed = true;
    }

    /** Live groups sharing a blocking key with the new record, oldest first. */
    private int[] candidateGroups(MatchKeys k, int idx) {
        if (seen.length < groups.size() + 1) {
            seen = Arrays.copyOf(seen, Math.max(seen.length * 2, groups.size() + 1));
        }
        int stamp = idx + 1;
        int[] out = new int[4];
        int[] n = {0};
        int[][] holder = {out};
        for (String b : k.blockingKeys) {
            blocks.forEach(b, rec -> {
                int g = find(groupOf[rec]);
                if (seen[g] != stamp) {
                    seen[g] = stamp;
                    if (n[0] == holder[0].length) {
                        holder[0] = Arrays.copyOf(holder[0], n[0] * 2);
                    }
                    holder[0][n[0]++] = g;
                }
            });
        }
        int[] result = Arrays.copyOf(holder[0], n[0]);
        Arrays.sort(result);
        return result;
    }

    /**
     * The content class of {@code k} when an earlier record had the same content (so that its
     * assessments may be reused), otherwise -1: a record seen once costs no memory for reuse.
     */
    private int contentClass(MatchKeys k) {
        Content c = new Content(k);
        int[] known = classes.get(c);
        if (known != null) {
            known[1]++;
            return known[0];
        }
        if (classes.size() == MAX_CLASSES) {
            classes.clear();
            for (Group g : groups) {
                g.assessed = null;
            }
        }
        classes.put(c, new int[] {nextClass++, 1});
        return -1;
    }

    /** {@link #assess}, reused for records of one content class while {@code g}'s first members stay the same. */
    private Candidate assessOnce(MatchKeys k, int contentClass, Group g) {
        int compared = Math.min(g.size, settings.maxComparedMembers());
        for (int i = 0; i < compared; i++) {
            if (keys.get(g.members[i]).record.source().equals(k.record.source())) {
                return assess(k, g);
            }
        }
        if (g.assessed == null) {
            g.assessed = new HashMap<>();
        }
        Candidate c = g.assessed.get(contentClass);
        if (c == null) {
            c = assess(k, g);
            g.assessed.put(contentClass, c == null ? REFUSED : c);
        }
        return c == REFUSED ? null : c;
    }

    /** Whether the record may join {@code g}: enough of its first members match, none vetoes. */
    private Candidate assess(MatchKeys k, Group g) {
        int compared = Math.min(g.size, settings.maxComparedMembers());
        int required = Math.max(1, (int) Math.ceil(settings.clusterAgreement() * compared - 1e-9));
        int matched = 0;
        double total = 0;
        double bestEvidence = Double.NEGATIVE_INFINITY;
        int bestMember = -1;
        for (int i = 0; i < compared; i++) {
            if (matched + compared - i < required) {
                // the members left cannot make up the agreement: the group is out, veto or not
                return null;
            }
            int m = g.members[i];
            double e = scorer.evidence(k, keys.get(m));
            if (e == Double.NEGATIVE_INFINITY) {
                return null;
            }
            total += e;
            if (scorer.reaches(e)) {
                matched++;
                if (e > bestEvidence) {
                    bestEvidence = e;
                    bestMember = m;
                }
            }
        }
        if (matched < required) {
            return null;
        }
        return new Candidate(g.index, (double) matched / compared, total / compared, bestMember);
    }

    /** Whether two clusters may merge: enough cross pairs of their first members match, none vetoes. */
    private boolean mergeable(Group a, Group b) {
        int na = Math.min(a.size, settings.maxComparedMembers());
        int nb = Math.min(b.size, settings.maxComparedMembers());
        int matched = 0;
        int required = (int) Math.ceil(settings.clusterAgreement() * na * nb - 1e-9);
        for (int i = 0; i < na; i++) {
            MatchKeys x = keys.get(a.members[i]);
            for (int j = 0; j < nb; j++) {
                if (matched + (na - i) * nb - j < required) {
                    // the pairs left cannot make up the agreement
                    return false;
                }
                double e = scorer.evidence(x, keys.get(b.members[j]));
                if (e == Double.NEGATIVE_INFINITY) {
                    return false;
                }
                if (scorer.reaches(e)) {
                    matched++;
                }
            }
        }
        return matched >= required;
    }

    private void merge(Group survivor, Group gone) {
        int[] merged = new int[survivor.size + gone.size];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < survivor.size || j < gone.size) {
            if (j >= gone.size || (i < survivor.size && survivor.members[i] < gone.members[j])) {
                merged[n++] = survivor.members[i++];
            } else {
                merged[n++] = gone.members[j++];
            }
        }
        survivor.members = merged;
        survivor.size = n;
        survivor.snapshot = null;
        survivor.assessed = null;
        gone.mergedInto = survivor.index;
        gone.members = new int[0];
        gone.size = 0;
        gone.snapshot = null;
        gone.assessed = null;
        for (int k = settings.maxComparedMembers(); k < n; k++) {
            keys.set(merged[k], null);
        }
    }

    private Group newGroup(BibRecord record) {
        String base = record.source().toString();
        String id = base;
        for (int n = 2; !usedIds.add(id); n++) {
            id = base + "~" + n;
        }
        Group g = new Group(groups.size(), id);
        groups.add(g);
        return g;
    }

    private int find(int g) {
        int root = g;
        while (groups.get(root).mergedInto >= 0) {
            root = groups.get(root).mergedInto;
        }
        while (groups.get(g).mergedInto >= 0 && groups.get(g).mergedInto != root) {
            int next = groups.get(g).mergedInto;
            groups.get(g).mergedInto = root;
            g = next;
        }
        return root;
    }

    @Override
    public synchronized List<Cluster> clusters() {
        if (!changed) {
            return snapshot;
        }
        List<Cluster> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            if (g.mergedInto >= 0) {
                continue;
            }
            if (g.snapshot == null) {
                List<BibRecord> members = new ArrayList<>(g.size);
                for (int i = 0; i < g.size; i++) {
                    members.add(records.get(g.members[i]));
                }
                g.snapshot = new Cluster(g.id, members, settings.sourcePriority());
            }
            out.add(g.snapshot);
        }
        snapshot = List.copyOf(out);
        changed = false;
        return snapshot;
    }

    @Override
    public synchronized List<String> assignments() {
        List<String> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(groups.get(find(groupOf[i])).id);
        }
        return out;
    }

    @Override
    public synchronized int size() {
        return records.size();
    }
}
