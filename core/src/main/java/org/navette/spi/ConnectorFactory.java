package org.navette.spi;

import org.navette.target.TargetConfig;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetException;

import java.util.Set;

/**
 * Creates {@link Connector}s for one protocol. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.navette.spi.ConnectorFactory}
 * file in the connector's jar) and keyed by {@link #protocol()}.
 *
 * <pre>{@code
 * public final class SruConnectorFactory implements ConnectorFactory {
 *     public String protocol() { return "sru"; }
 *     public Set<String> settingKeys() { return Set.of("url", "version", "recordSchema", "indexes"); }
 *     public Connector create(TargetConfig config) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safety: implementations must be stateless or thread-safe.
 */
public interface ConnectorFactory {
    /** The protocol name used in target files: {@code z3950}, {@code sru}, {@code opac}, {@code solr}. */
    String protocol();

    /** The protocol-specific keys a target of this protocol may carry (besides {@link TargetConfig#COMMON_KEYS}). */
    Set<String> settingKeys();

    /**
     * Creates a connector for the target.
     *
     * @throws IllegalArgumentException when the configuration is wrong, naming the target and key
     * @throws TargetException of kind {@link DiagnosticKind#UNAVAILABLE} when something the protocol
     *         needs is missing on this machine (the message says what to install)
     */
    Connector create(TargetConfig config);
}
