package org.navette.portal.pazpar2;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A pazpar2 endpoint on a JDK HTTP server on 127.0.0.1, and the requests a browser front end
 * sends it: form-encoded GETs (or POSTs), answers read as XML.
 */
final class Pz2Client implements AutoCloseable {
    record Answer(int status, String contentType, String body, Document xml) {
        Element root() {
            return xml.getDocumentElement();
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Pz2Client(Pazpar2Endpoint endpoint) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(pool);
        server.createContext(Pazpar2Endpoint.PATH, endpoint);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + Pazpar2Endpoint.PATH);
    }

    /** GET with these name, value pairs. */
    Answer get(String... params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "?" + form(params))).GET());
    }

    /** POST of a form with these name, value pairs. */
    Answer post(String... params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    HttpResponse<String> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI base() {
        return base;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = raw(request);
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), Pz2Xml.parse(r.body()));
    }

    static String form(String... params) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            m.put(params[i], params[i + 1]);
        }
        StringJoiner j = new StringJoiner("&");
        m.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
