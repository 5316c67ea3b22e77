package org.navette.connector.sru;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.navette.query.Field;

/**
 * What an SRU server says about itself in its explain (ZeeRex) record: where it is, the indexes it
 * searches, the record schemas it returns and its paging limits. {@link #suggestedIndexes()} maps
 * Navette's query fields to the server's index names, ready for a target's {@code "indexes"} setting.
 *
 * <pre>{@code
 * SruExplain explain = connector.explain();
 * explain.indexes();             // [Index[name=dc.title, title=Title], ...]
 * explain.maximumRecords();      // OptionalInt[100]
 * explain.suggestedIndexes();    // {TITLE=dc.title, AUTHOR=dc.creator, ISBN=bath.isbn, ...}
 * }</pre>
 *
 * @param version     the SRU version of the explain response
 * @param host        serverInfo host, or null
 * @param port        serverInfo port, or 0
 * @param database    serverInfo database, or null
 * @param title       databaseInfo title (the primary one when several), or null
 * @param description databaseInfo description, or null
 * @param indexes     the searchable indexes, in the server's order
 * @param schemas     the record schemas, in the server's order
 * @param defaults    configInfo {@code <default type="...">} values by type (numberOfRecords, contextSet...)
 * @param settings    configInfo {@code <setting type="...">} values by type (maximumRecords...)
 *
 * <p>Thread-safety: immutable.
 */
public record SruExplain(String version, String host, int port, String database, String title, String description,
                         List<Index> indexes, List<Schema> schemas, Map<String, String> defaults,
                         Map<String, String> settings) {

    /**
     * One searchable index.
     *
     * @param name  the CQL index name, context set included ({@code dc.title}); never blank
     * @param title the human-readable title, or null
     */
    public record Index(String name, String title) {
        public Index {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("explain index name must not be blank, was '" + name + "'");
            }
        }
    }

    /**
     * One record schema the server can return.
     *
     * @param name       the short name to send as recordSchema ({@code marcxml}), or null
     * @param identifier the schema URI ({@code info:srw/schema/1/marcxml-v1.1}), or null
     * @param title      the human-readable title, or null
     */
    public record Schema(String name, String identifier, String title) {
    }

    /**
     * Preferred index names per field, most standard first; other names are matched by their last
     * part ({@code alma.title} is a title index) in {@link #suggestedIndexes()}.
     */
    private static final Map<Field, List<String>> PREFERRED = preferred();

    public SruExplain {
        indexes = List.copyOf(indexes);
        schemas = List.copyOf(schemas);
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (port < 0) {
            throw new IllegalArgumentException("explain port must be >= 0, was " + port);
        }
    }

    /** An explain answer that carries no ZeeRex record (what Zebra sends unless configured otherwise). */
    public static SruExplain empty(String version) {
        return new SruExplain(version, null, 0, null, null, null, List.of(), List.of(), Map.of(), Map.of());
    }

    /** True when the server described nothing. */
    public boolean isEmpty() {
        return host == null && database == null && title == null && indexes.isEmpty() && schemas.isEmpty()
                && defaults.isEmpty() && settings.isEmpty();
    }

    /** The number of records the server returns when maximumRecords is not sent, if it says. */
    public OptionalInt defaultNumberOfRecords() {
        return number(defaults.get("numberOfRecords"));
    }

    /** The most records the server returns per request, if it says. */
    public OptionalInt maximumRecords() {
        return number(settings.get("maximumRecords"));
    }

    /** True when the server lists a schema of this short name or identifier (case-insensitive). */
    public boolean supportsSchema(String nameOrIdentifier) {
        for (Schema s : schemas) {
            if (nameOrIdentifier.equalsIgnoreCase(s.name()) || nameOrIdentifier.equalsIgnoreCase(s.identifier())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Navette's query fields mapped to the server's index names, for the fields the server can
     * search: well-known names first ({@code dc.title}, {@code bath.isbn}, {@code bib.title}...), then
     * any index whose last name part says what it is ({@code alma.title}). Fields without a match are
     * absent.
     */
    public Map<Field, String> suggestedIndexes() {
        Map<String, String> byLowerName = new LinkedHashMap<>();
        for (Index index : indexes) {
            byLowerName.putIfAbsent(index.name().toLowerCase(Locale.ROOT), index.name());
        }
        Map<Field, String> out = new EnumMap<>(Field.class);
        for (Map.Entry<Field, List<String>> e : PREFERRED.entrySet()) {
            for (String candidate : e.getValue()) {
                String actual = byLowerName.get(candidate);
                if (actual != null) {
                    out.put(e.getKey(), actual);
                    break;
                }
            }
        }
        for (Index index : indexes) {
            String name = index.name();
            Field f = fieldByLastPart(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            if (f != null) {
                out.putIfAbsent(f, name);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Field fieldByLastPart(String part) {
        return switch (part) {
            case "title" -> Field.TITLE;
            case "creator", "author", "name", "personalname" -> Field.AUTHOR;
            case "subject", "subjects" -> Field.SUBJECT;
            case "isbn" -> Field.ISBN;
            case "issn" -> Field.ISSN;
            case "date", "year" -> Field.YEAR;
            case "publisher" -> Field.PUBLISHER;
            case "language" -> Field.LANGUAGE;
            case "serverchoice", "anywhere", "keywords", "all" -> Field.ANY;
            case "id", "identifier", "recordid" -> Field.ID;
            default -> null;
        };
    }

    private static Map<Field, List<String>> preferred() {
        Map<Field, List<String>> m = new EnumMap<>(Field.class);
        m.put(Field.ANY, List.of("cql.serverchoice", "cql.anywhere", "bib.anywhere", "cql.keywords"));
        m.put(Field.TITLE, List.of("dc.title", "bib.title", "bath.title"));
        m.put(Field.AUTHOR, List.of("dc.creator", "dc.author", "bib.author", "bath.name", "bath.personalname"));
        m.put(Field.SUBJECT, List.of("dc.subject", "bib.subject", "bath.subject", "bath.topicalsubject"));
        m.put(Field.ISBN, List.of("bath.isbn", "bib.isbn", "dc.isbn"));
        m.put(Field.ISSN, List.of("bath.issn", "bib.issn", "dc.issn"));
        m.put(Field.YEAR, List.of("dc.date", "bib.date", "bath.date"));
        m.put(Field.PUBLISHER, List.of("dc.publisher", "bib.publisher", "bath.publisher"));
        m.put(Field.LANGUAGE, List.of("dc.language", "bib.language"));
        m.put(Field.ID, List.of("rec.id", "bib.recordid", "dc.identifier", "rec.identifier"));
        return Collections.unmodifiableMap(m);
    }

    private static OptionalInt number(String s) {
        if (s == null || s.isBlank() || s.strip().length() > 9 || !s.strip().chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(s.strip()));
    }
}
