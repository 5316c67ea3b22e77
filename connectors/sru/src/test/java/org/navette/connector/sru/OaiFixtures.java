package org.navette.connector.sru;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OAI-PMH responses under {@code src/test/resources/org/navette/connector/sru/oai} (see PROVENANCE.txt there). */
final class OaiFixtures {
    private OaiFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OaiFixtures.class.getResourceAsStream("oai/" + name)) {
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
