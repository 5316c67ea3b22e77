package org.navette.connector.opac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real OPAC pages saved by third parties, copied under test resources (see pages/PROVENANCE.txt). */
public final class SavedPages {
    private SavedPages() {
    }

    /** The bytes of {@code pages/<path>}, exactly as saved. */
    public static byte[] bytes(String path) {
        String resource = "/org/navette/connector/opac/pages/" + path;
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
