package org.navette.connector.sru.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.SourceSink;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordProblem;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.spi.SearchListener;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Reads a whole SRU result set for the union catalogue: the connector's own request builder,
 * response reader and paging state machine ({@link SearchRun}), but a failed page fails the read
 * instead of becoming a warning, since a harvest that silently stopped half-way would look complete.
 *
 * <pre>{@code
 * SruHarvester h = new SruHarvester(spec, url, Map.of("query", "dc.title=computer"), client, Clock.systemUTC());
 * String startedAt = h.harvest(Normaliser.ofDefaults(), sink);
 * }</pre>
 *
 * <p>Thread-safety: one read at a time per instance.
 */
public final class SruHarvester {
    /** The options an {@code sru:} spec may carry. */
    public static final Set<String> OPTIONS = Set.of("query", "schema", "version", "pageSize");
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);

    private final String spec;
    private final String cql;
    private final SruSettings settings;
    private final SruRequests requests;
    private final SruResponseReader reader;
    private final int pageSize;
    private final OkHttpClient client;
    private final Clock clock;

    /** @throws IllegalArgumentException when an option is wrong (no query, bad version, schema or page size) */
    public SruHarvester(String spec, HttpUrl url, java.util.Map<String, String> options, OkHttpClient client, Clock clock) {
        this.spec = spec;
        String query = options.get("query");
        if (query == null) {
            throw new IllegalArgumentException("source spec '" + spec + "': option 'query' (the CQL to harvest) is required");
        }
        this.cql = query;
        TargetConfig.Builder config = TargetConfig.builder("sru-harvest", "sru").set("url", url.toString())
                .set("recordSchema", options.getOrDefault("schema", "marcxml"));
        if (options.containsKey("version")) {
            config.set("version", options.get("version"));
        }
        try {
            this.settings = SruSettings.from(config.build());
        } catch (IllegalArgumentException e) {
            String detail = String.valueOf(e.getMessage()).replaceFirst("^target sru-harvest: ", "");
            throw new IllegalArgumentException("source spec '" + spec + "': " + detail, e);
        }
        this.pageSize = SourceSpecs.positive(spec, options, "pageSize", 50, 1000);
        this.requests = new SruRequests(settings);
        this.reader = new SruResponseReader(new SruResponseParser(), settings.maxResponseBytes());
        this.client = client;
        this.clock = clock;
    }

    /** Reads every record of the query's result; returns the time the read began (informational). */
    public String harvest(Normaliser normaliser, SourceSink sink) {
        Objects.requireNonNull(normaliser, "normaliser");
        Objects.requireNonNull(sink, "sink");
        String started = clock.instant().toString();
        Collector collected = new Collector();
        // the budget is per page (below); the run's own deadline only has to outlast any harvest
        SearchRun run = new SearchRun(spec, settings, 1, Integer.MAX_VALUE, pageSize, Duration.ofDays(7), collected, clock);
        long position = 0;
        SearchRun.Page page;
        while ((page = run.next()) != null) {
            Call call = client.newCall(requests.searchRetrieve(cql, page.start(), page.size()));
            call.timeout().timeout(PAGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            boolean answered = false;
            try (Response response = call.execute()) {
                answered = true;
                run.accept(page, reader.searchRetrieve(response, page.start()));
            } catch (IOException e) {
                TargetDiagnostic d = NetworkFailures.classify(e, answered, false, false, PAGE_TIMEOUT.toSeconds());
                throw failed(page, d, e);
            } catch (TargetException e) {
                throw failed(page, e.diagnostic(), e);
            }
            for (Object item : collected.drain()) {
                position++;
                if (item instanceof RawRecord raw) {
                    sink.record(normaliser.normalise(raw, position), null);
                } else {
                    // the server could not deliver this record (a surrogate diagnostic) or sent one Navette cannot read
                    TargetDiagnostic d = (TargetDiagnostic) item;
                    sink.record(new ReadResult(position, null, List.of(new RecordProblem(ProblemKind.UNREADABLE, spec,
                            position, -1, d.message() + (d.addInfo() == null ? "" : " (" + d.addInfo() + ")")))), null);
                }
            }
        }
        return started;
    }

    private CatalogueException failed(SearchRun.Page page, TargetDiagnostic d, Exception cause) {
        return new CatalogueException("SRU harvest of " + spec + " failed at record " + page.start() + ": " + d, cause);
    }

    /** Keeps records and per-record failures in arrival order, for delivery after each page. */
    private static final class Collector implements SearchListener {
        private final List<Object> items = new ArrayList<>();

        @Override
        public void onRecords(List<RawRecord> chunk) {
            items.addAll(chunk);
        }

        @Override
        public void onWarning(TargetDiagnostic warning) {
            if (warning.kind() == DiagnosticKind.RECORD_FAILED) {
                items.add(warning);
            }
            // other warnings (a non-fatal diagnostic about the whole response) concern no record
        }

        List<Object> drain() {
            List<Object> out = List.copyOf(items);
            items.clear();
            return out;
        }
    }

    @Override
    public String toString() {
        return "SruHarvester[" + spec + "]";
    }
}
