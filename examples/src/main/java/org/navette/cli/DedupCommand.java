package org.navette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Exit codes: 0 done (data problems are reported, not fatal), 1 a file could not be read,
 * 2 usage error.
 *
 * <p>Thread-safety: one instance per command-line run.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = "Cluster the records of MARC files into editions; print file, record id and cluster id (TSV).")
final class DedupCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--explain", description = "Add a column with the rules that merged each record into its cluster.")
    private boolean explain;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Match probability needed to merge, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    private double threshold = MatchSettings.DEFAULT_THRESHOLD;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MARC files (ISO 2709, MARCXML, MARC-in-JSON...), any mix.")
    private List<Path> files;

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
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no readable file " + f);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clusterer clusterer = Clusterer.create(matcher);
        Normaliser normaliser = Normaliser.ofDefaults();
        List<Row> rows = new ArrayList<>();
        int clustered = 0;
        for (Path f : files) {
            String file = f.toString();
            try (MarcFileReader reader = MarcFileReader.open(f, normaliser)) {
                while (reader.hasNext()) {
                    ReadResult r = reader.next();
                    for (RecordProblem p : r.problems()) {
                        err.println("navette dedup: " + p);
                    }
                    if (r.record() == null) {
                        String id = "#" + r.position();
                        rows.add(new Row(file, id, -1, file + ":" + id, null));
                    } else {
                        ClusterUpdate u = clusterer.add(r.record());
                        rows.add(new Row(file, r.record().source().recordId(), clustered++, null, u));
                    }
                }
            } catch (IOException | NavetteException e) {
                err.println("navette dedup: cannot read " + file + ": " + e.getMessage());
                return 1;
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
        return 0;
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
