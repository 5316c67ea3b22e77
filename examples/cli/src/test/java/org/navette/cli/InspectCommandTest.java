package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("source", "id", "format", "title", "authors", "isbn", "issn",
            "year", "publisher", "language", "holdings", "problems");

    @TempDir
    static Path corpus;

    /** The real record files of core's test corpus (from its test-jar), copied out as plain files. */
    @BeforeAll
    static void copyCorpus() throws IOException, URISyntaxException {
        URI uri = InspectCommandTest.class.getResource("/org/navette/normalise/corpus").toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(fs.provider().getPath(uri), corpus);
            }
        } else {
            copyTree(Path.of(uri), corpus);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private record Run(int exit, List<JsonNode> records, String err) {
    }

    private static Run inspect(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "inspect";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cli.execute(all);
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return new Run(exit, records, err.toString());
    }

    private static String file(String relative) {
        return corpus.resolve(relative).toString();
    }

    @Test
    void printsOneJsonObjectPerRecordWithTheDocumentedFields() throws IOException {
        Run run = inspect(file("1-marc21/marc4j/chabon.mrc"));

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.records()).hasSize(2);
        JsonNode first = run.records().get(0);
        assertThat(first.fieldNames()).toIterable().containsAll(REQUIRED);
        assertThat(first.get("source").asText()).isEqualTo(file("1-marc21/marc4j/chabon.mrc"));
        assertThat(first.get("id").asText()).isEqualTo("11939876");
        assertThat(first.get("format").asText()).isEqualTo("marc21");
        assertThat(first.get("title").asText()).isEqualTo("The amazing adventures of Kavalier and Clay : a novel");
        assertThat(first.get("authors").toString()).isEqualTo("[\"Chabon, Michael\"]");
        assertThat(first.get("isbn").toString()).isEqualTo("[\"9780679450047\"]");
        assertThat(first.get("year").asInt()).isEqualTo(2000);
        assertThat(first.get("publisher").asText()).isEqualTo("Random House");
        assertThat(first.get("language").asText()).isEqualTo("eng");
        assertThat(first.get("problems")).isEmpty();
    }

    @Test
    void holdingsAndProblemsOfUnimarcRecordsAreShown() throws IOException {
        Run run = inspect(file("2-unimarc/medialab-reference_manager/cotesBR.mrc"));

        JsonNode h = run.records().get(0).get("holdings").get(0);
        assertThat(h.get("library").asText()).isEqualTo("751072303");
        assertThat(h.get("callNumber").asText()).isEqualTo("BR.8°0947(13)");
        assertThat(h.get("barcode").asText()).isEqualTo("00000000926980");
        assertThat(h.get("status").asText()).isEqualTo("L1");
        assertThat(run.records().get(0).get("year").asInt()).isEqualTo(1899);
    }

    @Test
    void damagedRecordsAreReportedOnStandardErrorAndTheExitCodeStaysZero() throws IOException {
        Run run = inspect(file("6-tricky-encodings/marc4j/008008027.mrc"));

        assertThat(run.exit()).isZero();
        assertThat(run.records()).hasSize(19);
        assertThat(run.records().get(18).get("problems").get(0).asText()).startsWith("TRUNCATED: ");
        assertThat(run.err()).contains(file("6-tricky-encodings/marc4j/008008027.mrc") + " record 19 (byte 62502): TRUNCATED: ");
    }

    @Test
    void aRecordWithoutControlNumberIsIdentifiedByItsPosition() throws IOException {
        Run run = inspect(file("1-marc21/evergreen/nepali.marc"));

        assertThat(run.records().get(0).get("id").asText()).isEqualTo("#1");
        assertThat(run.records().get(1).get("id").asText()).isEqualTo("#2");
    }

    @Test
    void anUnknownFileIsAUsageErrorWithExitTwoAndOneLine() throws IOException {
        Run run = inspect(file("no/such/file.mrc"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.records()).isEmpty();
        assertThat(run.err().strip()).startsWith("navette inspect: no readable file").doesNotContain("\n");
    }

    @Test
    void aBadFormatOrCharsetValueIsAUsageErrorNamingTheValue() throws IOException {
        Run format = inspect("--format", "dublin", file("1-marc21/marc4j/chabon.mrc"));
        Run charset = inspect("--charset", "EBCDIC", file("1-marc21/marc4j/chabon.mrc"));

        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err().strip()).contains("'dublin'").doesNotContain("\n");
        assertThat(charset.exit()).isEqualTo(2);
        assertThat(charset.err().strip()).contains("'EBCDIC'").doesNotContain("\n");
    }

    @Test
    void aForcedCharacterSetIsApplied() throws IOException {
        Run run = inspect("--charset", "iso-8859-1", file("6-tricky-encodings/evergreen/FSL.marc"));

        assertThat(run.exit()).isZero();
        assertThat(run.records()).allSatisfy(r -> assertThat(r.get("characterSet").asText()).isEqualTo("ISO-8859-1"));
    }

    @Test
    void everyFileOfTheMarc21AndUnimarcSetsIsReadWithExitZeroAndSensibleOutput() throws IOException {
        List<String> files = new ArrayList<>();
        for (String set : List.of("1-marc21", "2-unimarc")) {
            try (Stream<Path> s = Files.walk(corpus.resolve(set))) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("PROVENANCE.txt"))
                        .map(Path::toString).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(190);

        Run run = inspect(files.toArray(String[]::new));

        // the corpus holds text dumps that are not MARC files: 3, and no record line for them
        assertThat(run.exit()).isEqualTo(ExitCode.NO_RECORDS);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        List<String> sources = run.records().stream().map(r -> r.get("source").asText()).distinct().toList();
        List<String> unreadable = files.stream().filter(f -> run.err().contains(f + ": no record could be read")).toList();
        assertThat(unreadable).isNotEmpty().hasSizeLessThan(10);
        assertThat(sources).containsExactlyInAnyOrderElementsOf(files.stream().filter(f -> !unreadable.contains(f)).toList());
        for (JsonNode r : run.records()) {
            assertThat(r.fieldNames()).toIterable().containsAll(REQUIRED);
            assertThat(r.get("title").isTextual() || r.get("problems").size() > 0)
                    .as("%s #%s has a title or a problem", r.get("source"), r.get("id")).isTrue();
        }
        // line-based text dumps are not MARC files: one clear problem each, never a stack trace
        assertThat(run.records()).noneMatch(r -> r.get("source").asText().endsWith("alma.txt"));
        assertThat(run.err()).contains("alma.txt: no record could be read: unsupported format: line-based MARC text");
    }

    @Test
    void anEmptyFileGivesNoRecordLineAProblemLineAndExitThree(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mrc"));

        Run run = inspect(empty.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.records()).isEmpty();
        assertThat(run.err()).isEqualTo("navette inspect: " + empty + ": no record could be read: unsupported format: "
                + "the file is empty (readable: ISO 2709, MARCXML/marcxchange/UNIMARC slim/Dublin Core XML, MARC-in-JSON, "
                + "MarcMaker)" + System.lineSeparator());
    }

    @Test
    void randomBytesGiveNoRecordLineAndOneProblemLine(@TempDir Path dir) throws IOException {
        byte[] noise = new byte[100_000];
        new java.util.Random(388).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.mrc"), noise);

        Run run = inspect(file.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.records()).isEmpty();
        assertThat(run.err().strip()).startsWith("navette inspect: " + file + ": no record could be read: ")
                .contains("binary data, not a MARC record file").doesNotContain("\n");
    }

    @Test
    void aTextFileThatIsNotMarcGivesNoRecordLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "Shopping list\nmilk\nbread\n");

        Run run = inspect(file.toString(), file("1-marc21/marc4j/chabon.mrc"));

        // the readable file is still read whole; the exit code says one file held nothing
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.records()).hasSize(2).allMatch(r -> r.get("title").isTextual());
        assertThat(run.err().strip()).isEqualTo("navette inspect: " + file + ": no record could be read: unsupported format: "
                + "not a MARC record file (starts with \"Shopping list\") (readable: ISO 2709, MARCXML/marcxchange/UNIMARC "
                + "slim/Dublin Core XML, MARC-in-JSON, MarcMaker)");
    }

    @Test
    void aDashReadsStandardInput() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine(new java.io.ByteArrayInputStream(
                Files.readAllBytes(Path.of(file("1-marc21/marc4j/chabon.mrc")))));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("inspect", "-")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("source").asText()).isEqualTo("-");
        assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo("11939876");
    }
}
