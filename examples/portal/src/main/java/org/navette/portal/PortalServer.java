package org.navette.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.navette.federation.Federation;
import org.navette.portal.internal.ApiHandler;
import org.navette.portal.internal.EventStream;
import org.navette.portal.internal.SearchJson;
import org.navette.portal.internal.SearchRegistry;
import org.navette.portal.internal.StaticFiles;
import org.navette.target.TargetConfig;

/**
 * The Navette portal: a search page whose results stream in as targets answer, and the JSON API
 * behind it ({@code /api/search?q=CQL}, {@code /api/search/{id}}, {@code /api/search/{id}/events},
 * {@code /api/record/{cluster}}, {@code /api/borrow}; see the module's README), on the JDK's HTTP
 * server.
 *
 * <pre>{@code
 * try (PortalServer portal = PortalServer.builder()
 *         .targets(TargetsFile.read(Path.of("targets.json")))
 *         .port(8080)
 *         .borrowDesk(desk)                              // optional: "ask to borrow"
 *         .mount("/search.pz2", pazpar2Handler)           // optional: more endpoints
 *         .start()) {
 *     System.out.println("open " + portal.uri());
 *     ...
 * }
 * }</pre>
 *
 * <h2>Threads and limits</h2>
 * Requests run on one bounded pool ({@link Builder#threads}). An event stream holds its thread
 * while its search runs — the search's deadline bounds that — and ends when the search ends or the
 * client leaves; at most {@link Builder#maxStreams} are open at once, fewer than the threads, so
 * short requests always find one. At most {@link Builder#maxSearches} searches run at once (one
 * more answers 429) and {@link Builder#maxSessions} are kept (a full portal drops the finished
 * search asked about least recently, or answers 503 when all still run); a search nobody asks
 * about for {@link Builder#searchExpiry} is cancelled and dropped. {@link #close()} cancels every
 * search, ends every stream and stops every thread the portal started.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class PortalServer implements AutoCloseable {
    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService sweeper;
    private final SearchRegistry searches;
    private final ApiHandler api;
    private final @Nullable Federation ownedFederation;
    private final InetSocketAddress address;
    private boolean closed;

    private PortalServer(HttpServer http, ThreadPoolExecutor pool, ScheduledExecutorService sweeper, SearchRegistry searches,
                         ApiHandler api, @Nullable Federation ownedFederation) {
        this.http = http;
        this.pool = pool;
        this.sweeper = sweeper;
        this.searches = searches;
        this.api = api;
        this.ownedFederation = ownedFederation;
        this.address = http.getAddress();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the portal listens on (with the port chosen when {@link Builder#port} was 0). */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Searches kept now, running or finished. */
    public int searchesKept() {
        return searches.size();
    }

    /** Kept searches still running. */
    public int searchesRunning() {
        return searches.running();
    }

    /** Event streams open now. */
    public int openStreams() {
        return api.openStreams();
    }

    /**
     * Cancels every search, closes every connection and stops the portal's threads (and the
     * federation, when the portal built it from {@link Builder#targets}). A federation or borrow
     * desk given to the builder stays open: its owner closes it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sweeper.shutdownNow();
        searches.close();
        http.stop(0);
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("portal threads still running 10 s after close: " + pool);
            }
            sweeper.awaitTermination(10, TimeUnit.SECONDS);
            JoinableThreads.join(pool.getThreadFactory(), 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownedFederation != null) {
                ownedFederation.close();
            }
        }
    }

    /** Builds and starts a {@link PortalServer}; each setter validates its value at once. Not thread-safe. */
    public static final class Builder {
        private @Nullable Federation federation;
        private @Nullable List<TargetConfig> targets;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int port = 8080;
        private int threads = 48;
        private int maxStreams = 32;
        private int maxSearches = 16;
        private int maxSessions = 200;
        private Duration searchExpiry = Duration.ofMinutes(10);
        private Duration searchDeadline = Duration.ofSeconds(10);
        private Duration slowAfter = Duration.ofSeconds(3);
        private int maxRecordsPerTarget = 20;
        private @Nullable BorrowDesk borrowDesk;
        private Clock clock = Clock.systemUTC();
        private final Map<String, HttpHandler> mounts = new LinkedHashMap<>();

        private Builder() {
        }

        /** Search with this federation, which the caller built and closes. */
        public Builder federation(Federation federation) {
            this.federation = Objects.requireNonNull(federation, "federation");
            this.targets = null;
            return this;
        }

        /**
         * Search these targets with a federation the portal builds (with the search deadline and
         * records per target set here) and closes with itself.
         *
         * @throws IllegalArgumentException when empty
         */
        public Builder targets(List<TargetConfig> targets) {
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("targets must name at least one target, was " + targets);
            }
            this.targets = List.copyOf(targets);
            this.federation = null;
            return this;
        }

        /** The address to listen on (default: 127.0.0.1, this machine only). */
        public Builder bind(InetAddress bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /**
         * The address to listen on, as a name or literal ({@code 0.0.0.0} for every interface).
         *
         * @throws IllegalArgumentException when it does not resolve
         */
        public Builder bind(String address) {
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("bind address must not be blank");
            }
            try {
                return bind(InetAddress.getByName(address.strip()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bind address '" + address + "' does not resolve", e);
            }
        }

        /** @throws IllegalArgumentException unless within 0..65535 (0: any free port, read it back with {@link #port()}) */
        public Builder port(int port) {
            this.port = within("port", port, 0, 65_535);
            return this;
        }

        /** Request threads (default 48); must exceed {@link #maxStreams}. @throws IllegalArgumentException unless within 2..1000 */
        public Builder threads(int threads) {
            this.threads = within("threads", threads, 2, 1000);
            return this;
        }

        /** Event streams open at once (default 32). @throws IllegalArgumentException unless within 1..999 */
        public Builder maxStreams(int maxStreams) {
            this.maxStreams = within("maxStreams", maxStreams, 1, 999);
            return this;
        }

        /** Searches running at once (default 16); one more answers 429. @throws IllegalArgumentException unless within 1..10000 */
        public Builder maxSearches(int maxSearches) {
            this.maxSearches = within("maxSearches", maxSearches, 1, 10_000);
            return this;
        }

        /** Searches kept, running or finished (default 200); at least {@link #maxSearches}. @throws IllegalArgumentException unless within 1..100000 */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = within("maxSessions", maxSessions, 1, 100_000);
            return this;
        }

        /** How long a search nobody asks about is kept (default 10 min). @throws IllegalArgumentException unless positive */
        public Builder searchExpiry(Duration searchExpiry) {
            this.searchExpiry = positive(searchExpiry, "searchExpiry");
            return this;
        }

        /** Each search's overall deadline (default 10 s). @throws IllegalArgumentException unless positive */
        public Builder searchDeadline(Duration searchDeadline) {
            this.searchDeadline = positive(searchDeadline, "searchDeadline");
            return this;
        }

        /** When the progress strip calls a running target slow (default 3 s). @throws IllegalArgumentException unless positive */
        public Builder slowAfter(Duration slowAfter) {
            this.slowAfter = positive(slowAfter, "slowAfter");
            return this;
        }

        /** Records fetched per target, at most (default 20). @throws IllegalArgumentException unless within 0..10000 */
        public Builder maxRecordsPerTarget(int maxRecordsPerTarget) {
            this.maxRecordsPerTarget = within("maxRecordsPerTarget", maxRecordsPerTarget, 0, 10_000);
            return this;
        }

        /** Offer "ask to borrow" through this desk (the caller closes it); without one, borrowing answers 501. */
        public Builder borrowDesk(@Nullable BorrowDesk borrowDesk) {
            this.borrowDesk = borrowDesk;
            return this;
        }

        /** The clock of search expiry (default: UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Serves {@code handler} at {@code path} and below (e.g. a pazpar2 endpoint at {@code /search.pz2}),
         * on the portal's request threads.
         *
         * @throws IllegalArgumentException when the path does not start with '/', is the page's or the API's, or is mounted already
         */
        public Builder mount(String path, HttpHandler handler) {
            Objects.requireNonNull(handler, "handler");
            if (path == null || !path.startsWith("/") || path.equals("/") || path.startsWith("/api")
                    || path.equals("/index.html") || path.equals("/app.js") || path.equals("/app.css")) {
                throw new IllegalArgumentException("mount path must start with '/' and not be the page's or under /api, was '"
                        + path + "'");
            }
            if (mounts.putIfAbsent(path, handler) != null) {
                throw new IllegalArgumentException("mount path '" + path + "' is mounted already");
            }
            return this;
        }

        /**
         * Binds the address and starts serving.
         *
         * @throws BindException naming the address when it is taken (or not this machine's)
         * @throws IOException when the server cannot start otherwise
         * @throws IllegalStateException when neither a federation nor targets were given, or the limits disagree
         * @throws org.navette.target.TargetException when the targets cannot be set up
         */
        public PortalServer start() throws IOException {
            if (federation == null && targets == null) {
                throw new IllegalStateException("a portal needs federation(...) or targets(...)");
            }
            if (maxStreams >= threads) {
                throw new IllegalStateException("maxStreams (" + maxStreams + ") must be below threads (" + threads
                        + ") so that short requests always find a thread");
            }
            if (maxSessions < maxSearches) {
                throw new IllegalStateException("maxSessions (" + maxSessions + ") must be at least maxSearches (" + maxSearches + ")");
            }
            HttpServer http;
            InetSocketAddress at = new InetSocketAddress(bind, port);
            try {
                http = HttpServer.create(at, 100);
            } catch (BindException e) {
                BindException named = new BindException("cannot listen on " + bind.getHostAddress() + ":" + port + ": "
                        + (e.getMessage() == null ? "address in use" : e.getMessage().toLowerCase(java.util.Locale.ROOT)));
                named.initCause(e);
                throw named;
            }
            Federation owned = null;
            ThreadPoolExecutor pool = null;
            ScheduledExecutorService sweeper = null;
            try {
                if (federation == null) {
                    owned = Federation.builder().targets(Objects.requireNonNull(targets)).deadline(searchDeadline)
                            .targetTimeout(searchDeadline).maxRecordsPerTarget(maxRecordsPerTarget).build();
                }
                Federation engine = owned != null ? owned : Objects.requireNonNull(federation);
                pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                        named("navette-portal-http"));
                pool.allowCoreThreadTimeOut(true);  // an idle portal holds no request thread
                sweeper = Executors.newSingleThreadScheduledExecutor(named("navette-portal-expiry"));
                SearchRegistry searches = new SearchRegistry(maxSearches, maxSessions, searchExpiry, clock);
                ObjectMapper mapper = new ObjectMapper();
                SearchJson json = new SearchJson(mapper, slowAfter);
                ApiHandler api = new ApiHandler(new ApiHandler.Settings(engine, searches, json,
                        new EventStream(json, Duration.ofMillis(200), Duration.ofSeconds(15), clock), maxStreams, searchDeadline,
                        maxRecordsPerTarget, borrowDesk));
                http.setExecutor(pool);
                http.createContext("/", new StaticFiles(mapper));
                http.createContext("/api/", api);
                mounts.forEach(http::createContext);
                long sweepMs = Math.max(50, Math.min(searchExpiry.toMillis() / 2, 30_000));
                sweeper.scheduleWithFixedDelay(searches::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
                http.start();
                return new PortalServer(http, pool, sweeper, searches, api, owned);
            } catch (RuntimeException e) {
                http.stop(0);
                if (pool != null) {
                    pool.shutdownNow();
                }
                if (sweeper != null) {
                    sweeper.shutdownNow();
                }
                if (owned != null) {
                    owned.close();
                }
                throw e;
            }
        }

        private static int within(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
            }
            return value;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        private static ThreadFactory named(String prefix) {
            return new JoinableThreads(prefix);
        }
    }

    /**
     * Names the portal's threads and keeps them, so that close can join them: an executor counts as
     * terminated once its last task returned, while its worker threads may still be exiting.
     */
    private static final class JoinableThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger n = new AtomicInteger();
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        JoinableThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            threads.removeIf(t -> !t.isAlive());  // idle threads time out and are made again: forget the dead
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        }

        static void join(ThreadFactory factory, long millis) throws InterruptedException {
            if (factory instanceof JoinableThreads joinable) {
                for (Thread t : joinable.threads) {
                    t.join(millis);
                }
            }
        }
    }
}
