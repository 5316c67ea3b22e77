package org.navette.portal.pazpar2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.navette.federation.Federation;
import org.navette.portal.pazpar2.internal.CommandException;
import org.navette.portal.pazpar2.internal.Commands;
import org.navette.portal.pazpar2.internal.FormParameters;
import org.navette.portal.pazpar2.internal.Pz2Error;
import org.navette.portal.pazpar2.internal.SessionRegistry;
import org.navette.rank.Ranker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pazpar2-compatible web service over a {@link Federation}: mounted at {@code /search.pz2}, it
 * answers pazpar2's commands ({@code init ping search stat show bytarget termlist record stop})
 * with pazpar2's XML, so front ends written for pazpar2 — pz2.js, MasterKey widgets — search
 * Navette's targets unchanged. GET and form-encoded POST are both accepted, as pazpar2 accepts them.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.setExecutor(Executors.newFixedThreadPool(32));   // block=1 holds a thread while it waits
 * Pazpar2Endpoint pz2 = Pazpar2Endpoint.builder(federation)
 *         .maxSessions(500)
 *         .sessionTimeout(Duration.ofSeconds(60))
 *         .build();
 * server.createContext(Pazpar2Endpoint.PATH, pz2);
 * server.start();
 * // new pz2({pazpar2path: "/search.pz2", ...}) in the browser
 * }</pre>
 *
 * <h2>Sessions</h2>
 * {@code init} makes a session (a decimal id, as pazpar2's); each later command names it. A session
 * unused for {@link Builder#sessionTimeout} ends — its search is cancelled — and then answers
 * pazpar2's error 1, "Session does not exist or it has expired", as does an unknown id; pz2.js's
 * {@code ping} (every {@code keepAlive} ms, which {@code init} tells it) keeps it alive. At most
 * {@link Builder#maxSessions} live at once: {@code init} beyond that answers HTTP 503 with error 12
 * (pazpar2 itself has no cap). A new {@code search} in a session cancels the one before.
 *
 * <h2>Queries and records</h2>
 * {@code query} is read as pazpar2 front ends write it — CCL with qualifiers ({@code ti=rose and
 * au=smith}, {@code date=1990-2000}) or plain CQL ({@code title="rose garden"}) — into Navette's one
 * query model. A {@code <hit>}'s {@code recid} is the cluster id; its {@code md-*} fields are the
 * names of pazpar2's default service, and each record of the cluster is a {@code <location>}
 * (target id and name). {@code record} with {@code offset} gives that record as MARCXML; a recid
 * not (or no longer) among the clusters answers error 7 at once (pazpar2 would wait for a target).
 * {@code init}'s settings and {@code service} parameters and a posted service document are ignored.
 * {@code limit} ({@code author=Eco\, Umberto|Eco, U.,date=1983}) narrows the query by those fields.
 * Not supported, and answered with error 11: {@code startrecs} other than 0,
 * filters other than {@code pz:id=}, and the {@code settings}, {@code service} and {@code info} commands.
 *
 * <h2>Blocking</h2>
 * {@code show&block=1} waits, as pazpar2's, until the first records arrive, and then until the
 * search has changed since the session's previous {@code show}; {@code bytarget} and
 * {@code termlist} with {@code block=1} wait for a change since their previous answer. All return
 * when the search ends, and after at most {@link Builder#blockTimeout}. The wait is on the search's
 * own events and holds the server thread: give the {@code HttpServer} an executor with enough threads.
 *
 * <p>Thread-safety: safe for concurrent use. {@link #close()} ends the sessions and cancels their
 * searches; it does not close the federation, which the caller owns.
 */
public final class Pazpar2Endpoint implements HttpHandler, AutoCloseable {
    /** Where pazpar2 serves its web service, and so where front ends look for it. */
    public static final String PATH = "/search.pz2";

    private static final Logger LOG = LoggerFactory.getLogger(Pazpar2Endpoint.class);

    private final SessionRegistry sessions;
    private final Commands commands;
    private final int maxRequestBytes;

    private Pazpar2Endpoint(Builder b) {
        this.sessions = new SessionRegistry(b.maxSessions, b.sessionTimeout, b.clock);
        this.commands = new Commands(b.federation, sessions, b.blockTimeout, b.ranker);
        this.maxRequestBytes = b.maxRequestBytes;
    }

    /** A builder for an endpoint searching this federation. */
    public static Builder builder(Federation federation) {
        return new Builder(federation);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Commands.Answer answer;
            try {
                if (!method.equals("GET") && !method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "GET, POST");
                    throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "method " + method, 405);
                }
                answer = commands.run(parameters(exchange));
            } catch (CommandException e) {
                answer = new Commands.Answer(e.httpStatus(), e.toXml());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = new Commands.Answer(503, new CommandException(Pz2Error.NO_SERVICE, "the server is stopping").toXml());
            } catch (RuntimeException e) {
                LOG.warn("pazpar2 command failed: {}", exchange.getRequestURI(), e);
                answer = new Commands.Answer(500, new CommandException(Pz2Error.NO_SERVICE, "internal error").toXml());
            }
            byte[] body = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            // as pazpar2: answers change from one poll to the next and must never come from a cache
            exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache, must-revalidate");
            exchange.getResponseHeaders().set("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
            exchange.sendResponseHeaders(answer.httpStatus(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            FormParameters.parse(query, params);
        }
        if (exchange.getRequestMethod().equals("POST")) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = readBody(exchange.getRequestBody());
            // a posted text/xml service or settings document is ignored, as pazpar2 ignores content it does not use
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                FormParameters.parse(new String(body, StandardCharsets.UTF_8), params);
            }
        }
        return params;
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE,
                    "request body over " + maxRequestBytes + " bytes", 413);
        }
        return body;
    }

    /** Sessions alive now. */
    public int sessions() {
        return sessions.size();
    }

    /** Ends every session and cancels its search; the federation stays open. */
    @Override
    public void close() {
        sessions.close();
    }

    /**
     * Builds {@link Pazpar2Endpoint}s; each setter validates its value at once, naming the setting.
     * Not thread-safe.
     */
    public static final class Builder {
        private final Federation federation;
        private int maxSessions = 1000;
        private Duration sessionTimeout = Duration.ofSeconds(60);
        private Duration blockTimeout = Duration.ofSeconds(10);
        private int maxRequestBytes = 64 * 1024;
        private Clock clock = Clock.systemUTC();
        private Ranker ranker = Ranker.ofDefaults();

        private Builder(Federation federation) {
            this.federation = Objects.requireNonNull(federation, "federation");
        }

        /** Sessions alive at once (default 1000); range 1..1000000. */
        public Builder maxSessions(int maxSessions) {
            if (maxSessions < 1 || maxSessions > 1_000_000) {
                throw new IllegalArgumentException("maxSessions must be within 1..1000000, was " + maxSessions);
            }
            this.maxSessions = maxSessions;
            return this;
        }

        /** How long an unused session lives (default 60 s, pazpar2's); 1 s to 24 h. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = within("sessionTimeout", sessionTimeout, Duration.ofSeconds(1), Duration.ofHours(24));
            return this;
        }

        /** The longest a {@code block=1} command waits (default 10 s); 1 ms to 5 min. */
        public Builder blockTimeout(Duration blockTimeout) {
            this.blockTimeout = within("blockTimeout", blockTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
            return this;
        }

        /** The largest POST body read (default 64 KiB); range 1 KiB..16 MiB. */
        public Builder maxRequestBytes(int maxRequestBytes) {
            if (maxRequestBytes < 1024 || maxRequestBytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be within 1024..16777216, was " + maxRequestBytes);
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /** The clock session idle times are measured on (default: system UTC); tests inject their own. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Orders hits when {@code show} asks for another sort than the search's (default
         * {@link Ranker#ofDefaults()}); give the federation's own ranker if it has a custom one.
         */
        public Builder ranker(Ranker ranker) {
            this.ranker = Objects.requireNonNull(ranker, "ranker");
            return this;
        }

        public Pazpar2Endpoint build() {
            return new Pazpar2Endpoint(this);
        }

        private static Duration within(String name, Duration value, Duration min, Duration max) {
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
            }
            return value;
        }
    }
}
