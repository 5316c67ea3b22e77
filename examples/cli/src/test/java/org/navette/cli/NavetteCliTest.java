package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class NavetteCliTest {
    @Test
    void helpListsTheCommandAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: navette");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitTwoAndOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--no-such-flag")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("navette: Unknown option").doesNotContain("\n");
    }

    @Test
    void theHelpFooterListsTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes (the same for every command):")
                .containsPattern("\\R  2  usage error").containsPattern("\\R  3  a record file holds no readable record");
    }

    @Test
    void theVersionComesFromTheBuild() {
        StringWriter out = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("-V")).isZero();
        assertThat(out.toString().strip()).matches("navette \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "-V", "--version"})
    void sruExplainTakesTheStandardHelpAndVersionOptions(String option) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("sru-explain", option)).as(err.toString()).isZero();
        assertThat(out.toString()).containsAnyOf("Usage: navette sru-explain", "navette 0.");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void sruExplainSpeaksTheSruVersionItIsGiven() {
        StringWriter out = new StringWriter();
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.execute("sru-explain", "--help");
        assertThat(out.toString()).contains("--sru-version=VERSION");
    }
}
