package org.navette.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.NavetteException;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;

/**
 * A library's MARC export file (every format {@link MarcFileReader} reads): a full export, so
 * records absent from it leave the catalogue.
 *
 * <pre>{@code
 * CatalogueSource monthly = FileSource.of(Path.of("exports/bib-dole-2026-12.mrc"));
 * }</pre>
 */
public final class FileSource implements CatalogueSource {
    private final Path file;

    private FileSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public static FileSource of(Path file) {
        return new FileSource(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public String spec() {
        return file.toString();
    }

    @Override
    public boolean fullExport() {
        return true;
    }

    /** Reads the whole file whatever the state; the state returned is the time the read began. */
    @Override
    public String read(@Nullable String state, Normaliser normaliser, SourceSink sink) {
        String started = Instant.now().toString();
        if (!Files.isRegularFile(file)) {
            throw new CatalogueException("cannot read " + file + ": not a readable file");
        }
        try (MarcFileReader reader = MarcFileReader.open(file, normaliser)) {
            while (reader.hasNext()) {
                sink.record(reader.next(), null);
            }
        } catch (IOException | NavetteException e) {
            if (e instanceof CatalogueException ce) {
                throw ce;
            }
            throw new CatalogueException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return started;
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}
