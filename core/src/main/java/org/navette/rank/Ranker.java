package org.navette.rank;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.navette.match.Cluster;
import org.navette.match.TextAnalyzer;
import org.navette.query.Query;
import org.navette.rank.internal.ClusterDocument;
import org.navette.rank.internal.CompiledQuery;
import org.navette.rank.internal.FacetTally;
import org.navette.rank.internal.IndexSort;
import org.navette.rank.internal.TextRelevance;

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
    private final TextRelevance textRelevance;

    private Ranker(RankingSettings settings) {
        this.settings = settings;
        this.textRelevance = new TextRelevance(new double[] {settings.titleWeight(), settings.authorWeight(),
            settings.subjectWeight(), settings.otherWeight()}, settings.k1(), settings.b(), settings.phraseBonus());
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
        CompiledQuery compiled = CompiledQuery.of(query, text);
        Columns columns = gather(compiled, docs, sort);
        double[] score = scores(compiled, columns);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sortByKeys(order, sortKeys(sort, columns, score), comparator(sort, docs, score));
        Cluster[] ordered = new Cluster[n];
        double[] orderedScores = new double[n];
        for (int i = 0; i < n; i++) {
            ordered[i] = clusters.get(order[i]);
            orderedScores[i] = score[order[i]];
        }
        return new RankedResult(sort, ordered, orderedScores);
    }

    /**
     * What a search reads from each document, in columns: the documents lie all over the heap, so
     * reading one is mostly a cache miss. One visit per document reads all of it, in a loop whose
     * visits are independent (the processor overlaps their misses); the scoring and sorting passes
     * then read plain arrays.
     */
    private static final class Columns {
        final ClusterDocument[] docs;
        final long[][] postings;
        /** Field lengths, {@link ClusterDocument#FIELDS} per document. */
        final int[] lengths;
        final double[] boost;
        /** Per document: how many year and language clauses it meets, plus IDENTIFIER_MATCHED; null without such clauses. */
        final int[] matched;
        final int[] year;
        /**
         * The packed sixteen-character prefix of the sort's text (title, or author for the author
         * sort) as four sort keys, each flipped to order signed as the prefix does unsigned.
         */
        final long[][] prefix;

        Columns(ClusterDocument[] docs, int[] matched) {
            int n = docs.length;
            this.docs = docs;
            this.postings = new long[n][];
            this.lengths = new int[n * ClusterDocument.FIELDS];
            this.boost = new double[n];
            this.matched = matched;
            this.year = new int[n];
            this.prefix = new long[4][n];
        }
    }

    private Columns gather(CompiledQuery query, ClusterDocument[] docs, SortOrder sort) {
        int n = docs.length;
        CompiledQuery.Clause[] filters = query.clauses().stream()
                .filter(c -> c.kind() != CompiledQuery.Kind.TEXT).toArray(CompiledQuery.Clause[]::new);
        int thisYear = LocalDate.now(settings.clock()).getYear();
        double holdingsBoost = settings.holdingsBoost();
        double availabilityBoost = settings.availabilityBoost();
        double recencyBoost = settings.recencyBoost();
        double recencyHorizon = settings.recencyHorizonYears();
        String[] preferred = settings.preferredLibraries().toArray(new String[0]);
        double preferredBoost = settings.preferredLibraryBoost();
        boolean byAuthor = sort == SortOrder.AUTHOR;
        Columns c = new Columns(docs, filters.length == 0 ? null : new int[n]);
        for (int d = 0; d < n; d++) {
            ClusterDocument doc = docs[d];
            c.postings[d] = doc.postings;
            for (int f = 0; f < ClusterDocument.FIELDS; f++) {
                c.lengths[d * ClusterDocument.FIELDS + f] = doc.length(f);
            }
            c.year[d] = doc.year;
            c.prefix[0][d] = (byAuthor ? doc.author0 : doc.title0) ^ Long.MIN_VALUE;
            c.prefix[1][d] = (byAuthor ? doc.author1 : doc.title1) ^ Long.MIN_VALUE;
            c.prefix[2][d] = (byAuthor ? doc.author2 : doc.title2) ^ Long.MIN_VALUE;
            c.prefix[3][d] = (byAuthor ? doc.author3 : doc.title3) ^ Long.MIN_VALUE;
            if (c.matched != null) {
                c.matched[d] = filterMatches(filters, doc);
            }
            double b = holdingsBoost * doc.holdingsFactor;
            if (doc.available) {
                b += availabilityBoost;
            }
            for (String lib : preferred) {
                if (doc.librariesAndOrigins.contains(lib)) {
                    b += preferredBoost;
                    break;
                }
            }
            if (doc.year != NO_YEAR && recencyBoost > 0) {
                double age = Math.max(0, thisYear - doc.year);
                b += recencyBoost * Math.max(0.0, 1.0 - age / recencyHorizon);
            }
            c.boost[d] = b;
        }
        return c;
    }

    private double[] scores(CompiledQuery query, Columns columns) {
        CompiledQuery.Clause[] clauses = query.clauses().stream()
                .filter(c -> c.kind() == CompiledQuery.Kind.TEXT).toArray(CompiledQuery.Clause[]::new);
        double[] out = textRelevance.score(clauses, columns.docs, columns.postings, columns.lengths);
        double identifierBoost = settings.identifierBoost();
        int[] matched = columns.matched;
        for (int d = 0; d < out.length; d++) {
            double rel = out[d];
            double identifier = 0;
            if (matched != null) {
                for (int k = matched[d] & ~IDENTIFIER_MATCHED; k > 0; k--) {
                    rel += 1.0;
                }
                identifier = (matched[d] & IDENTIFIER_MATCHED) != 0 ? identifierBoost : 0;
            }
            double b = columns.boost[d];
            // boosts order clusters that match equally (or not at all) without outweighing relevance
            out[d] = rel * (1.0 + b) + 0.001 * b + identifier;
        }
        return out;
    }

    private static final int IDENTIFIER_MATCHED = 1 << 30;

    /** The number of year and language clauses {@code doc} meets, plus {@link #IDENTIFIER_MATCHED} when an identifier clause matches. */
    private static int filterMatches(CompiledQuery.Clause[] filters, ClusterDocument doc) {
        int matched = 0;
        for (CompiledQuery.Clause c : filters) {
            switch (c.kind()) {
                case IDENTIFIER -> {
                    for (String v : c.values()) {
                        if (doc.identifiers.contains(v)) {
                            matched |= IDENTIFIER_MATCHED;
                            break;
                        }
                    }
                }
                case YEAR -> {
                    int y = doc.year;
                    if (y != NO_YEAR && y >= c.from() && y <= c.to()) {
                        matched++;
                    }
                }
                case LANGUAGE -> {
                    if (doc.languages.contains(c.values().get(0))) {
                        matched++;
                    }
                }
                default -> {
                    // text clauses are scored by TextRelevance
                }
            }
        }
        return matched;
    }

    /**
     * The criteria of a sort that are longs, in the sort's order, as columns of keys for
     * {@link IndexSort#sortByKeys}: each agrees with {@link #comparator}, which then only orders
     * what they leave tied.
     */
    private static long[][] sortKeys(SortOrder sort, Columns columns, double[] score) {
        int n = score.length;
        long[][] text = columns.prefix;
        if (sort == SortOrder.TITLE || sort == SortOrder.AUTHOR) {
            return text;
        }
        long[] relevance = new long[n];
        long[] year = new long[n];
        boolean oldest = sort == SortOrder.YEAR_OLDEST;
        for (int i = 0; i < n; i++) {
            // scores are >= 0: their bit patterns order like the values; negated for best first
            relevance[i] = -Double.doubleToLongBits(score[i] + 0.0);
            int y = columns.year[i];
            year[i] = y == NO_YEAR ? Long.MAX_VALUE : oldest ? y : -y;
        }
        return sort == SortOrder.RELEVANCE
                ? new long[][] {relevance, year, text[0], text[1], text[2], text[3]}
                : new long[][] {year, relevance, text[0], text[1], text[2], text[3]};
    }

    /**
     * The full order of a sort: scores, years and packed title and author prefixes first, the
     * strings only when those tie, and the cluster id last so that equal clusters keep one order.
     */
    private static IndexSort.IndexComparator comparator(SortOrder sort, ClusterDocument[] docs, double[] score) {
        IndexSort.IndexComparator byTitle = (x, y) -> {
            ClusterDocument a = docs[x];
            ClusterDocument b = docs[y];
            int r = packedOrder(a.title0, a.title1, a.title2, a.title3, b.title0, b.title1, b.title2, b.title3);
            return r != 0 ? r : textOrder(a.titleSort, b.titleSort);
        };
        IndexSort.IndexComparator byAuthor = (x, y) -> {
            ClusterDocument a = docs[x];
            ClusterDocument b = docs[y];
            int r = packedOrder(a.author0, a.author1, a.author2, a.author3, b.author0, b.author1, b.author2, b.author3);
            return r != 0 ? r : textOrder(a.authorSort, b.authorSort);
        };
        IndexSort.IndexComparator byId = (x, y) -> {
            int r = Long.compare(docs[x].idHash, docs[y].idHash);
            return r != 0 ? r : docs[x].id.compareTo(docs[y].id);
        };
        return switch (sort) {
            case RELEVANCE -> (x, y) -> {
                int r = Double.compare(score[y], score[x]);
                r = r != 0 ? r : yearOrder(docs[x].year, docs[y].year, false);
                r = r != 0 ? r : byTitle.compare(x, y);
                return r != 0 ? r : byId.compare(x, y);
            };
            case YEAR_NEWEST, YEAR_OLDEST -> (x, y) -> {
                int r = yearOrder(docs[x].year, docs[y].year, sort == SortOrder.YEAR_OLDEST);
                r = r != 0 ? r : Double.compare(score[y], score[x]);
                r = r != 0 ? r : byTitle.compare(x, y);
                return r != 0 ? r : byId.compare(x, y);
            };
            case TITLE -> (x, y) -> {
                int r = byTitle.compare(x, y);
                r = r != 0 ? r : Double.compare(score[y], score[x]);
                r = r != 0 ? r : yearOrder(docs[x].year, docs[y].year, false);
                return r != 0 ? r : byId.compare(x, y);
            };
            case AUTHOR -> (x, y) -> {
                int r = byAuthor.compare(x, y);
                r = r != 0 ? r : byTitle.compare(x, y);
                r = r != 0 ? r : Double.compare(score[y], score[x]);
                return r != 0 ? r : byId.compare(x, y);
            };
        };
    }

    /** Order of two packed sixteen-character prefixes (four longs each, compared unsigned). */
    private static int packedOrder(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
        int r = Long.compareUnsigned(a0, b0);
        r = r != 0 ? r : Long.compareUnsigned(a1, b1);
        r = r != 0 ? r : Long.compareUnsigned(a2, b2);
        return r != 0 ? r : Long.compareUnsigned(a3, b3);
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
        return facets(clusters, Map.of());
    }

    /**
     * Facet counts over {@code clusters} combined with the counts targets reported over all their
     * hits, so that a target which delivered one page of a large result still weighs with the
     * whole of it. Per field, with R the targets whose {@link TargetFacets} report the field:
     * <ul>
     *   <li>each target of R adds its reported counts (a value it did not list adds 0);</li>
     *   <li>a cluster with no member from R counts once per value, as {@link #facets(List)} counts it;</li>
     *   <li>a cluster whose members all come from R adds nothing: it is one of their hits and
     *       already in their counts (its records replace nothing, they are not counted again);</li>
     *   <li>a cluster mixing members from R and from other targets adds, for the fields of every
     *       member (language, subject, library, target), the values that only the other targets'
     *       members carry; for the fields of the representative (author, year, material type, and
     *       the year ranges with the year), nothing, since R counted the work already.</li>
     * </ul>
     * So no record is counted both in its target's report and from the records; and reported
     * values meet counted ones under the same key (a subject by its words, a language code as it
     * is). A work that a reporting target matched but did not deliver cannot be recognised among
     * other targets' records: such a work counts in the report and again for the others.
     *
     * <pre>{@code
     * TargetFacets union = TargetFacets.builder()
     *         .values(FacetField.LIBRARY, List.of(new FacetValue("BSG", 412))).build();
     * Facets f = ranker.facets(clusters, Map.of("union", union));
     * f.values(FacetField.LIBRARY);   // BSG=412 plus the BSG clusters other targets found
     * }</pre>
     *
     * @param reported the facets targets reported, by target id (the members' origin); targets
     *                 absent or reporting {@link TargetFacets#none()} are counted from their records
     * @throws IllegalArgumentException when clusters or reported is null
     */
    public Facets facets(List<Cluster> clusters, Map<String, TargetFacets> reported) {
        if (clusters == null || reported == null) {
            throw new IllegalArgumentException("facets need clusters and reported facets, were " + clusters + ", "
                    + reported);
        }
        FacetTally tally = new FacetTally(reported, text);
        for (Cluster c : clusters) {
            tally.add(c);
        }
        Map<FacetField, List<FacetValue>> values = new EnumMap<>(FacetField.class);
        for (FacetField field : FacetField.values()) {
            values.put(field, tally.top(field, settings.facetLimit()));
        }
        return new Facets(values, tally.yearRanges());
    }
}
