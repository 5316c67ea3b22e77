package org.navette.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What the CLI's commands share: a command group (catalogue, ill) prints its usage when run without
 * a subcommand; a {@link Leaf} reaches its streams and turns a bad argument into a usage error
 * (exit 2) with one line.
 */
abstract class CommandGroup implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command that does the work. */
    abstract static class Leaf {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        String name() {
            return spec.qualifiedName();
        }

        CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message.replace('\n', ' '));
        }
    }
}
