package org.navette.cli;

/**
 * The exit codes of every {@code navette} command, one table for all of them (it is printed at the
 * foot of {@code navette --help}, from NavetteCli's footer, and in the README):
 *
 * <pre>
 * 0  done; problems in the data (a damaged record, one target of several failing) are reported on stderr
 * 1  the work could not be done: an I/O error, a server that cannot be reached or does not answer
 *    in its protocol, every target of a search failing, an OPAC that rejects the query
 * 2  usage error: unknown option, bad value, missing or unreadable file (one line on stderr)
 * 3  a record file holds no readable record: empty, random bytes, text that is not MARC
 * </pre>
 *
 * <p>Codes 0 and 2 follow picocli's conventions ({@link picocli.CommandLine.ExitCode}); 1 is picocli's
 * code for a run that failed.
 */
final class ExitCode {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NO_RECORDS = 3;

    private ExitCode() {
    }
}
