package org.navette.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.navette.match.Clusterer;
import org.navette.match.MatchKeys;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The matcher's costs: key extraction per record, and clustering a whole batch (100k or 1M records
 * made from real ones by {@link PerturbedCorpus}), with the batch's peak heap printed after each
 * iteration.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MatchBenchmark.keys -f 1 -wi 2 -i 3
 * java -jar benchmarks/target/benchmarks.jar MatchBenchmark.cluster -p records=100000 -f 1 -wi 1 -i 3
 * java -jar benchmarks/target/benchmarks.jar MatchBenchmark.cluster -p records=1000000 -f 1 -wi 0 -i 1
 * </pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx8g"})
public class MatchBenchmark {
    private static final int KEY_BATCH = 1000;

    /** A thousand perturbed real records. */
    @State(Scope.Benchmark)
    public static class KeyInput {
        final Matcher matcher = Matcher.ofDefaults();
        List<BibRecord> records;

        @Setup(Level.Trial)
        public void load() {
            records = PerturbedCorpus.load().records(KEY_BATCH, 1);
        }
    }

    /** A batch of {@code records} perturbed real records, made afresh for each iteration. */
    @State(Scope.Benchmark)
    public static class Batch {
        @Param({"100000", "1000000"})
        public int records;

        final Matcher matcher = Matcher.ofDefaults();
        PerturbedCorpus corpus;
        List<BibRecord> batch;

        @Setup(Level.Trial)
        public void load() {
            corpus = PerturbedCorpus.load();
        }

        @Setup(Level.Iteration)
        public void makeBatch() {
            batch = corpus.records(records, 42);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
        }

        @TearDown(Level.Iteration)
        public void reportPeakHeap() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("%n[peak heap during the iteration: %d MB for %d records (input records included)]%n",
                    peak >> 20, records);
            batch = null;
        }
    }

    /** Key extraction, per record (1000 perturbed real records per invocation). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(KEY_BATCH)
    public void keys(KeyInput in, Blackhole bh) {
        for (BibRecord r : in.records) {
            MatchKeys k = in.matcher.keys(r);
            bh.consume(k);
        }
    }

    /** Clusters the whole batch, record by record, as a union-catalogue load would. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int cluster(Batch in) {
        Clusterer clusterer = Clusterer.create(in.matcher);
        for (BibRecord r : in.batch) {
            clusterer.add(r);
        }
        return clusterer.clusters().size();
    }
}
