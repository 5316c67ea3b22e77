package org.navette.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.navette.federation.FederatedSearch;
import org.navette.federation.Federation;
import org.navette.federation.SearchOptions;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetsFile;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.query.QuerySyntaxException;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code navette search}: one query to every target of a targets file, the merged, ranked result
 * printed as text or as one JSON document, with one status per target.
 *
 * <pre>{@code
 * ./navette search --targets examples/targets/local-peers.json --timeout 5s --max 10 "title=computer"
 * ./navette search --targets targets.json --json "author=collins and title=computer"
 * }</pre>
 *
 * <p>Exit codes ({@link ExitCode}): 0 when the search ran and at least one target answered (failed
 * targets are in their statuses: a partial result is a result), 1 when every target failed or
 * timed out with no record, 2 for usage errors (missing or bad targets file, unknown protocol, bad
 * or unquoted query) with one line on stderr.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = {"Searches every target of a targets file at once and prints the merged, ranked result "
                + "with one status line per target.",
            "Queries are CQL with plain index names (title=..., author=..., isbn=..., a bare term for any); "
                + "dc.* and bath.* names are accepted too."})
public final class SearchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--targets", required = true, paramLabel = "FILE",
            description = "The targets file: {\"targets\": [{\"id\": ..., \"protocol\": \"z3950\"|\"sru\"|\"opac\", ...}]}.")
    private Path targetsFile;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Overall deadline of the search, e.g. 10s, 500ms, 1m (default: ${DEFAULT-VALUE}); "
                    + "targets still running then are reported as timed-out.")
    private Duration timeout;

    @Option(names = "--max", defaultValue = "20", paramLabel = "N",
            description = "Records to fetch per target (default: ${DEFAULT-VALUE}); a target's own maxRecords caps it.")
    private int max;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    // one argument; more are taken only to say that the query wants quotes
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The CQL query, e.g. \"title=computer and author=collins\", "
            + "quoted as one argument.")
    private List<String> queryWords;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration deadline = timeout;
        Query parsed;
        List<TargetConfig> targets;
        if (queryWords.size() > 1) {
            throw usage("the query is one argument: quote it, e.g. navette search --targets "
                    + targetsFile + " \"" + String.join(" ", queryWords) + "\"");
        }
        String query = queryWords.get(0);
        if (max < 0 || max > 10_000) {
            throw usage("--max must be within 0..10000, was " + max);
        }
        try {
            parsed = CqlParser.parse(query);
        } catch (QuerySyntaxException e) {
            throw usage("bad query: " + e.getMessage());
        }
        try {
            targets = TargetsFile.read(targetsFile);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Federation federation;
        try {
            federation = Federation.builder().targets(targets).deadline(deadline).targetTimeout(deadline)
                    .maxRecordsPerTarget(max).build();
        } catch (IllegalArgumentException | TargetException e) {
            throw usage(targetsFile + ": " + e.getMessage());
        }
        try (federation) {
            boolean live = !json && System.console() != null;
            SearchOptions.Builder options = SearchOptions.builder();
            ProgressLine progress = live ? new ProgressLine(err, federation.targets().size()) : null;
            if (progress != null) {
                options.listener(progress);
            }
            FederatedSearch search = federation.search(parsed, options.build());
            SearchResult result = awaitEnd(search);
            if (progress != null) {
                progress.clear();
            }
            if (json) {
                out.println(SearchOutput.json(query, result));
            } else {
                SearchOutput.text(query, result, out);
            }
            out.flush();
            return everyTargetFailed(result) ? ExitCode.FAILED : ExitCode.OK;
        }
    }

    private static SearchResult awaitEnd(FederatedSearch search) {
        try {
            return search.await();
        } catch (InterruptedException e) {
            search.cancel();
            Thread.currentThread().interrupt();
            return search.snapshot();
        }
    }

    /**
     * Whether the search produced nothing because no target answered: none finished and no record
     * came. One target of several failing is a partial result (exit 0, its status says why).
     */
    static boolean everyTargetFailed(SearchResult result) {
        return !result.targets().isEmpty() && result.records() == 0
                && result.targets().stream().noneMatch(t -> t.state() == TargetState.DONE);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message.replace('\n', ' '));
    }
}
