package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * rank it.
 *
 * <pre>{@code
 * ClusterDocument doc = ClusterDocument.of(cluster);
 * doc.titleSort; // "hobbit"
 * }</pre>
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class ClusterDocument {
    public static final int TITLE = 0;
    public static final int AUTHOR = 1;
    public static final int SUBJECT = 2;
    public static final int OTHER = 3;
    public static final int FIELDS = 4;

    /** Key under which documents are memoised on clusters. */
    public static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "ClusterDocument.KEY";
        }
    };

    public final String[][] tokens = new String[FIELDS][];
    public final long[][] sequence = new long[FIELDS][];
    /**
     * Every distinct term of every field, sorted, with its frequency in each field packed into
     * {@link #termFrequencies} (8 bits per field, capped at 255): one binary search per query term
     * answers for all fields, and the whole lookup touches two arrays.
     */
    public final long[] terms;
    public final int[] termFrequencies;
    /** Field lengths in tokens. */
    public final int[] lengths = new int[FIELDS];
    public final Set<String> identifiers;
    public final int year;
    public final String titleSort;
    public final String authorSort;
    public final int libraryCount;
    public final boolean available;
    public final Set<String> libraries;
    public final Set<String> languages;
    /**
     * Facet values per {@link FacetField} ordinal: hashes of the normalised keys, hashes of the
     * display forms, and the display forms, at the same index.
     */
    public final long[][] facetKeys = new long[FacetField.values().length][];
    public final long[][] facetDisplayHashes = new long[FacetField.values().length][];
    public final String[][] facetDisplays = new String[FacetField.values().length][];
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

    /** Year value meaning "no year". */
    public static final int NO_YEAR = Integer.MIN_VALUE;

    private ClusterDocument(Cluster c, TextAnalyzer text) {
        BibRecord rep = c.representative();
        List<BibRecord> ordered = new ArrayList<>(c.size());
        ordered.add(rep);
        for (BibRecord m : c.members()) {
            if (m != rep) {
                ordered.add(m);
            }
        }
        List<List<String>> fields = new ArrayList<>(FIELDS);
        for (int f = 0; f < FIELDS; f++) {
            fields.add(new ArrayList<>());
        }
        Set<String> ids = new HashSet<>();
        Set<String> langs = new LinkedHashSet<>();
        Map<String, String> authors = new LinkedHashMap<>();
        Map<String, String> subjects = new LinkedHashMap<>();
        for (BibRecord m : ordered) {
            boolean first = m == rep;
            addField(fields.get(TITLE), text.tokens(m.title()), first);
            List<String> names = new ArrayList<>();
            for (Author a : m.authors()) {
                names.addAll(text.tokens(a.name()));
            }
            names.addAll(text.tokens(m.responsibility()));
            addField(fields.get(AUTHOR), names, first);
            List<String> subj = new ArrayList<>();
            for (String s : m.subjects()) {
                List<String> t = text.tokens(s);
                subj.addAll(t);
                subjects.putIfAbsent(String.join(" ", t), s);
            }
            addField(fields.get(SUBJECT), subj, first);
            List<String> other = new ArrayList<>();
            for (String s : m.series()) {
                other.addAll(text.tokens(s));
            }
            other.addAll(text.tokens(m.publisher()));
            other.addAll(text.tokens(m.place()));
            other.addAll(text.tokens(m.edition()));
            addField(fields.get(OTHER), other, first);
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
            if (first) {
                for (Author a : m.authors()) {
                    authors.putIfAbsent(authorKey(a, text), displayName(a));
                }
            }
        }
        int total = 0;
        for (int f = 0; f < FIELDS; f++) {
            List<String> toks = fields.get(f);
            tokens[f] = toks.toArray(new String[0]);
            long[] seq = new long[toks.size()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = TermHash.of(toks.get(i));
            }
            sequence[f] = seq;
            lengths[f] = seq.length;
            total += seq.length;
        }
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
        terms = Arrays.copyOf(uniq, unique);
        termFrequencies = Arrays.copyOf(packed, unique);
        identifiers = Set.copyOf(ids);
        Integer y = rep.year();
        for (int i = 1; y == null && i < ordered.size(); i++) {
            y = ordered.get(i).year();
        }
        year = y == null ? NO_YEAR : y;
        String language = rep.languages().isEmpty() ? null : rep.languages().get(0);
        titleSort = text.sortKey(rep.title() == null ? "" : rep.title(), language);
        authorSort = rep.authors().isEmpty() ? "" : sortableName(rep.authors().get(0), text);
        Set<String> libs = new LinkedHashSet<>();
        boolean avail = false;
        for (BibRecord m : c.members()) {
            if (m.holdings().isEmpty()) {
                libs.add(m.source().origin());
            }
            for (Holding h : m.holdings()) {
                libs.add(h.library() != null ? h.library() : m.source().origin());
                avail |= h.availability() == Availability.AVAILABLE;
            }
        }
        libraries = Set.copyOf(libs);
        libraryCount = libs.size();
        holdingsFactor = Math.log(1 + libraryCount) / Math.log(2);
        available = avail;
        Set<String> libsAndOrigins = new HashSet<>(libs);
        libsAndOrigins.addAll(c.origins());
        languages = Set.copyOf(langs);
        this.librariesAndOrigins = Set.copyOf(libsAndOrigins);
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
        facet(FacetField.AUTHOR, authors.keySet(), authors.values());
        String yearText = year == NO_YEAR ? null : Integer.toString(year);
        facet(FacetField.YEAR, yearText == null ? List.of() : List.of(yearText), null);
        facet(FacetField.LANGUAGE, langs, null);
        facet(FacetField.MATERIAL_TYPE, List.of(rep.materialType().name()), null);
        facet(FacetField.SUBJECT, subjects.keySet(), subjects.values());
        facet(FacetField.LIBRARY, libs, null);
        facet(FacetField.TARGET, c.origins(), null);
    }

    private void facet(FacetField field, java.util.Collection<String> keys, java.util.Collection<String> displays) {
        String[] k = keys.toArray(new String[0]);
        String[] d = displays == null ? k : displays.toArray(new String[0]);
        long[] keyHashes = new long[k.length];
        long[] displayHashes = new long[d.length];
        for (int i = 0; i < k.length; i++) {
            keyHashes[i] = TermHash.of(k[i]);
            displayHashes[i] = TermHash.of(d[i]);
        }
        facetKeys[field.ordinal()] = keyHashes;
        facetDisplayHashes[field.ordinal()] = displayHashes;
        facetDisplays[field.ordinal()] = d;
    }

    /** Sixteen UTF-16 units in four longs: unsigned comparison agrees with String.compareTo on them. */
    private static long[] prefix(String key) {
        long[] p = new long[4];
        if (key.isEmpty()) {
            Arrays.fill(p, -1L);
            return p;
        }
        for (int w = 0; w < 4; w++) {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                int at = w * 4 + i;
                v = (v << 16) | (at < key.length() ? key.charAt(at) : 0);
            }
            p[w] = v;
        }
        return p;
    }

    /** Libraries and origins, for the preferred-library boost. */
    public final Set<String> librariesAndOrigins;

    private static final java.util.function.Function<Cluster, ClusterDocument> BUILD =
            c -> new ClusterDocument(c, TextAnalyzer.ofDefaults());

    /** The document of {@code cluster}, built on first use (with the default text chain) and memoised on the cluster. */
    public static ClusterDocument of(Cluster cluster) {
        return cluster.derived(KEY, BUILD);
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

    private static String authorKey(Author a, TextAnalyzer text) {
        if (a.kind() != AuthorKind.PERSONAL) {
            return "c " + text.key(a.name());
        }
        return "p " + sortableName(a, text);
    }

    /** "hugo victor" for "Hugo, Victor" and for "Victor Hugo". */
    private static String sortableName(Author a, TextAnalyzer text) {
        String name = a.name();
        int comma = name.indexOf(',');
        if (comma > 0 || a.kind() != AuthorKind.PERSONAL) {
            return text.key(name);
        }
        List<String> t = text.tokens(name);
        if (t.size() < 2) {
            return String.join(" ", t);
        }
        List<String> out = new ArrayList<>(t.size());
        out.add(t.get(t.size() - 1));
        out.addAll(t.subList(0, t.size() - 1));
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
