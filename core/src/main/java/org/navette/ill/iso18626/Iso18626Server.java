package org.navette.ill.iso18626;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An {@link Iso18626Endpoint} on HTTP, as ISO 18626 peers (ReShare, Alma, WorldShare, brokers)
 * send their messages: the XML as the body of a POST to {@code /iso18626} (or {@code /}), the
 * confirmation as the answer. Anything but POST is answered 405. Runs on the JDK's HTTP server
 * with a fixed number of threads, so a flood of peers queues instead of exhausting the machine.
 *
 * <pre>{@code
 * try (IllStateStore state = IllStateStore.openIn(Path.of("navette-ill"));
 *      Iso18626Server server = Iso18626Server.start(Iso18626Endpoint.of(state), new InetSocketAddress("127.0.0.1", 8081), 4)) {
 *     System.out.println("ISO 18626 endpoint at " + server.uri());   // http://127.0.0.1:8081/iso18626
 *     Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class Iso18626Server implements AutoCloseable {
    /** The path peers are told to POST to. */
    public static final String PATH = "/iso18626";

    private final HttpServer server;
    private final ExecutorService workers;
    private final URI uri;

    private Iso18626Server(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + PATH);
    }

    /**
     * Starts serving {@code endpoint} on {@code address} (port 0: any free port) with {@code threads}
     * worker threads.
     *
     * @throws UncheckedIOException when the address cannot be bound (the port is taken, say)
     */
    public static Iso18626Server start(Iso18626Endpoint endpoint, InetSocketAddress address, int threads) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "iso18626-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> answer(endpoint, exchange));
        server.start();
        return new Iso18626Server(server, workers);
    }

    private static void answer(Iso18626Endpoint endpoint, HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals(PATH)) {
                send(exchange, 404, "text/plain; charset=UTF-8", "no endpoint at " + path + "; POST ISO 18626 messages to " + PATH + "\n");
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "text/plain; charset=UTF-8", "POST an ISO 18626 message here\n");
            } else {
                Iso18626Endpoint.Answer a = endpoint.handle(body);
                send(exchange, a.httpStatus(), a.contentType(), a.body());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Where peers POST: {@code http://HOST:PORT/iso18626}. */
    public URI uri() {
        return uri;
    }

    /** Stops accepting, lets messages in progress finish (at most a second), and frees the port. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
