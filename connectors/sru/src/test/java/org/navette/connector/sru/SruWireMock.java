package org.navette.connector.sru;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.navette.query.Query;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;

/**
 * A WireMock server on 127.0.0.1 (dynamic port) that plays SRU servers, an OkHttp client the tests
 * can inspect for leaks, and a factory whose connectors use that client.
 */
final class SruWireMock implements AutoCloseable {
    final WireMockServer server;
    final OkHttpClient http;
    final SruConnectorFactory factory;

    SruWireMock() {
        this(new OkHttpClient());
    }

    SruWireMock(OkHttpClient http) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        this.http = http;
        factory = SruConnectorFactory.builder().httpClient(http).build();
    }

    String url() {
        return server.baseUrl() + "/sru";
    }

    SruConnector connector(Map<String, Object> settings) {
        TargetConfig.Builder b = TargetConfig.builder("mock", "sru").set("url", url());
        settings.forEach(b::set);
        return factory.create(b.build());
    }

    static SearchRequest request(int start, int max, int chunk, Duration timeout) {
        return SearchRequest.builder(Query.any("unused")).startRecord(start).maxRecords(max).chunkSize(chunk)
                .timeout(timeout).build();
    }

    @Override
    public void close() {
        server.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
