package org.navette.match.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the misclassified pairs of a labelled set under target/match-quality/ for people to read. */
final class QualityReport {
    private QualityReport() {
    }

    static void write(String name, List<String> lines) {
        try {
            Path dir = Path.of("target", "match-quality");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
