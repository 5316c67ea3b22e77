package org.navette.demo.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HTTP server on a free port of 127.0.0.1 with two daemon threads of its own: what the
 * demo's SRU server and web OPAC run on.
 *
 * <pre>{@code
 * LoopbackHttpServer http = LoopbackHttpServer.start("demo-sru", "/", exchange -> ...);
 * http.port();
 * http.close();   // stops listening, frees the port
 * }</pre>
 *
 * <p>Thread-safety: handlers run on the server's threads; {@link #close()} from any thread.
 */
final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static LoopbackHttpServer start(String threadName, String path, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.createContext(path, handler);
        server.setExecutor(threads);
        server.start();
        return new LoopbackHttpServer(server, threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Sends a whole response with its length. */
    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
