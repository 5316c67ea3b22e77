package org.navette.connector.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ChangeSet;
import org.navette.catalogue.StoreLocation;
import org.navette.catalogue.MemberSummary;
import org.navette.catalogue.StoredMember;
import org.navette.connector.solr.internal.SolrCatalogueConnector;
import org.navette.connector.solr.internal.SolrHome;
import org.navette.connector.solr.internal.VufindDocuments;
import org.navette.model.BibRecord;

/**
 * The union catalogue kept in Apache Solr, by one code path for three deployments: an embedded
 * core in a data directory (the default: nothing to install), a standalone Solr core by URL, or a
 * SolrCloud collection by ZooKeeper address (the configset is uploaded and the collection created,
 * one shard per live node, when missing).
 *
 * <pre>{@code
 * try (SolrCatalogueStore store = SolrCatalogueStore.open(StoreLocation.embedded(Path.of("navette-catalogue")))) {
 *     Catalogue catalogue = Catalogue.builder(store).build();
 *     catalogue.load("bib-dole", Path.of("dole.mrc"));
 *     System.out.println(store.stats());
 * }
 * }</pre>
 *
 * <p>The index uses VuFind's field names (see the module README): a VuFind or Blacklight front end
 * can query {@link #client()} directly, with {@code fq=-merged_child_boolean:true} to see each work once.
 *
 * <p>Thread-safety: thread-safe (SolrJ clients are); one writer at a time is expected.
 */
public final class SolrCatalogueStore implements CatalogueStore, SolrCatalogueConnector.SolrIndex {
    private static final int PAGE = 1000;
    /** Documents read in one request rather than by cursor: a batch's candidates (their summaries, no original record). */
    private static final int AT_ONCE = 100_000;
    /** Members expected per cluster read: rows asked for beyond those found cost little, a second request more. */
    private static final int MEMBERS_PER_CLUSTER = 4;
    /** Up to this many blocking keys are counted one by one (a record's), more over the lookup's answer (a batch's). */
    private static final int LISTED_KEYS = 64;
    private static final String SEPARATOR = "\u001f";
    private static final int CONNECT_SECONDS = 15;
    private static final int READY_SECONDS = 60;

    private final StoreLocation location;
    private final SolrClient client;
    private final @Nullable String collection;
    private final @Nullable CoreContainer container;
    private final Clock clock;

    private SolrCatalogueStore(StoreLocation location, SolrClient client, @Nullable String collection,
            @Nullable CoreContainer container, Clock clock) {
        this.location = location;
        this.client = client;
        this.collection = collection;
        this.container = container;
        this.clock = clock;
    }

    /** Opens (creating when missing) the store at {@code location}. */
    public static SolrCatalogueStore open(StoreLocation location) {
        return open(location, Clock.systemUTC());
    }

    /** As {@link #open(StoreLocation)}, with the clock that stamps {@code first_indexed}/{@code last_indexed}. */
    public static SolrCatalogueStore open(StoreLocation location, Clock clock) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(clock, "clock");
        return switch (location.kind()) {
            case EMBEDDED -> openEmbedded(location, clock);
            case URL -> openUrl(location, clock);
            case CLOUD -> openCloud(location, clock);
        };
    }

    private static SolrCatalogueStore openEmbedded(StoreLocation location, Clock clock) {
        Path home = Objects.requireNonNull(location.dataDir()).toAbsolutePath();
        if (Files.exists(home) && !Files.isDirectory(home)) {
            throw new CatalogueException("catalogue store " + location + ": " + home + " is not a directory");
        }
        CoreContainer container;
        try {
            SolrHome.prepare(home);
            container = CoreContainer.createAndLoad(home);
        } catch (IOException | RuntimeException e) {
            throw new CatalogueException("catalogue store " + location + ": cannot open the embedded index: " + e.getMessage(), e);
        }
        Map<String, CoreContainer.CoreLoadFailure> failures = container.getCoreInitFailures();
        // getCore counts a reference: exactly one release, or the core (and its index lock) outlives close()
        try (SolrCore core = failures.isEmpty() ? container.getCore(SolrHome.CORE) : null) {
            if (core == null) {
                container.shutdown();
                String why = failures.isEmpty() ? "core did not load" : rootMessage(failures.values().iterator().next().exception);
                throw new CatalogueException("catalogue store " + location + ": cannot open the embedded index"
                        + " (another process using it?): " + why);
            }
        }
        return new SolrCatalogueStore(location, new EmbeddedSolrServer(container, SolrHome.CORE), null, container, clock);
    }

    private static SolrCatalogueStore openUrl(StoreLocation location, Clock clock) {
        SolrClient client = httpClient(Objects.requireNonNull(location.address())).build();
        SolrCatalogueStore store = new SolrCatalogueStore(location, client, null, null, clock);
        store.ping();
        return store;
    }

    private static SolrCatalogueStore openCloud(StoreLocation location, Clock clock) {
        String collection = Objects.requireNonNull(location.collection());
        CloudSolrClient client;
        try {
            client = new CloudHttp2SolrClient.Builder(List.of(Objects.requireNonNull(location.address())), Optional.empty())
                    .withDefaultCollection(collection)
                    .withZkConnectTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                    .withInternalClientBuilder(httpClient(null))
                    .build();
        } catch (RuntimeException e) {
            throw new CatalogueException("catalogue store " + location + ": cannot reach ZooKeeper: " + rootMessage(e), e);
        }
        try {
            client.connect(CONNECT_SECONDS, TimeUnit.SECONDS);
            Set<String> existing = new LinkedHashSet<>(CollectionAdminRequest.listCollections(client));
            if (!existing.contains(collection)) {
                String configName = SolrHome.CORE + "-" + collection;
                ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
                upload.setConfigSetName(configName);
                upload.setUploadStream(new ContentStreamBase.ByteArrayStream(SolrHome.configsetZip(), "configset.zip",
                        "application/zip"));
                upload.setOverwrite(true);
                upload.process(client);
                int nodes = Math.max(1, client.getClusterState().getLiveNodes().size());
                CollectionAdminRequest.createCollection(collection, configName, nodes, 1).process(client);
            }
            // created a moment ago, or a node restarting: every shard needs a live leader before the first write
            ZkStateReader.from(client).waitForState(collection, READY_SECONDS, TimeUnit.SECONDS,
                    (live, state) -> state != null && state.getActiveSlices().stream()
                            .allMatch(s -> s.getLeader() != null && s.getLeader().isActive(live)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(client);
            throw new CatalogueException("catalogue store " + location + ": interrupted while opening the collection", e);
        } catch (Exception e) {
            closeQuietly(client);
            throw new CatalogueException("catalogue store " + location + ": cannot open the collection: " + rootMessage(e), e);
        }
        return new SolrCatalogueStore(location, client, collection, null, clock);
    }

    /**
     * The HTTP client of the URL and SolrCloud stores ({@code baseUrl} null for SolrCloud's internal one):
     * a dead address fails at connect, not after a long wait; and no probing HEAD request, which a
     * core's update handler logs as an error (the JDK client sends one before its first POST).
     */
    private static Http2SolrClient.Builder httpClient(@Nullable String baseUrl) {
        return (baseUrl == null ? new Http2SolrClient.Builder() : new Http2SolrClient.Builder(baseUrl))
                .withConnectionTimeout(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    private void ping() {
        try {
            query(new SolrQuery("*:*").setRows(0));
        } catch (CatalogueException e) {
            closeQuietly(client);
            throw e;
        }
    }

    /** The SolrJ client on the catalogue's core or collection, for queries of your own. */
    @Override
    public SolrClient client() {
        return client;
    }

    /** The collection requests go to (null for an embedded store or a core URL, which name it already). */
    @Override
    public @Nullable String collection() {
        return collection;
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public Map<String, String> fingerprints(String library) {
        Map<String, String> out = new LinkedHashMap<>();
        SolrQuery q = memberQuery().setQuery(VufindDocuments.LIBRARY + ":" + escape(library))
                .setFields("id", VufindDocuments.FINGERPRINT).setSort("id", SolrQuery.ORDER.asc);
        scroll(q, d -> out.put(d.getFirstValue("id").toString(), d.getFirstValue(VufindDocuments.FINGERPRINT).toString()));
        return out;
    }

    @Override
    public List<StoredMember> members(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return readMembers(termsQuery("id", memberIds), memberIds.size(), false);
    }

    @Override
    public Set<String> clustersSharingKeys(Collection<String> matchKeys, int maxPerKey) {
        if (matchKeys.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>(matchKeys);
        // count each key's members first: a key above maxPerKey blocks nothing and is left out. Every
        // member holding one of the keys matches the query, so a facet over its answer counts each key
        // exactly, in one pass over the answer's docValues: for a batch's thousands of keys, where a
        // listed-terms facet ({!terms=}) runs and caches one filter per key. A record's few keys
        // (an interlending lookup) are counted listed: the answer's other keys would be counted too
        SolrQuery count = memberQuery().setQuery(termsQuery(VufindDocuments.MATCH_KEYS, keys)).setRows(0)
                .setFacet(true).setFacetLimit(-1).setFacetMinCount(1).setFacetSort("index");
        if (keys.size() <= LISTED_KEYS) {
            count.addFacetField("{!terms=$navette.keys}" + VufindDocuments.MATCH_KEYS);
            count.set("navette.keys", facetTermList(keys));
        } else {
            count.addFacetField(VufindDocuments.MATCH_KEYS);
        }
        FacetField counts = query(count).getFacetField(VufindDocuments.MATCH_KEYS);
        List<String> usable = new ArrayList<>();
        if (counts != null) {
            for (FacetField.Count c : counts.getValues()) {
                if (c.getCount() <= maxPerKey && keys.contains(c.getName())) {
                    usable.add(c.getName());
                }
            }
        }
        Set<String> out = new TreeSet<>();
        if (!usable.isEmpty()) {
            // the distinct cluster ids as a facet: no member document is returned (a batch's keys reach
            // thousands of them, which paging by cursor read again and sorted page after page)
            SolrQuery q = memberQuery().setQuery(termsQuery(VufindDocuments.MATCH_KEYS, usable)).setRows(0)
                    .setFacet(true).setFacetLimit(-1).setFacetMinCount(1).setFacetSort("index")
                    .addFacetField(VufindDocuments.CLUSTER_ID);
            FacetField ids = query(q).getFacetField(VufindDocuments.CLUSTER_ID);
            if (ids != null) {
                ids.getValues().forEach(c -> out.add(c.getName()));
            }
        }
        return out;
    }

    @Override
    public List<MemberSummary> summariesOfClusters(Collection<String> clusterIds, int codedMembers) {
        return summariesOfClusters(clusterIds, codedMembers, true);
    }

    @Override
    public List<MemberSummary> summariesOfClusters(Collection<String> clusterIds, int codedMembers, boolean blockingKeys) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        SolrQuery q = memberQuery().setQuery(termsQuery(VufindDocuments.CLUSTER_ID, clusterIds))
                .setFields(blockingKeys ? VufindDocuments.SUMMARY_FIELDS : VufindDocuments.SUMMARY_FIELDS_WITHOUT_KEYS);
        List<MemberSummary> out = new ArrayList<>();
        String[] cluster = {null};
        int[] n = {0};
        readInClusterOrder(q, MEMBERS_PER_CLUSTER * clusterIds.size(), d -> {
            String c = d.getFirstValue(VufindDocuments.CLUSTER_ID).toString();
            n[0] = c.equals(cluster[0]) ? n[0] + 1 : 0;
            cluster[0] = c;
            out.add(VufindDocuments.toSummary(d, n[0] < codedMembers));
        });
        return out;
    }

    @Override
    public List<StoredMember> membersOfClusters(Collection<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return readMembers(termsQuery(VufindDocuments.CLUSTER_ID, clusterIds), MEMBERS_PER_CLUSTER * clusterIds.size(), true);
    }

    @Override
    public void forEachMember(String library, Consumer<StoredMember> action) {
        SolrQuery q = memberQuery().setQuery(VufindDocuments.LIBRARY + ":" + escape(library))
                .setFields(VufindDocuments.MEMBER_FIELDS)
                .setSort(VufindDocuments.POSITION, SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc);
        scroll(q, d -> action.accept(VufindDocuments.toMember(d)));
    }

    /**
     * Members matching {@code query} ({@code expected} of them at least: one per id or cluster asked
     * for); grouped by cluster in stored order when {@code byCluster} is set.
     */
    private List<StoredMember> readMembers(String query, int expected, boolean byCluster) {
        SolrQuery q = memberQuery().setQuery(query).setFields(VufindDocuments.MEMBER_FIELDS);
        List<StoredMember> out = new ArrayList<>();
        if (byCluster) {
            readInClusterOrder(q, expected, d -> out.add(VufindDocuments.toMember(d)));
            return out;
        }
        SolrDocumentList found = readAtOnce(q, expected);
        if (found != null) {
            found.forEach(d -> out.add(VufindDocuments.toMember(d)));
        } else {
            scroll(q, d -> out.add(VufindDocuments.toMember(d)));
        }
        return out;
    }

    /**
     * Runs {@code q} (no sort of its own) and hands its documents over by cluster, then cluster
     * order, position and id. When they fit in one page (nearly always: a lookup asks for a few
     * clusters) they are read unsorted and ordered here, which spares Solr sorting on string
     * docValues and keeping a cursor; else page by page with a cursor on the same order.
     */
    private void readInClusterOrder(SolrQuery q, int clusters, Consumer<SolrDocument> action) {
        SolrDocumentList found = readAtOnce(q, clusters);
        if (found != null) {
            List<SolrDocument> docs = new ArrayList<>(found);
            docs.sort(IN_CLUSTER_ORDER);
            docs.forEach(action);
            return;
        }
        q.setSort(VufindDocuments.CLUSTER_ID, SolrQuery.ORDER.asc).addSort(VufindDocuments.CLUSTER_ORDER, SolrQuery.ORDER.asc)
                .addSort(VufindDocuments.POSITION, SolrQuery.ORDER.asc).addSort("id", SolrQuery.ORDER.asc);
        scroll(q, action);
    }

    /**
     * All of {@code q}'s documents, in no particular order, when there are at most {@value #AT_ONCE}: one page
     * of {@value #PAGE} or of {@code atLeast} (the documents expected), and
     * when more matched, one request for all of them (a cursor would run the
     * query and sort its documents once per page); null when there are more.
     */
    private @Nullable SolrDocumentList readAtOnce(SolrQuery q, int atLeast) {
        // no sort (not even _docid_, which a SolrCloud collection refuses): the caller orders what it needs
        SolrQuery first = q.getCopy().setRows(Math.min(AT_ONCE, Math.max(PAGE, atLeast)));
        SolrDocumentList found = query(first).getResults();
        if (found.getNumFound() <= found.size()) {
            return found;
        }
        if (found.getNumFound() > AT_ONCE) {
            return null;
        }
        return query(first.setRows((int) found.getNumFound())).getResults();
    }

    /** The order Solr's sort gives: strings by code point (as their UTF-8 bytes compare), then numbers. */
    private static final Comparator<SolrDocument> IN_CLUSTER_ORDER = Comparator
            .comparing((SolrDocument d) -> d.getFirstValue(VufindDocuments.CLUSTER_ID).toString(), SolrCatalogueStore::byCodePoint)
            .thenComparingLong(d -> ((Number) d.getFirstValue(VufindDocuments.CLUSTER_ORDER)).longValue())
            .thenComparingLong(d -> ((Number) d.getFirstValue(VufindDocuments.POSITION)).longValue())
            .thenComparing(d -> d.getFirstValue("id").toString(), SolrCatalogueStore::byCodePoint);

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public void apply(ChangeSet changes) {
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<SolrInputDocument> docs = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (ChangeSet.ClusterWrite w : changes.clusterWrites()) {
            List<StoredMember> members = w.members();
            for (int i = 0; i < members.size(); i++) {
                if (w.writes(i)) {
                    docs.add(VufindDocuments.member(members.get(i), w.record(i), i, members.size(), now));
                }
            }
            String clusterId = w.cluster().id();
            if (members.size() > 1) {
                BibRecord representative = w.cluster().representative();
                StoredMember repStored = members.get(w.cluster().members().indexOf(representative));
                docs.add(VufindDocuments.merged(clusterId, representative, w.cluster().members(), members, repStored, now));
            } else {
                deletes.add(VufindDocuments.mergedId(clusterId)); // it may have been a merged cluster before
            }
        }
        for (String id : changes.deletedClusters()) {
            deletes.add(VufindDocuments.mergedId(id));
        }
        deletes.addAll(changes.deletedMembers());
        changes.putStates().forEach((k, v) -> docs.add(VufindDocuments.state(k, v)));
        changes.deletedStates().forEach(k -> deletes.add(VufindDocuments.STATE_PREFIX + k));
        UpdateRequest update = new UpdateRequest();
        if (!docs.isEmpty()) {
            update.add(docs);
        }
        if (!deletes.isEmpty()) {
            update.deleteById(deletes);
        }
        // one request, then a hard commit: durable and visible on return, as the contract asks
        update.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        try {
            update.process(client, collection);
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw new CatalogueException("catalogue store " + location + ": cannot apply " + changes + ": " + rootMessage(e), e);
        }
    }

    @Override
    public Map<String, String> states(String keyPrefix) {
        SolrQuery q = new SolrQuery("{!prefix f=" + VufindDocuments.STATE_KEY + " v=$navette.prefix}")
                .addFilterQuery(VufindDocuments.DOC_TYPE + ":" + VufindDocuments.TYPE_STATE)
                .setFields(VufindDocuments.STATE_KEY, VufindDocuments.STATE_VALUE).setSort("id", SolrQuery.ORDER.asc);
        q.set("navette.prefix", keyPrefix);
        if (keyPrefix.isEmpty()) {
            q.setQuery("*:*");
        }
        Map<String, String> out = new TreeMap<>();
        scroll(q, d -> out.put(d.getFirstValue(VufindDocuments.STATE_KEY).toString(),
                d.getFirstValue(VufindDocuments.STATE_VALUE).toString()));
        return out;
    }

    @Override
    public CatalogueStats stats() {
        SolrQuery members = memberQuery().setQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1).setFacetMinCount(1)
                .addFacetField(VufindDocuments.LIBRARY);
        QueryResponse r = query(members);
        Map<String, Long> libraries = new HashMap<>();
        FacetField f = r.getFacetField(VufindDocuments.LIBRARY);
        if (f != null) {
            f.getValues().forEach(c -> libraries.put(c.getName(), c.getCount()));
        }
        long records = r.getResults().getNumFound();
        // a cluster is a merged document, or a member that is not a merged child (a singleton)
        SolrQuery visible = new SolrQuery("*:*").setRows(0).addFilterQuery("-merged_child_boolean:true")
                .addFilterQuery(VufindDocuments.DOC_TYPE + ":(" + VufindDocuments.TYPE_MEMBER + " OR "
                        + VufindDocuments.TYPE_CLUSTER + ")");
        long clusters = query(visible).getResults().getNumFound();
        return new CatalogueStats(records, clusters, libraries);
    }

    @Override
    public void close() {
        closeQuietly(client);
        if (container != null) {
            container.shutdown(); // EmbeddedSolrServer.close() leaves its container running
        }
    }

    private static SolrQuery memberQuery() {
        SolrQuery q = new SolrQuery();
        q.addFilterQuery(VufindDocuments.DOC_TYPE + ":" + VufindDocuments.TYPE_MEMBER);
        return q;
    }

    /** Runs {@code q} page by page with a cursor (its sort must end on {@code id}). */
    private void scroll(SolrQuery q, Consumer<SolrDocument> action) {
        List<SolrQuery.SortClause> sorts = q.getSorts();
        if (sorts.isEmpty() || !sorts.get(sorts.size() - 1).getItem().equals("id")) {
            q.addSort("id", SolrQuery.ORDER.asc);
        }
        q.setRows(PAGE);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            r.getResults().forEach(action);
            String next = r.getNextCursorMark();
            // a short page is the last one: asking again only to get the same cursor back is a request more
            if (r.getResults().size() < PAGE || next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    private QueryResponse query(SolrQuery q) {
        try {
            // POST: a batch's term lists do not fit in a URL
            return client.query(collection, q, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw new CatalogueException("catalogue store " + location + ": query failed: " + rootMessage(e), e);
        }
    }

    /** A terms query (exact values, no analysis) over {@code field}. */
    private static String termsQuery(String field, Collection<String> values) {
        return "{!terms f=" + field + " separator='" + SEPARATOR + "'}" + String.join(SEPARATOR, values);
    }

    /** A facet {@code terms} list: comma-separated, commas and backslashes escaped. */
    private static String facetTermList(Collection<String> values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(v.replace("\\", "\\\\").replace(",", "\\,"));
        }
        return out.toString();
    }

    private static String escape(String value) {
        return org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(value);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    private static void closeQuietly(SolrClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure: the first failure is the one reported
        }
    }
}
