package org.navette.connector.solr;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.navette.catalogue.StoreLocation;
import org.navette.connector.solr.internal.SolrCatalogueConnector;
import org.navette.spi.Connector;
import org.navette.spi.ConnectorFactory;
import org.navette.target.TargetConfig;

/**
 * The {@code solr} protocol: a union catalogue built by Navette as a federated search target, next
 * to Z39.50, SRU and OPAC targets. Settings: {@code dataDir} (an embedded catalogue), or {@code url}
 * (a Solr core), or {@code zkHost} + {@code collection} (SolrCloud).
 *
 * <pre>{@code
 * {"id": "union", "protocol": "solr", "name": "Réseau des médiathèques", "dataDir": "navette-catalogue"}
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class SolrConnectorFactory implements ConnectorFactory {
    static final Set<String> KEYS = Set.of("dataDir", "url", "zkHost", "collection");

    @Override
    public String protocol() {
        return "solr";
    }

    @Override
    public Set<String> settingKeys() {
        return KEYS;
    }

    @Override
    public Connector create(TargetConfig config) {
        Objects.requireNonNull(config, "config");
        config.requireKnownKeys(settingKeys());
        return new SolrCatalogueConnector(config, location(config), SolrCatalogueStore::open);
    }

    /** The store a target names: exactly one of dataDir, url, or zkHost with collection. */
    static StoreLocation location(TargetConfig config) {
        boolean dir = config.has("dataDir");
        boolean url = config.has("url");
        boolean zk = config.has("zkHost") || config.has("collection");
        if ((dir ? 1 : 0) + (url ? 1 : 0) + (zk ? 1 : 0) != 1) {
            throw new IllegalArgumentException("target " + config.id() + ": give exactly one of 'dataDir', 'url', or"
                    + " 'zkHost' with 'collection'");
        }
        if (dir) {
            return StoreLocation.embedded(Path.of(config.requiredString("dataDir")));
        }
        if (url) {
            return StoreLocation.url(config.requiredString("url"));
        }
        return StoreLocation.cloud(config.requiredString("zkHost"), config.requiredString("collection"));
    }
}
