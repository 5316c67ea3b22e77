package org.navette.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.navette.catalogue.ChangeSet;
import org.navette.catalogue.StoreLocation;
import org.navette.catalogue.StoredMember;
import org.navette.connector.solr.SolrCatalogueStore;
import org.navette.match.Cluster;
import org.navette.match.MatchKeys;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.navette.model.RecordSource;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * A large embedded union catalogue for benchmarks that read one ({@link IllBatchHarness}), built
 * in a fraction of the full ingest's time: the perturbed files {@link CatalogueBuildHarness}
 * generates, each record normalised as ingest normalises it (attributed to its file's library),
 * stored with its MARCXML, fingerprint and match keys as ingest stores it, but clustered by the
 * generator's ground truth (the copies of one work are one cluster, its members in library order)
 * instead of by the matcher, and written by {@code CatalogueStore.apply} in large change sets.
 * Only the {@code libN.mrc} files are loaded, not the re-export. <b>For benchmarks only</b>: the
 * clusters are what the generator meant, not what the matcher would decide.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.BulkCatalogueBuilder --records 1000000 --dir /tmp/c1m
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.IllBatchHarness --dir /tmp/c1m --requests 10000
 * </pre>
 */
public final class BulkCatalogueBuilder {
    private static final int BATCH = 20_000;
    private static final List<StoredMember> END = List.of();

    private BulkCatalogueBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = FederationFanOutHarness.options(args,
                "--dir DIR [--records 1000000] [--libraries 30] [--batch 20000]");
        int records = Integer.parseInt(o.getOrDefault("records", "1000000"));
        int libraries = Integer.parseInt(o.getOrDefault("libraries", "30"));
        int batch = Integer.parseInt(o.getOrDefault("batch", Integer.toString(BATCH)));
        Path dir = Path.of(o.getOrDefault("dir", "."));
        if (Files.exists(dir.resolve("catalogue"))) {
            throw new IllegalStateException(dir.resolve("catalogue") + " exists: the bulk build writes a fresh catalogue");
        }
        long t0 = System.nanoTime();
        CatalogueBuildHarness generator = new CatalogueBuildHarness();
        generator.loadBase();
        generator.distinctWorks = true;
        generator.generate(dir, records, libraries);
        System.out.printf(Locale.ROOT, "generated %d records for %d libraries in %.1f s; %d cores, max heap %d MiB%n",
                records, libraries, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        build(dir, batch);
    }

    /** Loads {@code dir/lib*.mrc} into a fresh {@code dir/catalogue}, about {@code batch} members per change set. */
    static void build(Path dir, int batch) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("lib\\d+\\.mrc"))
                    .sorted(Comparator.comparingInt(BulkCatalogueBuilder::libraryIndex)).toList();
        }
        Path data = dir.resolve("catalogue");
        long t0 = System.nanoTime();
        BlockingQueue<List<ClusterOf>> queue = new ArrayBlockingQueue<>(2);
        long[] counts = new long[3];   // members, clusters, skipped
        Throwable[] failure = new Throwable[1];
        // normalising, XML and keys on one thread, Solr indexing on this one: both cores busy
        Thread producer = new Thread(() -> {
            try {
                produce(files, batch, queue, counts);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                try {
                    queue.put(List.of(new ClusterOf(null, END)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "bulk-normalise");
        producer.setDaemon(true);
        producer.start();
        long written = 0;
        try (SolrCatalogueStore store = SolrCatalogueStore.open(StoreLocation.embedded(data))) {
            long last = System.nanoTime();
            while (true) {
                List<ClusterOf> next = queue.take();
                if (next.size() == 1 && next.get(0).members() == END) {
                    break;
                }
                ChangeSet.Builder changes = ChangeSet.builder();
                for (ClusterOf c : next) {
                    changes.putCluster(c.cluster(), c.members());
                    written += c.members().size();
                }
                store.apply(changes.build());
                if (System.nanoTime() - last > 30e9) {
                    last = System.nanoTime();
                    double s = (last - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "  %d members in %.0f s = %.0f records/s%n", written, s, written / s);
                }
            }
            producer.join();
            if (failure[0] != null) {
                throw new IllegalStateException("bulk build failed", failure[0]);
            }
            for (int i = 0; i < files.size(); i++) {
                String spec = files.get(i).toAbsolutePath().toString();
                store.apply(ChangeSet.builder().putState("source:lib" + libraryIndex(files.get(i)) + ":" + spec, spec).build());
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "bulk build: %d records (%d skipped) in %d clusters in %.1f s = %.0f records/s; %s; index %d MiB%n",
                    written, counts[2], counts[1], s, written / s, store.stats().clusters() + " clusters in the store",
                    CatalogueBuildHarness.sizeMiB(data));
        }
    }

    /** One cluster ready to write. */
    private record ClusterOf(Cluster cluster, List<StoredMember> members) {
    }

    /** A file's reader with its next readable record. */
    private static final class Head {
        final int library;
        final MarcFileReader reader;
        BibRecord next;
        long position;
        int work;

        Head(int library, MarcFileReader reader) {
            this.library = library;
            this.reader = reader;
        }

        /** Advances to the next storable record; false at the end of the file. */
        boolean advance(long[] counts) {
            while (reader.hasNext()) {
                ReadResult r = reader.next();
                BibRecord rec = r.record();
                if (rec == null || rec.marc().isEmpty() || rec.source().recordId().startsWith("#")) {
                    counts[2]++;   // as ingest: nothing to store, or no 001
                    continue;
                }
                String id = rec.source().recordId();
                next = rec;
                position = r.position();
                work = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                return true;
            }
            return false;
        }
    }

    /** Merges the files by work (each in increasing work order): consecutive copies of one work are one cluster. */
    private static void produce(List<Path> files, int batch, BlockingQueue<List<ClusterOf>> queue, long[] counts)
            throws Exception {
        Normaliser normaliser = Normaliser.ofDefaults();
        Matcher matcher = Matcher.ofDefaults();
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingInt((Head h) -> h.work)
                .thenComparingInt(h -> h.library));
        List<MarcFileReader> readers = new ArrayList<>();
        Instant start = Instant.now();
        try {
            for (Path f : files) {
                MarcFileReader reader = MarcFileReader.open(f, normaliser);
                readers.add(reader);
                Head h = new Head(libraryIndex(f), reader);
                if (h.advance(counts)) {
                    heads.add(h);
                }
            }
            List<ClusterOf> pending = new ArrayList<>();
            int pendingMembers = 0;
            while (!heads.isEmpty()) {
                int work = heads.peek().work;
                List<BibRecord> records = new ArrayList<>(3);
                List<StoredMember> members = new ArrayList<>(3);
                String clusterId = null;
                while (!heads.isEmpty() && heads.peek().work == work) {
                    Head h = heads.poll();
                    String library = "lib" + h.library;
                    String localId = h.next.source().recordId();
                    String memberId = library + ":" + localId;
                    clusterId = clusterId == null ? memberId : clusterId;
                    BibRecord member = h.next.toBuilder(new RecordSource(library, localId)).build();
                    MatchKeys keys = matcher.keys(member);
                    // ingest's order of first indexing: library by library, in file order
                    Instant first = start.plusSeconds(h.library * 100_000L).plusMillis(h.position);
                    records.add(member);
                    members.add(StoredMember.of(member, "?", h.position, keys, first));
                    if (h.advance(counts)) {
                        heads.add(h);
                    }
                }
                String id = clusterId;
                List<StoredMember> placed = members.stream().map(m -> m.withClusterId(id)).toList();
                pending.add(new ClusterOf(Cluster.restore(id, records, matcher.settings()), placed));
                counts[0] += placed.size();
                counts[1]++;
                pendingMembers += placed.size();
                if (pendingMembers >= batch) {
                    queue.put(pending);
                    pending = new ArrayList<>();
                    pendingMembers = 0;
                }
            }
            if (!pending.isEmpty()) {
                queue.put(pending);
            }
        } finally {
            for (MarcFileReader r : readers) {
                r.close();
            }
        }
    }

    private static int libraryIndex(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(3, name.length() - ".mrc".length()));
    }
}
