package org.navette.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.navette.connector.opac.OpacProfile;
import org.navette.connector.opac.internal.OfflineReader;
import org.navette.connector.opac.internal.ProfileSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one real OPAC page with its profile, no network: decode, (unwrap document.write,) parse,
 * select, post-process, build the BibRecords. The cost a scraped target adds to a search besides
 * the OPAC's own answer time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OpacExtractionBenchmark
 * </pre>
 *
 * <ul>
 *   <li>{@code bib2-list}: 50 results written by document.write (ISO-8859-1), 51 KB;</li>
 *   <li>{@code bibliotheca-list}: 15 results, 27 KB;</li>
 *   <li>{@code bibliotheca-record}: a record page with 3 items, 35 KB;</li>
 *   <li>{@code vufind-record}: a VuFind record page read through schema.org markup, 34 KB;</li>
 *   <li>{@code slub-json}: the SLUB JSON API's result list (2 results), 3 KB.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OpacExtractionBenchmark {
    @Param({"bib2-list", "bibliotheca-list", "bibliotheca-record", "vufind-record", "slub-json"})
    public String page;

    private OfflineReader reader;
    private byte[] body;
    private String charset;
    private String url;

    @Setup
    public void load() {
        String profile;
        String file;
        switch (page) {
            case "bib2-list" -> { profile = "bib2"; file = "opacclient/bib2/searchresult_multi_page1.htm"; }
            case "bibliotheca-list" -> { profile = "bibliotheca"; file = "opacclient/bibliotheca/resultlist/mannheim.html"; charset = "UTF-8"; }
            case "bibliotheca-record" -> { profile = "bibliotheca"; file = "opacclient/bibliotheca/result_detail/mannheim.html"; charset = "UTF-8"; }
            case "vufind-record" -> { profile = "vufind"; file = "opacclient/vufind/result_detail/kreisre_copies.html"; }
            case "slub-json" -> { profile = "slub"; file = "opacclient/slub/search/simple-search.json"; }
            default -> throw new IllegalArgumentException("unknown page " + page);
        }
        reader = new OfflineReader((ProfileSpec) OpacProfile.builtIn(profile));
        body = resource(file);
        url = "https://opac.example.org/" + file;
        if (reader.read("bench", url, body, charset).records().isEmpty()) {
            throw new IllegalStateException(page + ": the profile reads no record from the page");
        }
    }

    static byte[] resource(String file) {
        try (InputStream in = OpacExtractionBenchmark.class.getResourceAsStream("/org/navette/testdata/opac-pages/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public OfflineReader.Result readPage() {
        return reader.read("bench", url, body, charset);
    }
}
