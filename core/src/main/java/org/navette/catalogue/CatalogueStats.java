package org.navette.catalogue;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a union catalogue: member records, clusters (every record belongs to exactly one; a
 * record matching nothing is a cluster of one), and member records per library.
 *
 * <pre>{@code
 * CatalogueStats s = store.stats();
 * System.out.println(s.records() + " records in " + s.clusters() + " clusters; " + s.libraries());
 * }</pre>
 *
 * @param records   member records stored
 * @param clusters  clusters, singletons included
 * @param libraries member records per library id, sorted by id
 */
public record CatalogueStats(long records, long clusters, Map<String, Long> libraries) {
    public CatalogueStats {
        if (records < 0 || clusters < 0 || clusters > records) {
            throw new IllegalArgumentException("inconsistent counts: " + records + " records, " + clusters + " clusters");
        }
        libraries = java.util.Collections.unmodifiableMap(new TreeMap<>(libraries));
    }
}
