package org.navette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.navette.model.RecordProblem;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import picocli.CommandLine;

/**
 * The FILE arguments of {@code inspect} and {@code dedup}: a path, or {@code -} for standard input,
 * checked before any is read, and the one wording for a file that yields no record.
 */
final class RecordFiles {
    /** The argument that names standard input. */
    static final String STDIN = "-";

    private RecordFiles() {
    }

    /** Throws a usage error for the first argument that is neither {@code -} nor a readable regular file. */
    static void requireReadable(CommandLine cli, List<String> files) {
        for (String f : files) {
            if (f.equals(STDIN)) {
                continue;
            }
            Path p = Path.of(f);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new CommandLine.ParameterException(cli, "no readable file " + f);
            }
        }
    }

    /** Opens one argument; standard input is named {@code -} in records and problems. */
    static MarcFileReader open(String file, InputStream stdin, Normaliser normaliser) throws IOException {
        if (file.equals(STDIN)) {
            // the reader closes what it reads: keep the process's standard input open for others
            InputStream unclosed = new java.io.FilterInputStream(stdin) {
                @Override
                public void close() {
                }
            };
            return MarcFileReader.open(unclosed, STDIN, normaliser);
        }
        return MarcFileReader.open(Path.of(file), normaliser);
    }

    /**
     * The line for a file from which no record could be read: {@code FILE: no record could be read: why}.
     * {@code problems} are those of its unreadable results; the file-level ones say why best.
     */
    static String noRecords(String file, List<RecordProblem> problems) {
        List<RecordProblem> fileLevel = problems.stream().filter(p -> p.position() == 0).toList();
        List<RecordProblem> why = fileLevel.isEmpty() ? problems : fileLevel;
        String reasons = why.stream().map(RecordProblem::message).distinct().limit(1).collect(Collectors.joining());
        String more = fileLevel.isEmpty() && problems.size() > 1 ? " (and " + (problems.size() - 1) + " more unreadable stretches)" : "";
        return file + ": no record could be read" + (reasons.isEmpty() ? "" : ": " + reasons) + more;
    }

    /**
     * The one wording for a file that broke off: {@code cannot read FILE: why}, the file named once
     * (the reader's own message already starts so) and no exception class names.
     */
    static String cannotRead(String file, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return why.startsWith("cannot read ") ? why : "cannot read " + file + ": " + why;
    }
}
