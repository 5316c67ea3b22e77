package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.navette.model.BibRecord;
import org.navette.model.RawRecord;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * A WireMock server on 127.0.0.1 (dynamic port) that replays saved OPAC pages, plus helpers to run
 * a search against it through the real connector. Register it as a JUnit extension: it forgets
 * its stubs before each test and stops after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OpacTestServer SERVER = new OpacTestServer();
 * }</pre>
 */
public final class OpacTestServer implements BeforeEachCallback, AfterAllCallback, AutoCloseable {
    private final WireMockServer server;

    public OpacTestServer() {
        // no gzip: responses keep their Content-Length, as many OPACs send them
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        server.start();
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** The base URL of the server, ending in '/'. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A 200 response with a saved page and the given Content-Type. */
    public static ResponseDefinitionBuilder page(String savedPath, String contentType) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(SavedPages.bytes(savedPath));
    }

    /** A target on this server. */
    public TargetConfig.Builder target(String id, String profile, String path) {
        return TargetConfig.builder(id, "opac").set("profile", profile).set("url", url(path));
    }

    /** Everything a search produced. */
    public record Result(SearchOutcome outcome, List<RawRecord> records, List<TargetDiagnostic> warnings, Long hits,
                         TargetException failure) {
        public List<BibRecord> bibRecords() {
            return records.stream().map(RawRecord::scrapedRecord).toList();
        }

        public BibRecord record(int index) {
            return records.get(index).scrapedRecord();
        }
    }

    /** Runs a search and collects what the listener saw; a failure is captured, not thrown. */
    public static Result search(Connector connector, Query query, int maxRecords, Duration timeout) {
        List<RawRecord> records = new ArrayList<>();
        List<TargetDiagnostic> warnings = new ArrayList<>();
        Long[] hits = {null};
        SearchListener listener = new SearchListener() {
            @Override
            public void onHits(long h) {
                hits[0] = h;
            }

            @Override
            public void onRecords(List<RawRecord> chunk) {
                records.addAll(chunk);
            }

            @Override
            public void onWarning(TargetDiagnostic warning) {
                warnings.add(warning);
            }
        };
        SearchRequest request = SearchRequest.builder(query).maxRecords(maxRecords).chunkSize(10).timeout(timeout).build();
        try {
            SearchOutcome out = connector.search(request, listener);
            return new Result(out, records, warnings, hits[0], null);
        } catch (TargetException e) {
            return new Result(null, records, warnings, hits[0], e);
        }
    }

    public static OpacConnectorFactory factory() {
        return OpacConnectorFactory.withClock(Clock.systemUTC());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop();
    }
}
