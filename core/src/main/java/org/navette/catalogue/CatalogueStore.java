package org.navette.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Where a union catalogue is kept: member records, the clusters they form, and small state entries
 * (the last harvest of each source, the ingest journal). The ingest pipeline reads candidates from
 * it and writes {@link ChangeSet}s to it; search goes through the store's own search target.
 *
 * <p>The Solr implementation lives in {@code connectors/solr} (embedded, by URL, SolrCloud) and is
 * found through {@link CatalogueStoreFactory} with {@link ServiceLoader}:
 *
 * <pre>{@code
 * try (CatalogueStore store = CatalogueStore.open(StoreLocation.embedded(Path.of("navette-catalogue")))) {
 *     CatalogueStats stats = store.stats();
 *     store.forEachMember("bib-dole", m -> System.out.println(m.id() + " in " + m.clusterId()));
 * }
 * }</pre>
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #apply} is durable when it returns (committed) and visible to every read method.</li>
 *   <li>Reads return what the last applied change sets say; a member's {@code clusterId} names a
 *       cluster whose members include it.</li>
 *   <li>Failures are {@link CatalogueException}s naming the store.</li>
 * </ul>
 *
 * <p>Thread-safety: implementations are thread-safe; one writer at a time is expected.
 */
public interface CatalogueStore extends AutoCloseable {

    /** Opens the store at {@code location} with the first {@link CatalogueStoreFactory} that supports it. */
    static CatalogueStore open(StoreLocation location) {
        for (CatalogueStoreFactory f : ServiceLoader.load(CatalogueStoreFactory.class)) {
            if (f.supports(location)) {
                return f.open(location);
            }
        }
        throw new CatalogueException("no catalogue store implementation for " + location
                + " (is navette-solr on the class path?)");
    }

    /** Where this store is, for messages. */
    StoreLocation location();

    /** Fingerprint of every member record of {@code library}, by member id. */
    Map<String, String> fingerprints(String library);

    /** The stored members with these ids (those that exist), in no particular order. */
    List<StoredMember> members(Collection<String> memberIds);

    /**
     * Ids of the clusters with a member sharing at least one of {@code matchKeys}; a key shared by
     * more than {@code maxPerKey} members is skipped (it blocks nothing: a common title word, say).
     */
    java.util.Set<String> clustersSharingKeys(Collection<String> matchKeys, int maxPerKey);

    /**
     * What ingest compares of these clusters' members, without their MARC: each cluster's members in
     * their stored order, with the key code of only the first {@code codedMembers} of each cluster
     * (the others' {@link MemberSummary#keyCode()} is empty). Cheap: no original record is read.
     */
    List<MemberSummary> summariesOfClusters(Collection<String> clusterIds, int codedMembers);

    /**
     * As {@link #summariesOfClusters(Collection, int)}; without {@code blockingKeys} a store may
     * leave each summary's {@link MemberSummary#matchKeys()} empty, which a lookup that only
     * compares (an interlending request) does not need and which costs a read per key.
     */
    default List<MemberSummary> summariesOfClusters(Collection<String> clusterIds, int codedMembers, boolean blockingKeys) {
        return summariesOfClusters(clusterIds, codedMembers);
    }

    /** Every stored member of these clusters, each cluster's members in their stored order. */
    List<StoredMember> membersOfClusters(Collection<String> clusterIds);

    /** Every member of {@code library} in {@link StoredMember#position()} order. */
    void forEachMember(String library, Consumer<StoredMember> action);

    /** Applies {@code changes} and commits them; durable and visible on return. */
    void apply(ChangeSet changes);

    /** State entries whose key starts with {@code keyPrefix}. */
    Map<String, String> states(String keyPrefix);

    /** Counts of records, clusters and records per library. */
    CatalogueStats stats();

    /** Releases the store (for an embedded store: shuts its index down cleanly). */
    @Override
    void close();
}
