package org.navette.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second for reading and normalising a real ISO 2709 file (Evergreen's jazz_1k.mrc:
 * 1000 MARC-8 records from Laurentian University, from core's test corpus), next to marc4j reading
 * the same bytes: its plain {@code MarcStreamReader} (no character conversion, no mapping) and its
 * permissive reader converting MARC-8 to Unicode (closer to the work Navette does). The ratio
 * navette / marc4j-plain is the cost of framing checks, charset verification and decoding,
 * NFC and mapping into {@code BibRecord}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MarcReadBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MarcReadBenchmark {
    private static final String FILE = "/org/navette/normalise/corpus/1-marc21/evergreen/jazz_1k.mrc";
    private static final int RECORDS = 1000;

    private byte[] bytes;
    private final Normaliser normaliser = Normaliser.ofDefaults();

    @Setup
    public void load() throws IOException {
        try (InputStream in = MarcReadBenchmark.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("benchmark file missing from the class path: " + FILE);
            }
            bytes = in.readAllBytes();
        }
        int n = navetteCount();
        if (n != RECORDS) {
            throw new IllegalStateException("expected " + RECORDS + " records, read " + n);
        }
    }

    private int navetteCount() {
        try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(bytes), "jazz_1k.mrc", normaliser)) {
            return (int) r.stream().filter(ReadResult::readable).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void navetteReadAndNormalise(Blackhole bh) throws IOException {
        try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(bytes), "jazz_1k.mrc", normaliser)) {
            while (r.hasNext()) {
                bh.consume(r.next());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void marc4jPlainRead(Blackhole bh) {
        MarcStreamReader r = new MarcStreamReader(new ByteArrayInputStream(bytes));
        while (r.hasNext()) {
            bh.consume(r.next());
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void marc4jPermissiveReadWithMarc8Conversion(Blackhole bh) {
        MarcPermissiveStreamReader r = new MarcPermissiveStreamReader(new ByteArrayInputStream(bytes), true, true);
        while (r.hasNext()) {
            bh.consume(r.next());
        }
    }
}
