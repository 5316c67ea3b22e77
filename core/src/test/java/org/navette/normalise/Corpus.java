package org.navette.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real record files copied from the shared data sets (see the PROVENANCE.txt files beside them). */
final class Corpus {
    static final String ROOT = "/org/navette/normalise/corpus";

    private Corpus() {
    }

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource(ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A corpus file by its path under the corpus root, e.g. "1-marc21/marc4j/chabon.mrc". */
    static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no corpus file " + relative);
        }
        return p;
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record file (not provenance, READMEs, yaz's .chr notes or the line-based .txt dumps). */
    static Stream<String> recordFiles() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root())) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (!name.equals("PROVENANCE.txt") && !name.startsWith("README") && !name.endsWith(".chr")
                        && !name.endsWith(".txt")) {
                    out.add(root().relativize(p).toString().replace('\\', '/'));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out.stream();
    }

    /** Reads a whole corpus file with the given normaliser. */
    static List<ReadResult> read(String relative, Normaliser normaliser) {
        try (MarcFileReader r = MarcFileReader.open(file(relative), normaliser)) {
            List<ReadResult> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ReadResult> read(String relative) {
        return read(relative, Normaliser.ofDefaults());
    }
}
