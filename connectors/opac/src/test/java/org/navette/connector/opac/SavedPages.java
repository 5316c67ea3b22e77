package org.navette.connector.opac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real OPAC pages saved by third parties, kept once in core's test-jar (see
 * {@code org/navette/testdata/opac-pages/PROVENANCE.txt}).
 */
public final class SavedPages {
    private SavedPages() {
    }

    /** The bytes of {@code opac-pages/<path>}, exactly as saved. */
    public static byte[] bytes(String path) {
        return resource("/org/navette/testdata/opac-pages/" + path);
    }

    /** The bytes of a file of the normaliser's corpus (MARC an OPAC serves, say), kept once there. */
    public static byte[] corpusBytes(String path) {
        return resource("/org/navette/normalise/corpus/" + path);
    }

    private static byte[] resource(String resource) {
        try (InputStream in = SavedPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no saved page " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A saved page decoded as UTF-8 (to derive a changed page from a real one). */
    public static String utf8(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
