package org.navette.spi;

import org.navette.target.TargetConfig;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The connector factories available, keyed by protocol name.
 *
 * <pre>{@code
 * ConnectorRegistry registry = ConnectorRegistry.fromClassPath();
 * Connector sru = registry.create(TargetConfig.builder("loc", "sru").set("url", "http://...").build());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class ConnectorRegistry {
    private final Map<String, ConnectorFactory> factories;

    private ConnectorRegistry(Map<String, ConnectorFactory> factories) {
        this.factories = Collections.unmodifiableMap(new TreeMap<>(factories));
    }

    /** Every factory found by {@link ServiceLoader} with this class's class loader. */
    public static ConnectorRegistry fromClassPath() {
        return fromClassLoader(ConnectorRegistry.class.getClassLoader());
    }

    public static ConnectorRegistry fromClassLoader(ClassLoader loader) {
        Map<String, ConnectorFactory> found = new TreeMap<>();
        for (ConnectorFactory f : ServiceLoader.load(ConnectorFactory.class, loader)) {
            found.putIfAbsent(f.protocol(), f);
        }
        return new ConnectorRegistry(found);
    }

    /** A registry of exactly these factories (tests, embedding without ServiceLoader). */
    public static ConnectorRegistry of(ConnectorFactory... factories) {
        Map<String, ConnectorFactory> map = new TreeMap<>();
        for (ConnectorFactory f : factories) {
            if (map.putIfAbsent(f.protocol(), f) != null) {
                throw new IllegalArgumentException("two connector factories for protocol " + f.protocol());
            }
        }
        return new ConnectorRegistry(map);
    }

    public Collection<String> protocols() {
        return factories.keySet();
    }

    /**
     * Creates the connector for a target, after checking its keys against the factory's.
     *
     * @throws IllegalArgumentException for an unknown protocol or bad configuration
     */
    public Connector create(TargetConfig config) {
        ConnectorFactory f = factories.get(config.protocol());
        if (f == null) {
            throw new IllegalArgumentException("target " + config.id() + ": unknown protocol '" + config.protocol()
                    + "'; available: " + factories.keySet());
        }
        config.requireKnownKeys(f.settingKeys());
        return f.create(config);
    }
}
