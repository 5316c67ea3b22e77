package org.navette.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.navette.federation.Federation;
import org.navette.federation.SearchOptions;
import org.navette.federation.SearchResult;
import org.navette.ill.AgencyId;
import org.navette.ill.IllStateException;
import org.navette.ill.LenderPlan;
import org.navette.match.Cluster;
import org.navette.portal.BorrowDesk;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.query.QuerySyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api/}: starting searches and reading their snapshots, their event
 * streams, a cluster in full, asking to borrow, and the portal's settings for the page. Every
 * failure is a JSON error with a status that says whose fault it is: 400 bad input, 404 unknown
 * id, 405 wrong method, 429/503 a limit, 501 interlending not configured.
 *
 * <pre>{@code
 * server.createContext("/api/", new ApiHandler(settings));
 * }</pre>
 *
 * <p>Thread-safety: safe; one handler serves every request.
 */
public final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /**
     * Longest a request may hold its thread waiting for a fuller snapshot ({@code wait=}); such
     * requests and event streams together stay within the streams' limit (beyond it, no wait).
     */
    static final int MAX_WAIT_MS = 5_000;
    /** Largest borrow request body read. */
    static final int MAX_BODY = 16 * 1024;

    /**
     * What the handler needs from its server.
     *
     * @param federation     the engine
     * @param searches       the kept searches
     * @param json           the JSON shapes
     * @param stream         writes event streams
     * @param maxStreams     event streams open at once, at most
     * @param searchDeadline each search's overall deadline
     * @param maxRecords     records per target, at most ({@code max=} may ask fewer)
     * @param borrowDesk     interlending, or null when not configured
     */
    public record Settings(Federation federation, SearchRegistry searches, SearchJson json, EventStream stream,
                           int maxStreams, Duration searchDeadline, int maxRecords, @Nullable BorrowDesk borrowDesk) {
    }

    private final Settings s;
    private final ObjectMapper mapper;
    private final AtomicInteger streams = new AtomicInteger();
    /** Requests holding their thread on {@code wait=}; they share the streams' budget. */
    private final AtomicInteger waiting = new AtomicInteger();

    public ApiHandler(Settings settings) {
        this.s = settings;
        this.mapper = settings.json().mapper();
    }

    /** Event streams open now. */
    public int openStreams() {
        return streams.get();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        // closed in finally, not by try-with-resources: that would close the exchange before a catch answers
        try {
            route(ex);
        } catch (LimitExceeded e) {
            Exchanges.sendError(mapper, ex, e.status(), e.getMessage());
        } catch (BadRequest e) {
            Exchanges.sendError(mapper, ex, e.status, e.getMessage());
        } catch (IOException e) {
            LOG.debug("client left during {} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            try {
                Exchanges.sendError(mapper, ex, 500, "the portal failed on this request: " + e.getMessage());
            } catch (IOException | RuntimeException alreadyAnswering) {
                LOG.debug("could not answer the failure", alreadyAnswering);
            }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String[] parts = Arrays.stream(path.substring("/api/".length()).split("/", -1)).map(ApiHandler::decodePart)
                .toArray(String[]::new);
        String method = ex.getRequestMethod();
        switch (parts[0]) {
            case "config" -> {
                allow(method, "GET");
                Exchanges.sendJson(mapper, ex, 200, config());
            }
            case "search" -> {
                if (parts.length == 1 || parts.length == 2 && parts[1].isEmpty()) {
                    allow(method, "GET");
                    startSearch(ex);
                } else if (parts.length == 2) {
                    allow(method, "GET", "DELETE");
                    if (method.equals("DELETE")) {
                        if (!s.searches().remove(parts[1])) {
                            throw new BadRequest(404, noSearch(parts[1]));
                        }
                        Exchanges.secure(ex);
                        ex.sendResponseHeaders(204, -1);
                    } else {
                        SearchSession session = session(parts[1]);
                        Exchanges.sendJson(mapper, ex, 200, s.json().snapshot(session.id(), awaited(ex, session)));
                    }
                } else if (parts.length == 3 && parts[2].equals("events")) {
                    allow(method, "GET");
                    stream(ex, session(parts[1]));
                } else {
                    throw new BadRequest(404, "no such API path: " + path);
                }
            }
            case "record" -> {
                allow(method, "GET");
                if (parts.length != 2 || parts[1].isEmpty()) {
                    throw new BadRequest(404, "no such API path: " + path + " (use /api/record/{cluster})");
                }
                Found f = cluster(parts[1], Exchanges.parameters(ex).get("search"));
                Exchanges.sendJson(mapper, ex, 200, s.json().record(f.searchId, f.cluster));
            }
            case "borrow" -> {
                allow(method, "POST");
                borrow(ex);
            }
            default -> throw new BadRequest(404, "no such API path: " + path);
        }
    }

    private ObjectNode config() {
        ObjectNode n = mapper.createObjectNode();
        n.put("borrow", s.borrowDesk() != null);
        n.put("slowAfterMs", s.json().slowAfterMs());
        n.put("searchDeadlineMs", s.searchDeadline().toMillis());
        ArrayNode targets = n.putArray("targets");
        s.federation().targets().forEach(t -> targets.addObject().put("id", t.id())
                .put("name", t.string("name").orElse(t.id())).put("protocol", t.protocol()));
        return n;
    }

    private void startSearch(HttpExchange ex) throws IOException {
        Map<String, String> p = Exchanges.parameters(ex);
        String q = p.get("q");
        if (q == null || q.isBlank()) {
            throw new BadRequest(400, "give the query as q=CQL, e.g. /api/search?q=title%3Dcomputer");
        }
        Query query;
        try {
            query = CqlParser.parse(q);
        } catch (QuerySyntaxException e) {
            throw new BadRequest(400, "bad query: " + e.getMessage());
        }
        SearchOptions.Builder options = SearchOptions.builder().deadline(s.searchDeadline())
                .maxRecordsPerTarget(intParameter(p, "max", 0, s.maxRecords(), s.maxRecords()));
        String targets = p.get("targets");
        if (targets != null && !targets.isBlank()) {
            Set<String> ids = new LinkedHashSet<>(Arrays.asList(targets.split(",")));
            Set<String> known = new LinkedHashSet<>();
            s.federation().targets().forEach(t -> known.add(t.id()));
            if (!known.containsAll(ids)) {
                throw new BadRequest(400, "unknown target in targets=" + targets + "; this portal has " + known);
            }
            options.targets(ids);
        }
        SearchOptions o = options.build();
        SearchSession session = s.searches().start(() -> s.federation().search(query, o));
        ex.getResponseHeaders().set("Location", "/api/search/" + session.id());
        Exchanges.sendJson(mapper, ex, 200, s.json().snapshot(session.id(), awaited(ex, session)));
    }

    /** The snapshot now, or once the search ends or {@code wait=} milliseconds pass. */
    private SearchResult awaited(HttpExchange ex, SearchSession session) {
        int wait = intParameter(Exchanges.parameters(ex), "wait", 0, MAX_WAIT_MS, 0);
        if (wait == 0) {
            return session.search().snapshot();
        }
        // waiting is a courtesy: with the long-lived requests' budget spent, answer at once instead
        if (waiting.incrementAndGet() + streams.get() > s.maxStreams()) {
            waiting.decrementAndGet();
            return session.search().snapshot();
        }
        try {
            return session.search().await(Duration.ofMillis(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return session.search().snapshot();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void stream(HttpExchange ex, SearchSession session) throws IOException {
        if (streams.incrementAndGet() > s.maxStreams()) {
            streams.decrementAndGet();
            throw new LimitExceeded(503, s.maxStreams() + " event streams are open, the most this portal serves at once; "
                    + "poll /api/search/" + session.id() + " instead or try again shortly");
        }
        try {
            s.stream().run(ex, session);
        } finally {
            streams.decrementAndGet();
        }
    }

    private void borrow(HttpExchange ex) throws IOException {
        BorrowDesk desk = s.borrowDesk();
        if (desk == null) {
            throw new BadRequest(501, "interlending is not configured on this portal (start it with a network policy: "
                    + "navette serve --policy FILE)");
        }
        JsonNode body = body(ex);
        String clusterId = text(body, "cluster");
        String requesterText = text(body, "requester");
        if (clusterId == null || requesterText == null) {
            throw new BadRequest(400, "a borrow request needs \"cluster\" and \"requester\" (the requesting library, "
                    + "e.g. ISIL:FR-39198)");
        }
        AgencyId requester;
        try {
            requester = AgencyId.parse(requesterText);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "requester: " + e.getMessage());
        }
        Found f = cluster(clusterId, text(body, "search"));
        BorrowDesk.Outcome o;
        try {
            o = desk.borrow(f.cluster, requester, text(body, "patron"), text(body, "note"));
        } catch (IllStateException e) {
            throw new BadRequest(500, "the request could not be recorded: " + e.getMessage());
        }
        ObjectNode n = mapper.createObjectNode();
        n.put("requestId", o.requestId());
        n.put("state", SearchJson.label(o.state().name()));
        n.put("cluster", o.clusterId());
        n.put("requester", o.requester().toString());
        n.put("patron", o.patron());
        n.put("note", o.note());
        n.put("summary", o.summary());
        ArrayNode lenders = n.putArray("lenders");
        for (LenderPlan.Lender l : o.lenders()) {
            lenders.addObject().put("library", l.library()).put("agency", l.agency().toString()).put("reason", l.reason());
        }
        ArrayNode exclusions = n.putArray("exclusions");
        for (LenderPlan.Exclusion x : o.exclusions()) {
            exclusions.addObject().put("library", x.library()).put("reason", x.reason());
        }
        Exchanges.sendJson(mapper, ex, 201, n);
    }

    private JsonNode body(HttpExchange ex) throws IOException {
        // JSON only: a form or text/plain post from another site's page (no CORS preflight) is refused
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "send the borrow request as Content-Type: application/json");
        }
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, "a borrow request is at most " + MAX_BODY + " bytes of JSON");
        }
        try {
            JsonNode n = mapper.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new BadRequest(400, "the body must be one JSON object, e.g. {\"cluster\": \"...\", \"requester\": \"...\"}");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private record Found(String searchId, Cluster cluster) {
    }

    /** The cluster in the given search, else in the kept searches, newest first. */
    private Found cluster(String clusterId, @Nullable String searchId) {
        if (searchId != null) {
            SearchSession session = session(searchId);
            return find(session, clusterId)
                    .orElseThrow(() -> new BadRequest(404, "no cluster " + clusterId + " in search " + searchId));
        }
        for (SearchSession session : s.searches().newestFirst()) {
            Optional<Found> f = find(session, clusterId);
            if (f.isPresent()) {
                return f.get();
            }
        }
        throw new BadRequest(404, "no cluster " + clusterId + " in the searches this portal keeps (they expire)");
    }

    private static Optional<Found> find(SearchSession session, String clusterId) {
        return session.search().snapshot().clusterList().stream().filter(c -> c.id().equals(clusterId)).findFirst()
                .map(c -> new Found(session.id(), c));
    }

    private SearchSession session(String id) {
        return s.searches().get(id).orElseThrow(() -> new BadRequest(404, noSearch(id)));
    }

    private static String noSearch(String id) {
        return "no search " + id + " (unknown, or expired)";
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new BadRequest(405, method + " is not allowed here; use " + String.join(" or ", allowed));
    }

    private static int intParameter(Map<String, String> p, String name, int min, int max, int fallback) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest(400, name + " must be a whole number within " + min + ".." + max + ", was '" + v + "'");
    }

    private static String decodePart(String part) {
        try {
            return Exchanges.decode(part);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad escape in the path: " + part);
        }
    }

    /** A request the API answers with an error status. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
