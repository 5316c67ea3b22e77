package org.navette.connector.opac.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * A scraped web OPAC as a search target: one profile, one base URL, politeness limits shared
 * with the other targets on the same host.
 *
 * <pre>{@code
 * Connector c = new OpacConnectorFactory().create(TargetConfig.builder("mannheim", "opac")
 *         .set("profile", "bibliotheca").set("url", "https://www.stadtbibliothek-mannheim.de/").build());
 * }</pre>
 *
 * <p>Each search gets its own cookie jar (OPAC sessions hold result lists) on the connector's
 * connection pool; searches run blocking on the caller's thread ({@link #searchAsync} uses the
 * given executor).
 *
 * <p>Thread-safety: concurrent searches are safe.
 */
public final class OpacConnector implements Connector {
    private final TargetConfig target;
    private final ProfileSpec profile;
    private final OpacSettings settings;
    private final HostGates gates;
    private final Clock clock;
    private final OkHttpClient client;
    private final RecordAssembler assembler = new RecordAssembler();
    private final QueryTranslator translator;
    private final AtomicBoolean closed = new AtomicBoolean();

    public OpacConnector(TargetConfig target, ProfileSpec profile, OpacSettings settings, HostGates gates, Clock clock) {
        this.target = target;
        this.profile = profile;
        this.settings = settings;
        this.gates = gates;
        this.clock = clock;
        this.translator = new QueryTranslator(profile, settings.unsupportedFields() != null
                ? settings.unsupportedFields() : profile.search().unsupportedFields(), settings.params());
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(settings.maxConcurrent(), 1, TimeUnit.MINUTES))
                // redirects are followed by PageFetcher: each hop passes the politeness gate and loops are caught
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.requestTimeout())
                .writeTimeout(settings.requestTimeout())
                .build();
        if (settings.baseUrl().resolve(profile.search().path()) == null) {
            throw new IllegalArgumentException("target " + target.id() + ": profile " + profile.name() + " search.path \""
                    + profile.search().path() + "\" does not resolve against url " + settings.baseUrl());
        }
    }

    @Override
    public TargetConfig target() {
        return target;
    }

    /** The profile this target is read with. */
    public ProfileSpec profile() {
        return profile;
    }

    @Override
    public SearchOutcome search(SearchRequest request, SearchListener listener) {
        return search(request, listener, Trace.NONE);
    }

    /** A search that reports every request and extraction to {@code trace} (opac-check). */
    public SearchOutcome search(SearchRequest request, SearchListener listener, Trace trace) {
        if (closed.get()) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR, null,
                    "connector for target " + target.id() + " is closed", null));
        }
        Deadline deadline = Deadline.after(request.timeout(), request.cancellation());
        OkHttpClient perSearch = client.newBuilder().cookieJar(new SessionCookieJar(clock)).build();
        PageFetcher fetcher = new PageFetcher(perSearch, gates, settings, deadline, trace, clock);
        PageInterpreter reader = new PageInterpreter(profile, trace, deadline);
        try {
            return new OpacSearch(target.id(), profile, settings, fetcher, reader, assembler, translator, request,
                    listener, deadline).run();
        } catch (TargetException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, null,
                    "a page nested too deeply to read", null));
        } catch (RuntimeException e) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR, null,
                    "unexpected failure reading OPAC " + target.id() + " with profile " + profile.name() + ": " + e, null), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OpacConnector[" + target.id() + " " + profile.name() + " " + settings.baseUrl() + "]";
    }
}
