package org.navette.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.federation.Federation;
import org.navette.query.CqlParser;
import org.navette.testing.MutableClock;

/**
 * Fifty API sessions at once — each starts a search, reads a snapshot, follows the event stream
 * to its end (or, refused a stream, polls the snapshot until the search ends) and asks for a
 * cluster — against one portal over the real peers. Every session gets its answers or a clean
 * JSON limit error; the portal's threads stay within its pool; the registry empties once the
 * searches expire; closing leaves no thread behind; the heap comes back near where it was.
 * The figures go to {@code target/portal-load.txt}.
 */
class PortalLoadIT {
    static final int SESSIONS = 50;
    static final int THREADS = 24;
    static final int MAX_STREAMS = 16;
    static final int MAX_SEARCHES = 40;
    static final List<String> QUERIES = List.of("title=computer", "computer", "title=computer and year>1970",
            "subject=computers", "title=programming");
    /** Threads that are not the portal's: see {@link #threadsNotIn}. */
    static final java.util.regex.Pattern OTHERS = java.util.regex.Pattern.compile(
            "HttpClient-|navette-federation-|navette-sru-|navette-z3950-|OkHttp |Okio |process reaper");
    @TempDir
    Path data;

    enum Outcome { STREAMED, POLLED, LIMITED }

    @Test
    void fiftyConcurrentSessionsGetAnswersOrCleanLimitsWithinBoundedThreadsAndLeaveNothingBehind() throws Exception {
        MutableClock clock = MutableClock.atEpoch();
        Duration expiry = Duration.ofMinutes(5);
        Set<String> before = Set.of();
        long heapBefore = 0;
        Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, new AtomicInteger());
        }
        List<String> unclean = new ArrayList<>();
        int maxPortalThreads;
        int maxAllThreads;
        long heapPeak;
        long elapsedMs;
        int keptAfterLoad;
        int keptAfterExpiry;
        String threadsLeftAfterClose;
        ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
        ExecutorService clientIo = Executors.newFixedThreadPool(8);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger portalThreadsPeak = new AtomicInteger();
        AtomicInteger allThreadsPeak = new AtomicInteger();
        AtomicLong heapPeakSeen = new AtomicLong();
        try (PortalPeers peers = PortalPeers.start();
             Federation federation = Federation.builder().targets(peers.targets("1")).deadline(Duration.ofSeconds(8))
                     .targetTimeout(Duration.ofSeconds(8)).maxRecordsPerTarget(20).build();
             BorrowDesk desk = BorrowDesk.builder(PortalPeers.policy()).dataDir(data).build()) {
            // one search first, so that the connectors' shared threads (OkHttp's, the Z39.50 multiplexer) are in the baseline
            assertThat(federation.searchAndWait(CqlParser.parse("title=computer")).records()).isGreaterThan(0);
            before = threadNames();
            heapBefore = usedHeapAfterGc();
            PortalServer portal = PortalServer.builder().federation(federation).borrowDesk(desk).port(0).threads(THREADS)
                    .maxStreams(MAX_STREAMS).maxSearches(MAX_SEARCHES).maxSessions(200).searchExpiry(expiry).clock(clock)
                    .start();
            try (portal) {
                sampler.scheduleAtFixedRate(() -> {
                    portalThreadsPeak.accumulateAndGet(portalThreads().size(), Math::max);
                    allThreadsPeak.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount(), Math::max);
                    Runtime rt = Runtime.getRuntime();
                    heapPeakSeen.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                }, 0, 20, TimeUnit.MILLISECONDS);
                ApiClient api = new ApiClient(portal.uri(), clientIo);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < SESSIONS; i++) {
                    String query = QUERIES.get(i % QUERIES.size());
                    done.add(sessions.submit(() -> {
                        go.await();
                        Outcome o = session(api, query, unclean);
                        outcomes.get(o).incrementAndGet();
                        return null;
                    }));
                }
                long start = System.nanoTime();
                go.countDown();
                for (Future<?> d : done) {
                    d.get(2, TimeUnit.MINUTES);
                }
                elapsedMs = (System.nanoTime() - start) / 1_000_000;
                sampler.shutdownNow();
                maxPortalThreads = portalThreadsPeak.get();
                maxAllThreads = allThreadsPeak.get();
                heapPeak = heapPeakSeen.get();
                assertThat(portal.openStreams()).isZero();
                assertThat(portal.searchesRunning()).isZero();
                keptAfterLoad = portal.searchesKept();

                clock.advance(expiry.plusSeconds(1));
                assertThat(api.get("/api/search/expired-now").status()).isEqualTo(404);  // any call sweeps the registry
                keptAfterExpiry = portal.searchesKept();
            }
            threadsLeftAfterClose = String.join(", ", portalThreads());
        } finally {
            sampler.shutdownNow();
            sessions.shutdownNow();
            clientIo.shutdownNow();
            sessions.awaitTermination(10, TimeUnit.SECONDS);
            clientIo.awaitTermination(10, TimeUnit.SECONDS);
        }
        Set<String> leaked = threadsNotIn(before);
        long heapAfter = usedHeapAfterGc();
        String figures = String.format(java.util.Locale.ROOT,
                "PortalLoadIT: %d sessions in %d ms: %d streamed to the end, %d polled after a 503 for the stream, "
                        + "%d refused with a limit (429/503); portal threads peak %d (pool %d + expiry timer 1 + dispatcher 1),"
                        + " all JVM threads peak %d; searches kept after the load %d, after expiry %d; heap used %d MB"
                        + " before, %d MB peak, %d MB after close (after GC); threads left: %s%n",
                SESSIONS, elapsedMs, outcomes.get(Outcome.STREAMED).get(), outcomes.get(Outcome.POLLED).get(),
                outcomes.get(Outcome.LIMITED).get(), maxPortalThreads, THREADS, maxAllThreads, keptAfterLoad,
                keptAfterExpiry, heapBefore >> 20, heapPeak >> 20, heapAfter >> 20, leaked);
        System.out.print(figures);
        Files.writeString(Path.of("target", "portal-load.txt"), figures);

        assertThat(unclean).as("answers that were neither right nor a clean limit error").isEmpty();
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(SESSIONS);
        assertThat(outcomes.get(Outcome.STREAMED).get()).isGreaterThan(0);
        assertThat(outcomes.get(Outcome.STREAMED).get() + outcomes.get(Outcome.POLLED).get()).isGreaterThanOrEqualTo(MAX_STREAMS);
        assertThat(maxPortalThreads).isLessThanOrEqualTo(THREADS + 2);
        assertThat(keptAfterLoad).isEqualTo(outcomes.get(Outcome.STREAMED).get() + outcomes.get(Outcome.POLLED).get());
        assertThat(keptAfterExpiry).isZero();
        assertThat(threadsLeftAfterClose).isEmpty();
        assertThat(leaked).as("threads after close that were not there before").isEmpty();
        assertThat(heapAfter - heapBefore).as("heap growth after close").isLessThan(64L << 20);
    }

    /** One user's session; what it got, with anything unexpected added to {@code unclean}. */
    private static Outcome session(ApiClient api, String query, List<String> unclean) {
        ApiClient.Answer started = api.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (isCleanLimit(started.status(), started.json())) {
            return Outcome.LIMITED;
        }
        if (started.status() != 200) {
            return unclean(unclean, "search " + query + ": " + started.status() + " " + started.raw().body());
        }
        String id = started.json().get("id").asText();
        ApiClient.Answer snapshot = api.get("/api/search/" + id);
        if (snapshot.status() != 200 || !snapshot.json().get("id").asText().equals(id)) {
            return unclean(unclean, "snapshot " + id + ": " + snapshot.status());
        }
        ApiClient.Stream200 stream = api.events("/api/search/" + id + "/events");
        Outcome outcome;
        JsonNode last;
        if (stream.status() == 200) {
            List<ApiClient.Event> events = stream.events();
            if (events.isEmpty() || !events.get(events.size() - 1).name().equals("finished")) {
                return unclean(unclean, "stream " + id + " ended without finished: " + events.size() + " events");
            }
            last = events.get(events.size() - 1).data();
            outcome = Outcome.STREAMED;
        } else if (isCleanLimit(stream.status(), stream.error())) {
            last = pollToTheEnd(api, id);
            outcome = Outcome.POLLED;
        } else {
            return unclean(unclean, "stream " + id + ": " + stream.status());
        }
        if (last.get("clusters").size() > 0) {
            String cluster = last.get("clusters").get(0).get("id").asText();
            ApiClient.Answer record = api.get("/api/record/" + URLEncoder.encode(cluster, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "?search=" + id);
            if (record.status() != 200) {
                return unclean(unclean, "record " + cluster + ": " + record.status());
            }
        }
        return outcome;
    }

    /**
     * Polls the snapshot until the search ends, as the page does: each request may wait up to 5 s,
     * and one the busy portal answered at once is followed by a pause (the protocol is polling).
     */
    private static JsonNode pollToTheEnd(ApiClient api, String id) {
        while (true) {
            long asked = System.nanoTime();
            JsonNode last = api.get("/api/search/" + id + "?wait=5000").json();
            if (last.get("finished").asBoolean()) {
                return last;
            }
            if (System.nanoTime() - asked < Duration.ofMillis(200).toNanos()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static boolean isCleanLimit(int status, JsonNode json) {
        return (status == 429 || status == 503) && json != null && json.path("status").asInt() == status
                && !json.path("error").asText().isBlank();
    }

    private static Outcome unclean(List<String> unclean, String what) {
        synchronized (unclean) {
            unclean.add(what);
        }
        return Outcome.LIMITED;
    }

    /** The threads the portal starts: its request pool, its expiry timer, the JDK server's dispatcher. */
    private static List<String> portalThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("navette-portal-") || n.equals("HTTP-Dispatcher")).sorted().toList();
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(t -> t.getName() + "#" + t.getId())
                .collect(Collectors.toSet());
    }

    /**
     * Threads alive now that were not before, waiting up to 10 s for ending ones to end (a pool's
     * thread ends a moment after its pool is shut down). Not counted: the test's own HTTP client
     * (the JDK's client has no close; its threads end when it is collected), and the pools of the
     * federation and its connectors, which grow on demand up to their bounds and stay open with
     * the federation — the portal was given it, and does not own it; and the JDK's process reapers,
     * which wait on the peer processes (Zebra, yaz-ztest) the test starts and stops.
     */
    private static Set<String> threadsNotIn(Set<String> before) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> extra;
        do {
            extra = threadNames().stream().filter(n -> !before.contains(n) && !OTHERS.matcher(n).lookingAt())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (extra.isEmpty()) {
                break;
            }
            Thread.sleep(50);  // polling thread ends: the JVM offers no event for them
        } while (System.nanoTime() < end);
        return extra;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);  // let the collector and finalisation settle; a measurement, not a synchronisation
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
