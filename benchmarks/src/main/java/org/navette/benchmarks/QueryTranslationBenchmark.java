package org.navette.benchmarks;

import java.util.concurrent.TimeUnit;
import org.navette.query.CqlParser;
import org.navette.query.CqlTranslator;
import org.navette.query.PqfTranslator;
import org.navette.query.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the per-search query work: parsing the user's CQL once, then translating it for each
 * target of a federated search (PQF for Z39.50, CQL for SRU).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar QueryTranslationBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryTranslationBenchmark {
    @Param({
        "computer",
        "title=\"the computer bible\" and author=collins",
        "(dc.title all \"computer bible\" or subject=opera*) and year within \"1990 2000\" not language=fre"
    })
    public String cql;

    private Query query;
    private final PqfTranslator pqf = PqfTranslator.ofDefaults();
    private final CqlTranslator sru = CqlTranslator.ofDefaults();

    @Setup
    public void parseOnce() {
        query = CqlParser.parse(cql);
    }

    @Benchmark
    public Query parse() {
        return CqlParser.parse(cql);
    }

    @Benchmark
    public String canonicalCql() {
        return query.toCql();
    }

    @Benchmark
    public String translateToPqf() {
        return pqf.translate(query).text();
    }

    @Benchmark
    public String translateToSruCql() {
        return sru.translate(query).text();
    }
}
