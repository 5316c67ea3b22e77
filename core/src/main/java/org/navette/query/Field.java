package org.navette.query;

import java.util.Locale;

/**
 * The searchable fields of Navette's query model; each target translation maps them to its own
 * indexes (Bib-1 use attributes for Z39.50, CQL index names for SRU, URL parameters for OPACs).
 *
 * <pre>{@code
 * Query q = Query.term(Field.PUBLISHER, "prentice");
 * Field.PUBLISHER.indexName();   // "publisher", as written in CQL
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum Field {
    ANY,
    TITLE,
    AUTHOR,
    SUBJECT,
    ISBN,
    ISSN,
    YEAR,
    PUBLISHER,
    LANGUAGE,
    /** A record id / control number at the target. */
    ID;

    /** The plain index name users write in CQL: {@code title}, {@code author}, {@code any}... */
    public String indexName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
