package org.navette.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.navette.connector.z3950.Z3950ConnectorFactory;
import org.navette.federation.FederatedSearch;
import org.navette.federation.Federation;
import org.navette.federation.ResilienceSettings;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.query.Query;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.TargetConfig;
import org.navette.testpeers.ZtestPeer;

/**
 * The federation engine's fan-out overhead against real Z39.50 targets (one yaz-ztest process,
 * one database per target, each with its own search delay drawn from 0.1–0.5 s):
 * <ol>
 *   <li>one search over K = 1, 10, 50, 200 targets: wall time of the whole search divided by the
 *       slowest target's delay (1.0 would be a free fan-out), peak threads and peak heap;</li>
 *   <li>50 concurrent searches over 20 targets, repeated: throughput and p50/p99 latency.</li>
 * </ol>
 * A timing harness, not a JMH benchmark (one search is one long, mostly idle wait), and not a test.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.FederationFanOutHarness
 * java -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.FederationFanOutHarness --ks 1,10 --runs 3 --records 0
 * </pre>
 * Options: {@code --ks} (1,10,50,200), {@code --runs} per K (5, after 2 warm-up searches),
 * {@code --records} fetched per target (5, e.g. 100; the query asks yaz-ztest for exactly that many
 * hits; 0 measures the fan-out alone, without normalising and clustering), reported as the process's
 * CPU time per record from the search's start to its ranked result; each K has its own draw of delays, the same for its runs; {@code --concurrent} searches at once (50), {@code --targets} for that part (20),
 * {@code --rounds} of concurrent searches (6).
 */
public final class FederationFanOutHarness {
    private final int runs;
    private final int records;
    /** One registry, so one Z39.50 multiplexer thread, for the whole harness. */
    private final ConnectorRegistry registry = ConnectorRegistry.of(Z3950ConnectorFactory.ofDefaults());

    private FederationFanOutHarness(int runs, int records) {
        this.runs = runs;
        this.records = records;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int[] ks = Arrays.stream(opts.getOrDefault("ks", "1,10,50,200").split(",")).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        int records = Integer.parseInt(opts.getOrDefault("records", "5"));
        int concurrent = Integer.parseInt(opts.getOrDefault("concurrent", "50"));
        int targets = Integer.parseInt(opts.getOrDefault("targets", "20"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "6"));
        FederationFanOutHarness h = new FederationFanOutHarness(runs, records);
        try (ZtestPeer ztest = ZtestPeer.start()) {
            System.out.printf(Locale.ROOT, "yaz-ztest on port %d; %d records per target; %d cores%n", ztest.port(), records,
                    Runtime.getRuntime().availableProcessors());
            System.out.println();
            System.out.println("   K  wall ms (median)  slowest delay ms  ratio (median, min..max)  CPU us/record  peak threads  peak heap MiB");
            for (int k : ks) {
                h.fanOut(ztest, k);
            }
            if (concurrent > 0) {
                System.out.println();
                h.concurrent(ztest, concurrent, targets, rounds);
            }
        }
    }

    /** One search over {@code k} targets, {@code runs} times after two warm-up searches. */
    private void fanOut(ZtestPeer ztest, int k) throws InterruptedException {
        Random random = new Random(k);
        long slowest = 0;
        List<TargetConfig> list = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            long delay = 100 + random.nextInt(401); // 0.1 .. 0.5 s
            slowest = Math.max(slowest, delay);
            list.add(target(ztest, "t" + i, delay / 1000.0, 4));
        }
        double[] ratios = new double[runs];
        long[] walls = new long[runs];
        long cpuNanos = 0;
        try (Federation f = federation(list, 64)) {
            for (int run = -2; run < runs; run++) {
                if (run == 0) {
                    resetPeaks();
                }
                long cpuBefore = processCpuNanos();
                long start = System.nanoTime();
                SearchResult r = f.searchAndWait(query());
                long wall = (System.nanoTime() - start) / 1_000_000;
                long cpu = processCpuNanos() - cpuBefore;
                check(r, k);
                if (run >= 0) {
                    cpuNanos += cpu;
                    walls[run] = wall;
                    ratios[run] = (double) wall / slowest;
                }
            }
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double cpuPerRecord = records == 0 ? Double.NaN : cpuNanos / 1000.0 / ((double) runs * k * records);
        System.out.printf(Locale.ROOT, "%4d  %16d  %16d  %8.2f (%.2f..%.2f)  %13.1f  %12d  %13.1f%n", k, median(walls),
                slowest, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], cpuPerRecord,
                ManagementFactory.getThreadMXBean().getPeakThreadCount(), peakHeapBytes() / 1048576.0);
    }

    /** {@code concurrent} searches at once over {@code targets} targets, {@code rounds} times. */
    private void concurrent(ZtestPeer ztest, int concurrent, int targets, int rounds) throws InterruptedException {
        Random random = new Random(42);
        List<TargetConfig> list = new ArrayList<>(targets);
        for (int i = 0; i < targets; i++) {
            list.add(target(ztest, "c" + i, (100 + random.nextInt(401)) / 1000.0, concurrent));
        }
        List<Long> latencies = new ArrayList<>();
        long measuredWall = 0;
        int searches = 0;
        resetPeaks();
        try (Federation f = federation(list, concurrent)) {
            for (int round = -1; round < rounds; round++) {
                long start = System.nanoTime();
                List<FederatedSearch> running = new ArrayList<>(concurrent);
                for (int i = 0; i < concurrent; i++) {
                    running.add(f.search(query()));
                }
                for (FederatedSearch s : running) {
                    SearchResult r = s.await();
                    check(r, targets);
                    if (round >= 0) {
                        latencies.add(r.elapsed().toMillis());
                    }
                }
                if (round >= 0) {
                    measuredWall += System.nanoTime() - start;
                    searches += concurrent;
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d concurrent searches x %d targets, %d rounds (slowest target delay %d ms):%n",
                concurrent, targets, rounds, list.stream().mapToLong(t -> delayMillis(t)).max().orElseThrow());
        System.out.printf(Locale.ROOT, "  throughput %.1f searches/s, latency p50 %d ms, p99 %d ms, max %d ms; "
                        + "peak threads %d, peak heap %.1f MiB%n",
                searches / (measuredWall / 1e9), percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1],
                ManagementFactory.getThreadMXBean().getPeakThreadCount(), peakHeapBytes() / 1048576.0);
    }

    private Federation federation(List<TargetConfig> targets, int perTarget) {
        return Federation.builder().registry(registry).targets(targets).maxRecordsPerTarget(records).deadline(Duration.ofSeconds(60))
                .targetTimeout(Duration.ofSeconds(60)).maxInFlight(10_000)
                .defaultResilience(ResilienceSettings.builder().maxConcurrent(perTarget).circuitBreaker(false).build())
                .build();
    }

    private static TargetConfig target(ZtestPeer ztest, String id, double delaySeconds, int poolSize) {
        return TargetConfig.builder(id, "z3950").set("host", ztest.host()).set("port", ztest.port())
                .set("database", ZtestPeer.delayedDatabase(String.format(Locale.ROOT, "%.3f", delaySeconds), null, null))
                .set("poolSize", poolSize).build();
    }

    private static long delayMillis(TargetConfig t) {
        String db = t.string("database", "");
        return Math.round(Double.parseDouble(db.substring(db.indexOf('=') + 1)) * 1000);
    }

    private void check(SearchResult r, int k) {
        if (r.targets().size() != k) {
            throw new IllegalStateException("expected " + k + " targets, got " + r.targets().size());
        }
        for (TargetStatus t : r.targets()) {
            if (t.state() != TargetState.DONE || t.fetched() != records) {
                throw new IllegalStateException("target did not answer as expected: " + t);
            }
        }
    }

    /** yaz-ztest answers a numeric term N with N hits: ask for exactly the records fetched. */
    private Query query() {
        return Query.any(Integer.toString(Math.max(records, 1)));
    }

    /** CPU of the whole process (every thread, the Z39.50 loop's native work included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static Map<String, String> options(String[] args) {
        return options(args, "[--ks 1,10,50,200] [--runs 5] [--records 5] [--concurrent 50] [--targets 20] [--rounds 6]");
    }

    /** {@code --name value} pairs; anything else is refused with {@code usage}. */
    static Map<String, String> options(String[] args, String usage) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + usage + "; bad argument " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
