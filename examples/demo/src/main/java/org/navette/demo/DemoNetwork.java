package org.navette.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.IngestSummary;
import org.navette.catalogue.StoreLocation;
import org.navette.demo.internal.BundledData;
import org.navette.demo.internal.BundledData.Range;
import org.navette.demo.internal.SavedOpacSite;
import org.navette.demo.internal.SruServer;
import org.navette.demo.internal.ZebraServer;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.RequestBatch;
import org.navette.ill.iso18626.RequestFiles;
import org.navette.model.BibRecord;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.target.TargetConfig;

/**
 * The offline demo network, started inside the process on 127.0.0.1 from bundled real records: a
 * union catalogue (embedded Solr) of three member libraries' MARC21 and UNIMARC exports, a fourth
 * library's SRU server, a fifth library's Zebra over Z39.50 (when {@code zebrasrv} is installed;
 * otherwise {@link #skipped()} says so, with the install hint), an Alpine club's web OPAC served
 * from real saved pages, and one library whose server is down on purpose. {@link #targets()} are
 * ready for a {@link org.navette.federation.Federation}; {@link #policy()} and {@link #requests()}
 * are the network's lending policy and a batch of interlending requests for an
 * {@link org.navette.ill.IllPlanner} over the catalogue.
 *
 * <pre>{@code
 * try (DemoNetwork network = DemoNetwork.start(Files.createTempDirectory("demo"), System.out::println)) {
 *     Federation federation = Federation.builder().targets(network.targets()).build();
 *     SearchResult r = federation.searchAndWait(CqlParser.parse(network.suggestedQuery()));
 *     federation.close();                 // the union target holds the catalogue's index until then
 * }
 * }</pre>
 *
 * <p>The union catalogue is an embedded index in {@link #catalogueLocation()}: the {@code solr}
 * target opens it at its first search and keeps it until its federation is closed, and an embedded
 * index has one user at a time. Open the store yourself ({@code CatalogueStore.open(network.catalogueLocation())})
 * only while no federation over {@link #targets()} is open, as {@link DemoRun} does; a long-lived
 * portal matches requests through its federation instead ({@code RequestMatcher.overFederation}).
 *
 * <p>Thread-safety: the accessors may be called from any thread; {@link #close()} once, at the end.
 */
public final class DemoNetwork implements AutoCloseable {
    /** The catalogue's target id. */
    public static final String UNION = "union";
    /** The SRU library's target id. */
    public static final String SRU = "champagnole-sru";
    /** The Zebra library's target id. */
    public static final String ZEBRA = "poligny-zebra";
    /** The web OPAC's target id. */
    public static final String OPAC = "clubalpin-opac";
    /** The target whose server is down on purpose. */
    public static final String DOWN = "morez-down";

    /** A query that finds works of several libraries, held by several of them. */
    public static final String SUGGESTED_QUERY = "canada";

    private static final List<Range> DOLE = List.of(new Range(BundledData.LUL, 0, 60), new Range(BundledData.LOC, 0, 40));
    private static final List<Range> LONS = List.of(new Range(BundledData.LUL, 30, 100), new Range(BundledData.LOC, 30, 55));
    private static final List<Range> STCLAUDE = List.of(new Range(BundledData.BSG_UNIMARC, 0, 108));
    private static final List<Range> CHAMPAGNOLE = List.of(new Range(BundledData.LUL, 50, 80), new Range(BundledData.LOC, 10, 30));
    private static final List<Range> POLIGNY = List.of(new Range(BundledData.LOC, 35, 70), new Range(BundledData.LUL, 70, 100));

    private final Path workDir;
    private final StoreLocation catalogue;
    private final CatalogueStats stats;
    private final List<IngestSummary> loads;
    private final List<DemoLibrary> libraries;
    private final List<TargetConfig> targets;
    private final List<SkippedTarget> skipped;
    private final NetworkPolicy policy;
    private final RequestBatch requests;
    private final List<AutoCloseable> running;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DemoNetwork(Path workDir, Started s) {
        this.workDir = workDir;
        this.catalogue = Objects.requireNonNull(s.catalogue);
        this.stats = Objects.requireNonNull(s.stats);
        this.loads = List.copyOf(s.loads);
        this.libraries = List.copyOf(s.libraries);
        this.targets = List.copyOf(s.targets);
        this.skipped = List.copyOf(s.skipped);
        this.policy = Objects.requireNonNull(s.policy);
        this.requests = Objects.requireNonNull(s.requests);
        this.running = List.copyOf(s.running);
    }

    /** As {@link #start(Path, Consumer)}, silently. */
    public static DemoNetwork start(Path workDir) {
        return start(workDir, line -> { });
    }

    /**
     * Builds the union catalogue in {@code workDir} (created when missing; a catalogue already
     * there is brought up to date, which changes nothing the second time) and starts the peers.
     *
     * @param progress receives one line per step ("union catalogue: dole ... 100 read, 99 added ...")
     * @throws UncheckedIOException when the work directory cannot be written or a peer that should
     *                              start fails (a missing Zebra is not a failure: it is {@link #skipped()})
     */
    public static DemoNetwork start(Path workDir, Consumer<String> progress) {
        return builder(workDir).progress(progress).start();
    }

    /** A network in {@code workDir} with settings beyond the progress lines. */
    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /**
     * The settings of a network to start.
     *
     * <pre>{@code
     * DemoNetwork n = DemoNetwork.builder(dir).progress(System.out::println).start();
     * }</pre>
     *
     * <p>Thread-safety: one thread builds.
     */
    public static final class Builder {
        private final Path workDir;
        private Consumer<String> progress = line -> { };
        private List<Path> binaryPath = ZebraServer.systemPath();

        private Builder(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        /** Receives one line per step of {@link #start()}. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** The folders searched for {@code zebrasrv} and {@code zebraidx} (default: the {@code PATH}'s). */
        public Builder binaryPath(List<Path> folders) {
            this.binaryPath = List.copyOf(folders);
            return this;
        }

        /** Builds the catalogue and starts the peers: see {@link DemoNetwork#start(Path, Consumer)}. */
        public DemoNetwork start() {
            return DemoNetwork.start(this);
        }
    }

    private static DemoNetwork start(Builder b) {
        Path workDir = b.workDir;
        Consumer<String> progress = b.progress;
        Started s = new Started();
        s.binaryPath = b.binaryPath;
        try {
            Path exports = Files.createDirectories(workDir.resolve("exports"));
            buildCatalogue(workDir.resolve("catalogue"), exports, s, progress);
            startOpac(s, progress);
            startSru(exports, s, progress);
            startZebra(workDir.resolve("zebra"), exports, s, progress);
            reserveDeadPort(s, progress);
            Path ill = Files.createDirectories(workDir.resolve("ill"));
            s.policy = NetworkPolicy.read(BundledData.copy(BundledData.POLICY, ill.resolve("network.json")));
            s.requests = RequestFiles.read(BundledData.copy(BundledData.REQUESTS, ill.resolve("requests.csv")));
            return new DemoNetwork(workDir, s);
        } catch (IOException | RuntimeException e) {
            s.closeAll();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("demo network in " + workDir + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** What {@link #start} has started so far: closed in reverse order if a later step fails. */
    private static final class Started {
        @Nullable StoreLocation catalogue;
        @Nullable CatalogueStats stats;
        final List<IngestSummary> loads = new ArrayList<>();
        final List<DemoLibrary> libraries = new ArrayList<>();
        final List<TargetConfig> targets = new ArrayList<>();
        final List<SkippedTarget> skipped = new ArrayList<>();
        final List<AutoCloseable> running = new ArrayList<>();
        @Nullable NetworkPolicy policy;
        @Nullable RequestBatch requests;
        List<Path> binaryPath = List.of();

        void closeAll() {
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    // closing on the way out of a failed start: the start's own failure is the one to report
                }
            }
        }
    }

    private static void buildCatalogue(Path dir, Path exports, Started s, Consumer<String> progress) throws IOException {
        Map<String, List<Range>> members = new LinkedHashMap<>();
        members.put("dole", DOLE);
        members.put("lons", LONS);
        members.put("st-claude", STCLAUDE);
        StoreLocation location = StoreLocation.embedded(dir);
        s.catalogue = location;
        progress.accept("building the union catalogue (embedded Solr) in " + dir);
        try (CatalogueStore store = CatalogueStore.open(location)) {
            Catalogue catalogue = Catalogue.builder(store).build();
            for (Map.Entry<String, List<Range>> member : members.entrySet()) {
                String library = member.getKey();
                Path file = BundledData.writeExport(member.getValue(), exports.resolve(library + ".mrc"));
                IngestSummary summary = catalogue.load(library, CatalogueSource.open(file.toString()));
                s.loads.add(summary);
                progress.accept("  " + summary);
            }
            s.stats = store.stats();
        }
        s.libraries.add(new DemoLibrary("dole", "Médiathèque de Dole", "union catalogue (MARC21 export)", count(DOLE)));
        s.libraries.add(new DemoLibrary("lons", "Médiathèque de Lons-le-Saunier", "union catalogue (MARC21 export)", count(LONS)));
        s.libraries.add(new DemoLibrary("st-claude", "Médiathèque de Saint-Claude", "union catalogue (UNIMARC export)", count(STCLAUDE)));
        s.targets.add(TargetConfig.builder(UNION, "solr").set("name", "Catalogue collectif du réseau jurassien")
                .set("dataDir", dir.toAbsolutePath().toString()).build());
    }

    private static void startOpac(Started s, Consumer<String> progress) throws IOException {
        SavedOpacSite site = SavedOpacSite.start();
        s.running.add(site);
        s.libraries.add(new DemoLibrary("clubalpin", "Bibliothèque du Club alpin", "web OPAC (BIB2, saved pages)", 0));
        s.targets.add(TargetConfig.builder(OPAC, "opac").set("name", "Bibliothèque du Club alpin (web OPAC)")
                .set("library", "clubalpin").set("profile", "bib2").set("url", site.baseUrl())
                .set("fetchDetails", true).set("requestsPerSecond", 50).build());
        progress.accept("web OPAC (BIB2, real saved pages) at " + site.baseUrl());
    }

    private static void startSru(Path exports, Started s, Consumer<String> progress) throws IOException {
        Path file = BundledData.writeExport(CHAMPAGNOLE, exports.resolve("champagnole.mrc"));
        List<BibRecord> records = new ArrayList<>();
        try (MarcFileReader reader = MarcFileReader.open(file, Normaliser.ofDefaults())) {
            while (reader.hasNext()) {
                ReadResult r = reader.next();
                if (r.record() != null) {
                    records.add(r.record());
                }
            }
        }
        SruServer sru = SruServer.start("champagnole", "Médiathèque de Champagnole", records);
        s.running.add(sru);
        s.libraries.add(new DemoLibrary("champagnole", "Médiathèque de Champagnole", "SRU 1.2 server", records.size()));
        s.targets.add(TargetConfig.builder(SRU, "sru").set("name", "Médiathèque de Champagnole (SRU)")
                .set("library", "champagnole").set("url", sru.baseUrl()).set("version", "1.2")
                .set("recordSchema", "marcxml").build());
        progress.accept("SRU server of champagnole (" + records.size() + " records) at " + sru.baseUrl());
    }

    private static void startZebra(Path dir, Path exports, Started s, Consumer<String> progress) throws IOException {
        String name = "Médiathèque de Poligny (Zebra, Z39.50)";
        Optional<String> missing = ZebraServer.missing(s.binaryPath);
        s.libraries.add(new DemoLibrary("poligny", "Médiathèque de Poligny", "Z39.50 (Zebra)", missing.isPresent() ? 0 : count(POLIGNY)));
        if (missing.isPresent()) {
            s.skipped.add(new SkippedTarget(ZEBRA, name, missing.get(), ZebraServer.INSTALL_HINT));
            progress.accept("Zebra skipped: " + missing.get() + " (" + ZebraServer.INSTALL_HINT + ")");
            return;
        }
        deleteTree(dir); // a database indexed by an earlier run would be indexed twice
        Files.createDirectories(dir);
        Path file = BundledData.writeExport(POLIGNY, exports.resolve("poligny.mrc"));
        ZebraServer zebra = ZebraServer.start(dir, "poligny", file, s.binaryPath);
        s.running.add(zebra);
        s.targets.add(TargetConfig.builder(ZEBRA, "z3950").set("name", name).set("library", "poligny")
                .set("host", "127.0.0.1").set("port", zebra.port()).set("database", "poligny").set("syntax", "usmarc")
                .build());
        progress.accept("Zebra of poligny (" + count(POLIGNY) + " records, Z39.50) on 127.0.0.1:" + zebra.port());
    }

    /**
     * A port of 127.0.0.1 bound but never listened on, held until {@link #close()}: connecting to
     * it is refused at once, as to a library whose server is down, and no other process can take it.
     */
    private static void reserveDeadPort(Started s, Consumer<String> progress) throws IOException {
        Socket reserved = new Socket();
        reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.running.add(reserved);
        int port = reserved.getLocalPort();
        s.libraries.add(new DemoLibrary("morez", "Médiathèque de Morez", "Z39.50 (server down on purpose)", 0));
        s.targets.add(TargetConfig.builder(DOWN, "z3950").set("name", "Médiathèque de Morez (server down, on purpose)")
                .set("library", "morez").set("host", "127.0.0.1").set("port", port).set("database", "morez")
                .set("connectTimeout", "2s").build());
        progress.accept("morez: its Z39.50 server is down on purpose (127.0.0.1:" + port + " refuses connections)");
    }

    private static int count(List<Range> ranges) {
        return ranges.stream().mapToInt(r -> r.to() - r.from()).sum();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The folder the network works in: the catalogue, the libraries' exports, Zebra's database, the ILL files. */
    public Path workDir() {
        return workDir;
    }

    /** The member libraries, in the order their peers were started. */
    public List<DemoLibrary> libraries() {
        return libraries;
    }

    /** The search targets that started: the catalogue, the OPAC, the SRU server, Zebra when installed, the dead one. */
    public List<TargetConfig> targets() {
        return targets;
    }

    /** The peers that could not start here, each with its reason and install hint. */
    public List<SkippedTarget> skipped() {
        return skipped;
    }

    /** Where the union catalogue is: an embedded index (see the class comment on who may open it when). */
    public StoreLocation catalogueLocation() {
        return catalogue;
    }

    /** The catalogue's figures after the build. */
    public CatalogueStats catalogueStats() {
        return stats;
    }

    /** Each catalogue member's load: read, added, changed, problems, clusters after. */
    public List<IngestSummary> catalogueLoads() {
        return loads;
    }

    /** The network's lending policy (libraries, agencies, towns, what each lends). */
    public NetworkPolicy policy() {
        return policy;
    }

    /** The bundled interlending requests, some damaged on purpose, one for a title nobody holds. */
    public RequestBatch requests() {
        return requests;
    }

    /** A CQL query that shows the network well: {@value #SUGGESTED_QUERY}. */
    public String suggestedQuery() {
        return SUGGESTED_QUERY;
    }

    /** Stops every peer and frees its port; the work directory is left as it is. A second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Exception> failures = new ArrayList<>();
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            UncheckedIOException e = new UncheckedIOException(new IOException("stopping the demo network: " + failures.get(0).getMessage(), failures.get(0)));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }
}
