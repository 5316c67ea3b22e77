package org.navette.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.FileSource;
import org.navette.catalogue.IngestSummary;
import org.navette.catalogue.StoreLocation;
import org.navette.connector.solr.SolrCatalogueStore;

/**
 * Union catalogue build figures on an embedded Solr: {@code --records} real MARC21 records replicated
 * with perturbation (each work held by one to three of {@code --libraries} libraries, the copies
 * catalogued with small variations) loaded library by library; then one library's 10k-record
 * re-export with 3% changed, 2% deleted and 2% new records; then, with {@code --raw true}, the same
 * Solr documents indexed again by plain SolrJ into a fresh core with the same commit cadence: the
 * ratio of the two rates is the cost of normalising and deduplicating.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.CatalogueBuildHarness --records 1000000
 * </pre>
 */
public final class CatalogueBuildHarness {
    private static final String[] FILES = {"/org/navette/normalise/corpus/1-marc21/evergreen/jazz_1k.mrc",
        "/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc",
        "/org/navette/testpeers/zebra/marc21/loc-sample-utf8.mrc"};
    private static final int REEXPORT = 10_000;
    private static final int BATCH = 2000;

    private final List<Record> base = new ArrayList<>();
    private final MarcFactory factory = MarcFactory.newInstance();
    /**
     * Whether each generation of a base record gets its own title words and author surname instead
     * of a "Volume N" prefix: at a million records the prefix leaves some 600 works sharing every
     * title and author key, which fills the blocks no real catalogue fills; distinct works keep
     * keys as selective as a real catalogue's.
     */
    boolean distinctWorks;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "do", "fe", "gu",
        "ha", "ji", "bo", "ri", "ta", "no", "le"};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = FederationFanOutHarness.options(args,
                "[--records 100000] [--libraries 30] [--dir DIR] [--raw false]");
        int records = Integer.parseInt(o.getOrDefault("records", "100000"));
        int libraries = Integer.parseInt(o.getOrDefault("libraries", "30"));
        boolean raw = Boolean.parseBoolean(o.getOrDefault("raw", "false"));
        Path dir = o.containsKey("dir") ? Path.of(o.get("dir")) : Files.createTempDirectory("navette-build");
        new CatalogueBuildHarness().run(records, libraries, dir, raw);
    }

    private void run(int records, int libraries, Path dir, boolean raw) throws IOException {
        loadBase();
        System.out.printf(Locale.ROOT, "%d base records; %d records for %d libraries + %d for the re-exporting one; %d cores, max heap %d MiB%n",
                base.size(), records, libraries, REEXPORT, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<Path> files = generate(dir, records, libraries);
        Path reexport = files.get(files.size() - 1);
        Path changed = dir.resolve("reexport-changed.mrc");
        writeChanged(reexport, changed);
        build(files, dir, raw);
    }

    /** The base records the generator copies: the sample files' records with a title and a control number. */
    void loadBase() throws IOException {
        for (String f : FILES) {
            try (InputStream in = CatalogueBuildHarness.class.getResourceAsStream(f)) {
                // decoded to Unicode (MARC-8 included), so that the generated UTF-8 files say what they hold
                org.marc4j.MarcPermissiveStreamReader r = new org.marc4j.MarcPermissiveStreamReader(in, true, true);
                while (r.hasNext()) {
                    Record rec = r.next();
                    if (rec.getVariableField("245") != null && rec.getControlNumberField() != null) {
                        base.add(rec);
                    }
                }
            }
        }
    }

    private void build(List<Path> files, Path dir, boolean raw) throws IOException {
        Path changed = dir.resolve("reexport-changed.mrc");
        Path data = dir.resolve("catalogue");
        resetPeaks();
        long t0 = System.nanoTime();
        long loaded = 0;
        try (SolrCatalogueStore store = SolrCatalogueStore.open(StoreLocation.embedded(data))) {
            Catalogue catalogue = Catalogue.builder(store).batchSize(BATCH).build();
            for (int i = 0; i < files.size(); i++) {
                IngestSummary s = catalogue.load(i == files.size() - 1 ? "reexport" : "lib" + i, FileSource.of(files.get(i)));
                loaded += s.added();
            }
            double build = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "build: %d records in %.1f s = %.0f records/s; %d clusters; peak heap %d MiB; index %d MiB%n",
                    loaded, build, loaded / build, store.stats().clusters(), peakHeapMiB(), sizeMiB(data));

            long t1 = System.nanoTime();
            IngestSummary s = catalogue.load("reexport", FileSource.of(changed));
            System.out.printf(Locale.ROOT, "re-export of %d records: %.1f s (%s)%n", s.read(), (System.nanoTime() - t1) / 1e9, s);

            if (raw) {
                rawIndexing(store, dir.resolve("raw"), loaded / build);
            }
        }
    }

    /** The store's documents indexed again by plain SolrJ into a fresh core, {@value #BATCH} per commit. */
    private static void rawIndexing(SolrCatalogueStore store, Path rawDir, double oursPerSecond) throws IOException {
        List<List<SolrInputDocument>> batches = new ArrayList<>();
        List<SolrInputDocument> current = new ArrayList<>();
        SolrQuery q = new SolrQuery("*:*").setRows(BATCH).setSort("id", SolrQuery.ORDER.asc).setFields("*");
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        long members = 0;
        try {
            while (true) {
                q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
                QueryResponse r = store.client().query(q);
                for (SolrDocument d : r.getResults()) {
                    SolrInputDocument in = new SolrInputDocument();
                    for (String f : d.getFieldNames()) {
                        if (!f.equals("_version_")) {
                            in.setField(f, d.getFieldValue(f));
                        }
                    }
                    if ("member".equals(d.getFirstValue("navette_doc_type"))) {
                        members++;
                    }
                    current.add(in);
                    if (current.size() == BATCH) {
                        batches.add(current);
                        current = new ArrayList<>();
                    }
                }
                if (r.getNextCursorMark().equals(cursor)) {
                    break;
                }
                cursor = r.getNextCursorMark();
            }
            if (!current.isEmpty()) {
                batches.add(current);
            }
            // stored fields only: the catch-all allfields is not stored, so give raw indexing the same text to analyse
            try (SolrCatalogueStore fresh = SolrCatalogueStore.open(StoreLocation.embedded(rawDir))) {
                long t = System.nanoTime();
                for (List<SolrInputDocument> b : batches) {
                    UpdateRequest u = new UpdateRequest();
                    u.add(b);
                    u.setAction(UpdateRequest.ACTION.COMMIT, true, true);
                    u.process(fresh.client());
                }
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "raw SolrJ: %d documents (%d member records) in %.1f s = %.0f records/s; ours/raw = %.2f%n",
                        batches.stream().mapToInt(List::size).sum(), members, s, members / s, oursPerSecond / (members / s));
            }
        } catch (org.apache.solr.client.solrj.SolrServerException e) {
            throw new IOException(e);
        }
    }

    /**
     * One file per library ({@code libN.mrc}), the last the re-exporting library's {@value #REEXPORT}
     * records ({@code reexport.mrc}); needs {@link #loadBase()} first. The ground truth: the copies of
     * work {@code w} have the 001 {@code L<lib>-<w>} (and {@code R-<w>} in the re-export), a file's
     * records in increasing work order, at most one copy of a work per library.
     */
    List<Path> generate(Path dir, int records, int libraries) throws IOException {
        Files.createDirectories(dir);
        List<Path> paths = new ArrayList<>();
        List<MarcStreamWriter> writers = new ArrayList<>();
        List<OutputStream> streams = new ArrayList<>();
        for (int i = 0; i <= libraries; i++) {
            Path p = dir.resolve(i == libraries ? "reexport.mrc" : "lib" + i + ".mrc");
            paths.add(p);
            OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
            streams.add(os);
            writers.add(new MarcStreamWriter(os, "UTF-8"));
        }
        Random rnd = new Random(42);
        int written = 0;
        int reexported = 0;
        int work = 0;
        while (written < records || reexported < REEXPORT) {
            int copies = 1 + rnd.nextInt(3);
            int first = rnd.nextInt(libraries);
            for (int c = 0; c < copies && written < records; c++) {
                int lib = (first + c * 7) % libraries;
                writers.get(lib).write(copy(work, "L" + lib + "-" + work, c, rnd));
                written++;
            }
            if (reexported < REEXPORT && rnd.nextInt(10) < 3) {
                writers.get(libraries).write(copy(work, "R-" + work, 1 + rnd.nextInt(2), rnd));
                reexported++;
            }
            work++;
        }
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).close();
            streams.get(i).close();
        }
        System.out.printf(Locale.ROOT, "generated %d works%n", work);
        return paths;
    }

    /**
     * Copy {@code variant} of work {@code work}: the base record's content with the work's own
     * title word and year (so works differ), the copy's own 001, and small cataloguing variation.
     */
    private Record copy(int work, String id, int variant, Random rnd) {
        Record src = base.get(work % base.size());
        char[] leader = src.getLeader().marshal().toCharArray();
        leader[9] = 'a'; // written as UTF-8
        Record r = factory.newRecord(new String(leader));
        for (ControlField cf : src.getControlFields()) {
            r.addVariableField(factory.newControlField(cf.getTag(), cf.getTag().equals("001") ? id : cf.getData()));
        }
        int generation = work / base.size();
        for (DataField df : src.getDataFields()) {
            if (generation > 0 && (df.getTag().equals("020") || df.getTag().equals("035") || df.getTag().equals("010"))) {
                continue; // a new work has no identifiers of the one it was made from
            }
            DataField copy = factory.newDataField(df.getTag(), df.getIndicator1(), df.getIndicator2());
            for (Subfield sf : df.getSubfields()) {
                String data = sf.getData();
                if (df.getTag().equals("245") && sf.getCode() == 'a') {
                    data = (generation > 0 ? (distinctWorks ? word(generation, 1) + " " + word(generation, 2) + " "
                            : "Volume " + generation + " ") : "") + data;
                    if (variant == 2) {
                        data = data.toUpperCase(Locale.ROOT);
                    }
                }
                if (df.getTag().equals("245") && sf.getCode() == 'b' && variant == 1) {
                    continue; // one library drops the subtitle
                }
                if (distinctWorks && generation > 0 && sf.getCode() == 'a' && (df.getTag().equals("100") || df.getTag().equals("700"))) {
                    int comma = data.indexOf(',');
                    String surname = comma > 0 ? data.substring(0, comma) : data;
                    data = surname + "-" + word(generation, 3) + (comma > 0 ? data.substring(comma) : "");
                }
                if (df.getTag().equals("260") && sf.getCode() == 'c' && generation > 0) {
                    data = Integer.toString(1900 + generation % 120);
                }
                copy.addSubfield(factory.newSubfield(sf.getCode(), data));
            }
            if (!copy.getSubfields().isEmpty()) {
                r.addVariableField(copy);
            }
        }
        return r;
    }

    /** A made-up word of three syllables, the same for a generation and a salt. */
    private static String word(int generation, int salt) {
        int h = Integer.rotateLeft(generation * 0x9E3779B1 + salt * 0x85EBCA6B, 13) * 0xC2B2AE35;
        h = Math.abs(h % 8000);
        String w = SYLLABLES[h % 20] + SYLLABLES[h / 20 % 20] + SYLLABLES[h / 400 % 20];
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** The re-export: 3% of records changed (title), 2% deleted, 2% new. */
    private void writeChanged(Path from, Path to) throws IOException {
        Random rnd = new Random(7);
        try (InputStream in = Files.newInputStream(from); OutputStream os = new BufferedOutputStream(Files.newOutputStream(to))) {
            MarcStreamReader r = new MarcStreamReader(in, "UTF-8");
            MarcStreamWriter w = new MarcStreamWriter(os, "UTF-8");
            int n = 0;
            while (r.hasNext()) {
                Record rec = r.next();
                int dice = rnd.nextInt(100);
                if (dice < 2) {
                    continue;
                }
                if (dice < 5) {
                    DataField t = (DataField) rec.getVariableField("245");
                    Subfield a = t.getSubfield('a');
                    if (a != null) {
                        a.setData(a.getData() + " (nouvelle édition)");
                    }
                }
                w.write(rec);
                if (dice >= 98) {
                    w.write(copy(1_000_000 + n, "R-new-" + n, 0, rnd));
                }
                n++;
            }
            w.close();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    static long sizeMiB(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
        }
    }
}
