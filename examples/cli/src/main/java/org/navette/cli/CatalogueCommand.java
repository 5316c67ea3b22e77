package org.navette.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ExportFormat;
import org.navette.catalogue.IngestListener;
import org.navette.catalogue.IngestSummary;
import org.navette.catalogue.StoreLocation;
import org.navette.federation.Federation;
import org.navette.federation.SearchResult;
import org.navette.model.RecordProblem;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.query.QuerySyntaxException;
import org.navette.target.TargetConfig;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code navette catalogue ...}: builds and uses a union catalogue (Solr: embedded by default, a
 * Solr core by URL, or SolrCloud) with the same normaliser and matcher as federated search.
 *
 * <pre>
 * navette catalogue build bib-dole=dole.mrc koha-a=oai:https://koha.example.org/cgi-bin/koha/oai.pl#prefix=marc21
 * navette catalogue harvest
 * navette catalogue search --json "title=rose"
 * navette catalogue stats --json
 * navette catalogue export --library bib-dole --out dole.xml
 * navette catalogue remove --library bib-dole
 * </pre>
 */
@Command(name = "catalogue", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = "Builds, harvests, searches and exports a union catalogue of member libraries' records.",
        subcommands = {CatalogueCommand.Build.class, CatalogueCommand.Harvest.class, CatalogueCommand.Search.class,
                CatalogueCommand.Stats.class, CatalogueCommand.Export.class, CatalogueCommand.Remove.class})
final class CatalogueCommand extends CommandGroup {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the catalogue is: one of a data directory (default), a Solr URL, or ZooKeeper + collection. */
    static final class StoreOptions {
        @Nullable Where where;

        static final class Where {
            @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded catalogue directory (default: ./navette-catalogue).")
            @Nullable Path dataDir;

            @Option(names = "--solr-url", paramLabel = "URL", description = "A Solr core, e.g. http://localhost:8983/solr/navette.")
            @Nullable String solrUrl;

            @ArgGroup(exclusive = false)
            @Nullable Cloud cloud;
        }

        static final class Cloud {
            @Option(names = "--zk-host", required = true, paramLabel = "HOSTS", description = "SolrCloud's ZooKeeper, e.g. zk1:2181,zk2:2181/solr.")
            String zkHost = "";

            @Option(names = "--collection", required = true, paramLabel = "NAME", description = "SolrCloud collection (created when missing).")
            String collection = "";
        }

        StoreLocation location() {
            if (where == null || (where.dataDir == null && where.solrUrl == null && where.cloud == null)) {
                return StoreLocation.embedded(Path.of("navette-catalogue"));
            }
            if (where.dataDir != null) {
                return StoreLocation.embedded(where.dataDir);
            }
            if (where.solrUrl != null) {
                return StoreLocation.url(where.solrUrl);
            }
            return StoreLocation.cloud(where.cloud.zkHost, where.cloud.collection);
        }

        /** The same place as a {@code solr} search target. */
        TargetConfig target() {
            StoreLocation l = location();
            TargetConfig.Builder b = TargetConfig.builder("catalogue", "solr").set("name", "union catalogue");
            switch (l.kind()) {
                case EMBEDDED -> b.set("dataDir", l.dataDir().toString());
                case URL -> b.set("url", l.address());
                case CLOUD -> b.set("zkHost", l.address()).set("collection", l.collection());
            }
            return b.build();
        }
    }

    /** Opens the store or fails as work not done (exit 1) with one line. */
    static CatalogueStore open(StoreOptions store) {
        return CatalogueStore.open(store.location());
    }

    abstract static class StoreCommand extends CommandGroup.Leaf implements Callable<Integer> {
        @CommandLine.Mixin
        StoreArgs storeArgs = new StoreArgs();

        @Override
        public final Integer call() {
            try {
                return run();
            } catch (CatalogueException e) {
                err().println(name() + ": " + e.getMessage());
                err().flush();
                return ExitCode.FAILED;
            }
        }

        abstract int run();
    }

    /** The store options as a picocli mixin (one definition for every subcommand). */
    static final class StoreArgs {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        StoreOptions.@Nullable Where where;

        StoreOptions options() {
            StoreOptions o = new StoreOptions();
            o.where = where;
            return o;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = {"Loads each library's source into the catalogue: a MARC file (its full export: records it "
                    + "no longer has are deleted), oai:URL[#set=S&prefix=marc21] or sru:URL#query=CQL (incremental).",
                "Re-running with the same file changes nothing."})
    static final class Build extends StoreCommand {
        @Parameters(arity = "1..*", paramLabel = "LIB=SOURCE", description = "A library id and its source, e.g. bib-dole=dole.mrc.")
        List<String> sources = new ArrayList<>();

        @Option(names = "--batch", defaultValue = "2000", paramLabel = "N", description = "Records per commit (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--verbose", description = "Print a line on stderr for every batch committed.")
        boolean verbose;

        @Override
        int run() {
            List<String[]> pairs = new ArrayList<>();
            for (String s : sources) {
                int eq = s.indexOf('=');
                if (eq <= 0 || eq == s.length() - 1) {
                    throw usage("expected LIB=SOURCE, got '" + s + "'");
                }
                String library = s.substring(0, eq);
                String spec = s.substring(eq + 1);
                if (library.contains(":")) {
                    throw usage("a library id has no ':', got '" + library + "'");
                }
                boolean remote = spec.startsWith("oai:") || spec.startsWith("sru:");
                if (!remote && !Files.isReadable(Path.of(spec))) {
                    throw usage("cannot read " + spec);
                }
                if (remote) {
                    try {
                        CatalogueSource.open(spec);   // parses the spec only: a bad option is a usage error
                    } catch (IllegalArgumentException e) {
                        throw usage(library + "=" + spec + ": " + e.getMessage());
                    }
                }
                pairs.add(new String[] {library, spec});
            }
            if (batch < 1 || batch > 100_000) {
                throw usage("--batch must be within 1..100000, was " + batch);
            }
            return ingest(this, pairs, batch, verbose);
        }
    }

    /** Loads each (library, spec); a failing source is reported and the others still load. */
    static int ingest(StoreCommand cmd, List<String[]> pairs, int batch, boolean verbose) {
        int exit = ExitCode.OK;
        try (CatalogueStore store = open(cmd.storeArgs.options())) {
            IngestProgress progress = new IngestProgress(cmd.name(), cmd.err(), System.console() != null, verbose);
            Catalogue catalogue = Catalogue.builder(store).batchSize(batch).listener(progress).build();
            for (String[] p : pairs) {
                progress.start(p[0]);
                try {
                    CatalogueSource source = CatalogueSource.open(p[1]);
                    IngestSummary s = catalogue.load(p[0], source);
                    progress.clear();
                    cmd.out().println(s);
                    if (s.read() > 0 && s.read() == s.problems().size() && exit == ExitCode.OK) {
                        exit = ExitCode.NO_RECORDS;
                    }
                } catch (CatalogueException | IllegalArgumentException e) {
                    progress.clear();
                    cmd.err().println(cmd.name() + ": " + p[0] + " from " + p[1] + ": " + e.getMessage());
                    exit = ExitCode.FAILED;
                }
                cmd.out().flush();
            }
        }
        return exit;
    }

    @Command(name = "harvest", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = "Re-harvests every OAI-PMH and SRU source recorded in the catalogue from where it stopped.")
    static final class Harvest extends StoreCommand {
        @Override
        int run() {
            List<String[]> pairs = new ArrayList<>();
            try (CatalogueStore store = open(storeArgs.options())) {
                Map<String, List<String>> sources = Catalogue.builder(store).build().sources();
                sources.forEach((lib, specs) -> specs.stream().filter(s -> s.startsWith("oai:") || s.startsWith("sru:"))
                        .forEach(s -> pairs.add(new String[] {lib, s})));
            }
            if (pairs.isEmpty()) {
                err().println(name() + ": no OAI-PMH or SRU source recorded in the catalogue: nothing to harvest");
                return ExitCode.OK;
            }
            return ingest(this, pairs, 2000, false);
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = "Searches the catalogue with a CQL query; each work once, with every library holding it.")
    static final class Search extends StoreCommand {
        @Option(names = "--json", description = "Print one JSON document (the shape of navette search --json).")
        boolean json;

        @Option(names = "--max", defaultValue = "20", paramLabel = "N", description = "Works to fetch (default: ${DEFAULT-VALUE}).")
        int max;

        @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Deadline of the search (default: ${DEFAULT-VALUE}).")
        Duration timeout = Duration.ofSeconds(30);

        @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The CQL query, quoted as one argument.")
        List<String> queryWords = new ArrayList<>();

        @Override
        int run() {
            if (queryWords.size() > 1) {
                throw usage("the query is one argument: quote it, e.g. navette catalogue search \""
                        + String.join(" ", queryWords) + "\"");
            }
            if (max < 0 || max > 10_000) {
                throw usage("--max must be within 0..10000, was " + max);
            }
            String query = queryWords.get(0);
            Query parsed;
            try {
                parsed = CqlParser.parse(query);
            } catch (QuerySyntaxException e) {
                throw usage("bad query: " + e.getMessage());
            }
            try (Federation federation = Federation.builder().target(storeArgs.options().target()).deadline(timeout)
                    .targetTimeout(timeout).maxRecordsPerTarget(max).build()) {
                SearchResult result = federation.searchAndWait(parsed);
                if (json) {
                    out().println(SearchOutput.json(query, result));
                } else {
                    SearchOutput.text(query, result, out());
                }
                out().flush();
                return SearchCommand.everyTargetFailed(result) ? ExitCode.FAILED : ExitCode.OK;
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = "Counts records, clusters and records per library, and lists the recorded sources.")
    static final class Stats extends StoreCommand {
        @Option(names = "--json", description = "Print {\"records\": N, \"clusters\": M, \"libraries\": {...}, \"sources\": [...]}.")
        boolean json;

        @Override
        int run() {
            try (CatalogueStore store = open(storeArgs.options())) {
                CatalogueStats stats = store.stats();
                Map<String, List<String>> sources = Catalogue.builder(store).build().sources();
                if (json) {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("records", stats.records());
                    root.put("clusters", stats.clusters());
                    ObjectNode libs = root.putObject("libraries");
                    stats.libraries().forEach(libs::put);
                    ArrayNode list = root.putArray("sources");
                    sources.forEach((lib, specs) -> specs.forEach(s -> list.addObject().put("library", lib).put("source", s)));
                    try {
                        out().println(JSON.writeValueAsString(root));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    out().println(stats.records() + " records in " + stats.clusters() + " clusters, "
                            + stats.libraries().size() + " libraries");
                    stats.libraries().forEach((lib, n) -> out().println("  " + lib + "\t" + n + "\t"
                            + String.join(" ", sources.getOrDefault(lib, List.of()))));
                }
                out().flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = "Writes one library's records as it sent them (UTF-8): MARCXML, or ISO 2709 when FILE ends in .mrc.")
    static final class Export extends StoreCommand {
        @Option(names = "--library", required = true, paramLabel = "LIB")
        String library = "";

        @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output, MARCXML).")
        @Nullable Path outFile;

        @Override
        int run() {
            ExportFormat format = outFile != null && outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mrc")
                    ? ExportFormat.ISO2709 : ExportFormat.MARCXML;
            try (CatalogueStore store = open(storeArgs.options())) {
                if (!store.stats().libraries().containsKey(library)) {
                    throw usage("no library '" + library + "' in the catalogue " + store.location());
                }
                Catalogue catalogue = Catalogue.builder(store).build();
                long n;
                if (outFile == null) {
                    OutputStream stdout = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
                    n = catalogue.export(library, stdout, format);
                    stdout.flush();
                } else {
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(outFile))) {
                        n = catalogue.export(library, o, format);
                    }
                }
                err().println(name() + ": " + n + " records of " + library + (outFile == null ? "" : " written to " + outFile));
                err().flush();
                return ExitCode.OK;
            } catch (IOException e) {
                err().println(name() + ": cannot write " + (outFile == null ? "standard output" : outFile) + ": " + e.getMessage());
                return ExitCode.FAILED;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = "Removes a library's records and sources; works it shared with others stay, with their holdings.")
    static final class Remove extends StoreCommand {
        @Option(names = "--library", required = true, paramLabel = "LIB")
        String library = "";

        @Override
        int run() {
            try (CatalogueStore store = open(storeArgs.options())) {
                if (!store.stats().libraries().containsKey(library)) {
                    throw usage("no library '" + library + "' in the catalogue " + store.location());
                }
                out().println(Catalogue.builder(store).build().removeLibrary(library));
                out().flush();
                return ExitCode.OK;
            }
        }
    }

    /** "LIB: 12000 records read" on a terminal's stderr; problems always, one line each. */
    static final class IngestProgress implements IngestListener {
        private final String command;
        private final PrintWriter err;
        private final boolean live;
        private final boolean verbose;
        private String library = "";
        private boolean shown;

        IngestProgress(String command, PrintWriter err, boolean live, boolean verbose) {
            this.command = command;
            this.err = err;
            this.live = live;
            this.verbose = verbose;
        }

        @Override
        public void batchCommitted(int memberWrites, int memberDeletes) {
            if (verbose) {
                clear();
                err.println(command + ": " + library + ": batch committed, " + memberWrites
                        + " records written, " + memberDeletes + " deleted");
                err.flush();
            }
        }

        void start(String library) {
            this.library = library;
        }

        @Override
        public void read(long recordsRead) {
            if (live && recordsRead % 500 == 0) {
                err.print("\r" + library + ": " + recordsRead + " records read\u001b[K");
                err.flush();
                shown = true;
            }
        }

        @Override
        public void problem(RecordProblem problem) {
            clear();
            err.println(command + ": " + library + ": " + problem);
            err.flush();
        }

        void clear() {
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
                shown = false;
            }
        }
    }
}
