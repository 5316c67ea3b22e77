package org.navette.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ExportFormat;
import org.navette.catalogue.IngestSummary;
import org.navette.catalogue.StoreLocation;
import org.navette.ill.IllPlan;
import org.navette.ill.IllPlanner;
import org.navette.ill.IllStateStore;
import org.navette.ill.LendingStatistics;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.RequestBatch;
import org.navette.ill.RequestMatcher;
import org.navette.ill.Rota;
import org.navette.ill.iso18626.RequestFiles;

/**
 * A network's union catalogue and its interlending batch: each library's MARC export loaded into
 * an embedded Solr catalogue (deduplicated into works with every holding library), one library's
 * contribution exported back, then a batch of requests matched against the catalogue and given
 * lenders by the network's policy, with the state kept in H2.
 *
 * <pre>{@code
 * Result r = UnionCatalogueAndInterlending.run(Path.of("catalogue"),
 *         Map.of("dole", Path.of("dole.mrc"), "lons", Path.of("lons.mrc")),
 *         Path.of("requests.csv"), Path.of("network.json"), Path.of("ill-state"));
 * r.stats();            // records, works, records per library
 * r.plan().counts();    // matched, no-lender, ambiguous, unmatched, invalid
 * }</pre>
 */
public final class UnionCatalogueAndInterlending {
    private UnionCatalogueAndInterlending() {
    }

    /**
     * What came out.
     *
     * @param loads         each library's ingest summary (read, added, changed, deleted, problems)
     * @param stats         the catalogue's figures after the loads
     * @param exportedBytes size of the first library's contribution exported as MARCXML
     * @param plan          the interlending plan: one line per request, lenders ranked
     */
    public record Result(Map<String, IngestSummary> loads, CatalogueStats stats, int exportedBytes, IllPlan plan) {
    }

    public static Result run(Path catalogueDir, Map<String, Path> exportsByLibrary, Path requests, Path policies,
                             Path stateDir) throws IOException {
        // embedded by default; StoreLocation.url(...) or .cloud(...) reach a Solr server or SolrCloud by the same code
        try (CatalogueStore store = CatalogueStore.open(StoreLocation.embedded(catalogueDir));
             IllStateStore state = IllStateStore.openIn(stateDir)) {
            Catalogue catalogue = Catalogue.builder(store).build();
            Map<String, IngestSummary> loads = new LinkedHashMap<>();
            // a file is the library's full export: loading it again changes nothing, a smaller one deletes
            exportsByLibrary.forEach((library, file) -> loads.put(library, catalogue.load(library, CatalogueSource.open(file.toString()))));
            ByteArrayOutputStream exported = new ByteArrayOutputStream();
            catalogue.export(exportsByLibrary.keySet().iterator().next(), exported, ExportFormat.MARCXML);

            RequestBatch batch = RequestFiles.read(requests);   // CSV or ISO 18626 messages; bad lines become problems
            IllPlanner planner = IllPlanner.builder(RequestMatcher.overCatalogue(catalogue),
                            Rota.of(NetworkPolicy.read(policies), LendingStatistics.empty()))
                    .state(state).batchId(batch.source()).build();
            IllPlan plan = planner.plan(batch);
            return new Result(loads, store.stats(), exported.size(), plan);
        }
    }

    /** {@code UnionCatalogueAndInterlending CATALOGUE_DIR REQUESTS POLICIES STATE_DIR LIB=FILE...} */
    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: UnionCatalogueAndInterlending CATALOGUE_DIR REQUESTS POLICIES STATE_DIR LIB=FILE...");
            System.exit(2);
        }
        Map<String, Path> exports = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] lf = args[i].split("=", 2);
            exports.put(lf[0], Path.of(lf[1]));
        }
        Result r = run(Path.of(args[0]), exports, Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        r.loads().values().forEach(System.out::println);
        System.out.println(r.stats());
        StringBuilder csv = new StringBuilder();
        r.plan().writeCsv(csv);
        System.out.print(csv);
    }
}
