package org.navette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.navette.connector.sru.SruConnector;
import org.navette.connector.sru.SruConnectorFactory;
import org.navette.connector.sru.SruExplain;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code navette sru-explain}: asks an SRU server what it can do (an SRU explain request) and prints
 * its indexes, record schemas and paging limits, plus the {@code "indexes"} setting a target file
 * needs for it.
 *
 * <pre>
 * ./navette sru-explain http://127.0.0.1:2100/marc21
 * ./navette sru-explain --sru-version 2.0 --json https://sru.example.org/catalogue
 * </pre>
 *
 * <p>Exit codes: 0 when the server answered (also with an empty explain record), 1 when it could not
 * be asked or did not answer in SRU (the diagnostic is shown), 2 for usage errors in one line.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "sru-explain", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = {"Asks an SRU server what it can search: indexes, record schemas, paging limits, "
                + "and the \"indexes\" setting for a target file."})
public final class SruExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    // not --version: that is the standard option printing navette's own version
    @Option(names = "--sru-version", defaultValue = "1.2", paramLabel = "VERSION",
            description = "SRU version to speak: 1.1, 1.2 or 2.0 (default: ${DEFAULT-VALUE})")
    private String version;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long to wait for the answer, e.g. 10s (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    @Parameters(index = "0", paramLabel = "URL", description = "the SRU base URL, e.g. http://127.0.0.1:2100/marc21")
    private String url;

    @Override
    public Integer call() {
        SruConnector connector;
        try {
            connector = new SruConnectorFactory().create(TargetConfig.builder("explain", "sru").set("url", url)
                    .set("version", version).set("timeout", DurationConverter.asSetting(timeout)).build());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().replace("target explain: ", "")
                    .replace("'version'", "--sru-version").replace("'timeout'", "--timeout"));
        }
        SruExplain explain;
        try (connector) {
            explain = connector.explain();
        } catch (TargetException e) {
            spec.commandLine().getErr().println("navette sru-explain: " + url + ": " + e.diagnostic());
            return ExitCode.FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(explain));
        } else {
            printText(out, explain);
        }
        out.flush();
        return 0;
    }

    private void printText(PrintWriter out, SruExplain e) {
        out.println("SRU explain of " + url + " (version " + e.version() + ")");
        if (e.isEmpty()) {
            out.println("The server sent no explain record.");
            return;
        }
        if (e.host() != null || e.database() != null) {
            out.println("server:   " + (e.host() == null ? "?" : e.host()) + (e.port() > 0 ? ":" + e.port() : "")
                    + (e.database() == null ? "" : ", database " + e.database()));
        }
        if (e.title() != null) {
            out.println("title:    " + e.title());
        }
        out.println("indexes:  " + e.indexes().size());
        for (SruExplain.Index i : e.indexes()) {
            out.printf(Locale.ROOT, "  %-28s %s%n", i.name(), i.title() == null ? "" : i.title());
        }
        out.println("schemas:  " + e.schemas().size());
        for (SruExplain.Schema s : e.schemas()) {
            out.printf(Locale.ROOT, "  %-14s %-40s %s%n", s.name() == null ? "-" : s.name(),
                    s.identifier() == null ? "" : s.identifier(), s.title() == null ? "" : s.title());
        }
        out.println("records:  default " + (e.defaultNumberOfRecords().isPresent() ? e.defaultNumberOfRecords().getAsInt() : "?")
                + ", at most " + (e.maximumRecords().isPresent() ? e.maximumRecords().getAsInt() : "?") + " per request");
        out.println("target setting: \"indexes\": " + toJson(indexesSetting(e), false));
    }

    private static Map<String, String> indexesSetting(SruExplain e) {
        Map<String, String> setting = new LinkedHashMap<>();
        e.suggestedIndexes().forEach((field, index) -> setting.put(field.indexName(), index));
        return setting;
    }

    private String toJson(SruExplain e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("url", url);
        doc.put("version", e.version());
        doc.put("host", e.host());
        doc.put("port", e.port() > 0 ? e.port() : null);
        doc.put("database", e.database());
        doc.put("title", e.title());
        doc.put("indexes", e.indexes().stream().map(i -> mapOf("name", i.name(), "title", i.title())).toList());
        doc.put("schemas", e.schemas().stream()
                .map(s -> mapOf("name", s.name(), "identifier", s.identifier(), "title", s.title())).toList());
        doc.put("defaultNumberOfRecords", e.defaultNumberOfRecords().isPresent() ? e.defaultNumberOfRecords().getAsInt() : null);
        doc.put("maximumRecords", e.maximumRecords().isPresent() ? e.maximumRecords().getAsInt() : null);
        doc.put("suggestedIndexes", indexesSetting(e));
        return toJson(doc, true);
    }

    private static Map<String, Object> mapOf(String... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String toJson(Object value, boolean pretty) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            if (pretty) {
                mapper.enable(SerializationFeature.INDENT_OUTPUT);
            }
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
