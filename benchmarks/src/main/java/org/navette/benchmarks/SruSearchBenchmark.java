package org.navette.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.navette.connector.sru.SruConnector;
import org.navette.connector.sru.SruConnectorFactory;
import org.navette.connector.sru.internal.MalformedSruException;
import org.navette.connector.sru.internal.SruRequests;
import org.navette.connector.sru.internal.SruResponse;
import org.navette.connector.sru.internal.SruResponseParser;
import org.navette.connector.sru.internal.SruSettings;
import org.navette.query.Query;
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
 * One SRU target on loopback (a real Zebra with 70 LoC records): {@code title=computer} (10 hits)
 * fetching all 10 records as MARCXML in one searchRetrieve, done by Navette's SRU connector and,
 * in the same run, by {@code curl} asking for the very same URL.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SruSearchBenchmark
 * </pre>
 *
 * <ul>
 *   <li>{@code navetteBlocking}: one search at a time on the caller's thread (translate, HTTP keep-alive
 *       GET, streaming parse, 10 records copied out as standalone MARCXML);</li>
 *   <li>{@code navetteAsync8}: eight searches at once through OkHttp's asynchronous calls;</li>
 *   <li>{@code curlKeepAlive100}: one {@code curl} process fetching the URL 100 times on one
 *       connection (process start amortised over the 100), bodies discarded unparsed;</li>
 *   <li>{@code curlPerRequest}: one {@code curl} process per request, as a shell script would do;</li>
 *   <li>{@code parseOnly}: Navette's parser alone on the bytes Zebra sends for this search.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SruSearchBenchmark {
    private static final int CURL_BATCH = 100;

    private ZebraPeer zebra;
    private OkHttpClient http;
    private SruConnector connector;
    private SearchRequest request;
    private String url;
    private Path curlConfig;
    private byte[] body;
    private final SruResponseParser parser = new SruResponseParser();

    @Setup(Level.Trial)
    public void start() throws IOException {
        zebra = ZebraPeer.start();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(16); // OkHttp's default of 5 would queue the eight concurrent searches
        http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
        TargetConfig target = TargetConfig.builder("zebra", "sru").set("url", zebra.sruUrl(ZebraPeer.MARC21))
                .set("recordSchema", "marcxml").build();
        connector = SruConnectorFactory.builder().httpClient(http).build().create(target);
        Query query = Query.title("computer");
        request = SearchRequest.builder(query).maxRecords(10).chunkSize(10).build();
        url = new SruRequests(SruSettings.from(target)).searchRetrieve(connector.translate(query).text(), 1, 10)
                .url().toString();
        StringBuilder config = new StringBuilder("silent\n");
        for (int i = 0; i < CURL_BATCH; i++) {
            config.append("url = \"").append(url).append("\"\noutput = \"/dev/null\"\n");
        }
        curlConfig = Files.createTempFile("navette-bench-", ".curl");
        Files.writeString(curlConfig, config, StandardCharsets.UTF_8);
        try (Response r = http.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
            body = r.body().bytes();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        connector.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        zebra.close();
        Files.deleteIfExists(curlConfig);
    }

    @Benchmark
    public SearchOutcome navetteBlocking() {
        return check(connector.search(request, SearchListener.NONE));
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void navetteAsync8(Blackhole bh) {
        List<CompletableFuture<SearchOutcome>> running = new ArrayList<>(8);
        for (int i = 0; i < 8; i++) {
            running.add(connector.searchAsync(request, SearchListener.NONE, Runnable::run));
        }
        for (CompletableFuture<SearchOutcome> f : running) {
            bh.consume(check(f.join()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CURL_BATCH)
    public int curlKeepAlive100() throws IOException, InterruptedException {
        return curl("-K", curlConfig.toString());
    }

    @Benchmark
    public int curlPerRequest() throws IOException, InterruptedException {
        return curl("-s", "-o", "/dev/null", url);
    }

    @Benchmark
    public SruResponse parseOnly() throws IOException, MalformedSruException {
        SruResponse r = parser.parseSearchRetrieve(new ByteArrayInputStream(body), null, 1);
        if (r.records().size() != 10) {
            throw new IllegalStateException("expected 10 records, got " + r.records().size());
        }
        return r;
    }

    private static int curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "--fail"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("curl exited with " + exit);
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
