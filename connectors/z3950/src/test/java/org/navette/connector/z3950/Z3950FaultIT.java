package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.model.RecordSyntax;
import org.navette.spi.CancellationSignal;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchOutcome;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;
import org.navette.testing.RecordingListener;

/** Faults against real peers: every one a typed diagnostic, none a leak. */
@ExtendWith(Peers.class)
class Z3950FaultIT {
    private final OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory());

    private ZoomConnector open(TargetConfig config) {
        return connectors.open(config);
    }

    @AfterEach
    void everyNativeObjectIsReleasedOnClose() {
        connectors.closeAndCheckNothingLeaked();
    }

    private static TargetDiagnostic failure(ZoomConnector c, String pqf, Duration timeout) {
        return failure(c, pqf, timeout, new RecordingListener());
    }

    private static TargetDiagnostic failure(ZoomConnector c, String pqf, Duration timeout, RecordingListener listener) {
        TargetException e = catchThrowableOfType(TargetException.class,
                () -> TestTargets.search(c, pqf, TestTargets.request().timeout(timeout).build(), listener));
        assertThat(e).as("search should have failed").isNotNull();
        return e.diagnostic();
    }

    @Test
    void aNumericTermGivesThatManyHitsAtYazZtest(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Default").build());
        RecordingListener listener = new RecordingListener();

        SearchOutcome out = TestTargets.search(c, "42", TestTargets.request().maxRecords(12).chunkSize(5).build(), listener);

        assertThat(out.hits()).isEqualTo(42);
        assertThat(out.fetched()).isEqualTo(12);
        assertThat(listener.chunkSizes).containsExactly(5, 5, 2);
        assertThat(listener.records).allSatisfy(r -> assertThat(r.syntax()).isEqualTo(RecordSyntax.ISO2709));
    }

    @Test
    void opacSyntaxDeliversTheBibliographicRecordWithItsHoldings(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Default").set("syntax", "opac").build());
        RecordingListener listener = new RecordingListener();

        TestTargets.search(c, "3", TestTargets.request().build(), listener);

        assertThat(listener.records).hasSize(3).allSatisfy(r -> {
            assertThat(r.syntax()).isEqualTo(RecordSyntax.MARCXML);
            assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).contains("<opacRecord>").contains("<holdings>")
                    .contains("<bibliographicRecord>");
        });
    }

    @Test
    void anUnknownDatabaseIsBib1Diagnostic109AndKeepsTheConnectionUsable(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "nosuch").build());

        TargetDiagnostic d = failure(c, "7", Duration.ofSeconds(10));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.UNKNOWN_DATABASE);
        assertThat(d.code()).isEqualTo("bib1:109");
        assertThat(d.addInfo()).isEqualTo("nosuch");
        assertThat(d.retryable()).isFalse();
        assertThat(c.pool().idle()).as("a diagnostic leaves the association intact").isEqualTo(1);
    }

    @Test
    void anUnsupportedUseAttributeIsUnsupportedSearchNamingTheAttribute(ZebraPeer zebra) {
        ZoomConnector c = open(TestTargets.zebra(zebra, "marc21").build());

        TargetDiagnostic d = failure(c, "@attr 1=9999 computer", Duration.ofSeconds(10));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
        assertThat(d.code()).isEqualTo("bib1:114");
        assertThat(d.addInfo()).isEqualTo("9999");
    }

    @Test
    void malformedPqfIsQueryRejected(ZebraPeer zebra) {
        ZoomConnector c = open(TestTargets.zebra(zebra, "marc21").build());

        TargetDiagnostic d = failure(c, "@and @attr 1=4", Duration.ofSeconds(10));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.QUERY_REJECTED);
        assertThat(d.code()).isEqualTo("zoom:10010");
    }

    @Test
    void aRefusedPortIsARetryableConnectFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nobody listens there now
        }
        ZoomConnector c = open(TargetConfig.builder("refused", "z3950").set("host", "127.0.0.1").set("port", port).build());

        TargetDiagnostic d = failure(c, "@attr 1=4 computer", Duration.ofSeconds(10));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(d.code()).isEqualTo("zoom:10000");
        assertThat(d.addInfo()).isEqualTo("127.0.0.1:" + port);
        assertThat(d.retryable()).isTrue();
        assertThat(c.pool().open()).isZero();
    }

    @Test
    void aSearchDelayBeyondTheTimeoutIsATimeoutWhileSearching(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, ZtestPeer.delayedDatabase("2", null, null)).build());
        RecordingListener listener = new RecordingListener();

        TargetDiagnostic d = failure(c, "5", Duration.ofMillis(300), listener);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(d.message()).isEqualTo("no answer from 127.0.0.1:" + ztest.port() + " within 0.3 s while searching");
        assertThat(d.retryable()).isFalse();
        assertThat(listener.events).containsExactly("CONNECTING", "SEARCHING");
        assertThat(c.pool().open()).as("a connection with a request in flight is never reused").isZero();
    }

    @Test
    void presentsThatOutlastTheTimeoutEndInATimeoutWhileFetchingAfterTheChunksThatArrived(ZtestPeer ztest) {
        // yaz-ztest delays every present (the piggybacked first chunk too) by 0.2 s: 40 chunks cannot fit in 2 s
        ZoomConnector c = open(TestTargets.ztest(ztest, ZtestPeer.delayedDatabase(null, "0.2", null)).build());
        RecordingListener listener = new RecordingListener();

        TargetException e = catchThrowableOfType(TargetException.class, () -> TestTargets.search(c, "200",
                TestTargets.request().maxRecords(200).chunkSize(5).timeout(Duration.ofSeconds(2)).build(), listener));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(e.diagnostic().message()).endsWith("while fetching");
        assertThat(listener.chunkSizes).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(5));
        assertThat(listener.records).hasSizeLessThan(200);
    }

    @Test
    void aSlowDatabaseTimesOut(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Slow3").build());

        TargetDiagnostic d = failure(c, "1", Duration.ofMillis(400));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
    }

    @Test
    void theTargetsOwnTimeoutWinsWhenShorterThanTheRequests(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Slow3").set("timeout", "200ms").build());

        TargetDiagnostic d = failure(c, "1", Duration.ofSeconds(30));

        assertThat(d.message()).contains("within 0.2 s");
    }

    @Test
    void aServerThatNeverAnswersTheInitHitsTheConnectTimeout() throws IOException {
        // a listening socket nobody reads: TCP connects, the Z39.50 init is never answered
        try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ZoomConnector c = open(TargetConfig.builder("mute", "z3950").set("host", "127.0.0.1")
                    .set("port", mute.getLocalPort()).set("connectTimeout", "300ms").build());

            TargetDiagnostic d = failure(c, "@attr 1=4 computer", Duration.ofSeconds(30));

            assertThat(d.kind()).isEqualTo(DiagnosticKind.TIMEOUT);
            assertThat(d.message()).contains("within 0.3 s while connecting");
            assertThat(d.retryable()).isTrue();
        }
    }

    @Test
    void cancellingFromAnotherThreadEndsABlockingSearchAsCancelled(ZtestPeer ztest) throws Exception {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Slow10").build());
        CancellationSignal signal = new CancellationSignal();
        RecordingListener listener = new RecordingListener();
        CompletableFuture<SearchOutcome> running = CompletableFuture.supplyAsync(() -> TestTargets.search(c, "1",
                TestTargets.request().timeout(Duration.ofSeconds(60)).cancellation(signal).build(), listener));
        assertThat(listener.searching.await(20, TimeUnit.SECONDS)).isTrue();

        signal.cancel();

        assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TargetException.class)
                .satisfies(t -> assertThat(((TargetException) t).diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED));
        assertThat(c.pool().open()).isZero();
        assertThat(c.nativeCounts().live()).isZero();
    }

    @Test
    void aSearchCancelledBeforeItStartsNeverConnects(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Default").build());
        CancellationSignal signal = new CancellationSignal();
        signal.cancel();
        RecordingListener listener = new RecordingListener();

        TargetException e = catchThrowableOfType(TargetException.class, () -> TestTargets.search(c, "1",
                TestTargets.request().cancellation(signal).build(), listener));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED);
        assertThat(c.nativeCounts().createdSoFar(org.navette.connector.z3950.internal.NativeCounts.Kind.CONNECTION))
                .isZero();
    }

    @Test
    void interruptingTheSearchingThreadCancelsTheSearch(ZtestPeer ztest) throws Exception {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Slow10").build());
        RecordingListener listener = new RecordingListener();
        List<Object> result = new ArrayList<>();
        Thread searcher = new Thread(() -> {
            try {
                result.add(TestTargets.search(c, "1", TestTargets.request().timeout(Duration.ofSeconds(60)).build(), listener));
            } catch (TargetException e) {
                result.add(e.diagnostic());
                result.add(Thread.currentThread().isInterrupted());
            }
        });
        searcher.start();
        assertThat(listener.searching.await(20, TimeUnit.SECONDS)).isTrue();

        searcher.interrupt();
        searcher.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(result).hasSize(2);
        assertThat(((TargetDiagnostic) result.get(0)).kind()).isEqualTo(DiagnosticKind.CANCELLED);
        assertThat(result.get(1)).as("the interrupt flag is kept for the caller").isEqualTo(true);
    }

    @Test
    void aClosedConnectorRefusesNewSearchesAsCancelled(ZtestPeer ztest) {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Default").build());
        c.close();

        TargetException blocking = catchThrowableOfType(TargetException.class,
                () -> TestTargets.search(c, "1", TestTargets.request().build(), new RecordingListener()));
        Throwable async = c.searchPqfAsync("1", List.of(), TestTargets.request().build(), new RecordingListener(),
                Runnable::run).handle((o, t) -> t).join();

        assertThat(blocking.diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED);
        assertThat(blocking.diagnostic().message()).isEqualTo("the Z39.50 connector of target ztest is closed");
        assertThat(Connector.targetFailure(async).diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED);
    }

    @Test
    void aListenerThatThrowsEndsTheSearchAsAnInternalErrorWithoutLeaking(ZebraPeer zebra) {
        ZoomConnector c = open(TestTargets.zebra(zebra, "marc21").build());
        RecordingListener throwing = new RecordingListener() {
            @Override
            public void onHits(long count) {
                throw new IllegalStateException("listener bug");
            }
        };

        TargetException e = catchThrowableOfType(TargetException.class, () -> TestTargets.search(c,
                "@attr 1=4 computer", TestTargets.request().build(), throwing));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.INTERNAL_ERROR);
        assertThat(e.diagnostic().message()).contains("listener bug");
    }

    @Test
    void twoHundredMixedSearchesLeaveNoNativeObjectAndNoDescriptorBehind(ZebraPeer zebra, ZtestPeer ztest)
            throws IOException {
        int refusedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort();
        }
        // warm up on connectors of their own: JNA, classes and lazily opened JVM files are then in place
        List<ZoomConnector> warmUp = mixedTargets(zebra, ztest, refusedPort);
        runMixed(warmUp, 10);
        warmUp.forEach(Connector::close);
        long baselineFds = openDescriptors();
        List<ZoomConnector> targets = mixedTargets(zebra, ztest, refusedPort);

        int[] outcomes = runMixed(targets, 200);
        targets.forEach(Connector::close);

        assertThat(outcomes[0]).as("successful searches").isEqualTo(80);
        assertThat(outcomes[1]).as("failed searches").isEqualTo(120);
        assertThat(targets.get(0).nativeCounts().live()).as("live: %s", targets.get(0).nativeCounts()).isZero();
        assertThat(openDescriptors()).isEqualTo(baselineFds);
    }

    private List<ZoomConnector> mixedTargets(ZebraPeer zebra, ZtestPeer ztest, int refusedPort) {
        return List.of(open(TestTargets.zebra(zebra, "marc21").set("poolSize", 2).build()),
                open(TestTargets.ztest(ztest, "Default").build()),
                open(TestTargets.ztest(ztest, "nosuch").build()),
                open(TestTargets.ztest(ztest, ZtestPeer.delayedDatabase("1", null, null)).build()),
                open(TargetConfig.builder("refused", "z3950").set("host", "127.0.0.1").set("port", refusedPort).build()));
    }

    private static int[] runMixed(List<ZoomConnector> targets, int n) {
        ZoomConnector good = targets.get(0);
        ZoomConnector numeric = targets.get(1);
        ZoomConnector unknown = targets.get(2);
        ZoomConnector slow = targets.get(3);
        ZoomConnector refused = targets.get(4);
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < n; i++) {
            RecordingListener listener = new RecordingListener();
            CancellationSignal signal = new CancellationSignal();
            RecordingListener cancelling = new RecordingListener() {
                @Override
                public void onPhase(Phase phase) {
                    if (phase == Phase.SEARCHING) {
                        signal.cancel();
                    }
                }
            };
            try {
                switch (i % 10) {
                    case 0, 1, 2 -> TestTargets.search(good, "@attr 1=4 computer",
                            TestTargets.request().maxRecords(5).chunkSize(2).build(), listener);
                    case 3 -> TestTargets.search(numeric, "15", TestTargets.request().maxRecords(15).build(), listener);
                    case 4, 5 -> TestTargets.search(unknown, "1", TestTargets.request().build(), listener);
                    case 6 -> TestTargets.search(slow, "1", TestTargets.request().timeout(Duration.ofMillis(50)).build(),
                            listener);
                    case 7 -> TestTargets.search(refused, "1", TestTargets.request().build(), listener);
                    case 8 -> TestTargets.search(good, "@attr 1=4 opera",
                            TestTargets.request().cancellation(signal).build(), cancelling);
                    default -> TestTargets.search(good, "@attr 1=9999 x", TestTargets.request().build(), listener);
                }
                ok++;
            } catch (TargetException e) {
                failed++;
            }
        }
        return new int[] {ok, failed};
    }

    private static long openDescriptors() throws IOException {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
