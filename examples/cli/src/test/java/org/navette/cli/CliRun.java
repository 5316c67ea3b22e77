package org.navette.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs navette command lines in-process, as {@code ./navette} would, and keeps what they print:
 * one per test class, its {@link #out} and {@link #err} read by the assertions.
 *
 * <pre>{@code
 * CliRun cli = CliRun.freshOutputEachRun();
 * assertThat(cli.run("catalogue", "stats", "--data-dir", data, "--json")).isZero();
 * assertThat(cli.out.toString()).contains("\"records\"");
 * }</pre>
 */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final boolean fresh;

    private CliRun(boolean fresh) {
        this.fresh = fresh;
    }

    /** Each run's output follows the previous runs'. */
    static CliRun accumulating() {
        return new CliRun(false);
    }

    /** Each run starts with empty output, for tests that run several commands in turn. */
    static CliRun freshOutputEachRun() {
        return new CliRun(true);
    }

    /** Runs one command line; its exit code. */
    int run(String... args) {
        if (fresh) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
        }
        CommandLine cli = NavetteCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
