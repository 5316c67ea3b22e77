package org.navette.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every portal answer shares: the security headers, JSON bodies and JSON errors
 * ({@code {"error": "...", "status": 429}}), and the query string read as UTF-8 parameters.
 *
 * <pre>{@code
 * Exchanges.sendError(mapper, exchange, 404, "no search " + id + " (it may have expired)");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Exchanges {
    /** Only this portal's own files and API; no inline script or style, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Exchanges() {
    }

    /** Headers on every answer, pages and API alike. */
    public static void secure(HttpExchange ex) {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
    }

    public static void sendJson(ObjectMapper mapper, HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        secure(ex);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void sendError(ObjectMapper mapper, HttpExchange ex, int status, String message) throws IOException {
        if (status == 429 || status == 503) {
            ex.getResponseHeaders().set("Retry-After", "5");
        }
        sendJson(mapper, ex, status, mapper.createObjectNode().put("error", message).put("status", status));
    }

    /** The query string's parameters, decoded; the first value of a repeated name wins. */
    public static Map<String, String> parameters(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /**
     * A percent-encoded URL part, decoded as UTF-8.
     *
     * @throws IllegalArgumentException for a malformed escape
     */
    public static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
