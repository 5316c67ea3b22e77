package org.navette.connector.sru.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.navette.model.RecordSyntax;

/**
 * One parsed OAI-PMH response (Identify or ListRecords).
 *
 * @param responseDate    the responseDate element as sent, or null when there was none
 * @param errors          the OAI-PMH errors, in document order (empty for a normal answer)
 * @param granularity     Identify's granularity as sent, or null (not an Identify answer, or none given)
 * @param records         ListRecords' records in document order
 * @param resumptionToken the token to ask for the next page, or null when the list is complete
 *                        (an empty {@code resumptionToken} element ends a list too)
 *
 * <p>Thread-safety: immutable.
 */
record OaiResponse(@Nullable String responseDate, List<Error> errors, @Nullable String granularity,
                   List<Record> records, @Nullable String resumptionToken) {
    OaiResponse {
        errors = List.copyOf(errors);
        records = List.copyOf(records);
    }

    /** An {@code <error code="...">message</error>}. */
    record Error(String code, String message) {
        @Override
        public String toString() {
            return message.isEmpty() ? code : code + " (" + message + ")";
        }
    }

    /**
     * One {@code <record>} of a ListRecords answer.
     *
     * @param identifier the header identifier, or null when the header had none
     * @param deleted    true for {@code <header status="deleted">}
     * @param content    the metadata, or null for a deleted record
     */
    record Record(@Nullable String identifier, boolean deleted, @Nullable Content content) {
    }

    /** What a record's {@code <metadata>} held. */
    sealed interface Content permits Data, Unusable {
    }

    /**
     * A MARCXML (MARC21 slim, marcxchange) or Dublin Core record copied out as a standalone document.
     *
     * @param formatAttribute marcxchange's {@code format} attribute ("MARC21", "UNIMARC"), or null
     */
    record Data(String xml, RecordSyntax syntax, @Nullable String formatAttribute) implements Content {
    }

    /** Metadata that is missing or not a record Navette reads (MODS, an empty element...). */
    record Unusable(String reason) implements Content {
    }
}
