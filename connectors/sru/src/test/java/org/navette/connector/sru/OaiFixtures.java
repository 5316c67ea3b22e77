package org.navette.connector.sru;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The OAI-PMH responses: the two real ListRecords pages from core's test-jar (the data lives once) and
 * the pages derived from them under {@code src/test/resources/org/navette/connector/sru/oai} (see
 * PROVENANCE.txt there).
 */
final class OaiFixtures {
    private static final Map<String, String> IN_CORE = Map.of(
            "zdb-oai-marc.xml", "/org/navette/normalise/corpus/1-marc21/xbib-marc/zdb-oai-marc.xml",
            "oaipmh-bibsys.xml", "/org/navette/normalise/corpus/1-marc21/php-marc/oaipmh-bibsys.xml");

    private OaiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OaiFixtures.class.getResourceAsStream(IN_CORE.getOrDefault(name, "oai/" + name))) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture oai/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
