package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.connector.z3950.internal.NativeCounts;
import org.navette.connector.z3950.internal.Posix;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchOutcome;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;
import org.navette.testing.MutableClock;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;
import org.navette.testing.RecordingListener;

/** Connection pooling: reuse, idle timeout on an injected clock, a bound, and waiting without leaks. */
@ExtendWith(Peers.class)
class Z3950PoolIT {
    private final MutableClock clock = MutableClock.atEpoch();
    private final OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory(null, clock));
    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    private ZoomConnector open(TargetConfig config) {
        return connectors.open(config);
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        connectors.closeAndCheckNothingLeaked();
    }

    private static long connectionsCreated(ZoomConnector c) {
        return c.nativeCounts().createdSoFar(NativeCounts.Kind.CONNECTION);
    }

    @Test
    void sequentialSearchesReuseOneInitialisedConnection(ZebraPeer zebra) {
        ZoomConnector c = open(TestTargets.zebra(zebra, "marc21").build());

        for (int i = 0; i < 3; i++) {
            assertThat(TestTargets.search(c, "@attr 1=4 computer", TestTargets.request().build(), new RecordingListener())
                    .hits()).isEqualTo(10);
        }

        assertThat(connectionsCreated(c)).isEqualTo(1);
        assertThat(c.pool().idle()).isEqualTo(1);
    }

    @Test
    void aConnectionIdleLongerThanTheIdleTimeoutIsClosedAndReplaced(ZebraPeer zebra) {
        ZoomConnector c = open(TestTargets.zebra(zebra, "marc21").set("idleTimeout", "30s").build());
        TestTargets.search(c, "@attr 1=4 computer", TestTargets.request().build(), new RecordingListener());
        clock.advance(Duration.ofSeconds(29));
        TestTargets.search(c, "@attr 1=4 computer", TestTargets.request().build(), new RecordingListener());
        assertThat(connectionsCreated(c)).as("29 s idle: reused").isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        SearchOutcome out = TestTargets.search(c, "@attr 1=4 computer", TestTargets.request().build(), new RecordingListener());

        assertThat(out.hits()).isEqualTo(10);
        assertThat(connectionsCreated(c)).as("31 s idle: replaced").isEqualTo(2);
        assertThat(c.nativeCounts().live(NativeCounts.Kind.CONNECTION)).isEqualTo(1);
    }

    @Test
    void idleConnectionsPastTheTimeoutCanBeEvictedWithoutASearch(ZebraPeer zebra) {
        ZoomConnector c = open(TestTargets.zebra(zebra, "marc21").set("idleTimeout", "10s").build());
        TestTargets.search(c, "@attr 1=4 computer", TestTargets.request().build(), new RecordingListener());
        clock.advance(Duration.ofSeconds(11));

        assertThat(c.pool().evictExpired()).isEqualTo(1);

        assertThat(c.nativeCounts().live(NativeCounts.Kind.CONNECTION)).isZero();
        assertThat(c.pool().open()).isZero();
    }

    @Test
    void concurrentSearchesBeyondThePoolSizeWaitForAConnectionInsteadOfOpeningMore(ZtestPeer ztest) throws Exception {
        ZoomConnector c = open(TestTargets.ztest(ztest, ZtestPeer.delayedDatabase("0.05", null, null))
                .set("poolSize", 2).build());
        List<CompletableFuture<SearchOutcome>> running = new ArrayList<>();

        for (int i = 1; i <= 6; i++) {
            int n = i;
            running.add(CompletableFuture.supplyAsync(() -> TestTargets.search(c, Integer.toString(n),
                    TestTargets.request().maxRecords(n).build(), new RecordingListener()), threads));
        }

        for (int i = 0; i < running.size(); i++) {
            SearchOutcome out = running.get(i).get(30, TimeUnit.SECONDS);
            assertThat(out.hits()).isEqualTo(i + 1);
            assertThat(out.fetched()).isEqualTo(i + 1);
        }
        assertThat(connectionsCreated(c)).isLessThanOrEqualTo(2);
        assertThat(c.pool().open()).isLessThanOrEqualTo(2);
        assertThat(c.pool().waiting()).isZero();
    }

    @Test
    void waitingForABusyPoolEndsInATimeoutNamingThePool(ZtestPeer ztest) throws Exception {
        ZoomConnector c = open(TestTargets.ztest(ztest, "Slow5").set("poolSize", 1).build());
        RecordingListener first = new RecordingListener();
        CompletableFuture<SearchOutcome> busy = CompletableFuture.supplyAsync(() -> TestTargets.search(c, "1",
                TestTargets.request().timeout(Duration.ofSeconds(2)).build(), first), threads);
        assertThat(first.searching.await(20, TimeUnit.SECONDS)).isTrue();

        TargetException e = catchThrowableOfType(TargetException.class, () -> TestTargets.search(c, "1",
                TestTargets.request().timeout(Duration.ofMillis(200)).build(), new RecordingListener()));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.TIMEOUT);
        assertThat(e.diagnostic().message()).startsWith("no free connection to 127.0.0.1:" + ztest.port() + " (pool of 1)");
        assertThat(c.pool().waiting()).as("the timed-out search left the queue").isZero();
        busy.handle((o, t) -> null).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplacedInsteadOfReused() throws Exception {
        ZtestPeer own = ZtestPeer.start();
        ZoomConnector c;
        int pooledSocket;
        try {
            c = open(TestTargets.ztest(own, "Default").build());
            TestTargets.search(c, "3", TestTargets.request().build(), new RecordingListener());
            pooledSocket = c.pool().idleSockets().get(0);
        } finally {
            own.close(); // the server goes away, and with it its end of the pooled connection
        }
        assertThat(Posix.load().awaitInput(pooledSocket, 10_000)).as("the client sees the close").isTrue();

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> TestTargets.search(c, "3", TestTargets.request().build(), new RecordingListener()));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.CONNECT_FAILED);
        assertThat(e.diagnostic().retryable()).isTrue();
        assertThat(connectionsCreated(c)).as("the dead connection was replaced by a fresh one").isEqualTo(2);
    }
}
