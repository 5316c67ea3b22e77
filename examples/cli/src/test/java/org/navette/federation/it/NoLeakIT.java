package org.navette.federation.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.connector.sru.SruConnectorFactory;
import org.navette.connector.z3950.Z3950ConnectorFactory;
import org.navette.connector.z3950.internal.NativeCounts;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.federation.FederatedSearch;
import org.navette.federation.Federation;
import org.navette.federation.ResilienceSettings;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.TargetConfig;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;

/**
 * A thousand searches against healthy and failing targets leave threads, file descriptors and
 * native ZOOM objects where they were after the first few (which create the pools' threads and
 * connections lazily).
 */
@ExtendWith(Peers.class)
class NoLeakIT {
    private static final int SEARCHES = 1000;
    private static final int AT_ONCE = 25;
    /**
     * Threads the pools may still add after the warm-up, because they grow on demand up to a bound:
     * the federation's CPU pool (2 on this machine's cores), OkHttp's dispatcher (one per concurrent
     * call, idle ones live 60 s) and the Z39.50 multiplexer (1).
     */
    private static final int THREAD_TOLERANCE = 12;
    /**
     * Descriptors pools may still add: pooled Z39.50 connections (4 per target), OkHttp's idle
     * connections (5 per route), the multiplexer's poll descriptors.
     */
    private static final int FD_TOLERANCE = 16;

    @Test
    void aThousandSearchesOverHealthyAndFailingTargetsLeaveThreadsDescriptorsAndNativeObjectsAtTheirBaseline(
            ZebraPeer zebra, ZtestPeer ztest) throws Exception {
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().notifier(new ConsoleNotifier(false)));
        wiremock.start();
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("broken")));
        long fdsBefore = openDescriptors();
        OkHttpClient http = new OkHttpClient();
        Z3950ConnectorFactory z3950 = Z3950ConnectorFactory.ofDefaults();
        ZoomConnector probe = (ZoomConnector) z3950.create(PeerTargets.zebra(zebra, "probe"));
        NativeCounts natives = probe.nativeCounts();
        List<TargetConfig> targets = List.of(
                PeerTargets.zebra(zebra, "zebra"),
                PeerTargets.zebraSru(zebra, "zebra-sru"),
                PeerTargets.ztest(ztest, "ztest-unknown", "NoSuchDatabase"),
                PeerTargets.refused("refused"),
                PeerTargets.sru("sru-500", wiremock.baseUrl() + "/sru"));
        Federation federation = Federation.builder()
                .registry(ConnectorRegistry.of(z3950, SruConnectorFactory.builder().httpClient(http).build()))
                .targets(targets).maxRecordsPerTarget(2).deadline(Duration.ofSeconds(30))
                // no breaker, so that the failing targets fail for real every time; a quick retry for the refused one
                .defaultResilience(ResilienceSettings.builder().circuitBreaker(false).retries(1)
                        .retryBackoff(Duration.ofMillis(5)).build())
                .build();
        try {
            Query query = CqlParser.parse("title=computer");
            runBatches(federation, query, 50);
            int threadsBaseline = threads();
            long fdsBaseline = openDescriptors();

            runBatches(federation, query, SEARCHES);
            System.out.printf("NoLeakIT: threads %d -> %d, descriptors %d -> %d, native %s%n", threadsBaseline,
                    threads(), fdsBaseline, openDescriptors(), natives);

            assertThat(threads()).as("threads after %d searches (baseline %d)", SEARCHES, threadsBaseline)
                    .isLessThanOrEqualTo(threadsBaseline + THREAD_TOLERANCE);
            assertThat(openDescriptors()).as("open descriptors after %d searches (baseline %d)", SEARCHES, fdsBaseline)
                    .isLessThanOrEqualTo(fdsBaseline + FD_TOLERANCE);
            assertThat(natives.live(NativeCounts.Kind.RESULT_SET)).as("%s", natives).isZero();
            assertThat(natives.live(NativeCounts.Kind.RECORD)).as("%s", natives).isZero();
            assertThat(natives.live(NativeCounts.Kind.QUERY)).as("%s", natives).isZero();
            assertThat(natives.live(NativeCounts.Kind.CONNECTION)).as("pooled connections: %s", natives)
                    .isLessThanOrEqualTo(3 * 4);
            assertThat(federation.runningSearches()).isZero();
        } finally {
            federation.close();
            probe.close();
            http.connectionPool().evictAll();
            http.dispatcher().executorService().shutdown();
            wiremock.stop();
        }
        assertThat(natives.live()).as("native objects after close: %s", natives).isZero();
        assertThat(openDescriptors()).as("descriptors after close (before: %d)", fdsBefore)
                .isLessThanOrEqualTo(fdsBefore + 4);
    }

    /** Runs {@code n} searches, {@link #AT_ONCE} at a time, and checks each ended as expected. */
    private static void runBatches(Federation federation, Query query, int n) throws Exception {
        Map<TargetState, Integer> tally = new EnumMap<>(TargetState.class);
        for (int done = 0; done < n; done += AT_ONCE) {
            List<FederatedSearch> batch = new ArrayList<>();
            for (int i = 0; i < AT_ONCE && done + i < n; i++) {
                batch.add(federation.search(query));
            }
            for (FederatedSearch s : batch) {
                SearchResult r = s.await(Duration.ofSeconds(60));
                s.released().get(60, TimeUnit.SECONDS);
                assertThat(r.target("zebra").orElseThrow().state()).as("%s", r).isEqualTo(TargetState.DONE);
                assertThat(r.target("zebra-sru").orElseThrow().state()).as("%s", r).isEqualTo(TargetState.DONE);
                assertThat(r.target("refused").orElseThrow().state()).as("%s", r).isEqualTo(TargetState.FAILED);
                assertThat(r.target("ztest-unknown").orElseThrow().state()).as("%s", r).isEqualTo(TargetState.FAILED);
                assertThat(r.target("sru-500").orElseThrow().state()).as("%s", r).isEqualTo(TargetState.FAILED);
                r.targets().forEach(t -> tally.merge(t.state(), 1, Integer::sum));
            }
        }
        assertThat(tally.get(TargetState.DONE)).isEqualTo(2 * n);
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
