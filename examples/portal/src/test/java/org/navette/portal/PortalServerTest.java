package org.navette.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.federation.Federation;
import org.navette.target.TargetConfig;

class PortalServerTest {
    private static final HttpHandler HELLO = ex -> {
        byte[] b = "<pz2>hello</pz2>".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    };

    /** A target nobody is asked about in these tests: building a federation does not connect. */
    private static List<TargetConfig> targets() {
        return List.of(TargetConfig.builder("t", "z3950").set("host", "127.0.0.1").set("port", 9).build());
    }

    @Test
    void eachSettingIsCheckedAtOnceNamingItsValue() {
        PortalServer.Builder b = PortalServer.builder();
        assertThatThrownBy(() -> b.port(70_000)).hasMessageContaining("port").hasMessageContaining("70000");
        assertThatThrownBy(() -> b.threads(1)).hasMessageContaining("threads");
        assertThatThrownBy(() -> b.maxSearches(0)).hasMessageContaining("maxSearches");
        assertThatThrownBy(() -> b.searchExpiry(Duration.ZERO)).hasMessageContaining("searchExpiry");
        assertThatThrownBy(() -> b.bind("no such host.invalid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.targets(List.of())).hasMessageContaining("targets");
        assertThatThrownBy(() -> b.mount("/api/x", HELLO)).hasMessageContaining("mount path");
        assertThatThrownBy(() -> b.mount("search.pz2", HELLO)).hasMessageContaining("mount path");
        assertThatThrownBy(() -> PortalServer.builder().start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("federation");
        assertThatThrownBy(() -> PortalServer.builder().targets(targets()).threads(4).maxStreams(4).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxStreams");
    }

    @Test
    void aTakenPortIsABindExceptionNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PortalServer.builder().targets(targets()).port(taken.getLocalPort()).start())
                    .isInstanceOf(BindException.class).hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aMountedHandlerAnswersAtItsPathBesideThePageAndTheApi() throws Exception {
        try (Federation federation = Federation.of(targets());
             PortalServer portal = PortalServer.builder().federation(federation).port(0).mount("/search.pz2", HELLO).start()) {
            ApiClient api = new ApiClient(portal.uri());

            assertThat(api.get("/search.pz2?command=init").raw().body()).isEqualTo("<pz2>hello</pz2>");
            assertThat(api.get("/api/config").json().get("targets").get(0).get("id").asText()).isEqualTo("t");
            assertThat(api.get("/").status()).isEqualTo(200);
            assertThat(portal.port()).isPositive();
            assertThat(portal.uri().toString()).isEqualTo("http://127.0.0.1:" + portal.port() + "/");
        }
    }
}
