package org.navette.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.navette.match.Cluster;
import org.navette.match.TextAnalyzer;
import org.navette.query.Query;
import org.navette.rank.internal.ClusterDocument;
import org.navette.rank.internal.CompiledQuery;
import org.navette.rank.internal.FacetCounter;
import org.navette.rank.internal.IndexSort;

/**
 * Ranks the clusters of a federated result against the query, over their merged text rather
 * than the targets' own incomparable scores, and counts facets.
 *
 * <p>Relevance: BM25 per field (title, author, subject, rest) with field weights, summed over the
 * query's positive clauses, a phrase/proximity bonus when a clause's words stand together, then
 * multiplied by {@code 1 + boosts} (holding libraries, availability, preferred library, recency);
 * an exact ISBN/ISSN/id match adds a boost above every text match. Document frequencies come from
 * the clusters being ranked. Query words go through the same {@link TextAnalyzer} chain as the
 * clusters' text.
 *
 * <p>Each cluster's text is analysed once per cluster snapshot (kept with it through
 * {@link Cluster#derived}); a search then only walks primitive arrays, so re-ranking after every
 * chunk of a federated search stays cheap.
 *
 * <pre>{@code
 * Ranker ranker = Ranker.ofDefaults();
 * RankedResult r = ranker.rank(Query.title("computer bible"), clusterer.clusters(), SortOrder.RELEVANCE);
 * Facets f = ranker.facets(clusterer.clusters());
 * }</pre>
 *
 * <p>Thread-safety: immutable; concurrent searches share nothing mutable.
 */
public final class Ranker {
    private static final Ranker DEFAULTS = new Ranker(RankingSettings.ofDefaults());
    private static final int NO_YEAR = ClusterDocument.NO_YEAR;

    private final RankingSettings settings;
    private final TextAnalyzer text = TextAnalyzer.ofDefaults();
    private final double[] fieldWeights;

    private Ranker(RankingSettings settings) {
        this.settings = settings;
        this.fieldWeights = new double[] {settings.titleWeight(), settings.authorWeight(), settings.subjectWeight(),
            settings.otherWeight()};
    }

    public static Ranker ofDefaults() {
        return DEFAULTS;
    }

    public static Ranker of(RankingSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("ranking settings must not be null");
        }
        return new Ranker(settings);
    }

    public RankingSettings settings() {
        return settings;
    }

    /**
     * Orders {@code clusters} for {@code query} (null: no text relevance, boosts only).
     *
     * @throws IllegalArgumentException when clusters or sort is null
     */
    public RankedResult rank(Query query, List<Cluster> clusters, SortOrder sort) {
        if (clusters == null || sort == null) {
            throw new IllegalArgumentException("rank needs clusters and a sort order, was " + clusters + ", " + sort);
        }
        int n = clusters.size();
        ClusterDocument[] docs = new ClusterDocument[n];
        for (int i = 0; i < n; i++) {
            docs[i] = ClusterDocument.of(clusters.get(i));
        }
        double[] score = scores(CompiledQuery.of(query, text), docs);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sortByKey(order, primaryKey(sort, docs, score), comparator(sort, docs, score, clusters));
        List<RankedCluster> out = new ArrayList<>(n);
        for (int i : order) {
            out.add(new RankedCluster(clusters.get(i), score[i]));
        }
        return new RankedResult(sort, out);
    }

    private double[] scores(CompiledQuery query, ClusterDocument[] docs) {
        int n = docs.length;
        double[] rel = textRelevance(query, docs);
        double[] identifier = new double[n];
        for (CompiledQuery.Clause c : query.clauses()) {
            switch (c.kind()) {
                case IDENTIFIER -> {
                    for (int d = 0; d < n; d++) {
                        for (String v : c.values()) {
                            if (docs[d].identifiers.contains(v)) {
                                identifier[d] = settings.identifierBoost();
                                break;
                            }
                        }
                    }
                }
                case YEAR -> {
                    for (int d = 0; d < n; d++) {
                        int y = docs[d].year;
                        if (y != NO_YEAR && y >= c.from() && y <= c.to()) {
                            rel[d] += 1.0;
                        }
                    }
                }
                case LANGUAGE -> {
                    for (int d = 0; d < n; d++) {
                        if (docs[d].languages.contains(c.values().get(0))) {
                            rel[d] += 1.0;
                        }
                    }
                }
                default -> {
                    // text clauses were scored above
                }
            }
        }
        int thisYear = LocalDate.now(settings.clock()).getYear();
        double[] out = new double[n];
        for (int d = 0; d < n; d++) {
            ClusterDocument doc = docs[d];
            double boost = settings.holdingsBoost() * doc.holdingsFactor;
            if (doc.available) {
                boost += settings.availabilityBoost();
            }
            if (!settings.preferredLibraries().isEmpty()) {
                for (String lib : settings.preferredLibraries()) {
                    if (doc.librariesAndOrigins.contains(lib)) {
                        boost += settings.preferredLibraryBoost();
                        break;
                    }
                }
            }
            if (doc.year != NO_YEAR && settings.recencyBoost() > 0) {
                double age = Math.max(0, thisYear - doc.year);
                boost += settings.recencyBoost() * Math.max(0.0, 1.0 - age / settings.recencyHorizonYears());
            }
            // boosts order clusters that match equally (or not at all) without outweighing relevance
            out[d] = rel[d] * (1.0 + boost) + 0.001 * boost + identifier[d];
        }
        return out;
    }

    private double[] textRelevance(CompiledQuery query, ClusterDocument[] docs) {
        int n = docs.length;
        double[] rel = new double[n];
        List<CompiledQuery.Clause> clauses = new ArrayList<>();
        int termCount = 0;
        for (CompiledQuery.Clause c : query.clauses()) {
            if (c.kind() == CompiledQuery.Kind.TEXT) {
                clauses.add(c);
                termCount += c.terms().length;
            }
        }
        if (termCount == 0 || n == 0) {
            return rel;
        }
        final int fields = ClusterDocument.FIELDS;
        double[] avgLength = new double[fields];
        for (ClusterDocument d : docs) {
            for (int f = 0; f < fields; f++) {
                avgLength[f] += d.lengths[f];
            }
        }
        for (int f = 0; f < fields; f++) {
            avgLength[f] = Math.max(1.0, avgLength[f] / n);
        }
        // pass 1: term frequencies per (document, term, field) and document frequencies
        int[] tf = new int[n * termCount * fields];
        int[] df = new int[termCount];
        for (int d = 0; d < n; d++) {
            ClusterDocument doc = docs[d];
            int slot = 0;
            for (CompiledQuery.Clause c : clauses) {
                for (int t = 0; t < c.terms().length; t++, slot++) {
                    boolean stem = c.truncated() && t == c.terms().length - 1;
                    int packed = 0;
                    if (!stem) {
                        int i = Arrays.binarySearch(doc.terms, c.terms()[t]);
                        if (i < 0) {
                            continue;
                        }
                        packed = doc.termFrequencies[i];
                    }
                    boolean present = false;
                    int base = (d * termCount + slot) * fields;
                    for (int f = 0; f < fields; f++) {
                        if ((c.fieldMask() & (1 << f)) == 0) {
                            continue;
                        }
                        int count = stem ? prefixCount(doc.tokens[f], c.words()[t]) : (packed >>> (8 * f)) & 0xFF;
                        tf[base + f] = count;
                        present |= count > 0;
                    }
                    if (present) {
                        df[slot]++;
                    }
                }
            }
        }
        double[] idf = new double[termCount];
        for (int s = 0; s < termCount; s++) {
            idf[s] = Math.log(1.0 + (n - df[s] + 0.5) / (df[s] + 0.5));
        }
        // pass 2: BM25 per field, phrase bonus per clause
        double k1 = settings.k1();
        double b = settings.b();
        for (int d = 0; d < n; d++) {
            ClusterDocument doc = docs[d];
            int slot = 0;
            double total = 0;
            for (CompiledQuery.Clause c : clauses) {
                double clauseScore = 0;
                int found = 0;
                for (int t = 0; t < c.terms().length; t++, slot++) {
                    int base = (d * termCount + slot) * fields;
                    boolean present = false;
                    for (int f = 0; f < fields; f++) {
                        int count = tf[base + f];
                        if (count == 0) {
                            continue;
                        }
                        present = true;
                        double norm = k1 * (1 - b + b * doc.lengths[f] / avgLength[f]);
                        clauseScore += fieldWeights[f] * idf[slot] * count * (k1 + 1) / (count + norm);
                    }
                    if (present) {
                        found++;
                    }
                }
                if (clauseScore == 0) {
                    continue;
                }
                if (c.terms().length > 1 && found == c.terms().length) {
                    int proximity = bestProximity(doc, c);
                    if (proximity == 2) {
                        clauseScore *= 1 + settings.phraseBonus();
                    } else if (proximity == 1) {
                        clauseScore *= 1 + settings.phraseBonus() / 2;
                    } else if (c.phrase()) {
                        clauseScore *= 0.5;
                    }
                } else if (c.phrase() || found < c.terms().length) {
                    // every word asked for should be there: a partial match ranks lower than a full one
                    clauseScore *= (double) found / c.terms().length;
                }
                total += clauseScore;
            }
            rel[d] = total;
        }
        return rel;
    }

    /** 2 when the clause's words stand together in order in one field, 1 when within a short window, else 0. */
    private static int bestProximity(ClusterDocument doc, CompiledQuery.Clause c) {
        int best = 0;
        long[] terms = c.terms();
        for (int f = 0; f < ClusterDocument.FIELDS && best < 2; f++) {
            if ((c.fieldMask() & (1 << f)) == 0) {
                continue;
            }
            long[] seq = doc.sequence[f];
            int window = terms.length + 2;
            for (int i = 0; i < seq.length && best < 2; i++) {
                if (seq[i] != terms[0]) {
                    continue;
                }
                boolean adjacent = i + terms.length <= seq.length;
                for (int k = 1; adjacent && k < terms.length; k++) {
                    adjacent = seq[i + k] == terms[k] || (c.truncated() && k == terms.length - 1
                            && doc.tokens[f][i + k].startsWith(c.words()[k]));
                }
                if (adjacent) {
                    best = 2;
                    break;
                }
                int seen = 1;
                for (int k = 1; k < terms.length; k++) {
                    for (int j = Math.max(0, i - window); j < Math.min(seq.length, i + window); j++) {
                        if (seq[j] == terms[k]) {
                            seen++;
                            break;
                        }
                    }
                }
                if (seen == terms.length) {
                    best = Math.max(best, 1);
                }
            }
        }
        return best;
    }

    private static int prefixCount(String[] tokens, String stem) {
        int count = 0;
        for (String t : tokens) {
            if (t.startsWith(stem)) {
                count++;
            }
        }
        return count;
    }

    /**
     * A long per cluster whose signed order is the sort's first criterion, so that the sort compares
     * longs and calls the full comparator only within runs of equal keys.
     */
    private static long[] primaryKey(SortOrder sort, ClusterDocument[] docs, double[] score) {
        int n = docs.length;
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            ClusterDocument d = docs[i];
            key[i] = switch (sort) {
                // scores are >= 0: their bit patterns order like the values; negate for best first
                case RELEVANCE -> -Double.doubleToLongBits(score[i] + 0.0);
                case YEAR_NEWEST -> d.year == NO_YEAR ? Long.MAX_VALUE : -d.year;
                case YEAR_OLDEST -> d.year == NO_YEAR ? Long.MAX_VALUE : d.year;
                // unsigned order of the packed prefix, as a signed long
                case TITLE -> d.title0 ^ Long.MIN_VALUE;
                case AUTHOR -> d.author0 ^ Long.MIN_VALUE;
            };
        }
        return key;
    }

    /**
     * The order of a sort, as one comparator over primitive arrays: scores, years and packed title
     * and author prefixes decide almost every comparison without touching a string.
     */
    private static IndexSort.IndexComparator comparator(SortOrder sort, ClusterDocument[] docs, double[] score,
                                                        List<Cluster> clusters) {
        int n = docs.length;
        int[] year = new int[n];
        long[] title = new long[n * 4];
        long[] author = new long[n * 4];
        long[] id = new long[n];
        for (int i = 0; i < n; i++) {
            ClusterDocument d = docs[i];
            year[i] = d.year;
            title[i * 4] = d.title0;
            title[i * 4 + 1] = d.title1;
            title[i * 4 + 2] = d.title2;
            title[i * 4 + 3] = d.title3;
            author[i * 4] = d.author0;
            author[i * 4 + 1] = d.author1;
            author[i * 4 + 2] = d.author2;
            author[i * 4 + 3] = d.author3;
            id[i] = d.idHash;
        }
        IndexSort.IndexComparator byTitle = (x, y) -> {
            int r = packedOrder(title, x, y);
            return r != 0 ? r : textOrder(docs[x].titleSort, docs[y].titleSort);
        };
        IndexSort.IndexComparator byId = (x, y) -> {
            int r = Long.compare(id[x], id[y]);
            return r != 0 ? r : docs[x].id.compareTo(docs[y].id);
        };
        return switch (sort) {
            case RELEVANCE -> (x, y) -> {
                int r = Double.compare(score[y], score[x]);
                r = r != 0 ? r : yearOrder(year[x], year[y], false);
                r = r != 0 ? r : byTitle.compare(x, y);
                return r != 0 ? r : byId.compare(x, y);
            };
            case YEAR_NEWEST, YEAR_OLDEST -> (x, y) -> {
                int r = yearOrder(year[x], year[y], sort == SortOrder.YEAR_OLDEST);
                r = r != 0 ? r : Double.compare(score[y], score[x]);
                r = r != 0 ? r : byTitle.compare(x, y);
                return r != 0 ? r : byId.compare(x, y);
            };
            case TITLE -> (x, y) -> {
                int r = byTitle.compare(x, y);
                r = r != 0 ? r : Double.compare(score[y], score[x]);
                r = r != 0 ? r : yearOrder(year[x], year[y], false);
                return r != 0 ? r : byId.compare(x, y);
            };
            case AUTHOR -> (x, y) -> {
                int r = packedOrder(author, x, y);
                r = r != 0 ? r : textOrder(docs[x].authorSort, docs[y].authorSort);
                r = r != 0 ? r : byTitle.compare(x, y);
                r = r != 0 ? r : Double.compare(score[y], score[x]);
                return r != 0 ? r : byId.compare(x, y);
            };
        };
    }

    /** Order of two packed sixteen-character prefixes (four longs each). */
    private static int packedOrder(long[] keys, int x, int y) {
        int a = x * 4;
        int b = y * 4;
        for (int i = 0; i < 4; i++) {
            int r = Long.compareUnsigned(keys[a + i], keys[b + i]);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }

    private static int yearOrder(int a, int b, boolean ascending) {
        if (a == b) {
            return 0;
        }
        if (a == NO_YEAR) {
            return 1;
        }
        if (b == NO_YEAR) {
            return -1;
        }
        return ascending ? Integer.compare(a, b) : Integer.compare(b, a);
    }

    /** Alphabetical, empty values last. */
    private static int textOrder(String a, String b) {
        if (a.isEmpty() != b.isEmpty()) {
            return a.isEmpty() ? 1 : -1;
        }
        return a.compareTo(b);
    }

    /** Facet counts over {@code clusters} (each cluster counts once per value). */
    public Facets facets(List<Cluster> clusters) {
        if (clusters == null) {
            throw new IllegalArgumentException("facets need clusters, was null");
        }
        FacetField[] fields = FacetField.values();
        FacetCounter[] counters = new FacetCounter[fields.length];
        for (int f = 0; f < fields.length; f++) {
            counters[f] = new FacetCounter();
        }
        TreeMap<Integer, int[]> ranges = new TreeMap<>();
        for (Cluster c : clusters) {
            ClusterDocument d = ClusterDocument.of(c);
            for (int f = 0; f < fields.length; f++) {
                long[] keys = d.facetKeys[f];
                long[] displayHashes = d.facetDisplayHashes[f];
                String[] displays = d.facetDisplays[f];
                for (int i = 0; i < keys.length; i++) {
                    counters[f].add(keys[i], displayHashes[i], displays[i]);
                }
            }
            if (d.year != NO_YEAR) {
                int from = d.year >= 1900 ? d.year / 10 * 10 : Math.floorDiv(d.year, 100) * 100;
                int[] count = ranges.get(from);
                if (count == null) {
                    ranges.put(from, count = new int[1]);
                }
                count[0]++;
            }
        }
        Map<FacetField, List<FacetValue>> values = new EnumMap<>(FacetField.class);
        for (int f = 0; f < fields.length; f++) {
            List<FacetValue> list = new ArrayList<>();
            for (FacetCounter.Count count : counters[f].top(settings.facetLimit())) {
                list.add(new FacetValue(count.display(), count.count()));
            }
            values.put(fields[f], list);
        }
        List<YearRange> yearRanges = new ArrayList<>();
        ranges.forEach((from, count) -> yearRanges.add(new YearRange(from, from >= 1900 ? from + 9 : from + 99, count[0])));
        return new Facets(values, yearRanges);
    }
}
