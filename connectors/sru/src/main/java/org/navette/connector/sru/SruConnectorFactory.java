package org.navette.connector.sru;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.navette.connector.sru.internal.SruSettings;
import org.navette.query.CqlTranslator;
import org.navette.spi.ConnectorFactory;
import org.navette.target.TargetConfig;

/**
 * Creates {@link SruConnector}s (protocol {@code sru}). Every connector of one factory shares one
 * OkHttp client (connection pool and dispatcher): injected with {@link Builder#httpClient}, or created
 * on first use. Found by {@link java.util.ServiceLoader} through the no-argument constructor.
 *
 * <p>Target keys, besides the common ones ({@code timeout} is the explain budget; searches use the
 * request's):
 * <ul>
 *   <li>{@code url} (required): the base URL, e.g. {@code http://127.0.0.1:2100/marc21};</li>
 *   <li>{@code version}: {@code 1.1}, {@code 1.2} (default) or {@code 2.0};</li>
 *   <li>{@code recordSchema}: {@code marcxml} (default), {@code marcxchange}, {@code unimarcxml},
 *       {@code dc} or any name the server knows;</li>
 *   <li>{@code recordPacking}: {@code xml} (default) or {@code string};</li>
 *   <li>{@code format}: {@code marc21} or {@code unimarc}, the record format hint (else inferred);</li>
 *   <li>{@code method}: {@code get} (default; POST anyway beyond {@code maxUrlLength}, default 2048) or {@code post};</li>
 *   <li>{@code maxResponseBytes}: default 16 MiB; larger answers fail with RESPONSE_TOO_LARGE;</li>
 *   <li>{@code indexPreset} ({@code dc} default, {@code bnf}, {@code k10plus}), {@code indexes} (field to
 *       CQL index, e.g. {@code {"title": "dc.title"}}), {@code unsupportedFields} ({@code report} or
 *       {@code any}): how queries become CQL, see {@link CqlTranslator};</li>
 *   <li>{@code parameters}: extra query parameters ({@code {"x-info-5-restrictorSummary": "true"}});</li>
 *   <li>{@code headers}: extra HTTP headers; {@code userAgent}: the User-Agent.</li>
 * </ul>
 *
 * <pre>{@code
 * SruConnectorFactory factory = SruConnectorFactory.builder().httpClient(sharedClient).build();
 * try (SruConnector c = factory.create(TargetConfig.builder("loc", "sru")
 *         .set("url", "http://lx2.loc.gov:210/LCDB").set("version", "1.1").build())) {
 *     c.search(request, listener);
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class SruConnectorFactory implements ConnectorFactory {
    private final Clock clock;
    private OkHttpClient client; // guarded by this; null until first use when not injected

    /** A factory with its own OkHttp client, created on first use (the ServiceLoader path). */
    public SruConnectorFactory() {
        this(null, Clock.systemUTC());
    }

    private SruConnectorFactory(OkHttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String protocol() {
        return "sru";
    }

    @Override
    public Set<String> settingKeys() {
        return SruSettings.KEYS;
    }

    /**
     * @throws IllegalArgumentException naming the target, key and value when the configuration is wrong
     */
    @Override
    public SruConnector create(TargetConfig config) {
        Objects.requireNonNull(config, "config");
        config.requireKnownKeys(settingKeys());
        SruSettings settings = SruSettings.from(config);
        CqlTranslator translator = CqlTranslator.fromTarget(config);
        // the search budget is enforced per call (OkHttp call timeout = time left): per-phase
        // timeouts would cut a long search short or let a slow one overrun it
        OkHttpClient perTarget = sharedClient().newBuilder()
                .connectTimeout(java.time.Duration.ZERO)
                .readTimeout(java.time.Duration.ZERO)
                .writeTimeout(java.time.Duration.ZERO)
                .callTimeout(java.time.Duration.ZERO)
                .build();
        return new SruConnector(config, settings, translator, perTarget, clock);
    }

    private synchronized OkHttpClient sharedClient() {
        if (client == null) {
            // nobody can shut this client down (ServiceLoader made the factory): daemon threads, so that
            // idle callback threads never hold a finished program's JVM for OkHttp's 60 s keep-alive
            AtomicInteger n = new AtomicInteger();
            ExecutorService callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), r -> {
                        Thread t = new Thread(r, "navette-sru-http-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            client = new OkHttpClient.Builder().dispatcher(new Dispatcher(callbacks)).build();
        }
        return client;
    }

    /** Builds factories; not thread-safe. */
    public static final class Builder {
        private OkHttpClient client;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The OkHttp client every connector of the factory shares (its pool and dispatcher). */
        public Builder httpClient(OkHttpClient client) {
            this.client = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** The clock that measures search budgets. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SruConnectorFactory build() {
            return new SruConnectorFactory(client, clock);
        }
    }
}
