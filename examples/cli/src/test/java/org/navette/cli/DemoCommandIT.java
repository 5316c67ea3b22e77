package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code navette demo} run in-process, as {@code ./navette demo} would: every section printed, exit 0. */
class DemoCommandIT {
    private final CliRun cli = CliRun.freshOutputEachRun();

    @Test
    void theDemoPrintsTheNetworkTheSearchTheFacetsTheLenderPlanAndItsTime(@TempDir Path dir) {
        Path data = dir.resolve("demo");

        int code = cli.run("demo", "--data-dir", data.toString());

        String out = cli.out.toString();
        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(out).contains("building the union catalogue", "dole from ", "SRU server of champagnole",
                "web OPAC (BIB2, real saved pages)", "Zebra of poligny");
        assertThat(out).contains("Member libraries:", "Médiathèque de Lons-le-Saunier");
        assertThat(out).contains("== Federated search over 5 targets ==", "Query: canada", "held by dole", "held by lons");
        assertThat(out).containsPattern("(?m)^  union\\s+done\\s+hits [1-9]");
        assertThat(out).containsPattern("(?m)^  champagnole-sru\\s+done\\s+hits [1-9]");
        assertThat(out).containsPattern("(?m)^  poligny-zebra\\s+done\\s+hits [1-9]");
        assertThat(out).containsPattern("(?m)^  morez-down\\s+failed .*CONNECT_FAILED");
        assertThat(out).contains("Facets:", "  author ");
        assertThat(out).contains("== Interlending: 10 requests", "Lender plan:", "demo-01,matched", "demo-07,no-lender",
                "demo-10,unmatched");
        Matcher time = Pattern.compile("demo finished in (\\d+\\.\\d) s").matcher(out);
        assertThat(time.find()).isTrue();
        assertThat(Double.parseDouble(time.group(1))).isLessThan(60.0);
        assertThat(out).contains("files kept in " + data);
        assertThat(data.resolve("catalogue")).isDirectory();
    }

    @Test
    void aBadQueryIsAUsageErrorAndNothingIsStarted() {
        int code = cli.run("demo", "--query", "title=");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).startsWith("navette demo: bad query");
        assertThat(cli.out.toString()).doesNotContain("building the union catalogue");
    }

    @Test
    void withoutADataDirTheTemporaryFolderIsRemovedAtTheEnd() throws Exception {
        int code = cli.run("demo", "--query", "Kletterführer");

        String out = cli.out.toString();
        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(out).containsPattern("(?m)^  clubalpin-opac\\s+done\\s+hits 2");
        assertThat(out).contains("held by clubalpin");
        Matcher dir = Pattern.compile("building the union catalogue \\(embedded Solr\\) in (\\S+)/catalogue").matcher(out);
        assertThat(dir.find()).isTrue();
        assertThat(Files.exists(Path.of(dir.group(1)))).isFalse();
    }
}
