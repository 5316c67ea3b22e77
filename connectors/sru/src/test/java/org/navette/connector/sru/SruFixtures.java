package org.navette.connector.sru;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real SRU responses under {@code src/test/resources/org/navette/connector/sru/responses} (see PROVENANCE.txt there). */
public final class SruFixtures {
    private SruFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = SruFixtures.class.getResourceAsStream("responses/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture responses/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
