package org.navette.connector.opac;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.navette.connector.opac.internal.HostGates;
import org.navette.connector.opac.internal.OpacConnector;
import org.navette.connector.opac.internal.OpacSettings;
import org.navette.connector.opac.internal.ProfileSpec;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorFactory;
import org.navette.target.TargetConfig;

/**
 * Creates connectors for scraped web OPACs (protocol {@code opac}), each driven by an
 * {@link OpacProfile}. Found by {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * Connector mannheim = new OpacConnectorFactory().create(TargetConfig.builder("mannheim", "opac")
 *         .set("profile", "bibliotheca")                 // built-in name or path to a JSON profile
 *         .set("url", "https://opac.example.org/")        // the OPAC's base URL
 *         .set("requestsPerSecond", 0.5).set("maxConcurrent", 1)
 *         .build());
 * }</pre>
 *
 * <p>Target keys besides the common ones: {@code profile}, {@code url} (required);
 * {@code requestsPerSecond} (1), {@code maxConcurrent} (2), {@code userAgent}, {@code maxPageBytes}
 * (5 MiB), {@code requestTimeout} per page request (15 s; the common {@code timeout} is the whole search's budget), {@code connectTimeout} (5 s), {@code maxPages} (5),
 * {@code maxRedirects} (5), {@code exportMarc} (true), {@code fetchDetails} (the profile's
 * choice), {@code params} (constant request parameters of the site), {@code unsupportedFields}
 * ({@code report} or {@code any}; default: the profile's choice).
 *
 * <p>Politeness limits are kept per host and shared by every connector this factory created:
 * two libraries on one consortium server share its rate limit, concurrency cap and Retry-After
 * pauses; the strictest target setting wins.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class OpacConnectorFactory implements ConnectorFactory {
    private final Clock clock;
    private final HostGates gates;

    /** A factory on the system clock (what {@link java.util.ServiceLoader} uses). */
    public OpacConnectorFactory() {
        this(Clock.systemUTC());
    }

    private OpacConnectorFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gates = new HostGates(clock);
    }

    /** A factory whose Retry-After pauses and cookie expiry follow {@code clock} (tests, simulations). */
    public static OpacConnectorFactory withClock(Clock clock) {
        return new OpacConnectorFactory(clock);
    }

    @Override
    public String protocol() {
        return "opac";
    }

    @Override
    public Set<String> settingKeys() {
        return OpacSettings.KEYS;
    }

    /**
     * @throws IllegalArgumentException for a bad setting, an unknown profile or an invalid profile
     *                                  ({@link OpacProfileException}, naming file and key)
     */
    @Override
    public Connector create(TargetConfig config) {
        config.requireKnownKeys(OpacSettings.KEYS);
        return create(config, OpacProfile.resolve(config.requiredString("profile")));
    }

    /** A connector for {@code config} read with an already loaded profile (its {@code profile} key is ignored). */
    public Connector create(TargetConfig config, OpacProfile profile) {
        if (!(profile instanceof ProfileSpec spec)) {
            throw new IllegalArgumentException("target " + config.id() + ": profiles must come from OpacProfile's "
                    + "factories, was " + profile.getClass().getName());
        }
        return new OpacConnector(config, spec, OpacSettings.of(config), gates, clock);
    }
}
