package org.navette.federation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.navette.federation.internal.AdmissionQueue;
import org.navette.federation.internal.EngineContext;
import org.navette.federation.internal.EngineMetrics;
import org.navette.federation.internal.RecordDecoder;
import org.navette.federation.internal.SearchRun;
import org.navette.federation.internal.TargetGuard;
import org.navette.federation.internal.NormaliserDecoder;
import org.navette.match.Matcher;
import org.navette.normalise.Normaliser;
import org.navette.query.Query;
import org.navette.rank.Ranker;
import org.navette.rank.SortOrder;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches many library catalogues at once: one query fanned out to every target (Z39.50, SRU,
 * web OPACs...), the records normalised, clustered and ranked as they arrive, each target guarded
 * so that a slow or dead one never holds the others hostage. Built once and shared — by a portal,
 * for every user and every search.
 *
 * <pre>{@code
 * Federation federation = Federation.builder()
 *         .targets(TargetsFile.read(Path.of("targets.json")))
 *         .deadline(Duration.ofSeconds(10))
 *         .maxRecordsPerTarget(20)
 *         .build();
 *
 * SearchResult result = federation.searchAndWait(CqlParser.parse("title=opera and author=verdi"));
 * result.clusters().forEach(rc -> System.out.println(rc.cluster().representative().title()));
 * result.targets().forEach(System.out::println);        // zebra done hits=4 fetched=4 85ms ...
 *
 * FederatedSearch live = federation.search(query);       // or stream it
 * live.subscribe(subscriber);
 * SearchResult soFar = live.await(Duration.ofSeconds(2));
 * }</pre>
 *
 * <h2>Threads and limits</h2>
 * Connectors run their searches asynchronously ({@link Connector#searchAsync}: the Z39.50
 * multiplexer, OkHttp's dispatcher), so an in-flight target search holds no thread of the federation.
 * Records are normalised and clustered on a bounded CPU pool ({@link Builder#cpuThreads}); connectors
 * that can only block run on a bounded pool of their own ({@link Builder#blockingThreads}); one
 * scheduler thread runs timeouts, retries and deadlines. At most {@link Builder#maxInFlight} target
 * searches run at once across all searches, and each target caps its own
 * ({@link ResilienceSettings#maxConcurrent()}); what waits, waits in a queue, not on a thread.
 * Idle pool threads end after a while, so an idle federation holds few threads.
 *
 * <h2>Resilience</h2>
 * Each target has a circuit breaker, a bulkhead, a time limiter, a retry for connect-level
 * failures and, for scraped OPACs, a rate limiter — shared by all searches of the federation and
 * configured per target ({@link ResilienceSettings}).
 *
 * <p>Thread-safety: immutable after {@link Builder#build()}; every method is safe for concurrent use.
 */
public final class Federation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Federation.class);

    private final Map<String, TargetGuard> guards;
    private final EngineContext ctx;
    private final Duration deadline;
    private final int maxRecordsPerTarget;
    private final int chunkSize;
    private final SortOrder sort;
    private final List<ExecutorService> ownedPools;
    private final Set<SearchRun> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong searchSeq = new AtomicLong();
    private volatile boolean closed;

    private Federation(Map<String, TargetGuard> guards, EngineContext ctx, Builder b, List<ExecutorService> ownedPools) {
        this.guards = Collections.unmodifiableMap(guards);
        this.ctx = ctx;
        this.deadline = b.deadline;
        this.maxRecordsPerTarget = b.maxRecordsPerTarget;
        this.chunkSize = b.chunkSize;
        this.sort = b.sort;
        this.ownedPools = ownedPools;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A federation of these targets with the connectors on the class path and default settings. */
    public static Federation of(Collection<TargetConfig> targets) {
        return builder().targets(targets).build();
    }

    /** Starts a search of every enabled target with the federation's settings. */
    public FederatedSearch search(Query query) {
        return search(query, SearchOptions.ofDefaults());
    }

    /**
     * Starts a search; returns at once with its handle.
     *
     * @throws IllegalArgumentException when the options name a target this federation does not have
     * @throws IllegalStateException when the federation is closed
     */
    public FederatedSearch search(Query query, SearchOptions options) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(options, "options");
        if (closed) {
            throw new IllegalStateException("the federation is closed");
        }
        List<TargetGuard> chosen = new ArrayList<>();
        if (options.targets().isPresent()) {
            for (String id : options.targets().get()) {
                TargetGuard g = guards.get(id);
                if (g == null) {
                    throw new IllegalArgumentException("unknown target '" + id + "'; this federation has " + guards.keySet());
                }
            }
            guards.values().stream().filter(g -> options.targets().get().contains(g.id())).forEach(chosen::add);
        } else {
            chosen.addAll(guards.values());
        }
        String id = "s" + searchSeq.incrementAndGet();
        SearchRun.Limits limits = new SearchRun.Limits(
                options.maxRecordsPerTarget().isPresent() ? options.maxRecordsPerTarget().getAsInt() : null,
                maxRecordsPerTarget, chunkSize);
        SearchRun run = new SearchRun(id, query, chosen, limits, options.deadline().orElse(deadline),
                options.sort().orElse(sort), options.listener(), ctx, running::remove);
        running.add(run);
        run.start();
        return run;
    }

    /**
     * Runs a search and waits for its end, bounded by the overall deadline.
     *
     * @throws org.navette.NavetteException when the waiting thread is interrupted (the search is cancelled)
     */
    public SearchResult searchAndWait(Query query) {
        return searchAndWait(query, SearchOptions.ofDefaults());
    }

    /** {@link #searchAndWait(Query)} with options. */
    public SearchResult searchAndWait(Query query, SearchOptions options) {
        FederatedSearch s = search(query, options);
        try {
            return s.await();
        } catch (InterruptedException e) {
            s.cancel();
            Thread.currentThread().interrupt();
            throw new org.navette.NavetteException("interrupted while waiting for search " + s.id(), e);
        }
    }

    /** The targets searched by default, in order. */
    public List<TargetConfig> targets() {
        return guards.values().stream().map(TargetGuard::config).toList();
    }

    /** The resilience settings in force for a target. */
    public ResilienceSettings resilience(String targetId) {
        return guard(targetId).resilience();
    }

    /** Where the target's circuit breaker stands. */
    public CircuitState circuitState(String targetId) {
        return guard(targetId).circuitState();
    }

    /** Searches running now. */
    public int runningSearches() {
        return running.size();
    }

    private TargetGuard guard(String targetId) {
        TargetGuard g = guards.get(targetId);
        if (g == null) {
            throw new IllegalArgumentException("unknown target '" + targetId + "'; this federation has " + guards.keySet());
        }
        return g;
    }

    /**
     * Cancels running searches, closes the connectors (their pooled connections) and stops the
     * pools this federation created (not injected ones). Searches cannot start afterwards.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SearchRun r : List.copyOf(running)) {
            r.cancel();
        }
        guards.values().forEach(TargetGuard::close);
        ctx.metrics().close();
        ownedPools.forEach(ExecutorService::shutdown);
        LOG.debug("federation closed: {} targets", guards.size());
    }

    /**
     * Builds {@link Federation}s; setters validate at once with a message naming the setting and
     * the value. Not thread-safe.
     */
    public static final class Builder {
        private final List<TargetConfig> targets = new ArrayList<>();
        private ConnectorRegistry registry;
        private Duration deadline = Duration.ofSeconds(20);
        private Duration targetTimeout = Duration.ofSeconds(10);
        private int maxRecordsPerTarget = 20;
        private int chunkSize = 10;
        private int maxInFlight = 512;
        private int cpuThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int blockingThreads = 32;
        private int subscriberBuffer = 1024;
        private Executor cpu;
        private Executor blocking;
        private ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemUTC();
        private Object meterRegistry;
        private Matcher matcher = Matcher.ofDefaults();
        private Ranker ranker = Ranker.ofDefaults();
        private SortOrder sort = SortOrder.RELEVANCE;
        private ResilienceSettings resilience = ResilienceSettings.ofDefaults();
        private RecordDecoder decoder;

        private Builder() {
        }

        /** Adds a target (a disabled one, {@code "enabled": false}, is left out). */
        public Builder target(TargetConfig target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /** Adds targets, e.g. from {@link TargetsFile#read}. */
        public Builder targets(Collection<TargetConfig> list) {
            Objects.requireNonNull(list, "targets").forEach(this::target);
            return this;
        }

        /** Where connectors come from (default: every {@code ConnectorFactory} on the class path). */
        public Builder registry(ConnectorRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The overall deadline of a search (default 20 s): the result is returned then, whatever is missing. */
        public Builder deadline(Duration deadline) {
            this.deadline = positive("deadline", deadline);
            return this;
        }

        /** A target's time budget when its own {@code timeout} setting is absent (default 10 s). */
        public Builder targetTimeout(Duration targetTimeout) {
            this.targetTimeout = positive("targetTimeout", targetTimeout);
            return this;
        }

        /** Records fetched per target (default 20); a target's {@code maxRecords} caps it. Range 0..10000. */
        public Builder maxRecordsPerTarget(int maxRecordsPerTarget) {
            this.maxRecordsPerTarget = within("maxRecordsPerTarget", maxRecordsPerTarget, 0, 10_000);
            return this;
        }

        /** Records per present/page and per chunk handed on (default 10); a target's {@code chunkSize} wins. Range 1..1000. */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = within("chunkSize", chunkSize, 1, 1000);
            return this;
        }

        /** Target searches in flight at once across all searches (default 512). Range 1..100000. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = within("maxInFlight", maxInFlight, 1, 100_000);
            return this;
        }

        /** Threads of the pool this federation creates for normalising and clustering (default: cores, at least 2). */
        public Builder cpuThreads(int cpuThreads) {
            this.cpuThreads = within("cpuThreads", cpuThreads, 1, 1024);
            return this;
        }

        /** Threads of the pool this federation creates for connectors that block (default 32). */
        public Builder blockingThreads(int blockingThreads) {
            this.blockingThreads = within("blockingThreads", blockingThreads, 1, 4096);
            return this;
        }

        /** Events buffered per Flow subscriber before record events are left out (default 1024). */
        public Builder subscriberBuffer(int subscriberBuffer) {
            this.subscriberBuffer = within("subscriberBuffer", subscriberBuffer, 1, 1_000_000);
            return this;
        }

        /** Runs normalising, clustering and event delivery here instead of a pool of the federation's own. */
        public Builder executor(Executor executor) {
            cpu = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Runs connectors that block here instead of a pool of the federation's own. */
        public Builder blockingExecutor(Executor blockingExecutor) {
            blocking = Objects.requireNonNull(blockingExecutor, "blockingExecutor");
            return this;
        }

        /** Runs timeouts, retries and deadlines here instead of a scheduler thread of the federation's own. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The clock for elapsed times and circuit breaker waits (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Records metrics in this {@code io.micrometer.core.instrument.MeterRegistry} (typed Object so that
         * Navette runs without Micrometer on the class path): per-target latency timers, outcome counters,
         * circuit state gauges, in-flight gauge, search duration. Default: no metrics.
         */
        public Builder meterRegistry(Object meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * The matcher that clusters records (default {@link Matcher#ofDefaults()}). Targets with a
         * {@code priority} setting (an integer, highest first) become its source priority — whose record
         * represents a cluster — unless the matcher's settings name one already.
         */
        public Builder matcher(Matcher matcher) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
            return this;
        }

        /** The ranker of clusters and facets (default {@link Ranker#ofDefaults()}). */
        public Builder ranker(Ranker ranker) {
            this.ranker = Objects.requireNonNull(ranker, "ranker");
            return this;
        }

        /** The default order of clusters (default relevance). */
        public Builder sort(SortOrder sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        /** Resilience settings every target starts from before its own {@code "resilience"} object. */
        public Builder defaultResilience(ResilienceSettings defaultResilience) {
            resilience = Objects.requireNonNull(defaultResilience, "defaultResilience");
            return this;
        }

        /**
         * The normaliser records go through (default {@link Normaliser#ofDefaults()}: format and character
         * set detected per record).
         */
        public Builder normaliser(Normaliser normaliser) {
            decoder = NormaliserDecoder.of(Objects.requireNonNull(normaliser, "normaliser"));
            return this;
        }

        /** How raw records become BibRecords; for tests of the engine's own logic. */
        Builder decoder(RecordDecoder decoder) {
            this.decoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        private static Duration positive(String name, Duration v) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + v);
            }
            return v;
        }

        private static int within(String name, int v, int min, int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + v);
            }
            return v;
        }

        /**
         * Creates every enabled target's connector and guards.
         *
         * @throws IllegalArgumentException when there is no enabled target, two share an id, or a target's
         *         configuration is wrong (unknown protocol, unknown or bad key, bad resilience setting)
         */
        public Federation build() {
            Map<String, TargetConfig> enabled = new LinkedHashMap<>();
            for (TargetConfig t : targets) {
                if (enabled.containsKey(t.id())) {
                    throw new IllegalArgumentException("duplicate target id '" + t.id() + "'");
                }
                if (t.bool("enabled", true)) {
                    enabled.put(t.id(), t);
                }
            }
            if (enabled.isEmpty()) {
                throw new IllegalArgumentException("a federation needs at least one enabled target, got " + targets.size()
                        + " target(s)");
            }
            // settings first: a configuration error must not leave connectors or threads behind
            Map<String, ResilienceSettings> resilienceOf = new LinkedHashMap<>();
            Map<String, Duration> timeoutOf = new LinkedHashMap<>();
            for (TargetConfig t : enabled.values()) {
                resilienceOf.put(t.id(), ResilienceSettings.forTarget(t, resilience));
                timeoutOf.put(t.id(), t.duration("timeout").orElse(targetTimeout));
                within("target " + t.id() + ": maxRecords", t.integer("maxRecords", 0), 0, 10_000);
                within("target " + t.id() + ": chunkSize", t.integer("chunkSize", 1), 1, 1000);
            }
            ConnectorRegistry reg = registry != null ? registry : ConnectorRegistry.fromClassPath();
            EngineMetrics metrics = EngineMetrics.forRegistry(meterRegistry);
            Map<String, Connector> connectors = new LinkedHashMap<>();
            Map<String, TargetDiagnostic> unavailable = new LinkedHashMap<>();
            try {
                for (TargetConfig t : enabled.values()) {
                    try {
                        connectors.put(t.id(), reg.create(t));
                    } catch (TargetException e) {
                        // e.g. libyaz missing: the target fails in every search, the others work
                        LOG.warn("target {}: unavailable: {}", t.id(), e.diagnostic());
                        unavailable.put(t.id(), e.diagnostic());
                    }
                }
            } catch (RuntimeException e) {
                connectors.values().forEach(Connector::close);
                throw e;
            }
            List<ExecutorService> owned = new ArrayList<>();
            Executor cpuPool = cpu != null ? cpu : own(owned, pool("navette-federation-cpu", cpuThreads));
            Executor blockingPool = blocking != null ? blocking : own(owned, pool("navette-federation-io", blockingThreads));
            ScheduledExecutorService timer = scheduler != null ? scheduler : own(owned, timer());
            AdmissionQueue admission = new AdmissionQueue(maxInFlight, cpuPool);
            metrics.inFlight(admission::inUse);
            EngineContext ctx = new EngineContext(clock, cpuPool, blockingPool, timer, admission, metrics,
                    decoder != null ? decoder : NormaliserDecoder.ofDefaults(), prioritised(matcher, enabled.values()),
                    ranker, subscriberBuffer);
            Map<String, TargetGuard> guards = new LinkedHashMap<>();
            for (TargetConfig t : enabled.values()) {
                guards.put(t.id(), new TargetGuard(t, connectors.get(t.id()), unavailable.get(t.id()),
                        resilienceOf.get(t.id()), timeoutOf.get(t.id()), ctx));
            }
            return new Federation(guards, ctx, this, owned);
        }

        /**
         * The matcher, told which targets' records represent a cluster first: targets with a
         * {@code priority} setting, highest first — unless the matcher already has a source priority.
         */
        private static Matcher prioritised(Matcher matcher, Collection<TargetConfig> targets) {
            List<TargetConfig> ranked = targets.stream().filter(t -> t.has("priority"))
                    .sorted(java.util.Comparator.comparingInt((TargetConfig t) -> t.integer("priority", 0)).reversed())
                    .toList();
            if (ranked.isEmpty() || !matcher.settings().sourcePriority().isEmpty()) {
                return matcher;
            }
            return Matcher.of(matcher.settings().toBuilder()
                    .sourcePriority(ranked.stream().map(TargetConfig::id).toList()).build());
        }

        private static <T extends ExecutorService> T own(List<ExecutorService> owned, T pool) {
            owned.add(pool);
            return pool;
        }

        private static ThreadPoolExecutor pool(String prefix, int threads) {
            ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemonThreads(prefix));
            p.allowCoreThreadTimeOut(true); // an idle federation holds no pool threads
            return p;
        }

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemonThreads("navette-federation-timer"));
            t.setRemoveOnCancelPolicy(true); // timeouts of finished searches must not pile up
            t.setKeepAliveTime(30, TimeUnit.SECONDS);
            t.allowCoreThreadTimeOut(true);
            return t;
        }

        private static ThreadFactory daemonThreads(String prefix) {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
