package org.navette.query.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.navette.query.Field;

/**
 * The CQL index names users may write, and the context sets behind their prefixes.
 *
 * <p>Plain names are Navette's own ({@code title}, {@code author}...). Qualified names come from the
 * context sets library SRU servers use: Dublin Core ({@code dc}), Bath ({@code bath}), CQL
 * ({@code cql}), record ({@code rec}) and the BnF's {@code bib} indexes. Names are matched without
 * regard to case, as CQL asks.
 *
 * <p>Thread-safety: immutable tables.
 */
final class IndexNames {
    /** Context set URIs as servers and clients write them in prefix assignments, by short name. */
    static final Map<String, String> SET_BY_URI = Map.of(
            "info:srw/cql-context-set/1/cql-v1.2", "cql",
            "info:srw/cql-context-set/1/cql-v1.1", "cql",
            "info:srw/cql-context-set/1/dc-v1.1", "dc",
            "info:srw/cql-context-set/1/dc-v1.0", "dc",
            "http://zing.z3950.org/cql/bath/2.0/", "bath",
            "info:srw/cql-context-set/2/rec-1.1", "rec",
            "info:srw/cql-context-set/2/rec-1.0", "rec");

    private static final Map<String, Field> QUALIFIED;
    /** Names that look like an index but are refused on purpose, with the reason. */
    private static final Map<String, String> AMBIGUOUS = Map.of(
            "dc.identifier", "dc.identifier may be an ISBN, an ISSN or a record id: write isbn, issn or id");

    static {
        Map<String, Field> m = new LinkedHashMap<>();
        m.put("dc.title", Field.TITLE);
        m.put("dc.creator", Field.AUTHOR);
        m.put("dc.author", Field.AUTHOR);
        m.put("dc.subject", Field.SUBJECT);
        m.put("dc.publisher", Field.PUBLISHER);
        m.put("dc.date", Field.YEAR);
        m.put("dc.language", Field.LANGUAGE);
        m.put("bath.isbn", Field.ISBN);
        m.put("bath.issn", Field.ISSN);
        m.put("bath.name", Field.AUTHOR);
        m.put("bath.author", Field.AUTHOR);
        m.put("bath.personalname", Field.AUTHOR);
        m.put("bath.corporatename", Field.AUTHOR);
        m.put("bath.subject", Field.SUBJECT);
        m.put("bath.topicalsubject", Field.SUBJECT);
        m.put("bath.keytitle", Field.TITLE);
        m.put("cql.serverchoice", Field.ANY);
        m.put("cql.anywhere", Field.ANY);
        m.put("cql.keywords", Field.ANY);
        m.put("srw.serverchoice", Field.ANY);
        m.put("rec.id", Field.ID);
        m.put("bib.anywhere", Field.ANY);
        m.put("bib.title", Field.TITLE);
        m.put("bib.author", Field.AUTHOR);
        m.put("bib.subject", Field.SUBJECT);
        m.put("bib.isbn", Field.ISBN);
        m.put("bib.issn", Field.ISSN);
        m.put("bib.date", Field.YEAR);
        m.put("bib.publisher", Field.PUBLISHER);
        m.put("bib.language", Field.LANGUAGE);
        m.put("bib.recordid", Field.ID);
        QUALIFIED = Collections.unmodifiableMap(m);
    }

    private IndexNames() {
    }

    /** A plain Navette index name ({@code title}), or empty. */
    static Optional<Field> plain(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Field f : Field.values()) {
            if (f.indexName().equals(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A qualified name whose prefix is already a context set's short name ({@code dc.title}), or empty. */
    static Optional<Field> qualified(String set, String name) {
        return Optional.ofNullable(QUALIFIED.get((set + "." + name).toLowerCase(Locale.ROOT)));
    }

    /** Why a name that looks searchable is refused, or null. */
    static String refusal(String set, String name) {
        return AMBIGUOUS.get((set + "." + name).toLowerCase(Locale.ROOT));
    }

    /** What an error about an index expects: plain names, then the synonym sets. */
    static final String EXPECTED = "a known index: " + known();

    private static String known() {
        TreeSet<String> plain = new TreeSet<>();
        for (Field f : Field.values()) {
            plain.add(f.indexName());
        }
        return String.join(", ", plain) + " (or dc.*, bath.*, cql.serverChoice, rec.id, bib.* synonyms)";
    }
}
