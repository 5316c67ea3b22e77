package org.navette.connector.solr.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.StoreLocation;
import org.navette.catalogue.StoredMember;
import org.navette.model.BibRecord;
import org.navette.model.RawRecord;
import org.navette.model.RecordSource;
import org.navette.model.RecordSyntax;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.rank.TargetFacets;
import org.navette.spi.Connector;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * The union catalogue as a search target: the query translated to Solr, one hit per work
 * (a merged cluster or a singleton, VuFind's {@code -merged_child_boolean:true} view), each hit
 * delivered as all its member records, each held by its library, so the federation's clustering
 * and ranking see the work with every holding. Facet counts come from Solr with the same query,
 * over every hit rather than the page delivered ({@link SolrFacets}), in the outcome's
 * {@link SearchOutcome#facets()}.
 *
 * <p>The store is opened at the first search (an embedded index locked by another process is a
 * failed target, not a failed program) and closed with the connector.
 *
 * <p>Thread-safety: searches may run concurrently; opening is synchronised.
 */
public final class SolrCatalogueConnector implements Connector {
    private final TargetConfig config;
    private final StoreLocation location;
    private final Function<StoreLocation, CatalogueStore> opener;
    private final SolrQueryTranslator translator = new SolrQueryTranslator();
    private final Normaliser normaliser = Normaliser.ofDefaults();
    private @Nullable CatalogueStore store; // guarded by this

    public SolrCatalogueConnector(TargetConfig config, StoreLocation location, Function<StoreLocation, CatalogueStore> opener) {
        this.config = config;
        this.location = location;
        this.opener = opener;
    }

    @Override
    public TargetConfig target() {
        return config;
    }

    private synchronized CatalogueStore store() {
        if (store == null) {
            try {
                store = opener.apply(location);
            } catch (CatalogueException e) {
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.CONNECT_FAILED, e.getMessage()), e);
            }
        }
        return store;
    }

    @Override
    public SearchOutcome search(SearchRequest request, SearchListener listener) {
        listener.onPhase(Phase.CONNECTING);
        CatalogueStore s = store();
        if (!(s instanceof SolrIndex index)) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.UNAVAILABLE,
                    "store " + location + " is not a Solr index"));
        }
        listener.onPhase(Phase.SEARCHING);
        SolrQueryTranslator.Parameters p = translator.translate(request.query());
        SolrQuery q = new SolrQuery(p.q());
        p.params().forEach(q::set);
        q.addFilterQuery("-merged_child_boolean:true");
        q.addFilterQuery(VufindDocuments.DOC_TYPE + ":(" + VufindDocuments.TYPE_MEMBER + " OR " + VufindDocuments.TYPE_CLUSTER + ")");
        q.setStart(request.startRecord() - 1);
        q.setRows(request.maxRecords());
        q.setFields("id", VufindDocuments.DOC_TYPE, VufindDocuments.CLUSTER_ID);
        q.setSort("score", SolrQuery.ORDER.desc).addSort("id", SolrQuery.ORDER.asc);
        q.setTimeAllowed((int) Math.min(Integer.MAX_VALUE, request.timeout().toMillis()));
        SolrFacets.request(q);
        QueryResponse r;
        try {
            r = index.client().query(index.collection(), q, SolrRequest.METHOD.POST);
        } catch (Exception e) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.QUERY_REJECTED,
                    "catalogue " + location + " refused the query: " + e.getMessage()), e);
        }
        long hits = r.getResults().getNumFound();
        listener.onHits(hits);
        TargetFacets facets = SolrFacets.read(r, config.id());
        if (request.maxRecords() == 0 || r.getResults().isEmpty()) {
            return new SearchOutcome(hits, 0, List.of(), facets);
        }
        listener.onPhase(Phase.FETCHING);
        List<String> clusterIds = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            clusterIds.add(d.getFirstValue(VufindDocuments.CLUSTER_ID).toString());
        }
        int fetched = 0;
        for (int from = 0; from < clusterIds.size(); from += request.chunkSize()) {
            if (request.cancellation().isCancelled()) {
                throw new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search cancelled"));
            }
            List<String> chunkIds = clusterIds.subList(from, Math.min(clusterIds.size(), from + request.chunkSize()));
            Map<String, List<RawRecord>> byCluster = new LinkedHashMap<>();
            chunkIds.forEach(id -> byCluster.put(id, new ArrayList<>()));
            for (StoredMember m : s.membersOfClusters(chunkIds)) {
                RawRecord raw = member(m);
                if (raw != null) {
                    byCluster.get(m.clusterId()).add(raw);
                }
            }
            List<RawRecord> chunk = new ArrayList<>();
            byCluster.values().forEach(chunk::addAll); // in relevance order, each work's members together
            fetched += chunk.size();
            listener.onRecords(chunk);
        }
        return new SearchOutcome(hits, fetched, List.of(), facets);
    }

    /** A member as a record of this target held by its library (the one normaliser reads its MARCXML). */
    private @Nullable RawRecord member(StoredMember m) {
        ReadResult read = normaliser.normalise(RawRecord.ofXml(config.id(), RecordSyntax.MARCXML, m.fullRecord(), m.format()));
        if (read.record() == null) {
            return null;
        }
        BibRecord record = read.record().toBuilder(new RecordSource(config.id(), m.id())).build().heldBy(m.library());
        return RawRecord.scraped(record);
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** What the connector needs of a Solr store beyond {@link CatalogueStore}. */
    public interface SolrIndex {
        org.apache.solr.client.solrj.SolrClient client();

        @Nullable String collection();
    }
}
