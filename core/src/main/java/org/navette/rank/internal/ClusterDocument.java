package org.navette.rank.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.navette.match.Cluster;
import org.navette.match.TextAnalyzer;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.rank.FacetField;

/**
 * A cluster's merged text analysed once for ranking and faceting: per field, the tokens in order
 * (for phrases), their hashes, and sorted unique hashes with term frequencies (for BM25), plus
 * identifiers, sort keys and facet values. Built in steps, each in its own class: the text
 * analysis ({@link DocumentText}), the postings with their filters ({@link Postings}), the packed
 * sort keys ({@link SortKeys}) and the facet values ({@link FacetValues}); the results land in this
 * one object's fields.
 *
 * <p>Built through {@link Cluster#derived}, so once per cluster snapshot however many searches
 * rank it. A search touches every document of a result, so what it reads is kept in few objects:
 * scalars in fields, term lookups in two arrays, facet values in one.
 *
 * <pre>{@code
 * ClusterDocument doc = ClusterDocument.of(cluster);
 * doc.titleSort; // "hobbit"
 * }</pre>
 *
 * <p>Thread-safety: immutable after construction, except for the word index of truncated
 * searches, which is built on first use; threads racing to build it build equal ones.
 */
public final class ClusterDocument {
    public static final int TITLE = 0;
    public static final int AUTHOR = 1;
    public static final int SUBJECT = 2;
    public static final int OTHER = 3;
    public static final int FIELDS = 4;

    /** Year value meaning "no year". */
    public static final int NO_YEAR = Integer.MIN_VALUE;


    /** Key under which documents are memoised on clusters. */
    public static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "ClusterDocument.KEY";
        }
    };

    private static final Function<Cluster, ClusterDocument> BUILD =
            c -> new ClusterDocument(c, TextAnalyzer.ofDefaults());

    public final String[][] tokens = new String[FIELDS][];
    public final long[][] sequence = new long[FIELDS][];
    /** Every distinct term with its frequency per field, behind two Bloom filters: see {@link Postings}. */
    public final long[] postings;
    /** Field lengths in tokens; plain fields, not an array, since every search reads them for every document. */
    private final int titleLength;
    private final int authorLength;
    private final int subjectLength;
    private final int otherLength;
    public final Set<String> identifiers;
    public final int year;
    public final String titleSort;
    public final String authorSort;
    public final boolean available;
    public final Set<String> languages;
    /** Libraries and origins, for the preferred-library boost. */
    public final Set<String> librariesAndOrigins;
    /** Facet values of every {@link FacetField} in one array, in the layout of {@link FacetValues}. */
    public final long[] facetValues;
    public final String[] facetDisplays;
    /**
     * The first sixteen characters of the sort keys packed four to a long, compared unsigned: the
     * same order as the strings', so sorting rarely needs the strings. Empty keys sort last.
     */
    public final long title0;
    public final long title1;
    public final long title2;
    public final long title3;
    public final long author0;
    public final long author1;
    public final long author2;
    public final long author3;
    /** A hash of the cluster id: the last, arbitrary but stable tie-break, without touching the id string. */
    public final long idHash;
    public final String id;
    /** log2(1 + number of holding libraries), the holdings boost factor. */
    public final double holdingsFactor;

    /** Built on the first truncated search over this document; see {@link #addStemCounts}. */
    private volatile WordIndex wordIndex;

    private ClusterDocument(Cluster c, TextAnalyzer text) {
        BibRecord rep = c.representative();
        // title() concatenates its parts on every call
        String repTitle = rep.title();
        List<BibRecord> members = c.members();
        DocumentText analysed = new DocumentText(c, repTitle, text);
        for (int f = 0; f < FIELDS; f++) {
            List<String> toks = analysed.fields.get(f);
            tokens[f] = toks.toArray(new String[0]);
            long[] seq = new long[toks.size()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = TermHash.of(toks.get(i));
            }
            sequence[f] = seq;
        }
        titleLength = tokens[TITLE].length;
        authorLength = tokens[AUTHOR].length;
        subjectLength = tokens[SUBJECT].length;
        otherLength = tokens[OTHER].length;
        postings = Postings.encode(tokens, sequence);
        identifiers = Set.copyOf(analysed.identifiers);
        Integer y = rep.year();
        for (int i = 0; y == null && i < members.size(); i++) {
            y = members.get(i).year();
        }
        year = y == null ? NO_YEAR : y;
        String language = rep.languages().isEmpty() ? null : rep.languages().get(0);
        titleSort = text.sortKey(repTitle == null ? "" : repTitle, language);
        authorSort = analysed.authorSortKey;
        Set<String> libs = new LinkedHashSet<>();
        boolean avail = false;
        for (BibRecord m : members) {
            libs.addAll(FacetValues.libraries(m));
            for (Holding h : m.holdings()) {
                avail |= h.availability() == Availability.AVAILABLE;
            }
        }
        holdingsFactor = Math.log(1 + libs.size()) / Math.log(2);
        available = avail;
        Set<String> origins = c.origins();
        Set<String> libsAndOrigins = new HashSet<>(libs);
        libsAndOrigins.addAll(origins);
        languages = Set.copyOf(analysed.languages);
        librariesAndOrigins = Set.copyOf(libsAndOrigins);
        long[] t = SortKeys.prefix(titleSort);
        title0 = t[0];
        title1 = t[1];
        title2 = t[2];
        title3 = t[3];
        long[] a = SortKeys.prefix(authorSort);
        author0 = a[0];
        author1 = a[1];
        author2 = a[2];
        author3 = a[3];
        id = c.id();
        idHash = TermHash.of(id);
        FacetValues facets = new FacetValues();
        facets.add(FacetField.AUTHOR, analysed.authors.keySet(), analysed.authors.values());
        facets.add(FacetField.YEAR, year == NO_YEAR ? List.of() : List.of(Integer.toString(year)), null);
        facets.add(FacetField.LANGUAGE, analysed.languages, null);
        facets.add(FacetField.MATERIAL_TYPE, List.of(rep.materialType().name()), null);
        facets.add(FacetField.SUBJECT, analysed.subjects.keySet(), analysed.subjects.values());
        facets.add(FacetField.LIBRARY, libs, null);
        facets.add(FacetField.TARGET, origins, null);
        facetValues = facets.values();
        facetDisplays = facets.displays();
    }

    /** The document of {@code cluster}, built on first use (with the default text chain) and memoised on the cluster. */
    public static ClusterDocument of(Cluster cluster) {
        return cluster.derived(KEY, BUILD);
    }

    /** The number of tokens in {@code field}. */
    public int length(int field) {
        return switch (field) {
            case TITLE -> titleLength;
            case AUTHOR -> authorLength;
            case SUBJECT -> subjectLength;
            default -> otherLength;
        };
    }

    /**
     * Adds, for each field in {@code fieldMask}, the number of tokens starting with {@code stem} to
     * {@code counts[offset + field]}.
     */
    public void addStemCounts(String stem, int fieldMask, int[] counts, int offset) {
        WordIndex w = wordIndex;
        if (w == null) {
            w = new WordIndex(tokens);
            wordIndex = w;
        }
        w.addStemCounts(stem, fieldMask, counts, offset);
    }
}
