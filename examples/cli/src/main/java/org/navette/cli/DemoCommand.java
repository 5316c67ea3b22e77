package org.navette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.navette.NavetteException;
import org.navette.demo.DemoLibrary;
import org.navette.demo.DemoNetwork;
import org.navette.demo.DemoRun;
import org.navette.demo.SkippedTarget;
import org.navette.federation.SearchResult;
import org.navette.ill.PlannedRequest;
import org.navette.query.CqlParser;
import org.navette.query.QuerySyntaxException;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.YearRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code navette demo}: the whole mission offline, in well under a minute. Builds a union catalogue
 * from bundled real MARC21 and UNIMARC exports of member libraries, starts a demo network on
 * 127.0.0.1 inside the process (the catalogue, an SRU server, a web OPAC from real saved pages,
 * Zebra over Z39.50 when installed, a library whose server is down), runs one federated search
 * and prints its ranked, deduplicated works with holdings, facets and target statuses, then plans
 * a batch of interlending requests and prints the lender plan.
 *
 * <pre>{@code
 * ./navette demo
 * ./navette demo --query "title=histoire" --data-dir demo-data --keep
 * }</pre>
 *
 * <p>Exit codes ({@link ExitCode}): 0 when the demo ran (a missing Zebra is reported, not fatal),
 * 1 when the network could not be started, 2 for a bad query or option.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = {"Runs the whole mission offline on bundled real records: builds a small union catalogue, starts a demo "
                + "network on 127.0.0.1 (the catalogue, an SRU server, a web OPAC from saved pages, Zebra over Z39.50 when "
                + "installed, a library whose server is down), searches it and plans a batch of interlending requests.",
            "Nothing is reached outside this machine; the elapsed time is printed at the end."})
final class DemoCommand extends CommandGroup.Leaf implements Callable<Integer> {
    private static final int FACET_VALUES = 5;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where to build the catalogue and keep the peers' files "
            + "(default: a temporary folder, removed at the end).")
    @Nullable Path dataDir;

    @Option(names = "--query", paramLabel = "CQL", description = "The federated search's query (default: "
            + DemoNetwork.SUGGESTED_QUERY + "), e.g. \"title=histoire\", \"author=routhier\", \"Kletterführer\" for the OPAC.")
    @Nullable String query;

    @Option(names = "--keep", description = "Keep the temporary folder (its path is printed).")
    boolean keep;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = out();
        String cql = query == null ? DemoNetwork.SUGGESTED_QUERY : query;
        try {
            CqlParser.parse(cql);
        } catch (QuerySyntaxException e) {
            throw usage("bad query: " + e.getMessage());
        }
        Path dir;
        boolean temporary = dataDir == null;
        try {
            dir = temporary ? Files.createTempDirectory("navette-demo-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw usage("cannot create " + (dataDir == null ? "a temporary folder" : dataDir) + ": " + e.getMessage());
        }
        out.println("Navette demo: a departmental reading network of the Jura, on 127.0.0.1, offline");
        out.println();
        try {
            return run(cql, dir, out);
        } catch (NavetteException | UncheckedIOException e) {
            err().println(name() + ": " + e.getMessage());
            return ExitCode.FAILED;
        } finally {
            if (temporary && !keep) {
                deleteTree(dir);
            } else {
                out.println("files kept in " + dir);
            }
            out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
            out.flush();
            err().flush();
        }
    }

    private int run(String cql, Path dir, PrintWriter out) {
        try (DemoNetwork network = DemoNetwork.start(dir, line -> {
            out.println("  " + line);
            out.flush();
        })) {
            out.println();
            out.println("Member libraries:");
            for (DemoLibrary l : network.libraries()) {
                out.printf(Locale.ROOT, "  %-12s %-32s %s%s%n", l.code(), l.name(), l.access(),
                        l.records() > 0 ? ", " + l.records() + " records" : "");
            }
            out.println();
            out.println("== Federated search over " + network.targets().size() + " targets ==");
            DemoRun.Report report = DemoRun.run(network, cql);
            SearchOutput.text(cql, report.search(), out);
            for (SkippedTarget s : report.skipped()) {
                out.printf(Locale.ROOT, "  %s  skipped: %s; to run it: %s%n", s.id(), s.reason(), s.hint());
            }
            printFacets(report.search(), out);
            out.println();
            out.println("== Interlending: " + report.plan().requests().size() + " requests from " + report.requests().source() + " ==");
            out.println("Lender plan:");
            report.plan().writeCsv(out);
            out.println(counts(report.plan().counts()));
            out.println();
            out.printf(Locale.ROOT, "search %.1f s, interlending batch %.1f s%n", report.searchElapsed().toMillis() / 1000.0,
                    report.illElapsed().toMillis() / 1000.0);
            out.flush();
            return ExitCode.OK;
        }
    }

    private static void printFacets(SearchResult r, PrintWriter out) {
        out.println();
        out.println("Facets:");
        for (Map.Entry<FacetField, List<FacetValue>> e : r.facets().all().entrySet()) {
            List<String> values = e.getValue().stream().limit(FACET_VALUES).map(v -> v.value() + " (" + v.count() + ")").toList();
            out.printf(Locale.ROOT, "  %-14s %s%s%n", e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    String.join(", ", values), e.getValue().size() > FACET_VALUES ? ", ..." : "");
        }
        List<YearRange> years = r.facets().yearRanges();
        if (!years.isEmpty()) {
            out.printf(Locale.ROOT, "  %-14s %s%n", "years", String.join(", ",
                    years.stream().map(y -> y.from() + "-" + y.to() + " (" + y.count() + ")").toList()));
        }
    }

    /** "10 requests: 7 matched, 1 no-lender, ..." in the plan's own status words. */
    private static String counts(Map<PlannedRequest.Status, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total + " requests: " + String.join(", ", counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word()).toList());
    }

    /** Removes a folder and what it holds, as far as it can: a leftover in a temporary folder is no failure. */
    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover in the temporary folder is no reason to fail a demo that ran
        }
    }
}
