package org.navette.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.navette.match.internal.Extent;
import org.navette.match.internal.NameKey;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.IdentifierScheme;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * {@link MatchKeys} as one line of text, so a store can keep them beside a record and ingest can
 * compare new records with stored ones without re-reading and re-normalising their MARC.
 *
 * <p>The text starts with {@link #VERSION}; a code of another version decodes to nothing and the
 * caller computes the keys from the record again. Bump the version whenever {@link KeyExtractor}
 * computes different keys for the same record ({@code MatchKeysCodecTest} pins a golden code to
 * remind you). Fields are separated by U+001E, list items by U+001F, the parts of a name by
 * U+001D; those characters and the escape U+001B inside values are escaped, so any text survives.
 *
 * <p>A decoded key set carries a placeholder record (source, format, material type and carrier,
 * what the scorer reads of the record itself); its Gold Rush key is not kept.
 */
final class MatchKeysCodec {
    /** Version of the key extraction the code was made by. */
    static final String VERSION = "mk1";

    private static final char FIELD = '\u001E';
    private static final char ITEM = '\u001F';
    private static final char PART = '\u001D';
    private static final char ESCAPE = '\u001B';
    private static final String NULL = "\u001B0";

    private MatchKeysCodec() {
    }

    static String encode(MatchKeys k) {
        StringBuilder out = new StringBuilder(256).append(VERSION);
        field(out).append(k.record.format().name());
        field(out).append(k.record.materialType().name());
        field(out).append(k.record.carrier().name());
        list(field(out), k.isbns);
        list(field(out), new java.util.TreeSet<>(k.setIsbns));
        list(field(out), k.issns);
        field(out);
        boolean first = true;
        // sets and maps iterate in a per-JVM order: sorted, the same keys give the same code everywhere
        java.util.TreeMap<String, Map.Entry<IdentifierKey, Set<String>>> ids = new java.util.TreeMap<>();
        k.ids.entrySet().forEach(e -> ids.put(e.getKey().toString(), e));
        for (Map.Entry<IdentifierKey, Set<String>> e : ids.values()) {
            if (!first) {
                out.append(ITEM);
            }
            first = false;
            out.append(e.getKey().scheme().name()).append(PART);
            value(out, e.getKey().qualifier());
            for (String v : new java.util.TreeSet<>(e.getValue())) {
                value(out.append(PART), v);
            }
        }
        list(field(out), k.properTokens);
        list(field(out), k.fullTokens);
        field(out).append(k.hasRemainder ? '1' : '0');
        list(field(out), new java.util.TreeSet<>(k.titleNumbers));
        field(out);
        for (int i = 0; i < k.authors.size(); i++) {
            NameKey n = k.authors.get(i);
            if (i > 0) {
                out.append(ITEM);
            }
            out.append(n.personal() ? '1' : '0').append(n.ordered() ? '1' : '0').append(PART);
            value(out, n.initials());
            out.append(PART).append(n.surname().size());
            for (String s : n.surname()) {
                value(out.append(PART), s);
            }
            for (String w : n.words()) {
                value(out.append(PART), w);
            }
        }
        list(field(out), k.responsibilityTokens);
        value(field(out), k.year == null ? null : k.year.toString());
        field(out).append(k.extent.pages()).append(ITEM).append(k.extent.rangeStart()).append(ITEM)
                .append(k.extent.rangeEnd()).append(ITEM).append(k.extent.volumes());
        field(out).append(k.editionNumber);
        value(field(out), k.partNumber);
        list(field(out), k.publisherTokens);
        list(field(out), k.containerTokens);
        value(field(out), k.language);
        list(field(out), new java.util.TreeSet<>(k.blockingKeys));   // a set: its order comes from one
        return out.toString();
    }

    /** The keys in {@code code}, attributed to {@code source}; empty for a code of another version. */
    static Optional<MatchKeys> decode(String code, RecordSource source) {
        List<String> f = split(code, FIELD);
        if (f.size() != 22 || !f.get(0).equals(VERSION)) {
            return Optional.empty();
        }
        try {
            BibRecord placeholder = BibRecord.builder(source, RecordFormat.valueOf(f.get(1)))
                    .materialType(MaterialType.valueOf(f.get(2))).carrier(Carrier.valueOf(f.get(3))).build();
            Map<IdentifierKey, Set<String>> ids = new LinkedHashMap<>();
            for (String item : items(f.get(7))) {
                List<String> parts = split(item, PART);
                Set<String> values = new LinkedHashSet<>();
                for (String v : parts.subList(2, parts.size())) {
                    values.add(unescape(v));
                }
                ids.put(new IdentifierKey(IdentifierScheme.valueOf(parts.get(0)), unescape(parts.get(1))), Set.copyOf(values));
            }
            List<NameKey> authors = new ArrayList<>();
            for (String item : items(f.get(12))) {
                List<String> parts = split(item, PART);
                int surnames = Integer.parseInt(parts.get(2));
                List<String> surname = new ArrayList<>();
                List<String> words = new ArrayList<>();
                for (int i = 3; i < parts.size(); i++) {
                    (i < 3 + surnames ? surname : words).add(unescape(parts.get(i)));
                }
                authors.add(new NameKey(surname, unescape(parts.get(1)), parts.get(0).charAt(0) == '1', words,
                        parts.get(0).charAt(1) == '1'));
            }
            String year = unescape(f.get(14));
            List<String> extent = split(f.get(15), ITEM);
            Extent ext = new Extent(Integer.parseInt(extent.get(0)), Integer.parseInt(extent.get(1)),
                    Integer.parseInt(extent.get(2)), Integer.parseInt(extent.get(3)));
            return Optional.of(new MatchKeys(placeholder, strings(f.get(4)), Set.copyOf(strings(f.get(5))),
                    strings(f.get(6)), ids, strings(f.get(8)), strings(f.get(9)), f.get(10).equals("1"),
                    Set.copyOf(strings(f.get(11))), authors, strings(f.get(13)), year == null ? null : Integer.valueOf(year),
                    ext.equals(Extent.NONE) ? Extent.NONE : ext, Integer.parseInt(f.get(16)), unescape(f.get(17)),
                    strings(f.get(18)), strings(f.get(19)), unescape(f.get(20)), strings(f.get(21)), r -> {
                        throw new IllegalStateException("the Gold Rush key of " + r.source()
                                + " is not kept with its stored match keys");
                    }));
        } catch (RuntimeException e) {
            return Optional.empty();   // damaged or foreign code: the caller computes the keys again
        }
    }

    private static StringBuilder field(StringBuilder out) {
        return out.append(FIELD);
    }

    private static void list(StringBuilder out, Collection<String> values) {
        boolean first = true;
        for (String v : values) {
            if (!first) {
                out.append(ITEM);
            }
            first = false;
            value(out, v);
        }
    }

    private static StringBuilder value(StringBuilder out, String v) {
        if (v == null) {
            return out.append(NULL);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == FIELD || c == ITEM || c == PART || c == ESCAPE) {
                out.append(ESCAPE).append((char) ('a' + (c - PART)));
            } else {
                out.append(c);
            }
        }
        return out;
    }

    private static String unescape(String v) {
        if (v.equals(NULL)) {
            return null;
        }
        if (v.indexOf(ESCAPE) < 0) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ESCAPE) {
                out.append((char) (PART + (v.charAt(++i) - 'a')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> items(String field) {
        return field.isEmpty() ? List.of() : split(field, ITEM);
    }

    private static List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        for (String s : items(field)) {
            out.add(unescape(s));
        }
        return out;
    }

    /** Splits on {@code sep} keeping empty parts (String.split would drop trailing ones). */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
