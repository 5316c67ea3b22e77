package org.navette.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.StoreLocation;
import org.navette.federation.Federation;
import org.navette.federation.TargetsFile;
import org.navette.ill.AgencyId;
import org.navette.ill.HistoryEntry;
import org.navette.ill.IllPlan;
import org.navette.ill.IllPlanner;
import org.navette.ill.IllStateException;
import org.navette.ill.IllStateStore;
import org.navette.ill.LendingStatistics;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.PlannedRequest;
import org.navette.ill.PolicyFileException;
import org.navette.ill.RequestBatch;
import org.navette.ill.RequestCsvException;
import org.navette.ill.RequestMatch;
import org.navette.ill.RequestMatcher;
import org.navette.ill.Rota;
import org.navette.ill.TrackedRequest;
import org.navette.ill.LenderPolicy;
import org.navette.ill.iso18626.Confirmation;
import org.navette.ill.iso18626.Iso18626Endpoint;
import org.navette.ill.iso18626.Iso18626Exception;
import org.navette.ill.iso18626.Iso18626Message;
import org.navette.ill.iso18626.Iso18626Reader;
import org.navette.ill.iso18626.Iso18626Sender;
import org.navette.ill.iso18626.Iso18626Server;
import org.navette.ill.iso18626.Request;
import org.navette.ill.iso18626.RequestFiles;
import org.navette.ill.iso18626.RequestingAgencyMessage;
import org.navette.ill.iso18626.SupplyingAgencyMessage;
import org.navette.match.Matcher;
import org.navette.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code navette ill ...}: interlending. Matches a batch of requests against the union catalogue or
 * a live federation, orders the libraries that can lend each item, keeps every request's state in a
 * small SQL database, and speaks ISO 18626 with the other libraries.
 *
 * <pre>
 * navette ill match --data-dir navette-catalogue --requests requests.csv --policies network.json --out plan.csv
 * navette ill status --state navette-ill
 * navette ill advance --state navette-ill --message loaned.xml
 * navette ill send --state navette-ill --messages outgoing --policies network.json
 * navette ill serve --state navette-ill --port 8081
 * </pre>
 */
@Command(name = "ill", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = "Interlending: matches requests, chooses lenders, tracks each request's state over ISO 18626.",
        subcommands = {IllCommand.Match.class, IllCommand.Status.class, IllCommand.Advance.class, IllCommand.Serve.class,
                IllCommand.Send.class})
final class IllCommand extends CommandGroup {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where a batch's state is: a folder (an H2 file in it) or any JDBC URL. */
    static final class StateOptions {
        @Option(names = "--state", paramLabel = "DIR", description = "The batch's folder, where its state database is kept (default: ./navette-ill).")
        @Nullable Path dir;

        @Option(names = "--state-url", paramLabel = "JDBC", description = "A JDBC URL instead of a folder, e.g. jdbc:h2:tcp://ill.example.org/ill.")
        @Nullable String url;

        IllStateStore open() {
            if (url != null) {
                return IllStateStore.open(url);
            }
            return IllStateStore.openIn(dir != null ? dir : Path.of("navette-ill"));
        }
    }

    /** What every ill subcommand shares: its streams, usage errors, and typed failures as one line. */
    abstract static class IllSubcommand extends CommandGroup.Leaf implements Callable<Integer> {

        @Override
        public final Integer call() {
            try {
                return run();
            } catch (CatalogueException | IllStateException | UncheckedIOException e) {
                err().println(spec.qualifiedName() + ": " + e.getMessage());
                err().flush();
                return ExitCode.FAILED;
            } finally {
                out().flush();
                err().flush();
            }
        }

        abstract int run();
    }

    @Command(name = "match", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = {"Matches each request against the union catalogue (--data-dir) or a federation (--targets), "
                    + "orders the libraries that can lend it, and writes the plan: id,status,clusterId,score,lenders,reasons.",
                "Every request of the input is in the plan with a status: matched, no-lender, ambiguous, unmatched or invalid."})
    static final class Match extends IllSubcommand {
        static final class Against {
            @Option(names = "--data-dir", paramLabel = "DIR", description = "An embedded union catalogue (navette catalogue build).")
            @Nullable Path dataDir;

            @Option(names = "--targets", paramLabel = "FILE", description = "A targets file: each request is searched live, ISBN first, then title and author.")
            @Nullable Path targets;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Against against = new Against();

        @Option(names = "--requests", required = true, paramLabel = "FILE|DIR",
                description = "A CSV file (id,title,author,year,isbn,issn,publisher,edition,type,service,requester,needBefore), "
                        + "an ISO 18626 request message, or a folder of them.")
        Path requests;

        @Option(names = "--policies", paramLabel = "FILE", description = "The network's lending policy file (see POLICY.md); default: every holding library lends.")
        @Nullable Path policies;

        @Option(names = "--statistics", paramLabel = "FILE", description = "Past loans per library (library,lent,borrowed) for load balancing.")
        @Nullable Path statistics;

        @Option(names = "--requester", paramLabel = "AGENCY", description = "The requesting library of requests that name none, e.g. ISIL:FR-390001.")
        @Nullable String requester;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the plan there (default: standard output).")
        @Nullable Path outFile;

        @Option(names = "--iso18626", paramLabel = "DIR", description = "Also write one ISO 18626 request message per matched request, to its first lender.")
        @Nullable Path isoDir;

        @CommandLine.Mixin
        StateMixin state = new StateMixin();

        @Option(names = "--batch", paramLabel = "ID", description = "The batch's name in the state (default: the requests file's name).")
        @Nullable String batchId;

        @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "With --targets: how long each request's search may take (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--json", description = "Print the summary and the plan as JSON.")
        boolean json;

        @Override
        int run() {
            if (!Files.exists(requests)) {
                throw usage("cannot read " + requests + ": no such file or folder");
            }
            NetworkPolicy policy;
            LendingStatistics stats;
            try {
                policy = policies == null ? NetworkPolicy.openDefault() : NetworkPolicy.read(policies);
                stats = statistics == null ? LendingStatistics.empty() : LendingStatistics.read(statistics);
            } catch (PolicyFileException e) {
                throw usage(e.getMessage());
            }
            AgencyId fallback;
            try {
                fallback = requester == null ? IllPlanner.UNKNOWN_REQUESTER : AgencyId.parse(requester);
            } catch (IllegalArgumentException e) {
                throw usage("--requester: " + e.getMessage());
            }
            RequestBatch batch;
            try {
                batch = RequestFiles.read(requests);
            } catch (RequestCsvException e) {
                err().println(spec.qualifiedName() + ": " + e.getMessage());
                return ExitCode.FAILED;
            }
            try (Matching matching = open(); IllStateStore store = state.options.open()) {
                IllPlanner planner = IllPlanner.builder(matching.matcher, Rota.of(policy, stats))
                        .state(store).defaultRequester(fallback)
                        .batchId(batchId != null ? batchId : requests.getFileName().toString()).build();
                ProgressBar bar = !json && System.console() != null ? new ProgressBar(err(), batch.requests().size() + batch.rejected().size()) : null;
                IllPlan plan = planner.plan(batch, p -> {
                    if (bar != null) {
                        bar.step();
                    }
                });
                if (bar != null) {
                    bar.clear();
                }
                if (isoDir != null) {
                    int written = RequestFiles.writeRequestMessages(plan, isoDir, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                    err().println(written + " ISO 18626 request messages in " + isoDir);
                }
                writePlan(plan);
                return ExitCode.OK;
            }
        }

        private void writePlan(IllPlan plan) {
            String summary = summary(plan);
            if (json) {
                out().println(json(plan));
            } else if (outFile == null) {
                plan.writeCsv(out());
            }
            if (outFile != null) {
                try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                    plan.writeCsv(w);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + outFile + ": " + e.getMessage(), e);
                }
                summary += "; plan in " + outFile;
            }
            (json || outFile == null ? err() : out()).println(summary);
        }

        private static String summary(IllPlan plan) {
            Map<PlannedRequest.Status, Integer> c = plan.counts();
            return String.format(Locale.ROOT, "%d requests: %d matched, %d without a lender, %d ambiguous, %d unmatched, %d invalid",
                    plan.requests().size(), c.get(PlannedRequest.Status.MATCHED), c.get(PlannedRequest.Status.NO_LENDER),
                    c.get(PlannedRequest.Status.AMBIGUOUS), c.get(PlannedRequest.Status.UNMATCHED), c.get(PlannedRequest.Status.INVALID));
        }

        private static String json(IllPlan plan) {
            ObjectNode root = JSON.createObjectNode();
            root.put("source", plan.source());
            ObjectNode counts = root.putObject("summary");
            plan.counts().forEach((s, n) -> counts.put(s.word(), n));
            ArrayNode list = root.putArray("requests");
            for (PlannedRequest p : plan.requests()) {
                ObjectNode o = list.addObject();
                o.put("id", p.requestId());
                o.put("status", p.status().word());
                p.clusterId().ifPresent(id -> o.put("clusterId", id));
                o.put("score", Math.round(p.score() * 1000) / 1000.0);
                o.put("reason", p.reason());
                p.match().ifPresent(m -> {
                    ArrayNode cands = o.putArray("candidates");
                    for (RequestMatch.Candidate c : m.candidates()) {
                        ObjectNode n = cands.addObject();
                        n.put("clusterId", c.workId());
                        n.put("score", Math.round(c.score() * 1000) / 1000.0);
                        c.libraries().forEach(n.putArray("libraries")::add);
                    }
                });
                p.lenders().ifPresent(plan1 -> {
                    ArrayNode lenders = o.putArray("lenders");
                    plan1.lenders().forEach(l -> lenders.addObject().put("library", l.library())
                            .put("agency", l.agency().toString()).put("reason", l.reason()));
                    ArrayNode excluded = o.putArray("excluded");
                    plan1.exclusions().forEach(x -> excluded.addObject().put("library", x.library()).put("reason", x.reason()));
                });
                ArrayNode problems = o.putArray("problems");
                p.problems().forEach(pr -> problems.add(pr.toString()));
            }
            try {
                return JSON.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The catalogue or the federation requests are matched against; closed after the batch. */
        private final class Matching implements AutoCloseable {
            final RequestMatcher matcher;
            private final @Nullable AutoCloseable resource;

            Matching(RequestMatcher matcher, @Nullable AutoCloseable resource) {
                this.matcher = matcher;
                this.resource = resource;
            }

            @Override
            public void close() {
                try {
                    if (resource != null) {
                        resource.close();
                    }
                } catch (Exception e) {
                    err().println(spec.qualifiedName() + ": closing: " + e.getMessage());
                }
            }
        }

        private Matching open() {
            if (against.dataDir != null) {
                if (!Files.isDirectory(against.dataDir)) {
                    throw usage("no catalogue in " + against.dataDir + " (build one with navette catalogue build)");
                }
                CatalogueStore store = CatalogueStore.open(StoreLocation.embedded(against.dataDir));
                return new Matching(RequestMatcher.overCatalogue(Catalogue.builder(store).build()), store);
            }
            Federation federation;
            try {
                federation = Federation.builder().targets(TargetsFile.read(against.targets)).deadline(timeout).targetTimeout(timeout).build();
            } catch (IllegalArgumentException | TargetException e) {
                throw usage(against.targets + ": " + e.getMessage());
            }
            return new Matching(RequestMatcher.overFederation(federation, Matcher.ofDefaults(), timeout), federation);
        }
    }

    /** The state options as a picocli mixin (one definition for every subcommand). */
    static final class StateMixin {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        StateOptions options = new StateOptions();
    }

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = "Lists the requests of a batch's state: each one's state, current lender and rota.")
    static final class Status extends IllSubcommand {
        @CommandLine.Mixin
        StateMixin state = new StateMixin();

        @Option(names = "--json", description = "Print the requests and their histories as JSON.")
        boolean json;

        @Override
        int run() {
            try (IllStateStore store = state.options.open()) {
                List<TrackedRequest> all = store.all();
                if (json) {
                    ArrayNode list = JSON.createArrayNode();
                    for (TrackedRequest t : all) {
                        ObjectNode o = list.addObject();
                        o.put("id", t.requestId());
                        o.put("state", t.state().name());
                        o.put("requester", t.requester().toString());
                        t.currentLender().ifPresent(l -> o.put("lender", l.toString()));
                        if (t.clusterId() != null) {
                            o.put("clusterId", t.clusterId());
                        }
                        o.put("batch", t.batchId());
                        ArrayNode rota = o.putArray("rota");
                        t.rota().forEach(a -> rota.add(a.toString()));
                        ArrayNode h = o.putArray("history");
                        for (HistoryEntry e : t.history()) {
                            h.add(e.toString());
                        }
                    }
                    try {
                        out().println(JSON.writeValueAsString(list));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    out().printf(Locale.ROOT, "%-20s %-18s %-22s %s%n", "REQUEST", "STATE", "LENDER", "ROTA");
                    for (TrackedRequest t : all) {
                        out().printf(Locale.ROOT, "%-20s %-18s %-22s %s%n", t.requestId(), t.state().name(),
                                t.currentLender().map(AgencyId::toString).orElse("-"),
                                String.join(";", t.rota().stream().map(AgencyId::toString).toList()));
                    }
                    out().println(all.size() + " requests");
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "advance", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = {"Applies one ISO 18626 message (a lender's supplyingAgencyMessage, say) to the state, as the endpoint would, "
                    + "and prints the confirmation's outcome.",
                "Exit 0 when applied (or already applied), 1 when refused with errorData, 2 when the file is no valid message."})
    static final class Advance extends IllSubcommand {
        @CommandLine.Mixin
        StateMixin state = new StateMixin();

        @Option(names = "--message", required = true, paramLabel = "FILE", description = "The ISO 18626 message.")
        Path message;

        @Option(names = "--confirmation", paramLabel = "FILE", description = "Also write the confirmation there.")
        @Nullable Path confirmationFile;

        @Override
        int run() {
            Iso18626Message m;
            try {
                m = Iso18626Reader.ofDefaults().read(message);
            } catch (Iso18626Exception e) {
                throw usage(message + ": " + e.getMessage());
            }
            try (IllStateStore store = state.options.open()) {
                Iso18626Endpoint.Answer a = Iso18626Endpoint.of(store).handle(m);
                if (a.confirmation().isEmpty()) {
                    throw usage(message + ": " + a.body().strip());
                }
                Confirmation c = a.confirmation().get();
                if (confirmationFile != null) {
                    try {
                        Files.writeString(confirmationFile, a.body(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + confirmationFile + ": " + e.getMessage(), e);
                    }
                }
                String id = c.header().requestingAgencyRequestId();
                if (c.errorData() != null) {
                    out().println(id + ": refused: " + c.errorData().errorType().errorType()
                            + (c.errorData().errorValue() == null ? "" : ": " + c.errorData().errorValue()));
                    return ExitCode.FAILED;
                }
                // a lender's message moves our request; a peer's request or requester message one of theirs
                String key = m instanceof SupplyingAgencyMessage s ? s.header().requestId()
                        : m instanceof Request r ? Iso18626Endpoint.incomingId(r.header())
                        : Iso18626Endpoint.incomingId(((RequestingAgencyMessage) m).header());
                out().println(key + ": " + store.get(key).map(t -> t.state().name()
                        + t.currentLender().map(l -> " at " + l).orElse("")).orElse("recorded"));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = {"Posts each planned request's ISO 18626 message (from ill match --iso18626 DIR) to its current lender's "
                    + "endpoint (from the policy file) and records the confirmation.",
                "A lender that does not answer, or answers 5xx, is tried again with backoff; what still fails is reported and "
                    + "stays planned for the next send. Exit 0 when every request went, 1 otherwise."})
    static final class Send extends IllSubcommand {
        @CommandLine.Mixin
        StateMixin state = new StateMixin();

        @Option(names = "--messages", required = true, paramLabel = "DIR", description = "The request messages (ill match --iso18626 DIR).")
        Path messages;

        @Option(names = "--policies", required = true, paramLabel = "FILE", description = "The policy file giving each lender's endpoint.")
        Path policies;

        @Option(names = "--attempts", defaultValue = "4", paramLabel = "N", description = "POSTs per request at most (default: ${DEFAULT-VALUE}).")
        int attempts;

        @Option(names = "--backoff", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "The wait before the second attempt, doubled after (default: ${DEFAULT-VALUE}).")
        Duration backoff;

        @Option(names = "--timeout", defaultValue = "20s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "How long one POST may take (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        int run() {
            NetworkPolicy policy;
            try {
                policy = NetworkPolicy.read(policies);
            } catch (PolicyFileException e) {
                throw usage(e.getMessage());
            }
            if (!Files.isDirectory(messages)) {
                throw usage("no folder " + messages + " (write it with ill match --iso18626 " + messages + ")");
            }
            List<String> problems = new java.util.ArrayList<>();
            Map<String, Request> byId = RequestFiles.readRequestMessages(messages, problems);
            problems.forEach(p -> err().println(spec.qualifiedName() + ": " + p));
            try (IllStateStore store = state.options.open()) {
                Iso18626Sender sender = Iso18626Sender.builder(store, a -> policy.policyOf(a).flatMap(LenderPolicy::endpoint))
                        .maxAttempts(Math.max(1, attempts)).initialBackoff(backoff).timeout(timeout).build();
                List<Iso18626Sender.Outcome> outcomes = sender.sendPlanned(id -> java.util.Optional.ofNullable(byId.get(id)));
                int sent = 0;
                for (Iso18626Sender.Outcome o : outcomes) {
                    out().println(o.requestId() + " " + o.status().name().toLowerCase(Locale.ROOT).replace('_', '-') + " "
                            + o.lender().map(AgencyId::toString).orElse("-") + " (" + o.attempts() + " attempts): " + o.detail());
                    sent += o.status() == Iso18626Sender.Status.SENT ? 1 : 0;
                }
                out().println(sent + " of " + outcomes.size() + " planned requests sent");
                return sent == outcomes.size() ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
            description = {"Serves the ISO 18626 endpoint over HTTP POST at /iso18626: peers' messages are applied to the state "
                    + "and answered with their confirmations. Runs until stopped (Ctrl-C)."})
    static final class Serve extends IllSubcommand {
        @CommandLine.Mixin
        StateMixin state = new StateMixin();

        @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free one).")
        int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--threads", defaultValue = "4", paramLabel = "N", description = "Messages handled at once (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--max-bytes", defaultValue = "1048576", paramLabel = "N", description = "Largest message accepted (default: ${DEFAULT-VALUE}).")
        int maxBytes;

        @Override
        int run() {
            try (IllStateStore store = state.options.open()) {
                Iso18626Server server;
                try {
                    server = Iso18626Server.start(Iso18626Endpoint.of(store, Iso18626Reader.withMaxBytes(maxBytes), java.time.Clock.systemUTC()),
                            new java.net.InetSocketAddress(bind, port), Math.max(1, threads));
                } catch (UncheckedIOException e) {
                    err().println(spec.qualifiedName() + ": " + e.getMessage() + " (is another server on port " + port + "? try --port)");
                    return ExitCode.USAGE;
                }
                try (server) {
                    out().println("ISO 18626 endpoint at " + server.uri() + " (state " + store.url() + "); Ctrl-C stops it");
                    out().flush();
                    new java.util.concurrent.CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ExitCode.OK;
            }
        }
    }

    /** A one-line progress bar on a terminal: {@code [#####.....] 120/500 requests}. */
    static final class ProgressBar {
        private final PrintWriter err;
        private final int total;
        private int done;
        private long lastDraw;

        ProgressBar(PrintWriter err, int total) {
            this.err = err;
            this.total = Math.max(1, total);
        }

        synchronized void step() {
            done++;
            long now = System.nanoTime();
            // redrawing costs a terminal write: ten a second is smooth and cheap
            if (done == total || now - lastDraw > 100_000_000L) {
                lastDraw = now;
                err.print("\r" + render() + "\u001b[K");
                err.flush();
            }
        }

        synchronized String render() {
            int width = 30;
            int filled = (int) ((long) done * width / total);
            return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " requests";
        }

        synchronized void clear() {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
