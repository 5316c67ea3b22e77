package org.navette.demo.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real records and files bundled with the demo (see {@code PROVENANCE.txt} next to them), and
 * how they are dealt out to the member libraries: each library's export is a few ranges of records
 * of the bundled files, and the ranges overlap, so that several works are held by more than one
 * library (copy cataloguing, as small libraries do) and the search shows works with holdings from
 * several libraries.
 *
 * <pre>{@code
 * Path dole = BundledData.writeExport(List.of(new BundledData.Range(BundledData.LUL, 0, 60)), dir.resolve("dole.mrc"));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class BundledData {
    /** 100 French-language books (Laurentian University, Evergreen's test set), converted to UTF-8. */
    public static final String LUL = "data/lul-fre-100-utf8.mrc";
    /** 70 Library of Congress records (Zebra's examples): computing, opera, music recordings. */
    public static final String LOC = "data/loc-sample-utf8.mrc";
    /** 108 UNIMARC records of the Bibliothèque Sainte-Geneviève, with 995 items. */
    public static final String BSG_UNIMARC = "data/bsg-cotesMEL.mrc";
    /** The interlending requests of the demo batch (CSV, as {@code navette ill match} reads). */
    public static final String REQUESTS = "ill/requests.csv";
    /** The network's lending policy (core/POLICY.md). */
    public static final String POLICY = "ill/network.json";

    private static final String ROOT = "/org/navette/demo/";
    private static final byte RECORD_TERMINATOR = 0x1d;

    private BundledData() {
    }

    /** Records {@code from} (included) to {@code to} (excluded), 0-based, of a bundled ISO 2709 file. */
    public record Range(String file, int from, int to) {
        public Range {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("bad range " + from + ".." + to + " of " + file);
            }
        }
    }

    /** The bytes of a bundled resource. */
    public static byte[] bytes(String name) {
        try (InputStream in = BundledData.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo file missing from the classpath: " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled demo file " + name, e);
        }
    }

    /** Copies a bundled resource to {@code to}; returns {@code to}. */
    public static Path copy(String name, Path to) throws IOException {
        Files.write(to, bytes(name));
        return to;
    }

    /** Writes the records of {@code ranges}, in order, as one ISO 2709 file. */
    public static Path writeExport(List<Range> ranges, Path to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Range r : ranges) {
            List<byte[]> records = records(bytes(r.file()));
            if (r.to() > records.size()) {
                throw new IllegalStateException(r.file() + " holds " + records.size() + " records, not " + r.to());
            }
            for (byte[] rec : records.subList(r.from(), r.to())) {
                out.write(rec);
            }
        }
        Files.write(to, out.toByteArray());
        return to;
    }

    /** The records of an ISO 2709 file, each with its terminator; the bundled files are well formed. */
    static List<byte[]> records(byte[] file) {
        List<byte[]> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == RECORD_TERMINATOR) {
                byte[] rec = new byte[i + 1 - start];
                System.arraycopy(file, start, rec, 0, rec.length);
                records.add(rec);
                start = i + 1;
            }
        }
        return records;
    }
}
