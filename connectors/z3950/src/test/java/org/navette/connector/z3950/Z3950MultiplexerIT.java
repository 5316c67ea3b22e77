package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.query.Query;
import org.navette.spi.CancellationSignal;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetException;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;
import org.navette.testing.RecordingListener;

/** Many concurrent searches of many targets driven by a multiplexer's one or two threads. */
@ExtendWith(Peers.class)
class Z3950MultiplexerIT {
    private final List<Thread> muxThreads = new CopyOnWriteArrayList<>();
    private final ThreadFactory recordingThreads = r -> {
        Thread t = new Thread(r, "test-mux-" + muxThreads.size());
        t.setDaemon(true);
        muxThreads.add(t);
        return t;
    };
    private final ExecutorService completions = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopExecutor() throws InterruptedException {
        completions.shutdown();
        assertThat(completions.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Throwable failureOf(CompletableFuture<SearchOutcome> f) {
        return f.handle((o, t) -> t).join();
    }

    @Test
    void fiftyDelayedTargetsAreSearchedAtOnceByOneThread(ZtestPeer ztest) throws Exception {
        try (Z3950Multiplexer mux = Z3950Multiplexer.builder().threads(1).threadFactory(recordingThreads).build()) {
            OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(mux, Clock.systemUTC()));
            List<CompletableFuture<SearchOutcome>> futures = new ArrayList<>();
            List<RecordingListener> listeners = new ArrayList<>();

            for (int i = 1; i <= 50; i++) {
                // every target sleeps 0.3 s per search: run one after the other, they would need 15 s
                ZoomConnector c = connectors.open(TestTargets.ztest(ztest, ZtestPeer.delayedDatabase("0.3", null, i)).build());
                RecordingListener listener = new RecordingListener();
                listeners.add(listener);
                futures.add(c.searchPqfAsync(Integer.toString(i), List.of(),
                        TestTargets.request().maxRecords(3).build(), listener, completions));
            }

            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 50; i++) {
                SearchOutcome out = futures.get(i).join();
                assertThat(out.hits()).isEqualTo(i + 1);
                assertThat(out.fetched()).isEqualTo(Math.min(i + 1, 3));
                assertThat(listeners.get(i).records).hasSize(Math.min(i + 1, 3));
            }
            Set<Thread> listenerThreads = new HashSet<>();
            listeners.forEach(l -> listenerThreads.addAll(l.threads));
            assertThat(listenerThreads).as("every callback came from the multiplexer's one thread")
                    .hasSize(1).isSubsetOf(muxThreads);
            assertThat(muxThreads).hasSize(1);
            connectors.closeAndCheckNothingLeaked();
        }
    }

    @Test
    void searchesAreSpreadOverTheConfiguredThreadsAndNoMore(ZebraPeer zebra) throws Exception {
        try (Z3950Multiplexer mux = Z3950Multiplexer.builder().threads(2).threadFactory(recordingThreads).build()) {
            OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(mux, Clock.systemUTC()));
            ZoomConnector c = connectors.open(TestTargets.zebra(zebra, "marc21").set("poolSize", 3).build());
            RecordingListener listener = new RecordingListener();
            List<CompletableFuture<SearchOutcome>> futures = new ArrayList<>();

            for (int i = 0; i < 20; i++) {
                futures.add(c.searchPqfAsync("@attr 1=1016 opera", List.of(), TestTargets.request().build(), listener,
                        completions));
            }

            for (CompletableFuture<SearchOutcome> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS).fetched()).isEqualTo(4);
            }
            assertThat(listener.threads).hasSizeLessThanOrEqualTo(2).isSubsetOf(muxThreads);
            assertThat(mux.threads()).isEqualTo(2);
            connectors.closeAndCheckNothingLeaked();
        }
    }

    @Test
    void cancellingOneAsyncSearchLeavesTheOthersRunning(ZtestPeer ztest) throws Exception {
        try (Z3950Multiplexer mux = Z3950Multiplexer.builder().threadFactory(recordingThreads).build()) {
            OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(mux, Clock.systemUTC()));
            ZoomConnector slow = connectors.open(TestTargets.ztest(ztest, "Slow10").build());
            ZoomConnector quick = connectors.open(TestTargets.ztest(ztest, ZtestPeer.delayedDatabase("0.2", null, 1)).build());
            CancellationSignal signal = new CancellationSignal();
            RecordingListener slowListener = new RecordingListener();
            CompletableFuture<SearchOutcome> cancelled = slow.searchPqfAsync("1", List.of(),
                    TestTargets.request().cancellation(signal).build(), slowListener, completions);
            CompletableFuture<SearchOutcome> other = quick.searchPqfAsync("7", List.of(), TestTargets.request().build(),
                    new RecordingListener(), completions);
            assertThat(slowListener.searching.await(20, TimeUnit.SECONDS)).isTrue();

            signal.cancel();

            TargetException e = Connector.targetFailure(failureOf(cancelled));
            assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED);
            assertThat(other.get(30, TimeUnit.SECONDS).hits()).isEqualTo(7);
            connectors.closeAndCheckNothingLeaked();
        }
    }

    @Test
    void asyncTimeoutsAndDiagnosticsArriveAsFailedFutures(ZtestPeer ztest) {
        try (Z3950Multiplexer mux = Z3950Multiplexer.builder().threadFactory(recordingThreads).build()) {
            OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(mux, Clock.systemUTC()));
            ZoomConnector slow = connectors.open(TestTargets.ztest(ztest, "Slow10").build());
            ZoomConnector unknown = connectors.open(TestTargets.ztest(ztest, "nosuch").build());

            CompletableFuture<SearchOutcome> timeout = slow.searchPqfAsync("1", List.of(),
                    TestTargets.request().timeout(Duration.ofMillis(200)).build(), new RecordingListener(), completions);
            CompletableFuture<SearchOutcome> missing = unknown.searchPqfAsync("1", List.of(),
                    TestTargets.request().build(), new RecordingListener(), completions);

            assertThat(Connector.targetFailure(failureOf(timeout)).diagnostic().kind()).isEqualTo(DiagnosticKind.TIMEOUT);
            assertThat(Connector.targetFailure(failureOf(missing)).diagnostic().code()).isEqualTo("bib1:109");
            connectors.closeAndCheckNothingLeaked();
        }
    }

    @Test
    void closingTheMultiplexerCancelsWhatRunsAndReleasesIt(ZtestPeer ztest) throws Exception {
        Z3950Multiplexer mux = Z3950Multiplexer.builder().threadFactory(recordingThreads).build();
        OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(mux, Clock.systemUTC()));
        ZoomConnector slow = connectors.open(TestTargets.ztest(ztest, "Slow10").build());
        RecordingListener listener = new RecordingListener();
        CompletableFuture<SearchOutcome> running = slow.searchPqfAsync("1", List.of(), TestTargets.request().build(),
                listener, completions);
        assertThat(listener.searching.await(20, TimeUnit.SECONDS)).isTrue();

        mux.close();

        assertThat(Connector.targetFailure(failureOf(running)).diagnostic().message())
                .isEqualTo("the Z39.50 multiplexer was closed");
        assertThat(muxThreads).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
        CompletableFuture<SearchOutcome> late = slow.searchPqfAsync("1", List.of(), TestTargets.request().build(),
                new RecordingListener(), completions);
        assertThat(Connector.targetFailure(failureOf(late)).diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED);
        connectors.closeAndCheckNothingLeaked();
    }

    @Test
    void anIdleMultiplexerEndsItsThreadAndClosesItsDescriptors(ZebraPeer zebra) throws Exception {
        try (Z3950Multiplexer mux = Z3950Multiplexer.builder().idleLinger(Duration.ZERO)
                .threadFactory(recordingThreads).build()) {
            OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(mux, Clock.systemUTC()));
            ZoomConnector c = connectors.open(TestTargets.zebra(zebra, "marc21").build());
            c.searchPqfAsync("@attr 1=4 computer", List.of(), TestTargets.request().build(), new RecordingListener(),
                    completions).get(30, TimeUnit.SECONDS); // warm up
            muxThreads.get(0).join(TimeUnit.SECONDS.toMillis(20));
            connectors.closeAndCheckNothingLeaked();
            long baseline = openDescriptors();
            ZoomConnector again = connectors.open(TestTargets.zebra(zebra, "marc21").build());

            SearchOutcome out = again.searchPqfAsync("@attr 1=4 computer", List.of(), TestTargets.request().build(),
                    new RecordingListener(), completions).get(30, TimeUnit.SECONDS);
            muxThreads.get(1).join(TimeUnit.SECONDS.toMillis(20));
            again.close();

            assertThat(out.hits()).isEqualTo(10);
            assertThat(muxThreads).hasSize(2).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
            assertThat(mux.liveThreads()).isZero();
            assertThat(openDescriptors()).isEqualTo(baseline);
            connectors.closeAndCheckNothingLeaked();
        }
    }

    @Test
    void theSpiSearchAsyncRunsOnTheMultiplexer(ZebraPeer zebra) throws Exception {
        try (Z3950Multiplexer mux = Z3950Multiplexer.builder().threadFactory(recordingThreads).build();
             Connector c = TestTargets.factory(mux, Clock.systemUTC()).create(TestTargets.zebra(zebra, "marc21").build())) {
            RecordingListener listener = new RecordingListener();

            SearchOutcome out = c.searchAsync(SearchRequest.builder(Query.title("computer")).maxRecords(4).build(),
                    listener, completions).get(30, TimeUnit.SECONDS);

            assertThat(out.hits()).isEqualTo(10);
            assertThat(out.fetched()).isEqualTo(4);
            assertThat(listener.threads).containsExactlyElementsOf(muxThreads);
        }
    }

    @Test
    void withoutAnInjectedMultiplexerTheFactoryRunsAsyncSearchesOnItsOwn(ZebraPeer zebra) throws Exception {
        try (Connector c = new Z3950ConnectorFactory().create(TestTargets.zebra(zebra, "marc21").build())) {
            RecordingListener listener = new RecordingListener();

            SearchOutcome out = c.searchAsync(SearchRequest.builder(Query.author("collins")).build(), listener,
                    completions).get(30, TimeUnit.SECONDS);

            assertThat(out.hits()).isEqualTo(2);
            assertThat(listener.threads).singleElement()
                    .satisfies(t -> assertThat(t.getName()).startsWith("navette-z3950-mux-"));
        }
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
