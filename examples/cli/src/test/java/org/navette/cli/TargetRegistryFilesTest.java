package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.navette.federation.TargetsFile;
import org.navette.query.CqlParser;
import org.navette.query.CqlTranslator;
import org.navette.query.PqfTranslator;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.TargetConfig;

/**
 * The shipped targets files under {@code examples/targets}: every target is one its connector
 * accepts (known keys, valid settings: the connector is created, which reaches no server) and its
 * index map is one the query translator accepts. The public catalogues' files cannot be tried
 * live here; this is what can be checked of them.
 */
class TargetRegistryFilesTest {
    private static final Path TARGETS = Path.of("..", "targets");
    private static final Query QUERY = CqlParser.parse("title=\"madame bovary\" and author=flaubert and year=1857");

    @Test
    void everyShippedTargetIsAcceptedByItsConnectorAndItsQueryTranslator() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(TARGETS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("local-peers.json", "national-catalogues.json");
        ConnectorRegistry registry = ConnectorRegistry.fromClassPath();
        int checked = 0;
        for (Path file : files) {
            for (TargetConfig t : TargetsFile.read(file)) {
                if (!t.bool("enabled", true) || t.protocol().equals("opac")) {
                    continue;   // the sample OPAC names no real address
                }
                try (Connector c = registry.create(t)) {
                    assertThat(c).as(t.id()).isNotNull();
                }
                String text = switch (t.protocol()) {
                    case "sru" -> CqlTranslator.fromTarget(t).translate(QUERY).text();
                    case "z3950" -> PqfTranslator.fromTarget(t).translate(QUERY).text();
                    default -> throw new AssertionError("unexpected protocol in " + file + ": " + t.protocol());
                };
                assertThat(text).as(t.id()).contains("flaubert").contains("1857");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    /** The public catalogues' own index names reach the query text. */
    @Test
    void theNationalCataloguesAskInTheirOwnIndexes() {
        Map<String, TargetConfig> byId = new java.util.TreeMap<>();
        TargetsFile.read(TARGETS.resolve("national-catalogues.json")).forEach(t -> byId.put(t.id(), t));
        assertThat(byId).containsKeys("loc", "loc-sru", "bnf", "bnf-sru", "sudoc", "k10plus", "libris", "dnb");

        assertThat(cql(byId.get("sudoc"))).contains("mti", "aut", "apu");
        assertThat(cql(byId.get("bnf-sru"))).contains("bib.title", "bib.author");
        assertThat(cql(byId.get("k10plus"))).contains("pica.tit", "pica.per");
        assertThat(cql(byId.get("dnb"))).contains("dnb.tit", "dnb.atr", "dnb.jhr");
        assertThat(PqfTranslator.fromTarget(byId.get("bnf")).translate(QUERY).text()).contains("@attr 1=4", "@attr 1=1003");
    }

    private static String cql(TargetConfig t) {
        return CqlTranslator.fromTarget(t).translate(QUERY).text();
    }
}
