package org.navette.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code navette} command: federated search, record inspection, deduplication and OPAC profile
 * checks from the shell. Run {@code ./navette --help} from the repository root.
 *
 * <p>Exit codes: 0 when the work was done (problems in the data are reported, not fatal), 1 when
 * it could not be done, 2 for usage errors (unknown file, bad flag) with a one-line message.
 */
@Command(name = "navette", mixinStandardHelpOptions = true, version = "navette 0.1.0-SNAPSHOT",
        description = "Federated search and interlending between library catalogues (Z39.50, SRU, web OPACs).",
        subcommands = {CommandLine.HelpCommand.class, InspectCommand.class, OpacCheckCommand.class,
                SruExplainCommand.class, DedupCommand.class})
public final class NavetteCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new NavetteCli());
        // usage errors: one line and exit 2, not a wall of help text
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("navette: " + ex.getMessage()
                    + " (try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
