package org.navette.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.navette.testpeers.ZebraPeer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One Z39.50 target on loopback (a real Zebra with 70 LoC records): a search for {@code title=computer}
 * (10 hits) fetching all 10 records in USMARC, done by Navette's connector and, in the same run, by
 * Index Data's {@code yaz-client} running a script of the same find + show commands.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Z3950SearchBenchmark
 * </pre>
 *
 * <ul>
 *   <li>{@code navetteBlocking}: one search at a time on the caller's thread, pooled connection;</li>
 *   <li>{@code navetteMultiplexed8}: eight searches at once on one multiplexer thread (pool of 8);</li>
 *   <li>{@code yazClientScript100}: one {@code yaz-client -f} process doing 100 find + show 1+10 on
 *       one connection (process start and init amortised over the 100);</li>
 *   <li>{@code yazClientStartOnly}: the process start + connect + init + quit that the script pays once.</li>
 * </ul>
 * yaz-client prints every record as text (sent to a discarding pipe); Navette copies the ISO 2709
 * bytes into {@code RawRecord}s. yaz-client does the search and the present as two round trips;
 * Navette gets the first chunk piggybacked on the search response.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class Z3950SearchBenchmark {
    private static final String PQF = "@attr 1=4 @attr 4=2 \"computer\"";
    private static final int SCRIPT_SEARCHES = 100;

    private ZebraPeer zebra;
    private Z3950Multiplexer multiplexer;
    private Connector blocking;
    private Connector multiplexed;
    private ExecutorService completions;
    private SearchRequest request;
    private Path script;
    private Path startOnly;

    @Setup(Level.Trial)
    public void start() throws IOException {
        zebra = ZebraPeer.start();
        multiplexer = Z3950Multiplexer.ofThreads(1);
        TargetConfig target = TargetConfig.builder("zebra", "z3950").set("host", zebra.host()).set("port", zebra.port())
                .set("database", "marc21").set("syntax", "usmarc").set("poolSize", 8).build();
        blocking = Z3950ConnectorFactory.ofDefaults().create(target);
        multiplexed = Z3950ConnectorFactory.builder().multiplexer(multiplexer).build().create(target);
        completions = Executors.newFixedThreadPool(2);
        request = SearchRequest.builder(Query.title("computer")).maxRecords(10).chunkSize(10).build();
        String open = "open tcp:" + zebra.host() + ":" + zebra.port() + "/marc21\nformat usmarc\n";
        StringBuilder commands = new StringBuilder(open);
        for (int i = 0; i < SCRIPT_SEARCHES; i++) {
            commands.append("find ").append(PQF).append("\nshow 1+10\n");
        }
        script = Files.createTempFile("navette-bench-", ".yaz");
        Files.writeString(script, commands.append("quit\n"), StandardCharsets.UTF_8);
        startOnly = Files.createTempFile("navette-bench-open-", ".yaz");
        Files.writeString(startOnly, open + "quit\n", StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        blocking.close();
        multiplexed.close();
        multiplexer.close();
        completions.shutdown();
        completions.awaitTermination(10, TimeUnit.SECONDS);
        zebra.close();
        Files.deleteIfExists(script);
        Files.deleteIfExists(startOnly);
    }

    @Benchmark
    public SearchOutcome navetteBlocking() {
        return check(blocking.search(request, SearchListener.NONE));
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void navetteMultiplexed8(Blackhole bh) {
        List<CompletableFuture<SearchOutcome>> running = new ArrayList<>(8);
        for (int i = 0; i < 8; i++) {
            running.add(multiplexed.searchAsync(request, SearchListener.NONE, completions));
        }
        for (CompletableFuture<SearchOutcome> f : running) {
            bh.consume(check(f.join()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SCRIPT_SEARCHES)
    public int yazClientScript100() throws IOException, InterruptedException {
        return runYazClient(script);
    }

    @Benchmark
    public int yazClientStartOnly() throws IOException, InterruptedException {
        return runYazClient(startOnly);
    }

    private static int runYazClient(Path commands) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("yaz-client", "-f", commands.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("yaz-client exited with " + exit);
        }
        return exit;
    }

    private static SearchOutcome check(SearchOutcome out) {
        if (out.hits() != 10 || out.fetched() != 10) {
            throw new IllegalStateException("expected 10 hits and 10 records, got " + out);
        }
        return out;
    }
}
