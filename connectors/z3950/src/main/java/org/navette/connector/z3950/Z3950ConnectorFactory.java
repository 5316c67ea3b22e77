package org.navette.connector.z3950;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.navette.connector.z3950.internal.ConnectionPool;
import org.navette.connector.z3950.internal.Multiplexer;
import org.navette.connector.z3950.internal.Posix;
import org.navette.connector.z3950.internal.RecordCopier;
import org.navette.connector.z3950.internal.Z3950Settings;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.connector.z3950.internal.ZoomLibrary;
import org.navette.connector.z3950.internal.ZoomTarget;
import org.navette.query.PqfTranslator;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorFactory;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;

/**
 * Creates Z39.50 connectors (protocol {@code z3950}) that talk to targets through YAZ's ZOOM C API
 * ({@code libyaz.so.5}, Debian package {@code libyaz5}), bound with JNA.
 *
 * <p>Target keys: {@code host} (required), {@code port} (210), {@code database} ("Default"),
 * {@code syntax} (usmarc | marc21 | unimarc | xml | opac; default usmarc), {@code format} (marc21 |
 * unimarc | dc: the format announced to the normaliser; default from the syntax), {@code elementSet},
 * {@code charset} (the records' character set, passed on as the raw records' charset hint),
 * {@code convertCharset} (true: YAZ converts from {@code charset} to UTF-8), {@code user},
 * {@code password}, {@code group}, {@code timeout}, {@code connectTimeout}, {@code presentChunk}
 * (records per present), {@code poolSize} (connections at once, default 4), {@code idleTimeout}
 * (pooled connections idle longer are closed, default 60 s), {@code charsetNegotiation} (a
 * character set to propose in Z39.50 negotiation; default "none", as yaz-client, Koha and pazpar2
 * do, because a stock Zebra then decodes terms as it indexed its records), {@code queryEncoding}
 * (the character set query terms are sent in, default UTF-8; e.g. ISO-8859-1 or MARC-8 has YAZ convert
 * each term, with or without negotiation; an unknown name is refused), {@code indexes} and
 * {@code unsupportedFields} (query translation).
 *
 * <pre>{@code
 * ConnectorRegistry registry = ConnectorRegistry.fromClassPath();   // finds this factory
 * Connector zebra = registry.create(TargetConfig.builder("zebra", "z3950")
 *         .set("host", "127.0.0.1").set("port", 2100).set("database", "marc21").build());
 *
 * // a federation shares one multiplexer among all its Z39.50 targets:
 * Z3950ConnectorFactory factory = Z3950ConnectorFactory.builder().multiplexer(mux).build();
 * }</pre>
 *
 * <p>Creating the factory never touches libyaz: a machine without it can load this class and use
 * every other connector; {@link #create} then throws one {@link TargetException} of kind
 * {@link DiagnosticKind#UNAVAILABLE} naming the package to install.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class Z3950ConnectorFactory implements ConnectorFactory {
    private final List<String> libraryNames;
    private final Z3950Multiplexer sharedMultiplexer;
    private final Clock clock;
    private ZoomLibrary zoom;
    private Posix posix;
    private Multiplexer ownMultiplexer;

    /** The factory {@link java.util.ServiceLoader} instantiates: defaults throughout. */
    public Z3950ConnectorFactory() {
        this(ZoomLibrary.DEFAULT_NAMES, null, Clock.systemUTC());
    }

    Z3950ConnectorFactory(List<String> libraryNames, Z3950Multiplexer multiplexer, Clock clock) {
        this.libraryNames = List.copyOf(libraryNames);
        this.sharedMultiplexer = multiplexer;
        this.clock = clock;
    }

    public static Z3950ConnectorFactory ofDefaults() {
        return new Z3950ConnectorFactory();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String protocol() {
        return "z3950";
    }

    @Override
    public Set<String> settingKeys() {
        return Z3950Settings.KEYS;
    }

    /**
     * @throws IllegalArgumentException when a setting is wrong, naming the target, key and value
     * @throws TargetException of kind {@link DiagnosticKind#UNAVAILABLE} when libyaz is not installed
     */
    @Override
    public Connector create(TargetConfig config) {
        Z3950Settings settings = Z3950Settings.from(config);
        PqfTranslator translator = PqfTranslator.fromTarget(config);
        ZoomLibrary lib = library();
        Posix px = posix();
        ConnectionPool pool = new ConnectionPool(settings.poolSize(), settings.idleTimeout(), clock, px);
        return new ZoomConnector(config, new ZoomTarget(settings, lib, pool, new RecordCopier(settings)), px,
                translator, this::multiplexer, System::nanoTime);
    }

    private synchronized ZoomLibrary library() {
        if (zoom == null) {
            zoom = ZoomLibrary.load(libraryNames);
        }
        return zoom;
    }

    private synchronized Posix posix() {
        if (posix == null) {
            posix = Posix.load();
        }
        return posix;
    }

    /** The multiplexer given to the builder, else one of this factory's own whose thread ends when idle. */
    private synchronized Multiplexer multiplexer() {
        if (sharedMultiplexer != null) {
            return sharedMultiplexer.internal();
        }
        if (ownMultiplexer == null) {
            ownMultiplexer = Z3950Multiplexer.builder().idleLinger(Duration.ofSeconds(10)).build().internal();
        }
        return ownMultiplexer;
    }

    /** Builds {@link Z3950ConnectorFactory}s; not thread-safe. */
    public static final class Builder {
        private Z3950Multiplexer multiplexer;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The multiplexer that runs {@code searchAsync} for every connector of this factory. */
        public Builder multiplexer(Z3950Multiplexer value) {
            multiplexer = Objects.requireNonNull(value, "multiplexer");
            return this;
        }

        /** The clock that measures how long pooled connections were idle (default: system UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Z3950ConnectorFactory build() {
            return new Z3950ConnectorFactory(ZoomLibrary.DEFAULT_NAMES, multiplexer, clock);
        }
    }
}
