package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.navette.match.Cluster;
import org.navette.match.TextAnalyzer;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.Isbn;
import org.navette.rank.FacetField;

/**
 * A cluster's merged text analysed once for ranking and faceting: per field, the tokens in order
 * (for phrases), their hashes, and sorted unique hashes with term frequencies (for BM25), plus
 * identifiers, sort keys and facet values. The representative's text comes first; other members
 * add only words it lacks, so twelve copies of a title do not count twelve times.
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

    /** Longs of the term filter at the start of {@link #postings}. */
    private static final int TERM_FILTER_LONGS = 4;
    /** Longs of the filters (terms, then word beginnings) before the pairs of {@link #postings}. */
    private static final int BLOOM_LONGS = 2 * TERM_FILTER_LONGS;
    private static final int FACET_FIELDS = FacetField.values().length;
    /** Where the facet values start in {@link #facetValues}, after the per-field start offsets. */
    private static final int FACET_HEADER = FACET_FIELDS + 1;

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
    /**
     * Every distinct term of every field as a pair of longs, sorted by the first: the term's hash,
     * then its frequency in each field packed 8 bits per field (capped at 255). One lookup per query
     * term answers for all fields, and finds the frequencies on the cache line of the hash: a search
     * reads this array for every document of the result, mostly from memory rather than cache.
     *
     * <p>The pairs start at {@link #BLOOM_LONGS}, after a 256-bit Bloom filter of the terms (two bits
     * per term) and a 256-bit filter of the words' first three characters (for truncated terms),
     * which share the array's first cache lines with its length: most query terms are absent from
     * most documents, and the filters answer so without a search.
     */
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
    /**
     * Facet values of every {@link FacetField}, in one array because faceting visits every document:
     * first, per field ordinal {@code f}, the offset where its values start ({@code facetValues[f]},
     * with the end at {@code facetValues[f + 1]}); then per value two longs, the hash of its
     * normalised key and the hash of its display form. The display forms themselves are in
     * {@link #facetDisplays}, at {@link #displayIndex}.
     */
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
        List<String> title = new ArrayList<>();
        List<String> author = new ArrayList<>();
        List<String> subject = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> langs = new LinkedHashSet<>();
        Map<String, String> authors = new LinkedHashMap<>();
        Map<String, String> subjects = new LinkedHashMap<>();
        String authorSortKey = "";
        // the representative first: its words all count; the other members add only words it lacks
        for (int k = -1; k < members.size(); k++) {
            BibRecord m = k < 0 ? rep : members.get(k);
            if (k >= 0 && m == rep) {
                continue;
            }
            boolean first = k < 0;
            addField(title, text.tokens(first ? repTitle : m.title()), first);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < m.authors().size(); i++) {
                Author a = m.authors().get(i);
                List<String> nameTokens = text.tokens(a.name());
                names.addAll(nameTokens);
                if (first) {
                    // the facet key and the sort key come from the same tokens: analyse each name once
                    String sortable = sortableName(a, nameTokens);
                    authors.putIfAbsent(authorKey(a, sortable), displayName(a));
                    if (i == 0) {
                        authorSortKey = sortable;
                    }
                }
            }
            names.addAll(text.tokens(m.responsibility()));
            addField(author, names, first);
            List<String> subj = new ArrayList<>();
            for (String s : m.subjects()) {
                List<String> t = text.tokens(s);
                subj.addAll(t);
                subjects.putIfAbsent(subjectKey(t), s);
            }
            addField(subject, subj, first);
            List<String> rest = new ArrayList<>();
            for (String s : m.series()) {
                rest.addAll(text.tokens(s));
            }
            rest.addAll(text.tokens(m.publisher()));
            rest.addAll(text.tokens(m.place()));
            rest.addAll(text.tokens(m.edition()));
            addField(other, rest, first);
            for (Isbn i : m.isbns()) {
                ids.add(i.isbn13());
                if (i.isbn10() != null) {
                    ids.add(i.isbn10());
                }
            }
            for (String s : m.issns()) {
                ids.add(s);
                ids.add(s.replace("-", ""));
            }
            for (Identifier id : m.identifiers()) {
                ids.add(id.value().toLowerCase(Locale.ROOT));
            }
            ids.add(m.source().recordId().toLowerCase(Locale.ROOT));
            langs.addAll(m.languages());
        }
        List<List<String>> fields = List.of(title, author, subject, other);
        int total = 0;
        for (int f = 0; f < FIELDS; f++) {
            List<String> toks = fields.get(f);
            tokens[f] = toks.toArray(new String[0]);
            long[] seq = new long[toks.size()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = TermHash.of(toks.get(i));
            }
            sequence[f] = seq;
            total += seq.length;
        }
        titleLength = title.size();
        authorLength = author.size();
        subjectLength = subject.size();
        otherLength = other.size();
        // (hash | field) sorted as plain longs, then folded into unique terms with per-field counts
        long[] all = new long[total];
        int k = 0;
        for (int f = 0; f < FIELDS; f++) {
            for (long h : sequence[f]) {
                all[k++] = h | f;
            }
        }
        Arrays.sort(all);
        long[] uniq = new long[total];
        int[] packed = new int[total];
        int unique = 0;
        for (int i = 0; i < total; i++) {
            long h = all[i] & ~3L;
            if (unique == 0 || uniq[unique - 1] != h) {
                uniq[unique++] = h;
            }
            int shift = 8 * (int) (all[i] & 3L);
            int count = (packed[unique - 1] >>> shift) & 0xFF;
            if (count < 255) {
                packed[unique - 1] += 1 << shift;
            }
        }
        postings = new long[BLOOM_LONGS + 2 * unique];
        for (String[] field : tokens) {
            for (String token : field) {
                if (token.length() >= 3) {
                    int bits = stemFilterBits(token);
                    postings[TERM_FILTER_LONGS + ((bits & 0xFF) >>> 6)] |= 1L << bits;
                    postings[TERM_FILTER_LONGS + (bits >>> 14)] |= 1L << (bits >>> 8);
                }
            }
        }
        for (int i = 0; i < unique; i++) {
            postings[BLOOM_LONGS + 2 * i] = uniq[i];
            postings[BLOOM_LONGS + 2 * i + 1] = packed[i];
            int bit = bloomBit(uniq[i], 0);
            postings[bit >>> 6] |= 1L << bit;
            bit = bloomBit(uniq[i], 1);
            postings[bit >>> 6] |= 1L << bit;
        }
        identifiers = Set.copyOf(ids);
        Integer y = rep.year();
        for (int i = 0; y == null && i < members.size(); i++) {
            y = members.get(i).year();
        }
        year = y == null ? NO_YEAR : y;
        String language = rep.languages().isEmpty() ? null : rep.languages().get(0);
        titleSort = text.sortKey(repTitle == null ? "" : repTitle, language);
        authorSort = authorSortKey;
        Set<String> libs = new LinkedHashSet<>();
        boolean avail = false;
        for (BibRecord m : members) {
            libs.addAll(libraries(m));
            for (Holding h : m.holdings()) {
                avail |= h.availability() == Availability.AVAILABLE;
            }
        }
        holdingsFactor = Math.log(1 + libs.size()) / Math.log(2);
        available = avail;
        Set<String> origins = c.origins();
        Set<String> libsAndOrigins = new HashSet<>(libs);
        libsAndOrigins.addAll(origins);
        languages = Set.copyOf(langs);
        librariesAndOrigins = Set.copyOf(libsAndOrigins);
        long[] t = prefix(titleSort);
        title0 = t[0];
        title1 = t[1];
        title2 = t[2];
        title3 = t[3];
        long[] a = prefix(authorSort);
        author0 = a[0];
        author1 = a[1];
        author2 = a[2];
        author3 = a[3];
        id = c.id();
        idHash = TermHash.of(id);
        FacetValuesBuilder facets = new FacetValuesBuilder();
        facets.add(FacetField.AUTHOR, authors.keySet(), authors.values());
        facets.add(FacetField.YEAR, year == NO_YEAR ? List.of() : List.of(Integer.toString(year)), null);
        facets.add(FacetField.LANGUAGE, langs, null);
        facets.add(FacetField.MATERIAL_TYPE, List.of(rep.materialType().name()), null);
        facets.add(FacetField.SUBJECT, subjects.keySet(), subjects.values());
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
     * The frequencies of the term with hash {@code term} in each field of the document whose
     * {@link #postings} are given, 8 bits per field (field {@code f} at bit {@code 8 * f}); 0 when the
     * document lacks it.
     */
    public static int termFrequencies(long[] postings, long term) {
        int bit = bloomBit(term, 0);
        int bit2 = bloomBit(term, 1);
        if ((postings[bit >>> 6] & 1L << bit) == 0 || (postings[bit2 >>> 6] & 1L << bit2) == 0) {
            return 0;
        }
        int n = (postings.length - BLOOM_LONGS) >>> 1;
        if (n == 0) {
            return 0;
        }
        // term hashes are uniform over the longs, so a term's place in the sorted array is close to
        // its value's place in the long range: one guess and a step or two instead of a binary search
        int i = (int) ((term * 0x1p-64 + 0.5) * n);
        i = Math.min(Math.max(i, 0), n - 1);
        if (postings[BLOOM_LONGS + 2 * i] < term) {
            do {
                i++;
            } while (i < n && postings[BLOOM_LONGS + 2 * i] < term);
        } else {
            while (i > 0 && postings[BLOOM_LONGS + 2 * i - 2] >= term) {
                i--;
            }
        }
        return i < n && postings[BLOOM_LONGS + 2 * i] == term ? (int) postings[BLOOM_LONGS + 2 * i + 1] : 0;
    }

    /**
     * The two bits (0-255, one per byte) of a stem's first three characters in the filter of word
     * beginnings, or -1 for a stem shorter than that (which the filter cannot rule out).
     */
    public static int stemFilterBits(String stem) {
        if (stem.length() < 3) {
            return -1;
        }
        long h = (pack4(stem, 0) >>> 16) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 48);
    }

    /** False when no word of the document whose {@link #postings} are given starts with the stem of {@code stemFilterBits}. */
    public static boolean mayHoldStem(long[] postings, int stemFilterBits) {
        if (stemFilterBits < 0) {
            return true;
        }
        int bit = stemFilterBits & 0xFF;
        int bit2 = stemFilterBits >>> 8;
        return (postings[TERM_FILTER_LONGS + (bit >>> 6)] & 1L << bit) != 0
                && (postings[TERM_FILTER_LONGS + (bit2 >>> 6)] & 1L << bit2) != 0;
    }

    /** Bit {@code k} (0 or 1) of a term in the 256-bit filter: from two separate bytes of its hash. */
    private static int bloomBit(long term, int k) {
        return (int) (term >>> (48 + 8 * k)) & 0xFF;
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

    /** The display form of the facet value whose key hash is at {@code facetValues[valueIndex]}. */
    public static int displayIndex(int valueIndex) {
        return (valueIndex - FACET_HEADER) / 2;
    }

    /**
     * The distinct words of a document in string order, with the first four characters of each
     * packed in a long (unsigned order = string order): the words starting with a stem are one
     * contiguous run, found by a binary search over longs; only stems longer than four characters
     * compare strings, and only within the run of their first four.
     */
    private static final class WordIndex {
        private final String[] words;
        private final long[] prefixes;
        /** Occurrences per word and field, at {@code word * FIELDS + field}. */
        private final int[] counts;

        WordIndex(String[][] tokens) {
            Map<String, int[]> byWord = new HashMap<>();
            for (int f = 0; f < FIELDS; f++) {
                for (String t : tokens[f]) {
                    byWord.computeIfAbsent(t, w -> new int[FIELDS])[f]++;
                }
            }
            words = byWord.keySet().toArray(new String[0]);
            Arrays.sort(words);
            prefixes = new long[words.length];
            counts = new int[words.length * FIELDS];
            for (int i = 0; i < words.length; i++) {
                prefixes[i] = pack4(words[i], 0);
                System.arraycopy(byWord.get(words[i]), 0, counts, i * FIELDS, FIELDS);
            }
        }

        void addStemCounts(String stem, int fieldMask, int[] into, int offset) {
            long low = pack4(stem, 0);
            // the greatest packed value with the stem's first (up to four) characters
            int shown = Math.min(4, stem.length());
            long high = low | (-1L >>> (16 * shown));
            if (shown == 4) {
                high = low;
            }
            for (int i = firstAtLeast(low); i < words.length && Long.compareUnsigned(prefixes[i], high) <= 0; i++) {
                if (stem.length() > 4 && !words[i].startsWith(stem)) {
                    continue;
                }
                for (int f = 0; f < FIELDS; f++) {
                    if ((fieldMask & (1 << f)) != 0) {
                        into[offset + f] += counts[i * FIELDS + f];
                    }
                }
            }
        }

        private int firstAtLeast(long key) {
            int lo = 0;
            int hi = words.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(prefixes[mid], key) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Facet values in the layout of {@link #facetValues}. */
    private static final class FacetValuesBuilder {
        private final long[] starts = new long[FACET_HEADER];
        private final List<String> keys = new ArrayList<>();
        private final List<String> displays = new ArrayList<>();

        /** Adds the values of {@code field}; fields must come in ordinal order. */
        void add(FacetField field, Collection<String> fieldKeys, Collection<String> fieldDisplays) {
            starts[field.ordinal()] = FACET_HEADER + 2L * keys.size();
            keys.addAll(fieldKeys);
            displays.addAll(fieldDisplays == null ? fieldKeys : fieldDisplays);
            starts[field.ordinal() + 1] = FACET_HEADER + 2L * keys.size();
        }

        long[] values() {
            long[] v = new long[FACET_HEADER + 2 * keys.size()];
            System.arraycopy(starts, 0, v, 0, FACET_HEADER);
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                String display = displays.get(i);
                long keyHash = TermHash.of(key);
                v[FACET_HEADER + 2 * i] = keyHash;
                // most values are displayed as their key: hash once
                v[FACET_HEADER + 2 * i + 1] = display.equals(key) ? keyHash : TermHash.of(display);
            }
            return v;
        }

        String[] displays() {
            return displays.toArray(new String[0]);
        }
    }

    /** Four UTF-16 units from {@code from} in a long, zero-padded: unsigned order agrees with String.compareTo on them. */
    private static long pack4(String s, int from) {
        long v = 0;
        for (int i = from; i < from + 4; i++) {
            v = (v << 16) | (i < s.length() ? s.charAt(i) : 0);
        }
        return v;
    }

    /** Sixteen UTF-16 units in four longs; an empty key sorts after every other. */
    private static long[] prefix(String key) {
        long[] p = new long[4];
        if (key.isEmpty()) {
            Arrays.fill(p, -1L);
            return p;
        }
        for (int w = 0; w < 4; w++) {
            p[w] = pack4(key, w * 4);
        }
        return p;
    }

    private static void addField(List<String> field, List<String> tokens, boolean all) {
        if (all) {
            field.addAll(tokens);
            return;
        }
        for (String t : tokens) {
            if (!field.contains(t)) {
                field.add(t);
            }
        }
    }

    /**
     * The facet key of a value a target reported for {@code field}, equal to the key this class
     * gives the same value found in a record: subjects by their words, authors as personal names
     * by their words in sort order ({@code Hugo, Victor} and {@code Victor Hugo} alike), the other
     * fields as they are.
     */
    public static String facetKey(FacetField field, String value, TextAnalyzer text) {
        return switch (field) {
            case AUTHOR -> {
                Author a = Author.personal(value);
                yield authorKey(a, sortableName(a, text.tokens(value)));
            }
            case SUBJECT -> subjectKey(text.tokens(value));
            default -> value;
        };
    }

    /**
     * The facet keys one member gives its cluster for a field counted over every member
     * (language, subject, library, target); see {@link #countsEveryMember}.
     *
     * @throws IllegalArgumentException for a field taken from the representative alone
     */
    public static Collection<String> memberFacetKeys(FacetField field, BibRecord m, TextAnalyzer text) {
        return switch (field) {
            case LANGUAGE -> m.languages();
            case SUBJECT -> m.subjects().stream().map(s -> subjectKey(text.tokens(s))).toList();
            case LIBRARY -> libraries(m);
            case TARGET -> List.of(m.source().origin());
            default -> throw new IllegalArgumentException("facet " + field + " is the representative's, not every member's");
        };
    }

    /** True when every member adds its values to the field; false when they are the representative's. */
    public static boolean countsEveryMember(FacetField field) {
        return switch (field) {
            case LANGUAGE, SUBJECT, LIBRARY, TARGET -> true;
            case AUTHOR, YEAR, MATERIAL_TYPE -> false;
        };
    }

    private static String authorKey(Author a, String sortable) {
        return a.kind() == AuthorKind.PERSONAL ? "p " + sortable : "c " + sortable;
    }

    private static String subjectKey(List<String> tokens) {
        return String.join(" ", tokens);
    }

    /** The libraries holding a member: its holdings' libraries, its origin for a holding without one or no holding. */
    private static Set<String> libraries(BibRecord m) {
        Set<String> out = new LinkedHashSet<>();
        if (m.holdings().isEmpty()) {
            out.add(m.source().origin());
        }
        for (Holding h : m.holdings()) {
            out.add(h.library() != null ? h.library() : m.source().origin());
        }
        return out;
    }

    /** "hugo victor" for "Hugo, Victor" and for "Victor Hugo", from the name's tokens. */
    private static String sortableName(Author a, List<String> nameTokens) {
        int comma = a.name().indexOf(',');
        if (comma > 0 || a.kind() != AuthorKind.PERSONAL || nameTokens.size() < 2) {
            return String.join(" ", nameTokens);
        }
        List<String> out = new ArrayList<>(nameTokens.size());
        out.add(nameTokens.get(nameTokens.size() - 1));
        out.addAll(nameTokens.subList(0, nameTokens.size() - 1));
        return String.join(" ", out);
    }

    private static String displayName(Author a) {
        String n = a.name().strip();
        while (!n.isEmpty() && ",;:/.".indexOf(n.charAt(n.length() - 1)) >= 0 && !n.endsWith(" .")) {
            if (n.length() >= 2 && Character.isUpperCase(n.charAt(n.length() - 2)) && n.charAt(n.length() - 1) == '.'
                    && (n.length() == 2 || !Character.isLetter(n.charAt(n.length() - 3)))) {
                break;
            }
            n = n.substring(0, n.length() - 1).strip();
        }
        return n;
    }
}
