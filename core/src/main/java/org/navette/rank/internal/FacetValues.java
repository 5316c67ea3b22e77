package org.navette.rank.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.navette.match.TextAnalyzer;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.rank.FacetField;

/**
 * A document's facet values in one {@code long[]}, because faceting visits every document: first,
 * per field ordinal {@code f}, the offset where its values start (at {@code [f]}, the end at
 * {@code [f + 1]}); then per value two longs, the hash of its normalised key and the hash of its
 * display form. The display forms themselves are a {@code String[]} beside it, at
 * {@link #displayIndex}. Also the rules that make a value's key, the same for a value found in a
 * record and for one a target counted.
 *
 * <pre>{@code
 * FacetValues values = new FacetValues();
 * values.add(FacetField.AUTHOR, keys, displays);   // in ordinal order
 * long[] layout = values.values();
 * String[] shown = values.displays();
 * }</pre>
 */
final class FacetValues {
    private static final int FACET_FIELDS = FacetField.values().length;
    /** Where the values start, after the per-field start offsets. */
    private static final int HEADER = FACET_FIELDS + 1;

    private final long[] starts = new long[HEADER];
    private final List<String> keys = new ArrayList<>();
    private final List<String> displays = new ArrayList<>();

    /** Adds the values of {@code field}, displayed as their keys when {@code fieldDisplays} is null; fields must come in ordinal order. */
    void add(FacetField field, Collection<String> fieldKeys, Collection<String> fieldDisplays) {
        starts[field.ordinal()] = HEADER + 2L * keys.size();
        keys.addAll(fieldKeys);
        displays.addAll(fieldDisplays == null ? fieldKeys : fieldDisplays);
        starts[field.ordinal() + 1] = HEADER + 2L * keys.size();
    }

    long[] values() {
        long[] v = new long[HEADER + 2 * keys.size()];
        System.arraycopy(starts, 0, v, 0, HEADER);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String display = displays.get(i);
            long keyHash = TermHash.of(key);
            v[HEADER + 2 * i] = keyHash;
            // most values are displayed as their key: hash once
            v[HEADER + 2 * i + 1] = display.equals(key) ? keyHash : TermHash.of(display);
        }
        return v;
    }

    String[] displays() {
        return displays.toArray(new String[0]);
    }

    /** The display form of the facet value whose key hash is at {@code values[valueIndex]}. */
    static int displayIndex(int valueIndex) {
        return (valueIndex - HEADER) / 2;
    }

    /**
     * The facet key of a value a target reported for {@code field}, equal to the key a document
     * gives the same value found in a record: subjects by their words, authors as personal names
     * by their words in sort order ({@code Hugo, Victor} and {@code Victor Hugo} alike), the other
     * fields as they are.
     */
    static String facetKey(FacetField field, String value, TextAnalyzer text) {
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
    static Collection<String> memberFacetKeys(FacetField field, BibRecord m, TextAnalyzer text) {
        return switch (field) {
            case LANGUAGE -> m.languages();
            case SUBJECT -> m.subjects().stream().map(s -> subjectKey(text.tokens(s))).toList();
            case LIBRARY -> libraries(m);
            case TARGET -> List.of(m.source().origin());
            default -> throw new IllegalArgumentException("facet " + field + " is the representative's, not every member's");
        };
    }

    /** True when every member adds its values to the field; false when they are the representative's. */
    static boolean countsEveryMember(FacetField field) {
        return switch (field) {
            case LANGUAGE, SUBJECT, LIBRARY, TARGET -> true;
            case AUTHOR, YEAR, MATERIAL_TYPE -> false;
        };
    }

    static String authorKey(Author a, String sortable) {
        return a.kind() == AuthorKind.PERSONAL ? "p " + sortable : "c " + sortable;
    }

    static String subjectKey(List<String> tokens) {
        return String.join(" ", tokens);
    }

    /** The libraries holding a member: its holdings' libraries, its origin for a holding without one or no holding. */
    static Set<String> libraries(BibRecord m) {
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
    static String sortableName(Author a, List<String> nameTokens) {
        int comma = a.name().indexOf(',');
        if (comma > 0 || a.kind() != AuthorKind.PERSONAL || nameTokens.size() < 2) {
            return String.join(" ", nameTokens);
        }
        List<String> out = new ArrayList<>(nameTokens.size());
        out.add(nameTokens.get(nameTokens.size() - 1));
        out.addAll(nameTokens.subList(0, nameTokens.size() - 1));
        return String.join(" ", out);
    }
}
