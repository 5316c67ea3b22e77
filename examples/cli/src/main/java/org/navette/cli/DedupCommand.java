package org.navette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.navette.NavetteException;
import org.navette.match.ClusterUpdate;
import org.navette.match.Clusterer;
import org.navette.match.MatchExplanation;
import org.navette.match.MatchSettings;
import org.navette.match.Matcher;
import org.navette.model.RecordProblem;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code navette dedup [--explain] [--threshold X] FILE...}: reads MARC files of any format (ISO
 * 2709 MARC21/UNIMARC in any character set, MARCXML, MARC-in-JSON...) through the normaliser,
 * clusters their records with the matcher, and prints one TSV line per input record, in input
 * order: {@code file<TAB>record-id<TAB>cluster-id}. The record id is the 001, else
 * {@code #<position>}. A record that cannot be read gets a cluster of its own and its problem on
 * stderr. With {@code --explain} a fourth column gives the rules that put a record into an existing
 * cluster.
 *
 * <pre>{@code
 * ./navette dedup --explain library-a.mrc library-b.xml
 * }</pre>
 *
 * <p>A file from which no record at all can be read (empty, random bytes, text that is not MARC)
 * gets no line, only its problem on stderr. {@code -} reads standard input.
 *
 * <p>Exit codes ({@link ExitCode}): 0 done (data problems are reported, not fatal), 1 a file could
 * not be read to its end, 2 usage error, 3 a file held no readable record (the others are still
 * clustered and printed).
 *
 * <p>Thread-safety: one instance per command-line run.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = "Cluster the records of MARC files into editions; print file, record id and cluster id (TSV).")
final class DedupCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--explain", description = "Add a column with the rules that merged each record into its cluster.")
    private boolean explain;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Match probability needed to merge, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    private double threshold = MatchSettings.DEFAULT_THRESHOLD;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "MARC files (ISO 2709, MARCXML, MARC-in-JSON...), any mix; - reads standard input.")
    private List<String> files;

    /** What {@code -} reads; the process's standard input unless a test gives another. */
    InputStream stdin = System.in;

    /** One input record: where it came from and what the clusterer made of it. */
    private record Row(String file, String recordId, int index, String ownCluster, ClusterUpdate update) {
    }

    @Override
    public Integer call() {
        Matcher matcher;
        try {
            matcher = Matcher.of(MatchSettings.builder().threshold(threshold).build());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold: " + e.getMessage());
        }
        RecordFiles.requireReadable(spec.commandLine(), files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clusterer clusterer = Clusterer.create(matcher);
        Normaliser normaliser = Normaliser.ofDefaults();
        List<Row> rows = new ArrayList<>();
        int clustered = 0;
        int exit = ExitCode.OK;
        for (String file : files) {
            List<Row> fileRows = new ArrayList<>();
            List<RecordProblem> problems = new ArrayList<>();
            boolean anyRecord = false;
            try (MarcFileReader reader = RecordFiles.open(file, stdin, normaliser)) {
                while (reader.hasNext()) {
                    ReadResult r = reader.next();
                    problems.addAll(r.problems());
                    if (r.record() == null) {
                        String id = "#" + r.position();
                        fileRows.add(new Row(file, id, -1, file + ":" + id, null));
                    } else {
                        anyRecord = true;
                        ClusterUpdate u = clusterer.add(r.record());
                        fileRows.add(new Row(file, r.record().source().recordId(), clustered++, null, u));
                    }
                }
            } catch (IOException | NavetteException e) {
                err.println("navette dedup: " + RecordFiles.cannotRead(file, e));
                err.flush();
                return ExitCode.FAILED;
            }
            if (anyRecord) {
                // a file that holds records: every problem, and a cluster of its own for each unreadable stretch
                problems.forEach(p -> err.println("navette dedup: " + p));
                rows.addAll(fileRows);
            } else {
                err.println("navette dedup: " + RecordFiles.noRecords(file, problems));
                exit = ExitCode.NO_RECORDS;
            }
        }
        // cluster ids as they stand after every merge, not as they were when each record arrived
        List<String> clusterIds = clusterer.assignments();
        for (Row row : rows) {
            String cluster = row.update() == null ? row.ownCluster() : clusterIds.get(row.index());
            StringBuilder line = new StringBuilder(row.file()).append('\t').append(row.recordId()).append('\t').append(cluster);
            if (explain) {
                line.append('\t').append(row.update() == null ? "" : explanation(row.update()));
            }
            out.println(line);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private static String explanation(ClusterUpdate u) {
        if (u.explanation().isEmpty()) {
            return "";
        }
        MatchExplanation e = u.explanation().get();
        String rules = e.decisiveRules().stream()
                .map(r -> r.name() + String.format(Locale.ROOT, " %+.1f", r.weight())
                        + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"))
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "matched %s (score %.3f): %s", e.right().record().source(), e.score(), rules);
    }
}
