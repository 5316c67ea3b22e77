package org.navette.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.navette.demo.DemoNetwork;
import org.navette.demo.SkippedTarget;
import org.navette.federation.Federation;
import org.navette.federation.TargetsFile;
import org.navette.ill.IllStateException;
import org.navette.ill.LendingStatistics;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.PolicyFileException;
import org.navette.portal.BorrowDesk;
import org.navette.portal.PortalServer;
import org.navette.portal.pazpar2.Pazpar2Endpoint;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code navette serve}: the web portal and its JSON API over the targets of a targets file, until
 * the process is stopped (Ctrl-C). With a network policy, "ask to borrow" plans interlending
 * requests and keeps them in the data folder; without one the page says interlending is not set up.
 *
 * <p>The pazpar2-compatible endpoint answers at {@code /search.pz2} over the same targets, so
 * pazpar2 front ends (pz2.js, MasterKey) work against it. {@code --demo} serves the offline demo
 * network ({@code navette demo}) instead of a targets file, with its lending policy.
 *
 * <pre>
 * ./navette serve --demo
 * ./navette serve --targets examples/targets/local-peers.json
 * ./navette serve --port 9000 --bind 0.0.0.0 --targets targets.json --policy network.json --data-dir portal-data
 * </pre>
 *
 * <p>Exit codes ({@link ExitCode}): 1 with one line when the port is taken or the server cannot
 * start, 2 for usage errors; a portal stopped by a signal ends as the JVM does on it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = {"Serves the search portal (a web page whose results stream in as catalogues answer) and its "
                + "JSON API until stopped with Ctrl-C.",
            "The API: /api/search?q=CQL, /api/search/{id}, /api/search/{id}/events (server-sent events), "
                + "/api/record/{cluster}, POST /api/borrow (see examples/portal/README.md); "
                + "pazpar2's protocol at /search.pz2."})
final class ServeCommand extends CommandGroup.Leaf implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "The port (default: ${DEFAULT-VALUE}; 0: any free port, printed).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "A",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--targets", paramLabel = "FILE", description = "The targets file the portal searches.")
    @Nullable Path targetsFile;

    @Option(names = "--demo", description = "Serve the offline demo network (navette demo) with its lending policy, "
            + "instead of --targets and --policy.")
    boolean demo;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The network's lending policy file (core/POLICY.md); enables \"ask to borrow\".")
    @Nullable Path policyFile;

    @Option(names = "--statistics", paramLabel = "FILE", description = "With --policy: past loans per library (library,lent,borrowed) for load balancing.")
    @Nullable Path statisticsFile;

    @Option(names = "--data-dir", defaultValue = "navette-portal", paramLabel = "D",
            description = "Where the interlending requests made through the portal are kept (H2; default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Each search's overall deadline (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max", defaultValue = "20", paramLabel = "N", description = "Records to fetch per target (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--max-searches", defaultValue = "16", paramLabel = "N",
            description = "Searches running at once; one more is answered 429 (default: ${DEFAULT-VALUE}).")
    int maxSearches;

    @Option(names = "--max-sessions", defaultValue = "200", paramLabel = "N",
            description = "Searches kept for their users, running or finished; a search expires 10 minutes after it was last asked about (default: ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--max-streams", defaultValue = "32", paramLabel = "N",
            description = "Event streams open at once; one more is answered 503 and the page polls instead (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    /** Released to stop a running portal (tests; a signal stops it through the shutdown hook). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() {
        if (demo) {
            if (targetsFile != null || policyFile != null || statisticsFile != null) {
                throw usage("--demo serves the demo network's own targets and policy: leave out --targets, --policy and --statistics");
            }
            return serveDemo();
        }
        if (targetsFile == null) {
            throw usage("give the targets to search: --targets FILE (or --demo)");
        }
        List<TargetConfig> targets;
        try {
            targets = TargetsFile.read(targetsFile);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        NetworkPolicy policy;
        LendingStatistics statistics;
        try {
            policy = policyFile == null ? null : NetworkPolicy.read(policyFile);
            statistics = statisticsFile == null ? LendingStatistics.empty() : LendingStatistics.read(statisticsFile);
        } catch (PolicyFileException e) {
            throw usage(e.getMessage());
        }
        if (statisticsFile != null && policy == null) {
            throw usage("--statistics needs --policy: without a network policy the portal does not lend");
        }
        return serve(targets, policy, statistics, () -> { });
    }

    /** The demo network built in a temporary folder, served until stopped, then closed and removed. */
    private int serveDemo() {
        Path dir;
        try {
            dir = Files.createTempDirectory("navette-serve-demo-");
        } catch (IOException e) {
            return failed("cannot create a temporary folder for the demo network: " + e.getMessage());
        }
        try (DemoNetwork network = DemoNetwork.start(dir, line -> {
            out().println("  " + line);
            out().flush();
        })) {
            for (SkippedTarget s : network.skipped()) {
                out().println("  " + s.id() + " skipped: " + s.reason() + "; to run it: " + s.hint());
            }
            out().println("  try: " + network.suggestedQuery());
            // a signal ends the JVM once the shutdown hook is done: the hook stops Zebra's process too
            return serve(network.targets(), network.policy(), LendingStatistics.empty(), () -> {
                network.close();
                DemoCommand.deleteTree(dir);
            });
        } catch (RuntimeException e) {
            return failed("the demo network did not start: " + e.getMessage());
        } finally {
            DemoCommand.deleteTree(dir);
        }
    }

    /**
     * Serves {@code targets}, with "ask to borrow" when {@code policy} is given, until {@link #stop} or a
     * signal; then runs {@code afterwards} (which must tolerate running twice).
     */
    int serve(List<TargetConfig> targets, @Nullable NetworkPolicy policy, LendingStatistics statistics, Runnable afterwards) {
        PortalServer.Builder builder;
        try {
            builder = PortalServer.builder().bind(bind).port(port).searchDeadline(timeout)
                    .maxRecordsPerTarget(max).maxSearches(maxSearches).maxSessions(maxSessions).maxStreams(maxStreams)
                    .threads(maxStreams + 16);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Federation federation;
        try {
            // one federation for the portal's API and the pazpar2 endpoint: one set of connections and breakers
            federation = Federation.builder().targets(targets).deadline(timeout).targetTimeout(timeout)
                    .maxRecordsPerTarget(max).build();
        } catch (TargetException | IllegalArgumentException e) {
            return failed(e.getMessage());
        }
        Pazpar2Endpoint pazpar2 = Pazpar2Endpoint.builder(federation).maxSessions(maxSessions).build();
        BorrowDesk desk = null;
        PortalServer portal;
        try {
            desk = policy == null ? null : BorrowDesk.builder(policy).statistics(statistics).dataDir(dataDir).build();
            portal = builder.federation(federation).mount(Pazpar2Endpoint.PATH, pazpar2).borrowDesk(desk).start();
        } catch (BindException e) {
            closeAll(null, pazpar2, federation, desk);
            return failed(e.getMessage() + " (another program has it; choose another port with --port)");
        } catch (IOException | IllStateException | TargetException | IllegalStateException e) {
            closeAll(null, pazpar2, federation, desk);
            return failed(e.getMessage());
        }
        BorrowDesk openDesk = desk;
        Thread hook = new Thread(() -> {
            closeAll(portal, pazpar2, federation, openDesk);
            afterwards.run();
            stop.countDown();
        }, "navette-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Navette portal on " + portal.uri() + " (" + targets.size() + " targets"
                + (desk == null ? ", interlending not configured" : ", requests kept in " + dataDir) + "); Ctrl-C stops it");
        out().println("pazpar2 protocol on " + portal.uri().resolve(Pazpar2Endpoint.PATH));
        out().flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            closeAll(portal, pazpar2, federation, desk);
            afterwards.run();
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook closes everything
        }
        return ExitCode.OK;
    }

    private int failed(String message) {
        err().println(name() + ": " + message);
        err().flush();
        return ExitCode.FAILED;
    }

    /** In the order that lets each close without its users still running: the server, the sessions, the engine, the state. */
    private static void closeAll(@Nullable PortalServer portal, Pazpar2Endpoint pazpar2, Federation federation,
                                 @Nullable BorrowDesk desk) {
        if (portal != null) {
            portal.close();
        }
        pazpar2.close();
        federation.close();
        if (desk != null) {
            desk.close();
        }
    }
}
