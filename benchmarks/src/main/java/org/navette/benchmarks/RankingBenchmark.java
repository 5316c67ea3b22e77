package org.navette.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.navette.match.Cluster;
import org.navette.match.Clusterer;
import org.navette.model.BibRecord;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.rank.Facets;
import org.navette.rank.RankedResult;
import org.navette.rank.Ranker;
import org.navette.rank.RankingSettings;
import org.navette.rank.SortOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ranking a federated result of 10 000 records (perturbed real records, clustered): one search
 * over clusters whose text is already analysed (the re-ranking done after every chunk of a
 * federated search), facets, and the cold cost of analysing every cluster once.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RankingBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankingBenchmark {
    @Param({"jazz", "title=\"love songs\" and author=ellington", "subject=opera* or any=\"histoire de france\""})
    public String cql;

    private final Ranker ranker = Ranker.of(RankingSettings.builder()
            .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build());
    private List<Cluster> clusters;
    private List<BibRecord> records;
    private Query query;

    @Setup(Level.Trial)
    public void federatedResult() {
        records = PerturbedCorpus.load().records(10_000, 7);
        Clusterer clusterer = Clusterer.create();
        records.forEach(clusterer::add);
        clusters = clusterer.clusters();
        query = CqlParser.parse(cql);
        // analyse every cluster once, as the first ranking of a result does
        ranker.rank(query, clusters, SortOrder.RELEVANCE);
        System.out.printf("%n[%d records in %d clusters]%n", records.size(), clusters.size());
    }

    /**
     * Never-seen single-record clusters, made afresh before each call. A state of its own, so that
     * only the cold benchmark pays for (and is disturbed by) building 10 000 clusters per call.
     */
    @State(Scope.Thread)
    public static class Unanalysed {
        List<Cluster> fresh;

        @Setup(Level.Invocation)
        public void unanalysedClusters(RankingBenchmark b) {
            fresh = new ArrayList<>(b.records.size());
            for (BibRecord r : b.records) {
                fresh.add(Cluster.of(r));
            }
        }
    }

    @Benchmark
    public RankedResult rankByRelevance() {
        return ranker.rank(query, clusters, SortOrder.RELEVANCE);
    }

    @Benchmark
    public RankedResult rankByTitle() {
        return ranker.rank(query, clusters, SortOrder.TITLE);
    }

    @Benchmark
    public Facets facets() {
        return ranker.facets(clusters);
    }

    /** First ranking of 10 000 never-seen single-record clusters: text analysis included. */
    @Benchmark
    public RankedResult rankColdTenThousandRecords(Unanalysed u) {
        return ranker.rank(query, u.fresh, SortOrder.RELEVANCE);
    }
}
