package org.navette.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Collection;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.navette.catalogue.internal.BatchWriter;
import org.navette.catalogue.internal.BatchWriter.Pending;
import org.navette.catalogue.internal.MarcXmlCodec;
import org.navette.match.MatchKeys;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.navette.model.ProblemKind;
import org.navette.model.RecordProblem;
import org.navette.model.RecordSource;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * A union catalogue: libraries' records loaded from their sources into a {@link CatalogueStore},
 * deduplicated into clusters by the one {@link Matcher}, normalised by the one {@link Normaliser}.
 *
 * <pre>{@code
 * try (CatalogueStore store = CatalogueStore.open(StoreLocation.embedded(Path.of("navette-catalogue")))) {
 *     Catalogue catalogue = Catalogue.builder(store).batchSize(2000).build();
 *     System.out.println(catalogue.load("bib-dole", CatalogueSource.open("exports/dole.mrc")));
 *     catalogue.harvest().forEach(System.out::println);        // every OAI-PMH / SRU source, incrementally
 *     try (OutputStream out = Files.newOutputStream(Path.of("dole.xml"))) {
 *         catalogue.export("bib-dole", out, ExportFormat.MARCXML);
 *     }
 * }
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>A member's id is {@code LIBRARY:localId}; the local id is the one the source gives (an
 *       OAI-PMH identifier) or else the record's 001. A readable record without either is reported
 *       and skipped: an id made from its position would name another record after the library's
 *       next export, so a changed file would silently swap records.</li>
 *   <li>Within one read, the first record with a given local id is kept and later ones are
 *       reported: the first is the one the library's own system would show for the id.</li>
 *   <li>A record is stored as MARCXML of the decoded MARC; a SHA-256 of that text is its
 *       fingerprint. A record read again with the same fingerprint is not normalised, clustered or
 *       written again, so re-loading the same file writes nothing.</li>
 *   <li>A full export ({@link CatalogueSource#fullExport()}) replaces the library's contribution:
 *       its members the read did not deliver are deleted, once the read completed.</li>
 *   <li>An incremental source starts from the state stored under {@code harvest:LIB:SPEC}; the new
 *       state is stored only when the read completed, with the last batch.</li>
 *   <li>Crash safety: see {@link BatchWriter}. Every operation first repairs what an interrupted
 *       one left, so running the same command again leaves no duplicate, missing record or orphan
 *       cluster.</li>
 * </ul>
 *
 * <p>A load hands each full batch to a writer thread of its own and reads, normalises and encodes
 * the next batch meanwhile; batches are still written one at a time and in order, and the load
 * returns (or fails with the first store failure) once the last is stored.
 *
 * <p>Thread-safety: operations that write are synchronised; the lookups {@link #candidatesFor} and
 * {@link #clusterMembers} run concurrently; one catalogue per store.
 */
public final class Catalogue {
    private static final String HARVEST = "harvest:";
    private static final String SOURCE = "source:";

    private final CatalogueStore store;
    private final Normaliser normaliser;
    private final Matcher matcher;
    private final int batchSize;
    private final IngestListener listener;
    private final BatchWriter writer;

    private Catalogue(Builder b) {
        this.store = b.store;
        this.normaliser = b.normaliser;
        this.matcher = b.matcher;
        this.batchSize = b.batchSize;
        this.listener = b.listener;
        this.writer = new BatchWriter(store, normaliser, matcher);
    }

    /** A builder for a catalogue kept in {@code store}. */
    public static Builder builder(CatalogueStore store) {
        return new Builder(store);
    }

    public CatalogueStore store() { return store; }

    public Normaliser normaliser() { return normaliser; }

    public Matcher matcher() { return matcher; }

    /**
     * Loads {@code library}'s records from {@code source}: a full export replaces the library's
     * contribution, an incremental source adds, changes and deletes from where it stopped last.
     * Broken records are reported in the summary and the rest loads.
     *
     * @throws CatalogueException when the source or the store fails; what was read before is stored,
     *                            the harvest state is not advanced
     */
    public synchronized IngestSummary load(String library, CatalogueSource source) {
        requireLibrary(library);
        Objects.requireNonNull(source, "source");
        long started = System.nanoTime();
        writer.repair();
        String spec = source.spec();
        String harvestKey = HARVEST + library + ":" + spec;
        String sourceKey = SOURCE + library + ":" + spec;
        @Nullable String state = source.fullExport() ? null : store.states(harvestKey).get(harvestKey);
        Run run = new Run(library, spec, store.fingerprints(library));
        try {
            return load(source, state, run, sourceKey, harvestKey, started);
        } finally {
            run.close();
        }
    }

    private IngestSummary load(CatalogueSource source, @Nullable String state, Run run, String sourceKey, String harvestKey,
            long started) {
        String spec = run.spec;
        String next;
        try {
            next = source.read(state, normaliser, run);
        } catch (CatalogueException e) {
            if (!run.storeFailed) {
                // the source failed: keep what it delivered, but not a new harvest state
                run.flush(Map.of(sourceKey, spec));
            }
            throw e;
        }
        if (source.fullExport() && run.seen.isEmpty() && !run.fingerprints.isEmpty()) {
            // an empty or unreadable file is a failed export, not a library that gave everything away
            run.report(new RecordProblem(ProblemKind.BAD_VALUE, spec, 0, -1, "the export holds no record the catalogue can"
                    + " store; the library's " + run.fingerprints.size() + " records are kept (catalogue remove deletes them)"));
        } else if (source.fullExport()) {
            for (String id : List.copyOf(run.fingerprints.keySet())) {
                if (!run.seen.contains(id)) {
                    run.delete(id);
                }
            }
        }
        Map<String, String> states = new LinkedHashMap<>();
        states.put(sourceKey, spec);
        if (next != null && !source.fullExport()) {
            states.put(harvestKey, next);
        }
        run.flush(states);
        return run.summary(started);
    }

    /** Re-reads every recorded incremental source (OAI-PMH, SRU) from where it stopped, library by library. */
    public synchronized List<IngestSummary> harvest() {
        List<IngestSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : sources().entrySet()) {
            for (String spec : e.getValue()) {
                CatalogueSource source = CatalogueSource.open(spec);
                if (!source.fullExport()) {
                    out.add(load(e.getKey(), source));
                }
            }
        }
        return out;
    }

    /** Deletes every member of {@code library} and forgets its sources; its clusters dissolve or change representative. */
    public synchronized IngestSummary removeLibrary(String library) {
        requireLibrary(library);
        long started = System.nanoTime();
        writer.repair();
        Run run = new Run(library, "", store.fingerprints(library));
        try {
            for (String id : List.copyOf(run.fingerprints.keySet())) {
                run.delete(id);
            }
            run.flush(Map.of());
        } finally {
            run.close();
        }
        ChangeSet.Builder forget = ChangeSet.builder();
        for (String prefix : List.of(SOURCE, HARVEST)) {
            store.states(prefix + library + ":").keySet().forEach(forget::deleteState);
        }
        ChangeSet c = forget.build();
        if (!c.isEmpty()) {
            store.apply(c);
        }
        return run.summary(started);
    }

    /**
     * Writes {@code library}'s records to {@code out} in their order in the library's contribution,
     * as the library sent them (re-encoded in UTF-8). Does not close {@code out}.
     *
     * @return the number of records written
     */
    public synchronized long export(String library, OutputStream out, ExportFormat format) {
        requireLibrary(library);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        OutputStream shield = new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();   // the marc4j writers close their stream; the caller owns it
            }
        };
        long[] n = {0};
        if (format == ExportFormat.MARCXML) {
            MarcXmlWriter xml = new MarcXmlWriter(shield, "UTF-8", true);
            store.forEachMember(library, m -> {
                xml.write(MarcXmlCodec.fromXml(m.fullRecord(), m.id()));
                n[0]++;
            });
            xml.close();
        } else {
            MarcStreamWriter iso = new MarcStreamWriter(shield, "UTF-8", true);
            store.forEachMember(library, m -> {
                Record r = MarcXmlCodec.fromXml(m.fullRecord(), m.id());
                r.getLeader().setCharCodingScheme('a');
                iso.write(r);
                n[0]++;
            });
            iso.close();
        }
        return n[0];
    }

    /**
     * The stored clusters {@code keys} (of a record or a citation) may belong to: those with a
     * member sharing a blocking key, as ingest finds them, each with its compared members' keys.
     * Members stored without a key code are re-read from their originals. A read only: it runs
     * concurrently with other lookups (an interlending batch matches on several threads) and with
     * an ingest, seeing what the store has committed.
     */
    public List<CandidateCluster> candidatesFor(MatchKeys keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.blockingKeys().isEmpty()) {
            return List.of();
        }
        int compared = matcher.settings().maxComparedMembers();
        Set<String> ids = store.clustersSharingKeys(keys.blockingKeys(), matcher.settings().maxBlockSize());
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, List<MatchKeys>> coded = new LinkedHashMap<>();
        Set<String> unreadable = new TreeSet<>();
        for (MemberSummary s : store.summariesOfClusters(ids, compared, false)) {
            members.computeIfAbsent(s.clusterId(), k -> new ArrayList<>()).add(s.id());
            List<MatchKeys> k = coded.computeIfAbsent(s.clusterId(), x -> new ArrayList<>());
            if (k.size() < compared && members.get(s.clusterId()).size() <= compared) {
                Optional<MatchKeys> decoded = s.keyCode().isEmpty() ? Optional.empty()
                        : MatchKeys.fromCode(s.keyCode(), BatchWriter.sourceOf(s.id()));
                decoded.ifPresentOrElse(k::add, () -> unreadable.add(s.clusterId()));
            }
        }
        if (!unreadable.isEmpty()) {
            Map<String, List<MatchKeys>> reread = new HashMap<>();
            for (StoredMember m : store.membersOfClusters(unreadable)) {
                List<MatchKeys> k = reread.computeIfAbsent(m.clusterId(), x -> new ArrayList<>());
                if (k.size() < compared) {
                    k.add(matcher.keys(writer.renormalise(m)));
                }
            }
            coded.putAll(reread);
        }
        List<CandidateCluster> out = new ArrayList<>(members.size());
        members.forEach((id, list) -> out.add(new CandidateCluster(id, list, coded.getOrDefault(id, List.of()))));
        return out;
    }

    /**
     * The members of these clusters re-read from their stored originals by the one normaliser (so
     * with their holdings), by cluster id, each cluster's members in stored order. A read only, like
     * {@link #candidatesFor}: not serialised with the other operations.
     */
    public Map<String, List<BibRecord>> clusterMembers(Collection<String> clusterIds) {
        Map<String, List<BibRecord>> out = new LinkedHashMap<>();
        if (clusterIds.isEmpty()) {
            return out;
        }
        for (StoredMember m : store.membersOfClusters(clusterIds)) {
            out.computeIfAbsent(m.clusterId(), k -> new ArrayList<>()).add(writer.renormalise(m));
        }
        return out;
    }

    /** The recorded source specs of every library, libraries sorted by id. */
    public synchronized Map<String, List<String>> sources() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : store.states(SOURCE).entrySet()) {
            String rest = e.getKey().substring(SOURCE.length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                out.computeIfAbsent(rest.substring(0, colon), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        return out;
    }

    private static void requireLibrary(String library) {
        if (library == null || library.isBlank() || library.contains(":")) {
            throw new IllegalArgumentException("a library id must be non-blank and without ':', was " + library);
        }
    }

    /** One operation's running state: the pending batch and the counts. */
    private final class Run implements SourceSink {
        final String library;
        final String spec;
        final Map<String, String> fingerprints;
        final Set<String> seen = new HashSet<>();
        final Map<String, Pending> writes = new LinkedHashMap<>();
        final Set<String> deletes = new LinkedHashSet<>();
        final List<RecordProblem> problems = new ArrayList<>();
        long read;
        long added;
        long changed;
        long unchanged;
        long deleted;
        long position;
        boolean storeFailed;
        /** The writer thread, started with the first full batch; the batch it writes. */
        java.util.concurrent.@Nullable ExecutorService writerThread;
        java.util.concurrent.@Nullable Future<BatchWriter.Outcome> pending;

        Run(String library, String spec, Map<String, String> fingerprints) {
            this.library = library;
            this.spec = spec;
            this.fingerprints = new HashMap<>(fingerprints);
        }

        @Override
        public void record(ReadResult result, @Nullable String localId) {
            read++;
            listener.read(read);
            BibRecord record = result.record();
            if (record == null || record.marc().isEmpty()) {
                for (RecordProblem p : result.problems()) {
                    if (p.fatal() || record != null) {
                        report(p);
                        break;
                    }
                }
                if (record != null && result.problems().isEmpty()) {
                    report(problem(result, "the record has no MARC to store; skipped"));
                }
                return;
            }
            String id = localId != null && !localId.isBlank() ? localId.strip() : record.source().recordId();
            if (localId == null && id.startsWith("#")) {
                // the normaliser names a record without 001 by its position: not an id that survives the next export
                report(problem(result, "the record has no control number (001); skipped"));
                return;
            }
            String memberId = library + ":" + id;
            if (!seen.add(memberId)) {
                report(problem(result, "local id " + id + " appears again; the first record with it was kept"));
                return;
            }
            deletes.remove(memberId);
            position++;
            String xml = MarcXmlCodec.toXml(record.marc().get());
            String fingerprint = MarcXmlCodec.fingerprint(xml);
            String old = fingerprints.get(memberId);
            if (fingerprint.equals(old)) {
                unchanged++;
                return;
            }
            if (old == null) {
                added++;
            } else {
                changed++;
            }
            BibRecord member = record.toBuilder(new RecordSource(library, id)).build();
            writes.put(memberId, new Pending(member, xml, fingerprint, result.position() > 0 ? result.position() : position,
                    matcher.keys(member)));
            fingerprints.put(memberId, fingerprint);
            if (writes.size() + deletes.size() >= batchSize) {
                flushAhead();
            }
        }

        @Override
        public void deleted(String localId) {
            String memberId = library + ":" + localId;
            writes.remove(memberId);
            seen.remove(memberId);
            delete(memberId);
        }

        void delete(String memberId) {
            if (fingerprints.remove(memberId) != null || writes.containsKey(memberId)) {
                deletes.add(memberId);
                deleted++;
                if (writes.size() + deletes.size() >= batchSize) {
                    flushAhead();
                }
            }
        }

        /**
         * Hands the full batch to the writer thread and returns, so that the next batch is read,
         * normalised and encoded while this one is clustered and stored; waits first for the batch
         * before (batches are written one at a time, in order).
         */
        void flushAhead() {
            awaitWrite();
            Map<String, Pending> w = new LinkedHashMap<>(writes);
            Set<String> d = new LinkedHashSet<>(deletes);
            writes.clear();
            deletes.clear();
            if (writerThread == null) {
                writerThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "navette-catalogue-writer-" + library);
                    t.setDaemon(true);
                    return t;
                });
            }
            pending = writerThread.submit(() -> writer.write(library, w, d, Map.of()));
        }

        /** Writes what is left of the batch with {@code states}, after the batch handed over before. */
        void flush(Map<String, String> states) {
            awaitWrite();
            if (writes.isEmpty() && deletes.isEmpty() && states.isEmpty()) {
                return;
            }
            BatchWriter.Outcome o;
            try {
                o = writer.write(library, writes, deletes, states);
            } catch (RuntimeException e) {
                storeFailed = true;   // the journal entry stays; the next operation repairs from it
                throw e;
            }
            writes.clear();
            deletes.clear();
            listener.batchCommitted(o.memberWrites(), o.memberDeletes());
        }

        /** Waits for the batch on the writer thread, if any, and reports it. */
        private void awaitWrite() {
            java.util.concurrent.Future<BatchWriter.Outcome> p = pending;
            if (p == null) {
                return;
            }
            pending = null;
            BatchWriter.Outcome o;
            try {
                o = p.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                storeFailed = true;
                throw new CatalogueException("interrupted while the catalogue store was written", e);
            } catch (java.util.concurrent.ExecutionException e) {
                storeFailed = true;   // the journal entry stays; the next operation repairs from it
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new CatalogueException("catalogue store " + store.location() + ": " + e.getCause(), e.getCause());
            }
            listener.batchCommitted(o.memberWrites(), o.memberDeletes());
        }

        /** Ends the run: the batch on the writer thread finishes (its failure, if already failing, is not reported twice). */
        void close() {
            try {
                if (pending != null) {
                    pending.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                storeFailed = true;   // the operation is failing already: its first failure is the one reported
            } finally {
                pending = null;
                if (writerThread != null) {
                    writerThread.shutdown();
                }
            }
        }

        private RecordProblem problem(ReadResult result, String message) {
            String file = result.record() != null ? result.record().source().origin() : spec;
            return new RecordProblem(ProblemKind.BAD_VALUE, file, result.position(), -1, message);
        }

        private void report(RecordProblem p) {
            problems.add(p);
            listener.problem(p);
        }

        IngestSummary summary(long startedNanos) {
            return new IngestSummary(library, spec, read, added, changed, unchanged, deleted, problems,
                    store.stats().clusters(), Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }

    /**
     * Configures a {@link Catalogue}; the normaliser and matcher default to their
     * {@code ofDefaults()}, the batch size to 2000 records per change set.
     */
    public static final class Builder {
        private final CatalogueStore store;
        private Normaliser normaliser = Normaliser.ofDefaults();
        private Matcher matcher = Matcher.ofDefaults();
        private int batchSize = 2000;
        private IngestListener listener = IngestListener.NONE;

        private Builder(CatalogueStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder normaliser(Normaliser normaliser) {
            this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
            return this;
        }

        public Builder matcher(Matcher matcher) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
            return this;
        }

        /** Records (writes plus deletions) per change set and commit; at least 1. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder listener(IngestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Catalogue build() {
            return new Catalogue(this);
        }
    }
}
