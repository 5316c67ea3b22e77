package org.navette.demo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.navette.match.TextAnalyzer;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Identifier;
import org.navette.model.Isbn;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;

/**
 * One library's records held in memory and searched by a {@link Query}, the words of both going
 * through Navette's one text chain ({@link TextAnalyzer}): what the demo's SRU server answers from.
 * A few hundred records are scanned in well under a millisecond; no index structure is needed.
 *
 * <pre>{@code
 * RecordIndex index = new RecordIndex(records);
 * List<BibRecord> hits = index.search(CqlParser.parse("title=canada"));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class RecordIndex {
    private final TextAnalyzer text = TextAnalyzer.ofDefaults();
    private final List<Entry> entries;

    /** A clause this index cannot evaluate: the SRU server answers it with a diagnostic. */
    public static final class UnsupportedClauseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int diagnostic;

        UnsupportedClauseException(int diagnostic, String message) {
            super(message);
            this.diagnostic = diagnostic;
        }

        /** The SRU diagnostic number (info:srw/diagnostic/1/N). */
        public int diagnostic() {
            return diagnostic;
        }
    }

    /** A record and the token lists of each of its field values, by field. */
    private record Entry(BibRecord record, Map<Field, List<List<String>>> values) {
    }

    public RecordIndex(List<BibRecord> records) {
        List<Entry> list = new ArrayList<>();
        for (BibRecord r : records) {
            list.add(new Entry(r, values(r)));
        }
        this.entries = List.copyOf(list);
    }

    public int size() {
        return entries.size();
    }

    /** The records matching {@code query}, in the library's file order. */
    public List<BibRecord> search(Query query) {
        List<BibRecord> hits = new ArrayList<>();
        for (Entry e : entries) {
            if (matches(query, e)) {
                hits.add(e.record());
            }
        }
        return hits;
    }

    private boolean matches(Query q, Entry e) {
        if (q instanceof Query.And a) {
            return matches(a.left(), e) && matches(a.right(), e);
        }
        if (q instanceof Query.Or o) {
            return matches(o.left(), e) || matches(o.right(), e);
        }
        if (q instanceof Query.AndNot n) {
            return matches(n.left(), e) && !matches(n.right(), e);
        }
        return clause((Query.Clause) q, e);
    }

    private boolean clause(Query.Clause c, Entry e) {
        if (c.field() == Field.YEAR) {
            return year(c, e.record().year());
        }
        switch (c.relation()) {
            case LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL, WITHIN ->
                    throw new UnsupportedClauseException(19, "relation " + c.relation() + " is for years only, not " + c.field());
            default -> { }
        }
        List<String> words = text.tokens(c.term());
        if (words.isEmpty()) {
            return false;
        }
        List<List<String>> fieldValues = e.values().getOrDefault(c.field(), List.of());
        return switch (c.relation()) {
            case ALL_WORDS -> words.stream().allMatch(w -> anyValueHas(fieldValues, w, c.rightTruncated() && isLast(words, w)));
            case ANY_WORD -> words.stream().anyMatch(w -> anyValueHas(fieldValues, w, c.rightTruncated() && isLast(words, w)));
            case PHRASE -> fieldValues.stream().anyMatch(v -> Collections.indexOfSubList(v, words) >= 0);
            case EXACT -> fieldValues.stream().anyMatch(v -> v.equals(words));
            default -> false;
        };
    }

    private static boolean isLast(List<String> words, String w) {
        return Objects.equals(words.get(words.size() - 1), w);
    }

    private static boolean anyValueHas(List<List<String>> values, String word, boolean prefix) {
        for (List<String> v : values) {
            for (String t : v) {
                if (prefix ? t.startsWith(word) : t.equals(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean year(Query.Clause c, Integer year) {
        if (year == null) {
            return false;
        }
        int term = parseYear(c.term());
        return switch (c.relation()) {
            case ALL_WORDS, ANY_WORD, PHRASE, EXACT -> year == term;
            case LESS_THAN -> year < term;
            case LESS_OR_EQUAL -> year <= term;
            case GREATER_THAN -> year > term;
            case GREATER_OR_EQUAL -> year >= term;
            case WITHIN -> year >= term && year <= parseYear(Objects.requireNonNull(c.upperBound()));
        };
    }

    private static int parseYear(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new UnsupportedClauseException(10, "not a year: '" + s + "'");
        }
    }

    private Map<Field, List<List<String>>> values(BibRecord r) {
        Map<Field, List<List<String>>> m = new EnumMap<>(Field.class);
        add(m, Field.TITLE, r.title());
        r.series().forEach(s -> add(m, Field.TITLE, s));
        r.authors().stream().map(Author::name).forEach(a -> add(m, Field.AUTHOR, a));
        add(m, Field.AUTHOR, r.responsibility());
        r.subjects().forEach(s -> add(m, Field.SUBJECT, s));
        add(m, Field.PUBLISHER, r.publisher());
        r.languages().forEach(l -> add(m, Field.LANGUAGE, l));
        for (Isbn i : r.isbns()) {
            add(m, Field.ISBN, i.isbn13());
            if (i.isbn10() != null) {
                add(m, Field.ISBN, i.isbn10());
            }
        }
        r.issns().forEach(s -> add(m, Field.ISSN, s.replace("-", "")));
        add(m, Field.ID, r.source().recordId());
        List<List<String>> any = new ArrayList<>();
        for (Field f : List.of(Field.TITLE, Field.AUTHOR, Field.SUBJECT, Field.PUBLISHER, Field.ISBN, Field.ISSN)) {
            any.addAll(m.getOrDefault(f, List.of()));
        }
        add(m, Field.ANY, r.place());
        any.addAll(m.getOrDefault(Field.ANY, List.of()));
        for (Identifier i : r.identifiers()) {
            any.add(text.tokens(i.value()));
        }
        m.put(Field.ANY, any);
        return m;
    }

    private void add(Map<Field, List<List<String>>> m, Field f, String value) {
        if (value != null && !value.isBlank()) {
            m.computeIfAbsent(f, k -> new ArrayList<>()).add(text.tokens(value));
        }
    }
}
