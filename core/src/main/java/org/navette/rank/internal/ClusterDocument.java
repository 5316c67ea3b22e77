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

/**
 * A cluster's merged text analysed once for ranking and faceting: per field, the tokens in order
 * (for phrases), their hashes, and sorted unique hashes with term frequencies (for BM25), plus
 * identifiers, sort keys and facet values. The representative's text comes first; other members
 * add only words it lacks, so twelve copies of a title do not count twelve times.
 *
 * <p>Built through {@link Cluster#derived}, so once per cluster snapshot however many searches
 * rank it.
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
    public final long[][] terms = new long[FIELDS][];
    public final int[][] frequencies = new int[FIELDS][];
    public final Set<String> identifiers;
    public final int year;
    public final String titleSort;
    public final String authorSort;
    public final int libraryCount;
    public final boolean available;
    public final Set<String> libraries;
    public final Set<String> languages;
    /** Facet values: normalised key → display form. */
    public final Map<String, String> authorFacet;
    public final Map<String, String> subjectFacet;
    public final String materialType;
    public final Set<String> origins;

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
                subj.addAll(text.tokens(s));
                subjects.putIfAbsent(String.join(" ", text.tokens(s)), s);
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
        for (int f = 0; f < FIELDS; f++) {
            List<String> toks = fields.get(f);
            tokens[f] = toks.toArray(new String[0]);
            long[] seq = new long[toks.size()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = TermHash.of(toks.get(i));
            }
            sequence[f] = seq;
            long[] sorted = seq.clone();
            Arrays.sort(sorted);
            int unique = 0;
            int[] freq = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                if (unique > 0 && sorted[unique - 1] == sorted[i]) {
                    freq[unique - 1]++;
                } else {
                    sorted[unique] = sorted[i];
                    freq[unique] = 1;
                    unique++;
                }
            }
            terms[f] = Arrays.copyOf(sorted, unique);
            frequencies[f] = Arrays.copyOf(freq, unique);
        }
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
        available = avail;
        Set<String> libsAndOrigins = new HashSet<>(libs);
        libsAndOrigins.addAll(c.origins());
        languages = Set.copyOf(langs);
        authorFacet = Map.copyOf(authors);
        subjectFacet = Map.copyOf(subjects);
        materialType = rep.materialType().name();
        origins = c.origins();
        this.librariesAndOrigins = Set.copyOf(libsAndOrigins);
    }

    /** Libraries and origins, for the preferred-library boost. */
    public final Set<String> librariesAndOrigins;

    /** The document of {@code cluster}, built on first use and memoised on the cluster. */
    public static ClusterDocument of(Cluster cluster, TextAnalyzer text) {
        return cluster.derived(KEY, c -> new ClusterDocument(c, text));
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
