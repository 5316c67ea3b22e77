package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.model.RawRecord;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;

/** The "opac" protocol as the federation engine sees it: found by ServiceLoader, configured by a target, strict about keys. */
class OpacConnectorFactoryIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    @Test
    void serviceLoaderFindsTheOpacProtocol() {
        assertThat(ConnectorRegistry.fromClassPath().protocols()).contains("opac");
    }

    @Test
    void aTargetWithATypoInAKeyIsRejected() {
        TargetConfig typo = TargetConfig.builder("x", "opac").set("profile", "vufind").set("url", "https://opac.example.org/")
                .set("requestPerSecond", 2).build();

        assertThatThrownBy(() -> ConnectorRegistry.fromClassPath().create(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target x (opac): unknown key(s) [requestPerSecond]; known keys are [");
    }

    @Test
    void badSettingsAreNamedWithTargetKeyAndValue() {
        OpacConnectorFactory f = new OpacConnectorFactory();
        TargetConfig.Builder ok = TargetConfig.builder("x", "opac").set("profile", "vufind").set("url", "https://opac.example.org/");

        assertThatThrownBy(() -> f.create(TargetConfig.builder("x", "opac").set("profile", "vufind").build()))
                .hasMessage("target x (opac): required key 'url' is missing");
        assertThatThrownBy(() -> f.create(ok.set("requestsPerSecond", 0).build()))
                .hasMessage("target x: 'requestsPerSecond' must be a number within (0, 100], was 0");
        assertThatThrownBy(() -> f.create(ok.set("requestsPerSecond", 1).set("maxConcurrent", 0).build()))
                .hasMessage("target x: 'maxConcurrent' must be an integer within 1..64, was 0");
        assertThatThrownBy(() -> f.create(ok.set("maxConcurrent", 1).set("url", "ftp://opac.example.org/").build()))
                .hasMessage("target x: 'url' must be an http:// or https:// URL, was ftp://opac.example.org/");
        assertThatThrownBy(() -> f.create(ok.set("url", "https://opac.example.org/").set("unsupportedFields", "ignore").build()))
                .hasMessage("target x: 'unsupportedFields' must be \"report\" or \"any\", was ignore");
        assertThatThrownBy(() -> f.create(ok.set("unsupportedFields", "any").set("profile", "koha").build()))
                .hasMessageStartingWith("OPAC profile 'koha' is neither a built-in profile");
    }

    @Test
    void aTargetCanRejectFieldsItsProfileWouldSearchAsAnyWithoutSendingAnything() {
        Connector c = new OpacConnectorFactory().create(SERVER.target("strict", "bibliotheca", "/read/")
                .set("unsupportedFields", "report").build());

        OpacTestServer.Result r = OpacTestServer.search(c, Query.isbn("3551551677"), 5, Duration.ofSeconds(5));

        assertThat(r.failure().diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
        assertThat(r.failure().diagnostic().message()).isEqualTo("profile bibliotheca cannot search the field isbn");
        SERVER.wireMock().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void searchAsyncDeliversTheSameOutcomeOnTheGivenExecutor() throws Exception {
        SERVER.wireMock().stubFor(post("/read/index.asp")
                .willReturn(OpacTestServer.page("opacclient/bibliotheca/resultlist/mannheim.html", "text/html; charset=utf-8")));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connector c = new OpacConnectorFactory().create(SERVER.target("async", "bibliotheca", "/read/")
                .set("fetchDetails", false).build())) {
            java.util.List<RawRecord> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            SearchOutcome out = c.searchAsync(SearchRequest.builder(Query.any("harry potter")).maxRecords(4).chunkSize(2).build(),
                    new SearchListener() {
                        @Override
                        public void onRecords(java.util.List<RawRecord> chunk) {
                            assertThat(chunk).hasSize(2);
                            seen.addAll(chunk);
                        }
                    }, pool).get(10, TimeUnit.SECONDS);

            assertThat(out.hits()).isEqualTo(180);
            assertThat(out.fetched()).isEqualTo(4);
            assertThat(seen).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedConnectorRefusesToSearch() {
        Connector c = new OpacConnectorFactory().create(SERVER.target("closed", "bibliotheca", "/read/").build());
        c.close();

        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("x"), 1, Duration.ofSeconds(1));

        assertThat(r.failure().diagnostic().kind()).isEqualTo(DiagnosticKind.INTERNAL_ERROR);
        assertThat(r.failure().diagnostic().message()).isEqualTo("connector for target closed is closed");
    }
}
