package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
}
