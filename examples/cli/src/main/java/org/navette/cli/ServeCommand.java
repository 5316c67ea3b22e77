package org.navette.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.navette.federation.TargetsFile;
import org.navette.ill.IllStateException;
import org.navette.ill.LendingStatistics;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.PolicyFileException;
import org.navette.portal.BorrowDesk;
import org.navette.portal.PortalServer;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code navette serve}: the web portal and its JSON API over the targets of a targets file, until
 * the process is stopped (Ctrl-C). With a network policy, "ask to borrow" plans interlending
 * requests and keeps them in the data folder; without one the page says interlending is not set up.
 *
 * <pre>
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
                + "/api/record/{cluster}, POST /api/borrow (see examples/portal/README.md)."})
final class ServeCommand extends CommandGroup.Leaf implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "The port (default: ${DEFAULT-VALUE}; 0: any free port, printed).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "A",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--targets", paramLabel = "FILE", description = "The targets file the portal searches.")
    @Nullable Path targetsFile;

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
        if (targetsFile == null) {
            throw usage("give the targets to search: --targets FILE");
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
        // --demo goes here: the demo network's targets and its policy instead of the files'
        return serve(targets, policy, statistics);
    }

    /** Serves {@code targets}, with "ask to borrow" when {@code policy} is given, until {@link #stop} or a signal. */
    int serve(List<TargetConfig> targets, @Nullable NetworkPolicy policy, LendingStatistics statistics) {
        PortalServer.Builder builder;
        try {
            builder = PortalServer.builder().targets(targets).bind(bind).port(port).searchDeadline(timeout)
                    .maxRecordsPerTarget(max).maxSearches(maxSearches).maxSessions(maxSessions).maxStreams(maxStreams)
                    .threads(maxStreams + 16);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        BorrowDesk desk = null;
        PortalServer portal;
        try {
            desk = policy == null ? null : BorrowDesk.builder(policy).statistics(statistics).dataDir(dataDir).build();
            portal = builder.borrowDesk(desk).start();
        } catch (BindException e) {
            closeQuietly(desk);
            return failed(e.getMessage() + " (another program has it; choose another port with --port)");
        } catch (IOException | IllStateException | TargetException | IllegalStateException e) {
            closeQuietly(desk);
            return failed(e.getMessage());
        }
        BorrowDesk openDesk = desk;
        Thread hook = new Thread(() -> {
            portal.close();
            closeQuietly(openDesk);
            stop.countDown();
        }, "navette-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Navette portal on " + portal.uri() + " (" + targets.size() + " targets"
                + (desk == null ? ", interlending not configured" : ", requests kept in " + dataDir) + "); Ctrl-C stops it");
        out().flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            portal.close();
            closeQuietly(desk);
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

    private static void closeQuietly(@Nullable BorrowDesk desk) {
        if (desk != null) {
            desk.close();
        }
    }
}
