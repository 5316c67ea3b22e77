package org.navette.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.Isbn;
import org.navette.model.RecordFormat;

/**
 * An immutable snapshot of one cluster: the records found to describe one manifestation, with a
 * merged view — a preferred representative record, the union of their identifiers, and all
 * holdings per library.
 *
 * <pre>{@code
 * for (Cluster c : clusterer.clusters()) {
 *     BibRecord best = c.representative();
 *     System.out.println(c.id() + " " + best.title() + " held by " + c.holdingsByLibrary().keySet());
 * }
 * }</pre>
 *
 * <p>The id is the first member's source ("koha-lyon:000123"), kept for the cluster's whole life:
 * when two clusters merge, the older id survives.
 *
 * <p>Thread-safety: immutable; derived views are computed on first use, idempotently, and
 * {@link #derived} is safe to call from several threads.
 */
public final class Cluster {
    private final String id;
    private final List<BibRecord> members;
    private final List<String> sourcePriority;
    private volatile BibRecord representative;
    /** Derived values as key, value, key, value...; replaced whole (copy on write) so reads need no lock. */
    private volatile Object[] derived = new Object[0];

    Cluster(String id, List<BibRecord> members, List<String> sourcePriority) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one member (cluster " + id + ")");
        }
        this.id = id;
        this.members = List.copyOf(members);
        this.sourcePriority = sourcePriority;
    }

    /**
     * A one-record cluster outside any clusterer, for callers that rank records they did not
     * cluster; its id is the record's source.
     */
    public static Cluster of(BibRecord record) {
        return new Cluster(record.source().toString(), List.of(record), List.of());
    }

    /**
     * A cluster rebuilt from what a store kept of it: its id and its members in their order, with
     * the representative chosen by {@code settings} as a clusterer would.
     *
     * <pre>{@code
     * Cluster c = Cluster.restore("bib-dole:12", List.of(record12, record40), matcher.settings());
     * }</pre>
     */
    public static Cluster restore(String id, List<BibRecord> members, MatchSettings settings) {
        return new Cluster(java.util.Objects.requireNonNull(id, "id"), members, settings.sourcePriority());
    }

    /** Stable id: the first member's source, "origin:recordId" (with "~2"... when that was taken). */
    public String id() { return id; }

    /** Members in arrival order. */
    public List<BibRecord> members() { return members; }

    public int size() { return members.size(); }

    /**
     * The record shown for the cluster: from the most preferred source
     * ({@link MatchSettings#sourcePriority()}), then the most complete, then the first to arrive.
     */
    public BibRecord representative() {
        BibRecord r = representative;
        if (r == null) {
            r = chooseRepresentative();
            representative = r;
        }
        return r;
    }

    private BibRecord chooseRepresentative() {
        BibRecord best = null;
        int bestRank = Integer.MAX_VALUE;
        double bestCompleteness = Double.NEGATIVE_INFINITY;
        for (BibRecord m : members) {
            int rank = sourcePriority.indexOf(m.source().origin());
            rank = rank < 0 ? Integer.MAX_VALUE - 1 : rank;
            double c = completeness(m);
            if (best == null || rank < bestRank || (rank == bestRank && c > bestCompleteness)) {
                best = m;
                bestRank = rank;
                bestCompleteness = c;
            }
        }
        return best;
    }

    /** How much a record tells: more fields, real MARC over scraped HTML, fewer problems. */
    static double completeness(BibRecord r) {
        double c = 0;
        c += r.titleProper() != null ? 2 : 0;
        c += r.titleRemainder() != null ? 1 : 0;
        c += r.responsibility() != null ? 0.5 : 0;
        c += Math.min(3, r.authors().size()) * 0.7;
        c += r.isbns().isEmpty() && r.issns().isEmpty() ? 0 : 1;
        c += Math.min(4, r.identifiers().size()) * 0.25;
        c += r.edition() != null ? 0.5 : 0;
        c += r.publisher() != null ? 1 : 0;
        c += r.place() != null ? 0.5 : 0;
        c += r.year() != null ? 1 : 0;
        c += r.extent() != null ? 1 : 0;
        c += r.languages().isEmpty() ? 0 : 0.5;
        c += Math.min(5, r.subjects().size()) * 0.3;
        c += r.series().isEmpty() ? 0 : 0.3;
        c += r.format() == RecordFormat.MARC21 || r.format() == RecordFormat.UNIMARC ? 1
                : r.format() == RecordFormat.HTML ? -1 : 0;
        c -= r.problems().size() * 0.5;
        return c;
    }

    /** Every member's ISBNs, each once, in order of appearance. */
    public List<Isbn> isbns() {
        Map<String, Isbn> out = new LinkedHashMap<>();
        for (BibRecord m : members) {
            for (Isbn i : m.isbns()) {
                out.putIfAbsent(i.isbn13(), i);
            }
        }
        return List.copyOf(out.values());
    }

    /** Every member's ISSNs, each once. */
    public List<String> issns() {
        Set<String> out = new LinkedHashSet<>();
        members.forEach(m -> out.addAll(m.issns()));
        return List.copyOf(out);
    }

    /** Every member's other identifiers (LCCN, OCLC, national ids, control numbers...), each once. */
    public List<Identifier> identifiers() {
        Set<Identifier> out = new LinkedHashSet<>();
        members.forEach(m -> out.addAll(m.identifiers()));
        return List.copyOf(out);
    }

    /**
     * All holdings of all members, per library: the holding's library code, or the member's origin
     * when the holding names none. Libraries in order of first appearance.
     */
    public Map<String, List<Holding>> holdingsByLibrary() {
        Map<String, List<Holding>> out = new LinkedHashMap<>();
        for (BibRecord m : members) {
            for (Holding h : m.holdings()) {
                String library = h.library() != null ? h.library() : m.source().origin();
                out.computeIfAbsent(library, k -> new ArrayList<>()).add(h);
            }
        }
        Map<String, List<Holding>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The origins (targets, libraries, files) the members came from, each once. */
    public Set<String> origins() {
        Set<String> out = new LinkedHashSet<>();
        members.forEach(m -> out.add(m.source().origin()));
        return Collections.unmodifiableSet(out);
    }

    /**
     * A value derived from this snapshot, computed once per key and kept with it — so that a ranker
     * analyses a cluster's text once, however many searches rank it. {@code key} must be a constant
     * of the caller (compared with equals); {@code computation} must be pure.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<? super Cluster, ? extends T> computation) {
        Object[] slots = derived;
        for (int i = 0; i < slots.length; i += 2) {
            // keys are constants: identity answers at once, without a virtual equals per cluster
            if (slots[i] == key || slots[i].equals(key)) {
                return (T) slots[i + 1];
            }
        }
        T value = computation.apply(this);
        synchronized (this) {
            slots = derived;
            for (int i = 0; i < slots.length; i += 2) {
                if (slots[i].equals(key)) {
                    // another thread computed it meanwhile: everyone sees the first value
                    return (T) slots[i + 1];
                }
            }
            Object[] grown = java.util.Arrays.copyOf(slots, slots.length + 2);
            grown[slots.length] = key;
            grown[slots.length + 1] = value;
            derived = grown;
        }
        return value;
    }

    @Override
    public String toString() {
        BibRecord r = representative();
        return "Cluster[" + id + " " + members.size() + " record(s) \"" + r.title() + "\"]";
    }
}
