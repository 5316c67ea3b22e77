package org.navette.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.navette.connector.z3950.Z3950ConnectorFactory;
import org.navette.connector.z3950.Z3950Multiplexer;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.testpeers.ZtestPeer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fan-out latency: {@code targets} Z39.50 targets (yaz-ztest databases that each sleep 0.3 s per
 * search) searched at once through one multiplexer thread. One search alone takes 0.3 s; run one
 * after the other, 50 would take 15 s; multiplexed they should take about one delay.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Z3950FanOutBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 8, batchSize = 1)
public class Z3950FanOutBenchmark {
    @Param({"50", "200"})
    public int targets;

    private ZtestPeer ztest;
    private Z3950Multiplexer multiplexer;
    private ExecutorService completions;
    private final List<Connector> connectors = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws IOException {
        ztest = ZtestPeer.start();
        multiplexer = Z3950Multiplexer.ofThreads(1);
        completions = Executors.newFixedThreadPool(2);
        Z3950ConnectorFactory factory = Z3950ConnectorFactory.builder().multiplexer(multiplexer).build();
        for (int i = 1; i <= targets; i++) {
            connectors.add(factory.create(TargetConfig.builder("t" + i, "z3950").set("host", ztest.host())
                    .set("port", ztest.port()).set("database", ZtestPeer.delayedDatabase("0.3", null, i)).build()));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        connectors.forEach(Connector::close);
        multiplexer.close();
        completions.shutdown();
        completions.awaitTermination(10, TimeUnit.SECONDS);
        ztest.close();
    }

    @Benchmark
    public void searchAllTargetsAtOnce(Blackhole bh) {
        SearchRequest request = SearchRequest.builder(Query.any("5")).maxRecords(5).build();
        List<CompletableFuture<SearchOutcome>> running = new ArrayList<>(connectors.size());
        for (Connector c : connectors) {
            running.add(c.searchAsync(request, SearchListener.NONE, completions));
        }
        for (CompletableFuture<SearchOutcome> f : running) {
            SearchOutcome out = f.join();
            if (out.hits() != 5 || out.fetched() != 5) {
                throw new IllegalStateException("expected 5 hits and 5 records, got " + out);
            }
            bh.consume(out);
        }
    }
}
