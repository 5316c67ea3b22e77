package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's commands as written: every {@code ./navette ...} line of its {@code sh} blocks (and
 * of the module READMEs it links) parses against the real command line, and every repository path
 * it names exists, so a renamed option or a moved sample file fails here rather than for a reader.
 * The CLI reference ({@code examples/cli/COMMANDS.md}) is the picocli help of every command: it must
 * be the help the code prints today.
 */
class ReadmeCommandsTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern SH_BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_]+)=(\\S+)$");
    private static final Path REFERENCE = ROOT.resolve("examples/cli/COMMANDS.md");

    @Test
    void everyNavetteLineInTheReadmesParsesAndNamesFilesThatExist() throws IOException {
        List<Path> readmes = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var files = Files.walk(ROOT.resolve("examples"), 2)) {
            files.filter(p -> p.getFileName().toString().equals("README.md")).forEach(readmes::add);
        }
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Path readme : readmes) {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            Matcher block = SH_BLOCK.matcher(text);
            while (block.find()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                    String command = line.strip();
                    Matcher assignment = ASSIGNMENT.matcher(command);
                    if (assignment.matches()) {
                        variables.put(assignment.group(1), assignment.group(2));
                        continue;
                    }
                    if (!command.startsWith("./navette")) {
                        continue;
                    }
                    List<String> words = shellWords(command, variables);
                    String problem = problemOf(words.subList(1, words.size()));
                    if (problem != null) {
                        failures.add(ROOT.relativize(readme) + ": " + command + "\n    " + problem);
                    }
                    checked++;
                }
            }
        }
        assertThat(failures).as("README commands that no longer work as written").isEmpty();
        assertThat(checked).as("./navette lines found in sh blocks").isGreaterThanOrEqualTo(10);
    }

    @Test
    void theCliReferenceIsTheHelpTheCommandsPrint() throws IOException {
        String expected = reference();
        String actual = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            // the fresh text, to copy over the stale one: cp examples/cli/target/COMMANDS.md examples/cli/
            Files.writeString(Path.of("target/COMMANDS.md"), expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("examples/cli/COMMANDS.md is stale: cp examples/cli/target/COMMANDS.md examples/cli/")
                .isEqualTo(expected);
    }

    /** {@code null} when the arguments parse and every repository path among them exists. */
    private static String problemOf(List<String> args) {
        try {
            NavetteCli.newCommandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return "does not parse: " + e.getMessage();
        }
        for (String arg : args) {
            String path = arg.contains("=") && !arg.startsWith("-") ? arg.substring(arg.indexOf('=') + 1) : arg;
            boolean looksLikeRepositoryFile = path.contains("/") && !path.contains(":") && !path.contains(" ")
                    && (path.startsWith("examples/") || path.startsWith("core/") || path.startsWith("connectors/"));
            if (looksLikeRepositoryFile && !Files.exists(ROOT.resolve(path))) {
                return "names a file that does not exist: " + path;
            }
        }
        return null;
    }

    /** Splits a command as sh would for the simple lines a README holds: quotes, $VARS, a trailing comment or {@code &}. */
    static List<String> shellWords(String line, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '$' && quote == '"') {
                    i = expand(line, i, variables, word);
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c) || c == '&' || c == '|') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (c == '|') {
                    break;
                }
            } else if (c == '$') {
                i = expand(line, i, variables, word);
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int expand(String line, int dollar, Map<String, String> variables, StringBuilder word) {
        int end = dollar + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        word.append(variables.getOrDefault(line.substring(dollar + 1, end), ""));
        return end - 1;
    }

    /** The help of navette and of every command under it, in the order {@code --help} lists them. */
    private static String reference() {
        StringBuilder md = new StringBuilder("# navette command reference\n\n"
                + "The help each command prints (`./navette COMMAND --help`), kept here so it can be read without a build.\n"
                + "Generated: `ReadmeCommandsTest` fails when this file differs from what the code prints.\n");
        appendHelp(NavetteCli.newCommandLine(), md);
        return md.toString();
    }

    private static void appendHelp(CommandLine command, StringBuilder md) {
        if (command.getCommandSpec().name().equals("help")) {
            return;
        }
        StringWriter help = new StringWriter();
        command.setUsageHelpWidth(100);
        command.usage(new PrintWriter(help), CommandLine.Help.Ansi.OFF);
        md.append("\n## `").append(command.getCommandSpec().qualifiedName()).append("`\n\n```\n")
                .append(help.toString().stripTrailing()).append("\n```\n");
        command.getSubcommands().values().stream().distinct().forEach(sub -> appendHelp(sub, md));
    }
}
