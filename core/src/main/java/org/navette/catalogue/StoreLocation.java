package org.navette.catalogue;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a union catalogue lives: an embedded store in a data directory (the default, nothing to
 * install), a standalone server by URL, or a cluster by coordinator address and collection.
 *
 * <pre>{@code
 * StoreLocation local = StoreLocation.embedded(Path.of("navette-catalogue"));
 * StoreLocation server = StoreLocation.url("http://solr.example.org:8983/solr/navette");
 * StoreLocation cloud = StoreLocation.cloud("zk1:2181,zk2:2181/solr", "navette");
 * }</pre>
 *
 * @param kind       which deployment
 * @param dataDir    the data directory ({@link Kind#EMBEDDED} only)
 * @param address    the base URL ({@link Kind#URL}) or ZooKeeper host string ({@link Kind#CLOUD})
 * @param collection the collection ({@link Kind#CLOUD} only)
 */
public record StoreLocation(Kind kind, @Nullable Path dataDir, @Nullable String address, @Nullable String collection) {

    /** The three deployments of one store implementation. */
    public enum Kind { EMBEDDED, URL, CLOUD }

    public StoreLocation {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case EMBEDDED -> require(dataDir != null && address == null && collection == null,
                    "an embedded store needs a data directory and nothing else");
            case URL -> require(address != null && !address.isBlank() && dataDir == null && collection == null,
                    "a store by URL needs a non-blank URL and nothing else");
            case CLOUD -> require(address != null && !address.isBlank() && collection != null && !collection.isBlank()
                    && dataDir == null, "a cloud store needs a ZooKeeper host string and a collection");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** An embedded store whose index lives under {@code dataDir} (created when missing). */
    public static StoreLocation embedded(Path dataDir) {
        return new StoreLocation(Kind.EMBEDDED, Objects.requireNonNull(dataDir, "dataDir"), null, null);
    }

    /** A store on a running server: the base URL of its core or collection. */
    public static StoreLocation url(String url) {
        return new StoreLocation(Kind.URL, null, url, null);
    }

    /** A store in a cluster: ZooKeeper host string and collection (created when missing). */
    public static StoreLocation cloud(String zkHost, String collection) {
        return new StoreLocation(Kind.CLOUD, null, zkHost, collection);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> "embedded:" + dataDir;
            case URL -> "url:" + address;
            case CLOUD -> "cloud:" + address + "/" + collection;
        };
    }
}
