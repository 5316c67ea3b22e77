package org.navette.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.StoreLocation;
import org.navette.connector.solr.SolrCatalogueStore;
import org.navette.ill.IllPlan;
import org.navette.ill.IllPlanner;
import org.navette.ill.IllRequest;
import org.navette.ill.IllStateStore;
import org.navette.ill.LendingStatistics;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.PlannedRequest;
import org.navette.ill.RequestBatch;
import org.navette.ill.RequestMatcher;
import org.navette.ill.Rota;
import org.navette.model.BibRecord;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.testing.DamagedRequests;

/**
 * Interlending batch throughput on an embedded union catalogue: a batch of {@code --requests}
 * requests (four in five made from the catalogue's own records with the damage real requests carry,
 * one in five for works it does not hold) matched, given lenders and recorded in a fresh state
 * database, as {@code navette ill match} does. The catalogue is the one {@link CatalogueBuildHarness}
 * left in {@code --dir} (its {@code catalogue} folder and the MARC files it was built from), or the
 * one {@link BulkCatalogueBuilder} writes from the same files in minutes (1M records: about 6 min).
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.BulkCatalogueBuilder --records 1000000 --dir /tmp/c1m
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.CatalogueBuildHarness --records 1000000 --dir /tmp/c1m
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.IllBatchHarness --dir /tmp/c1m --requests 10000
 * </pre>
 */
public final class IllBatchHarness {
    /**
     * Requests planned first, other ones than the measured batch's, in batches of {@link #COLD}: the
     * first is the cold figure (a fresh JVM, as one {@code navette ill match} run); Solr's and Lucene's
     * code takes some 20,000 requests to reach its steady speed, which a served endpoint or a long
     * batch runs at.
     */
    private static final int WARM_UP = 20_000;
    private static final int COLD = 5_000;

    private IllBatchHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = FederationFanOutHarness.options(args, "--dir DIR [--requests 10000]");
        Path dir = Path.of(o.getOrDefault("dir", "."));
        int n = Integer.parseInt(o.getOrDefault("requests", "10000"));
        List<IllRequest> requests = requests(dir, n + WARM_UP, 7);
        Path state = Files.createTempDirectory("navette-ill-bench");
        try (SolrCatalogueStore store = SolrCatalogueStore.open(StoreLocation.embedded(dir.resolve("catalogue")));
             IllStateStore ill = IllStateStore.openIn(state)) {
            System.out.printf(Locale.ROOT, "catalogue: %s; %d cores, max heap %d MiB%n", store.stats(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            RequestMatcher matcher = RequestMatcher.overCatalogue(Catalogue.builder(store).build());
            IllPlanner planner = IllPlanner.builder(matcher, Rota.of(NetworkPolicy.openDefault(), LendingStatistics.empty()))
                    .state(ill).batchId("bench").build();
            for (int from = 0; from < WARM_UP; from += COLD) {
                long w0 = System.nanoTime();
                planner.plan(new RequestBatch("warm-up", requests.subList(from, from + COLD), List.of()));
                double w = (System.nanoTime() - w0) / 1e9;
                System.out.printf(Locale.ROOT, "warm-up: requests %d-%d (other ones) in %.1f s = %.0f requests/s%s%n",
                        from + 1, from + COLD, w, COLD / w, from == 0 ? " (cold)" : "");
            }
            RequestBatch batch = new RequestBatch("bench", requests.subList(WARM_UP, requests.size()), List.of());
            long t0 = System.nanoTime();
            IllPlan plan = planner.plan(batch);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%d requests in %.1f s = %.0f requests/s (match + rota + state); %s%n",
                    plan.requests().size(), s, plan.requests().size() / s, plan.counts());

            long t1 = System.nanoTime();
            int matched = 0;
            for (IllRequest r : batch.requests()) {
                matched += matcher.match(r).status() == org.navette.ill.RequestMatch.Status.MATCHED ? 1 : 0;
            }
            double m = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "matching alone: %.0f requests/s (%d matched)%n", batch.requests().size() / m, matched);
            long planned = plan.requests().stream().filter(p -> p.status() == PlannedRequest.Status.MATCHED).count();
            System.out.printf(Locale.ROOT, "state: %d requests recorded (warm-up included), %d of the batch planned at a lender%n",
                    ill.all().size(), planned);
        }
    }

    /**
     * Four in five requests damaged copies of records spread over every file of {@code dir}; one in
     * five for works not there (a title word replaced by nonsense, no identifier).
     */
    static List<IllRequest> requests(Path dir, int n, long seed) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("lib\\d+\\.mrc")).sorted().toList();
        }
        Random rnd = new Random(seed);
        int perFile = n / files.size() + 1;
        List<IllRequest> out = new ArrayList<>(n);
        for (Path f : files) {
            long size = Files.size(f);
            // records of a file: take evenly spaced ones, reading only as far as needed
            int step = Math.max(1, (int) (size / 1500 / perFile));
            int taken = 0;
            int i = 0;
            try (MarcFileReader reader = MarcFileReader.open(f, Normaliser.ofDefaults())) {
                while (reader.hasNext() && taken < perFile && out.size() < n) {
                    ReadResult r = reader.next();
                    if (i++ % step != 0 || r.record() == null || r.record().titleProper() == null) {
                        continue;
                    }
                    BibRecord rec = r.record();
                    IllRequest q = DamagedRequests.damaged(rec, rnd.nextInt(DamagedRequests.KINDS), rnd);
                    if (rnd.nextInt(5) == 0) {
                        q = IllRequest.builder(q.id() + "-absent").title("Zyqx " + Long.toString(rnd.nextLong() & 0xffffff, 36)
                                + " " + rec.titleProper()).author(q.author().orElse(null)).build();
                    }
                    out.add(q);
                    taken++;
                }
            }
        }
        return out;
    }
}
