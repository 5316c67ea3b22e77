package org.navette.connector.sru.internal;

import org.navette.model.RecordSyntax;

/**
 * One {@code <record>} of a searchRetrieve response.
 *
 * @param position   the record's position in the result set (the server's recordPosition, or
 *                   counted from the request's startRecord when the server sent none)
 * @param schema     the recordSchema the server reported, or null
 * @param identifier the recordIdentifier the server reported, or null
 * @param content    what the record holds
 */
record SruRecord(int position, String schema, String identifier, Content content) {

    /** What a record holds: usable XML, a per-record (surrogate) diagnostic, or something unusable. */
    public sealed interface Content permits Data, Surrogate, Unusable {
    }

    /**
     * A record as a standalone XML document.
     *
     * @param xml             the record element, every namespace it uses declared on it
     * @param syntax          MARCXML (MARC21 slim, marcxchange, UNIMARC slim) or Dublin Core
     * @param formatAttribute the marcxchange {@code format} attribute ("MARC21", "UNIMARC"), or null
     */
    public record Data(String xml, RecordSyntax syntax, String formatAttribute) implements Content {
    }

    /** The server could not deliver this record and said why. */
    public record Surrogate(SruDiagnostic diagnostic) implements Content {
    }

    /** The record arrived but cannot be used: not MARCXML or Dublin Core, or its escaped XML is broken. */
    public record Unusable(String reason) implements Content {
    }
}
