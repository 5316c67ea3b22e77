package org.navette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code navette} command: federated search, record inspection, deduplication and OPAC profile
 * checks from the shell. Run {@code ./navette --help} from the repository root.
 *
 * <p>Exit codes, the same for every command ({@link ExitCode}): 0 when the work was done (problems
 * in the data are reported, not fatal), 1 when it could not be done, 2 for usage errors (unknown
 * file, bad flag) with a one-line message, 3 when a record file holds no readable record.
 */
@Command(name = "navette", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = "Federated search and interlending between library catalogues (Z39.50, SRU, web OPACs).",
        footer = {"", "Exit codes (the same for every command):",
            "  0  done; data problems (a damaged record, one failed target of several) are reported on stderr",
            "  1  the work could not be done: I/O error, server unreachable or not answering, every search",
            "     target failed, query rejected by an OPAC",
            "  2  usage error: unknown option, bad value, missing or unreadable file",
            "  3  a record file holds no readable record (empty, random bytes, text that is not MARC)"},
        subcommands = {CommandLine.HelpCommand.class, InspectCommand.class, DedupCommand.class,
                OpacCheckCommand.class, SruExplainCommand.class, SearchCommand.class, CatalogueCommand.class,
                IllCommand.class, DemoCommand.class, ServeCommand.class})
public final class NavetteCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Jersey (inside embedded Solr) warns through java.util.logging about a provider nobody uses; a strong reference keeps the level set. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    public static void main(String[] args) {
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        return newCommandLine(System.in);
    }

    /** The command line, with {@code -} as a FILE of inspect and dedup reading {@code stdin}. */
    static CommandLine newCommandLine(InputStream stdin) {
        CommandLine cli = new CommandLine(new NavetteCli());
        cli.getSubcommands().get("inspect").<InspectCommand>getCommand().stdin = stdin;
        cli.getSubcommands().get("dedup").<DedupCommand>getCommand().stdin = stdin;
        // usage errors: one line and exit 2, not a wall of help text
        cli.setParameterExceptionHandler((ex, arguments) -> {
            // one prefix for every message: the command's name ("navette search: ...")
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine().getErr().println(command + ": " + ex.getMessage() + " (try: " + command + " --help)");
            return ExitCode.USAGE;
        });
        // a failure no command foresaw: one line, not a stack trace, and the code of work not done
        cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + ex);
            commandLine.getErr().flush();
            return ExitCode.FAILED;
        });
        return cli;
    }

    /** The version the build wrote into {@code version.properties}. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = NavetteCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"navette " + p.getProperty("version", "(unknown version)")};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
