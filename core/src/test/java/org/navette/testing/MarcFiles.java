package org.navette.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.navette.model.BibRecord;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * Test helpers for ISO 2709 files: a class-path resource's bytes, its records as they are (split on
 * the record terminator, no decoding), records written back as a file, and a file read through the
 * normaliser.
 *
 * <pre>{@code
 * List<byte[]> lul = MarcFiles.split(MarcFiles.resource("/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc"));
 * Path first100 = MarcFiles.write(dir.resolve("lul.mrc"), lul.subList(0, 100));
 * }</pre>
 */
public final class MarcFiles {
    private MarcFiles() {
    }

    /** A class-path resource's bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = MarcFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ISO 2709 records of a file, byte for byte (split after each record terminator 0x1D). */
    public static List<byte[]> split(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == 0x1D) {
                out.add(Arrays.copyOfRange(file, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    /** Writes {@code records} one after the other as the file {@code path}. */
    public static Path write(Path path, List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        try {
            return Files.write(path, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of an ISO 2709 file that the default normaliser reads (broken ones left out). */
    public static List<BibRecord> read(Path file) {
        List<BibRecord> out = new ArrayList<>();
        try (MarcFileReader reader = MarcFileReader.open(file, Normaliser.ofDefaults())) {
            while (reader.hasNext()) {
                ReadResult r = reader.next();
                if (r.record() != null) {
                    out.add(r.record());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
