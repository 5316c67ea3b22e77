package org.navette.connector.solr.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset shipped in this module, written out as an embedded Solr home ({@code solr.xml}, one
 * core) or zipped for upload to SolrCloud.
 */
public final class SolrHome {
    /** The core (embedded) and the configset's name (SolrCloud). */
    public static final String CORE = "navette";
    private static final String RESOURCES = "/org/navette/connector/solr/configset/conf/";
    private static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

    private SolrHome() {
    }

    /**
     * Lays out {@code home} as a Solr home with the {@code navette} core, writing the shipped
     * configset each time (so a newer Navette brings its schema; the index itself is kept).
     */
    public static void prepare(Path home) throws IOException {
        Path core = home.resolve(CORE);
        Path conf = core.resolve("conf");
        Files.createDirectories(conf);
        writeIfChanged(home.resolve("solr.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<solr/>\n");
        writeIfChanged(core.resolve("core.properties"), "name=" + CORE + "\n");
        for (String f : FILES) {
            writeIfChanged(conf.resolve(f), new String(resource(f), StandardCharsets.UTF_8));
        }
    }

    /** The configset as a zip, as the configset upload API takes it. */
    public static byte[] configsetZip() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String f : FILES) {
                zip.putNextEntry(new ZipEntry(f));
                zip.write(resource(f));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SolrHome.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("configset file missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIfChanged(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
