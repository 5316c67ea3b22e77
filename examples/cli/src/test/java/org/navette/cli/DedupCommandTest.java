package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DedupCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = CliRun.accumulating();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    /** marc4j's and Open Library's test files, kept once in core's test corpus (with their provenance). */
    private static final String MARC4J = "/org/navette/normalise/corpus/1-marc21/marc4j/";

    private static final String OPENLIBRARY = "/org/navette/normalise/corpus/1-marc21/openlibrary/";

    private Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream((name.contains("poganuc") ? OPENLIBRARY : MARC4J) + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private List<String[]> rows() {
        return out.toString().lines().map(l -> l.split("\t", -1)).toList();
    }

    @Test
    void recordsOfOneEditionInDifferentFileFormatsShareAClusterAndEveryRecordIsListedOnce() throws IOException {
        Path mrc = copy("chabon.mrc");
        Path xml = copy("chabon.xml");
        Path summerland = copy("summerland.mrc");

        int exit = run("dedup", mrc.toString(), xml.toString(), summerland.toString());

        assertThat(exit).isZero();
        List<String[]> rows = rows();
        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(3));
        assertThat(rows.stream().map(r -> r[0] + " " + r[1]).toList()).containsExactly(
                mrc + " 11939876", mrc + " 12883376", xml + " 11939876", xml + " 12883376", summerland + " 12883376");
        // Kavalier & Clay twice, Summerland three times: two clusters, named after their first records
        assertThat(rows.stream().map(r -> r[2]).toList()).containsExactly(
                mrc + ":11939876", mrc + ":12883376", mrc + ":11939876", mrc + ":12883376", mrc + ":12883376");
    }

    @Test
    void explainAddsTheDecisiveRulesOfEachMergedRecord() throws IOException {
        Path a = copy("poganucpeoplethe00stowuoft_meta.mrc");
        Path b = copy("new_poganucpeoplethe00stowuoft_meta.mrc");

        int exit = run("dedup", "--explain", a.toString(), b.toString());

        assertThat(exit).isZero();
        List<String[]> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[2]).isEqualTo(rows.get(1)[2]);
        assertThat(rows.get(0)[3]).isEmpty();
        assertThat(rows.get(1)[3]).startsWith("matched " + a).contains("title +8.0", "author");
    }

    @Test
    void anUnreadableRecordGetsItsOwnClusterAndItsProblemOnStderr() throws IOException {
        byte[] good = getClass().getResourceAsStream(MARC4J + "summerland.mrc").readAllBytes();
        // a whole record, then bytes that are no record at all
        byte[] junk = "this is not a MARC record\u001d".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(good, good.length + junk.length);
        System.arraycopy(junk, 0, bytes, good.length, junk.length);
        Path broken = dir.resolve("broken.mrc");
        Files.write(broken, bytes);

        int exit = run("dedup", broken.toString());

        assertThat(exit).isZero();
        List<String[]> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[1]).isEqualTo("12883376");
        assertThat(rows.get(1)[1]).isEqualTo("#2");
        assertThat(rows.get(1)[2]).isEqualTo(broken + ":#2").isNotEqualTo(rows.get(0)[2]);
        assertThat(err.toString()).contains("broken.mrc record 2").contains("UNREADABLE");
    }

    @Test
    void randomBytesGiveNoClustersAndOneProblemLineAndExitThree() throws IOException {
        // 100 KB of noise made 388 singleton "clusters" before
        byte[] noise = new byte[100_000];
        new java.util.Random(388).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.mrc"), noise);
        Path empty = Files.createFile(dir.resolve("empty.mrc"));
        Path summerland = copy("summerland.mrc");

        int exit = run("dedup", file.toString(), empty.toString(), summerland.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r[0] + " " + r[1]).isEqualTo(summerland + " 12883376"));
        assertThat(err.toString().lines().toList()).containsExactly(
                "navette dedup: " + file + ": no record could be read: unsupported format: binary data, not a MARC record file"
                        + " (readable: ISO 2709, MARCXML/marcxchange/UNIMARC slim/Dublin Core XML, MARC-in-JSON, MarcMaker)",
                "navette dedup: " + empty + ": no record could be read: unsupported format: the file is empty"
                        + " (readable: ISO 2709, MARCXML/marcxchange/UNIMARC slim/Dublin Core XML, MARC-in-JSON, MarcMaker)");
    }

    @Test
    void aDashReadsStandardInput() throws IOException {
        byte[] chabon = getClass().getResourceAsStream(MARC4J + "chabon.mrc").readAllBytes();
        CommandLine cli = NavetteCli.newCommandLine(new java.io.ByteArrayInputStream(chabon));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("dedup", "-")).isZero();
        assertThat(rows().stream().map(r -> r[0] + " " + r[1]).toList()).containsExactly("- 11939876", "- 12883376");
    }

    @Test
    void aMissingFileOrBadThresholdIsAUsageErrorOnOneLine() throws IOException {
        assertThat(run("dedup", dir.resolve("nope.mrc").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).contains("nope.mrc").doesNotContain("\n");

        StringWriter err2 = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setErr(new PrintWriter(err2));
        assertThat(cli.execute("dedup", "--threshold", "1.5", copy("chabon.mrc").toString())).isEqualTo(2);
        assertThat(err2.toString().strip()).contains("threshold").doesNotContain("\n");
    }

    @Test
    void theThresholdDecidesHowMuchEvidenceAMergeNeeds() throws IOException {
        Path mrc = copy("chabon.mrc");
        Path xml = copy("chabon.xml");

        run("dedup", "--threshold", "0.9999", mrc.toString(), xml.toString());
        long strict = rows().stream().map(r -> r[2]).distinct().count();
        out.getBuffer().setLength(0);
        run("dedup", "--threshold", "0.999999999", mrc.toString(), xml.toString());
        long unreachable = rows().stream().map(r -> r[2]).distinct().count();

        // identical copies carry some 26 bits of evidence: enough for 0.9999, not for 0.999999999
        assertThat(strict).isEqualTo(2);
        assertThat(unreachable).isEqualTo(4);
    }
}
