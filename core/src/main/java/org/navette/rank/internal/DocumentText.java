package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.navette.model.BibRecord;
import org.navette.model.Identifier;
import org.navette.model.Isbn;

/**
 * The first step of building a {@link ClusterDocument}: a cluster's text analysed once into the
 * tokens of its four fields, its identifiers and languages, and the author and subject facet values
 * with their display forms. The representative's text comes first and all its words count; the
 * other members add only words it lacks, so twelve copies of a title do not count twelve times.
 *
 * <pre>{@code
 * DocumentText text = new DocumentText(cluster, TextAnalyzer.ofDefaults());
 * text.fields.get(ClusterDocument.TITLE);   // [hobbit, or, there, and, back, again]
 * }</pre>
 */
final class DocumentText {
    /** Tokens per field, in the order of {@link ClusterDocument#TITLE} and the others. */
    final List<List<String>> fields;
    final Set<String> identifiers = new HashSet<>();
    final Set<String> languages = new LinkedHashSet<>();
    /** Author facet keys and their display forms, the representative's authors in order. */
    final Map<String, String> authors = new LinkedHashMap<>();
    /** Subject facet keys and their display forms. */
    final Map<String, String> subjects = new LinkedHashMap<>();
    /** The sortable form of the representative's first author; empty without one. */
    final String authorSortKey;

    DocumentText(Cluster c, String repTitle, TextAnalyzer text) {
        BibRecord rep = c.representative();
        List<BibRecord> members = c.members();
        List<String> title = new ArrayList<>();
        List<String> author = new ArrayList<>();
        List<String> subject = new ArrayList<>();
        List<String> other = new ArrayList<>();
        String sortKey = "";
        // a large cluster is mostly copies of one record (a federated search's many targets): each
        // distinct text is analysed once
        Analysed analysed = new Analysed(text, members.size() > 2);
        for (int k = -1; k < members.size(); k++) {
            BibRecord m = k < 0 ? rep : members.get(k);
            if (k >= 0 && m == rep) {
                continue;
            }
            boolean first = k < 0;
            addField(title, analysed.tokens(first ? repTitle : m.title()), first);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < m.authors().size(); i++) {
                Author a = m.authors().get(i);
                List<String> nameTokens = analysed.tokens(a.name());
                names.addAll(nameTokens);
                if (first) {
                    // the facet key and the sort key come from the same tokens: analyse each name once
                    String sortable = FacetValues.sortableName(a, nameTokens);
                    authors.putIfAbsent(FacetValues.authorKey(a, sortable), displayName(a));
                    if (i == 0) {
                        sortKey = sortable;
                    }
                }
            }
            names.addAll(analysed.tokens(m.responsibility()));
            addField(author, names, first);
            List<String> subj = new ArrayList<>();
            for (String s : m.subjects()) {
                List<String> t = analysed.tokens(s);
                subj.addAll(t);
                subjects.putIfAbsent(FacetValues.subjectKey(t), s);
            }
            addField(subject, subj, first);
            List<String> rest = new ArrayList<>();
            for (String s : m.series()) {
                rest.addAll(analysed.tokens(s));
            }
            rest.addAll(analysed.tokens(m.publisher()));
            rest.addAll(analysed.tokens(m.place()));
            rest.addAll(analysed.tokens(m.edition()));
            addField(other, rest, first);
            addIdentifiers(m);
            languages.addAll(m.languages());
        }
        fields = List.of(title, author, subject, other);
        authorSortKey = sortKey;
    }

    /** {@link TextAnalyzer#tokens}, remembered per text when {@code remember}; the lists are only read. */
    private static final class Analysed {
        private final TextAnalyzer text;
        private final Map<String, List<String>> seen;

        Analysed(TextAnalyzer text, boolean remember) {
            this.text = text;
            this.seen = remember ? new HashMap<>() : null;
        }

        List<String> tokens(String value) {
            if (seen == null || value == null) {
                return text.tokens(value);
            }
            List<String> t = seen.get(value);
            if (t == null) {
                t = text.tokens(value);
                seen.put(value, t);
            }
            return t;
        }
    }

    private void addIdentifiers(BibRecord m) {
        for (Isbn i : m.isbns()) {
            identifiers.add(i.isbn13());
            if (i.isbn10() != null) {
                identifiers.add(i.isbn10());
            }
        }
        for (String s : m.issns()) {
            identifiers.add(s);
            identifiers.add(s.replace("-", ""));
        }
        for (Identifier id : m.identifiers()) {
            identifiers.add(id.value().toLowerCase(Locale.ROOT));
        }
        identifiers.add(m.source().recordId().toLowerCase(Locale.ROOT));
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
