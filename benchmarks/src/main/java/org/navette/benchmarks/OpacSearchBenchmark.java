package org.navette.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.navette.connector.opac.OpacConnectorFactory;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole Bibliotheca search through the OPAC connector, against a loopback HTTP server (the JDK's)
 * that answers instantly with the real saved pages: what Navette itself costs per scraped search
 * (politeness gates, session cookies, HTTP, parsing, extraction), with the OPAC's think time at zero.
 * The rate limit is set out of the way (100 requests/s, 8 concurrent).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OpacSearchBenchmark
 * </pre>
 *
 * <ul>
 *   <li>{@code listOnly}: one POST, 15 records from the result list;</li>
 *   <li>{@code listAndRecordPages}: the POST plus 10 record pages (one request each) for 10 records.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class OpacSearchBenchmark {
    private HttpServer server;
    private ExecutorService pool;
    private Connector listOnly;
    private Connector withRecordPages;

    @Setup
    public void start() throws IOException {
        byte[] list = OpacExtractionBenchmark.resource("opacclient/bibliotheca/resultlist/mannheim.html");
        byte[] record = OpacExtractionBenchmark.resource("opacclient/bibliotheca/result_detail/mannheim.html");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/read/index.asp", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean search = exchange.getRequestMethod().equals("POST");
            if (search) {
                exchange.getResponseHeaders().add("Set-Cookie", "ASPSESSIONID=BENCH; Path=/");
            }
            send(exchange, search ? list : record);
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/read/";
        OpacConnectorFactory factory = new OpacConnectorFactory();
        listOnly = factory.create(target("list", url, false));
        withRecordPages = factory.create(target("pages", url, true));
    }

    private static TargetConfig target(String id, String url, boolean details) {
        return TargetConfig.builder(id, "opac").set("profile", "bibliotheca").set("url", url)
                .set("requestsPerSecond", 100).set("maxConcurrent", 8).set("fetchDetails", details).build();
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @TearDown
    public void stop() {
        listOnly.close();
        withRecordPages.close();
        server.stop(0);
        pool.shutdownNow();
    }

    private static SearchOutcome search(Connector c, int records) {
        SearchOutcome out = c.search(SearchRequest.builder(Query.any("harry potter")).maxRecords(records).chunkSize(records)
                .timeout(Duration.ofSeconds(30)).build(), SearchListener.NONE);
        if (out.fetched() != records || !out.warnings().isEmpty()) {
            throw new IllegalStateException("expected " + records + " records and no warning, got " + out);
        }
        return out;
    }

    @Benchmark
    public SearchOutcome listOnly() {
        return search(listOnly, 15);
    }

    @Benchmark
    public SearchOutcome listAndRecordPages() {
        return search(withRecordPages, 10);
    }
}
