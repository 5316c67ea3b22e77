package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.StoreLocation;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;

/**
 * {@code navette catalogue} on an embedded store with real files: build, stats, idempotent
 * re-build, search, export round trip, remove, usage errors, and a build killed with SIGKILL in
 * the middle and run again.
 */
class CatalogueCommandIT {
    private static final String CORPUS = "/org/navette/normalise/corpus/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path lul;
    static Path mel;
    static Path lul500;

    private final CliRun cli = CliRun.freshOutputEachRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @BeforeAll
    static void files() throws IOException {
        lul = copy(CORPUS + "1-marc21/evergreen/lul_fre_100.mrc");
        mel = copy(CORPUS + "2-unimarc/medialab-reference_manager/cotesMEL.mrc");
        lul500 = copy(CORPUS + "1-marc21/evergreen/lul_fre_500.mrc");
    }

    private static Path copy(String resource) throws IOException {
        Path p = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = CatalogueCommandIT.class.getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void buildStatsSearchExportAndRemoveOnAnEmbeddedCatalogue() throws IOException {
        String data = dir.resolve("cat").toString();
        assertThat(run("catalogue", "build", "--data-dir", data, "lul=" + lul, "mel=" + mel)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lul from " + lul + ": 100 read", "mel from " + mel);

        assertThat(run("catalogue", "stats", "--data-dir", data, "--json")).isZero();
        JsonNode stats = JSON.readTree(out.toString());
        long lulRecords = stats.get("libraries").get("lul").asLong();
        assertThat(lulRecords).isBetween(90L, 100L);
        assertThat(stats.get("records").asLong()).isEqualTo(lulRecords + stats.get("libraries").get("mel").asLong());
        assertThat(stats.get("clusters").asLong()).isPositive().isLessThanOrEqualTo(stats.get("records").asLong());
        assertThat(stats.get("sources")).hasSize(2);
        assertThat(stats.get("sources").get(0).get("library").asText()).isEqualTo("lul");

        // the same file again changes nothing
        assertThat(run("catalogue", "build", "--data-dir", data, "lul=" + lul)).isZero();
        assertThat(out.toString()).contains(" 0 added, 0 changed, " + lulRecords + " unchanged, 0 deleted");

        assertThat(run("catalogue", "search", "--data-dir", data, "--json", "title=compagnards")).as(err.toString()).isZero();
        JsonNode result = JSON.readTree(out.toString());
        assertThat(result.get("clusters")).isNotEmpty();
        assertThat(result.toString()).contains("\"lul\"");
        // the catalogue counted its facets over all its hits: they come with its status
        JsonNode own = result.get("targets").get(0).get("facets");
        assertThat(own.get("library").get(0).get("value").asText()).isIn("lul", "mel");
        assertThat(own.get("target").get(0).get("count").asLong()).isEqualTo(result.get("targets").get(0).get("hits").asLong());
        assertThat(own.has("author")).isFalse();

        Path xml = dir.resolve("lul.xml");
        Path iso = dir.resolve("lul.mrc");
        assertThat(run("catalogue", "export", "--data-dir", data, "--library", "lul", "--out", xml.toString())).isZero();
        assertThat(run("catalogue", "export", "--data-dir", data, "--library", "lul", "--out", iso.toString())).isZero();
        assertThat(Files.readString(xml)).startsWith("<?xml").contains("<marc:collection");
        // ISO 2709 export read back: the same records in the same order as the MARCXML one
        assertThat(ids(iso)).hasSize((int) lulRecords).isEqualTo(ids(xml));

        assertThat(run("catalogue", "remove", "--data-dir", data, "--library", "mel")).isZero();
        assertThat(run("catalogue", "stats", "--data-dir", data, "--json")).isZero();
        JsonNode after = JSON.readTree(out.toString());
        assertThat(after.get("libraries").fieldNames()).toIterable().containsExactly("lul");
        assertThat(run("catalogue", "export", "--data-dir", data, "--library", "mel")).isEqualTo(2);
        assertThat(err.toString()).contains("navette catalogue export: no library 'mel'");
    }

    @Test
    void usageErrorsAndUnreachableSourcesHaveTheirExitCodes() {
        String data = dir.resolve("errors").toString();
        assertThat(run("catalogue", "build", "--data-dir", data, lul.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("expected LIB=SOURCE");
        assertThat(run("catalogue", "build", "--data-dir", data, "x=" + dir.resolve("missing.mrc"))).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
        assertThat(run("catalogue", "build", "--data-dir", data, "--solr-url", "http://127.0.0.1:1/solr/x", "a=" + lul)).isEqualTo(2);
        assertThat(run("catalogue", "search", "--data-dir", data, "title=a", "b")).isEqualTo(2);
        assertThat(err.toString()).contains("quote it");
        // a malformed harvest spec is a usage error found before anything is opened or loaded
        assertThat(run("catalogue", "build", "--data-dir", data, "k=oai:http://127.0.0.1:1/oai#sett=x")).isEqualTo(2);
        assertThat(err.toString()).contains("k=oai:http://127.0.0.1:1/oai#sett=x");
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(data))).isFalse();
    }

    @Test
    void aFileWithNoReadableRecordExitsThree() throws IOException {
        Path junk = dir.resolve("junk.mrc");
        Files.write(junk, "this is not MARC at all\n".repeat(50).getBytes(StandardCharsets.US_ASCII));
        assertThat(run("catalogue", "build", "--data-dir", dir.resolve("junk").toString(), "j=" + junk)).isEqualTo(3);
    }

    @Test
    void aBuildKilledMidwayAndRunAgainEndsAsACleanBuild() throws Exception {
        Path reference = dir.resolve("reference");
        assertThat(run("catalogue", "build", "--data-dir", reference.toString(), "--batch", "25", "a=" + lul500, "b=" + lul))
                .as(err.toString()).isZero();

        Path crashed = dir.resolve("crashed");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NavetteCli.class.getName(), "catalogue", "build",
                "--data-dir", crashed.toString(), "--batch", "25", "--verbose", "a=" + lul500, "b=" + lul);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        int committed = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains("batch committed") && ++committed == 5) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no commit
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(committed).as("the child was killed in the middle of the first library").isEqualTo(5);
        assertThat(child.exitValue()).isNotZero();

        assertThat(run("catalogue", "build", "--data-dir", crashed.toString(), "--batch", "25", "a=" + lul500, "b=" + lul))
                .as(err.toString()).isZero();
        assertThat(contents(crashed)).isEqualTo(contents(reference));
    }

    /** Every member and which others share its cluster, per library, and the counts. */
    private static Map<String, Object> contents(Path data) {
        Map<String, Object> out = new TreeMap<>();
        try (CatalogueStore store = CatalogueStore.open(StoreLocation.embedded(data))) {
            out.put("stats", store.stats());
            Map<String, Set<String>> clusters = new TreeMap<>();
            for (String lib : List.of("a", "b")) {
                store.forEachMember(lib, m -> clusters.computeIfAbsent(m.clusterId(), k -> new TreeSet<>()).add(m.id()));
            }
            out.put("clusters", new TreeSet<>(clusters.values().stream().map(Object::toString).toList()));
            out.put("journal", store.states("journal:"));
        }
        return out;
    }

    /** The 001 of every readable record of a file, in order. */
    private static List<String> ids(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (MarcFileReader r = MarcFileReader.open(file, Normaliser.ofDefaults())) {
            r.forEachRemaining(x -> {
                if (x.readable()) {
                    ids.add(x.record().source().recordId());
                }
            });
        }
        return ids;
    }
}
