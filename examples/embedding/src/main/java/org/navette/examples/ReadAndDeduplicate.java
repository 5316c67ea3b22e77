package org.navette.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.navette.match.Cluster;
import org.navette.match.Clusterer;
import org.navette.match.MatchExplanation;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.query.CqlParser;
import org.navette.rank.RankedResult;
import org.navette.rank.Ranker;
import org.navette.rank.SortOrder;

/**
 * Reads MARC files (any format the reader recognises, MARC21 or UNIMARC), clusters their records
 * into works with the matcher, and ranks the works for a CQL query: what a discovery layer does
 * with records it got from several places.
 *
 * <pre>{@code
 * Result r = ReadAndDeduplicate.run(List.of(Path.of("dole.mrc"), Path.of("lons.mrc")), "title=canada");
 * r.records();        // records read
 * r.clusters();       // works they make
 * r.bestTitles();     // the best-ranked works' titles
 * r.whyFirstTwo();    // the matcher's explanation for the first two records of the biggest work
 * }</pre>
 */
public final class ReadAndDeduplicate {
    private ReadAndDeduplicate() {
    }

    /**
     * What came out.
     *
     * @param records     records read
     * @param problems    records that could not be read, or were read with problems (each has a position)
     * @param clusters    works the records make
     * @param biggest     members of the biggest work
     * @param bestTitles  titles of the (at most five) best-ranked works
     * @param whyFirstTwo the matcher's explanation for the biggest work's first two members (empty for a singleton)
     */
    public record Result(int records, int problems, int clusters, int biggest, List<String> bestTitles, String whyFirstTwo) {
    }

    public static Result run(List<Path> files, String cql) throws IOException {
        Matcher matcher = Matcher.ofDefaults();
        Clusterer clusterer = Clusterer.create(matcher);
        int records = 0;
        int problems = 0;
        for (Path file : files) {
            // every record yields a BibRecord or typed problems, never an exception
            try (MarcFileReader reader = MarcFileReader.open(file, Normaliser.ofDefaults())) {
                for (ReadResult r : (Iterable<ReadResult>) reader.stream()::iterator) {
                    if (!r.problems().isEmpty()) {
                        problems++;
                    }
                    if (r.readable()) {
                        records++;
                        clusterer.add(r.record());
                    }
                }
            }
        }
        List<Cluster> clusters = clusterer.clusters();
        Cluster biggest = clusters.stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElse(null);
        String why = "";
        if (biggest != null && biggest.size() > 1) {
            List<BibRecord> m = biggest.members();
            MatchExplanation e = matcher.explain(m.get(0), m.get(1));
            why = e.decision() + " " + String.format(java.util.Locale.ROOT, "%.3f", e.score()) + " " + e.rules();
        }
        RankedResult ranked = Ranker.ofDefaults().rank(CqlParser.parse(cql), clusters, SortOrder.RELEVANCE);
        List<String> best = new ArrayList<>();
        ranked.clusterList().stream().limit(5).forEach(c -> best.add(String.valueOf(c.representative().title())));
        return new Result(records, problems, clusters.size(), biggest == null ? 0 : biggest.size(), best, why);
    }

    /** {@code ReadAndDeduplicate "title=canada" dole.mrc lons.mrc ...} */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ReadAndDeduplicate CQL FILE...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Result r = run(files, args[0]);
        System.out.printf("%d records (%d with problems) in %d works; the biggest has %d members%n",
                r.records(), r.problems(), r.clusters(), r.biggest());
        r.bestTitles().forEach(t -> System.out.println("  " + t));
        System.out.println(r.whyFirstTwo());
    }
}
