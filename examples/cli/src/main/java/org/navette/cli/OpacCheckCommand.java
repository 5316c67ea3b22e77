package org.navette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.navette.connector.opac.OpacProfile;
import org.navette.connector.opac.ProfileCheck;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.RawRecord;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.query.QuerySyntaxException;
import org.navette.target.TargetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code navette opac-check}: runs an OPAC profile against a live (or local) catalogue, or against a
 * saved page, and shows what it extracts: the requests sent, the hit count, per record every field
 * with the selector that produced it (or that it matched nothing), the records and the diagnostics.
 * For librarians writing or repairing profiles.
 *
 * <pre>
 * ./navette opac-check --profile bib2 --url https://opac.example.org/webopac/ "Kletterführer"
 * ./navette opac-check --profile my-opac.json --url https://opac.example.org/ --max 2 'title="der name der rose"'
 * ./navette opac-check --profile bibliotheca --url https://opac.example.org/read/index.asp --page saved.html --charset UTF-8 x
 * </pre>
 *
 * <p>Exit codes: 0 when the search ran (warnings are shown), 1 when the catalogue or the profile
 * failed (the diagnostic is shown), 2 for usage errors (bad flag, CQL, profile file) in one line.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "opac-check", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = {"Shows what an OPAC profile extracts from a web catalogue: requests, hit count, every field with "
                + "its selector (or 'matched nothing'), the records and the diagnostics."},
        footer = {"", "The query is CQL (title=rose and author=eco); a bare word searches everything.",
                "Profiles: vufind, bibliotheca, sisis, bib2, spydus, slub, generic, or a JSON file."})
public final class OpacCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE",
            description = "a built-in profile name or a profile JSON file")
    private String profile;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "the OPAC's base URL (with --page: the page's URL)")
    private String url;

    @Option(names = "--max", defaultValue = "5", paramLabel = "N", description = "records to read (default: ${DEFAULT-VALUE})")
    private int max;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "time budget of the whole check, e.g. 30s, 2m (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "another target setting, e.g. --set requestsPerSecond=0.5 --set exportMarc=false")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--page", paramLabel = "FILE",
            description = "read this saved page as the search's answer instead of asking the OPAC")
    private Path page;

    @Option(names = "--charset", paramLabel = "CHARSET",
            description = "with --page: the charset the server declared for it (when the page's own <meta> is wrong)")
    private String charset;

    @Parameters(index = "0", paramLabel = "QUERY", description = "the query, in CQL")
    private String queryText;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OpacProfile p;
        Query query;
        Duration budget;
        try {
            p = OpacProfile.resolve(profile);
            query = CqlParser.parse(queryText);
            budget = timeout;
            if (max < 0 || max > 1000) {
                throw new IllegalArgumentException("--max must be within 0..1000, was " + max);
            }
        } catch (QuerySyntaxException | IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (page != null && (!Files.isRegularFile(page) || !Files.isReadable(page))) {
            return usage("no readable file " + page);
        }
        ProfileCheck.Report report;
        try {
            if (page != null) {
                report = ProfileCheck.readPage(p, url, Files.readAllBytes(page), charset);
            } else {
                ProfileCheck check = ProfileCheck.on(p, url).maxRecords(max).timeout(budget);
                settings.forEach((k, v) -> check.setting(k, settingValue(v)));
                report = check.search(query);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("navette opac-check: " + RecordFiles.cannotRead(String.valueOf(page), e));
            return ExitCode.FAILED;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        print(out, p, query, report);
        out.flush();
        return report.failure() == null ? ExitCode.OK : ExitCode.FAILED;
    }

    private int usage(String message) {
        throw new CommandLine.ParameterException(spec.commandLine(), message.replace('\n', ' '));
    }

    /** "true"/"false" become booleans (exportMarc, fetchDetails); everything else stays text. */
    private static Object settingValue(String v) {
        return v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : v;
    }

    private void print(PrintWriter out, OpacProfile p, Query query, ProfileCheck.Report r) {
        out.println("profile " + p.name() + " (" + p.source() + ") on " + url);
        out.println("query   " + query.toCql());
        out.println();
        out.println("requests");
        for (ProfileCheck.Request req : r.requests()) {
            out.println("  " + req.method() + " " + req.url() + " -> " + (req.status() == 0 ? "failed" : req.status())
                    + (req.bytes() > 0 ? ", " + req.bytes() + " bytes" : "") + (req.note() == null ? "" : " (" + req.note() + ")"));
        }
        out.println();
        out.println("hits    " + (r.hits() == null ? "unknown" : r.hits()));
        for (ProfileCheck.Scope scope : r.scopes()) {
            out.println();
            out.println(scope.name() + (scope.pageUrl() == null ? "" : "  " + scope.pageUrl()));
            for (ProfileCheck.Value v : scope.values()) {
                String what = v.matched() == 0 ? "matched nothing"
                        : v.values().isEmpty() ? "matched " + v.matched() + ", no value after the steps"
                        : String.join(" | ", v.values().stream().map(s -> s.replace("\n", "\\n")).toList());
                out.println("  " + v.path() + "  [" + v.selector() + "]  " + what);
            }
        }
        out.println();
        out.println("records (" + r.records().size() + ")");
        int n = 0;
        for (RawRecord raw : r.records()) {
            if (n == max) {
                out.println("  ... " + (r.records().size() - max) + " more (--max " + max + ")");
                break;
            }
            out.println("  " + (++n) + ". " + summary(raw));
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            out.println("warnings");
            r.warnings().forEach(w -> out.println("  " + w));
        }
        if (r.failure() != null) {
            out.println();
            out.println("failure");
            out.println("  " + r.failure());
        }
    }

    private static String summary(RawRecord raw) {
        BibRecord b = raw.scrapedRecord();
        if (b == null) {
            return raw.syntax() + " export, " + raw.length() + " bytes (read by the normaliser)";
        }
        StringBuilder sb = new StringBuilder(String.valueOf(b.title()));
        if (!b.authors().isEmpty()) {
            sb.append(" / ").append(b.authors().get(0).name());
        }
        if (b.year() != null) {
            sb.append(", ").append(b.year());
        }
        sb.append("\n       id ").append(b.source().recordId());
        if (!b.isbns().isEmpty()) {
            sb.append("\n       isbn ").append(String.join(", ", b.isbns().stream().map(i -> i.isbn13()).toList()));
        }
        List<Holding> holdings = b.holdings();
        for (Holding h : holdings) {
            sb.append("\n       holding ").append(String.join(" ; ", java.util.stream.Stream.of(h.library(), h.branch(),
                    h.location(), h.callNumber(), h.status()).filter(java.util.Objects::nonNull).toList()))
                    .append(" -> ").append(h.availability());
        }
        b.problems().forEach(pr -> sb.append("\n       problem ").append(pr.kind()).append(": ").append(pr.message()));
        return sb.toString();
    }
}
