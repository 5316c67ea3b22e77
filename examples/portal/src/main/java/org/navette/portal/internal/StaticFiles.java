package org.navette.portal.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's three files from the classpath ({@code org/navette/portal/web/}), read once. Only
 * those names are served — a path is looked up in a fixed table, never joined to a folder — so
 * no request can reach another resource, {@code ../} or not.
 *
 * <pre>{@code
 * server.createContext("/", new StaticFiles(mapper));   // /, /index.html, /app.js, /app.css
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class StaticFiles implements HttpHandler {
    private record File(byte[] bytes, String contentType) {
    }

    private final ObjectMapper mapper;
    private final Map<String, File> files;

    public StaticFiles(ObjectMapper mapper) {
        this.mapper = mapper;
        File index = load("index.html", "text/html; charset=utf-8");
        files = Map.of("/", index, "/index.html", index,
                "/app.js", load("app.js", "text/javascript; charset=utf-8"),
                "/app.css", load("app.css", "text/css; charset=utf-8"));
    }

    private static File load(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/org/navette/portal/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the portal page's " + name + " is missing from the classpath");
            }
            return new File(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            File f = files.get(ex.getRequestURI().getPath());
            if (f == null) {
                Exchanges.sendError(mapper, ex, 404, "no such page: " + ex.getRequestURI().getPath());
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                Exchanges.sendError(mapper, ex, 405, method + " is not allowed here; use GET");
                return;
            }
            Exchanges.secure(ex);
            ex.getResponseHeaders().set("Content-Type", f.contentType());
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, f.bytes().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(f.bytes());
            }
        }
    }
}
