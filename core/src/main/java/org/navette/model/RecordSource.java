package org.navette.model;

import java.util.Objects;

/**
 * Where a record came from: a search target or a library (or a file) and the record's id there.
 *
 * <pre>{@code
 * RecordSource s = new RecordSource("koha-villeneuve", "000123");
 * }</pre>
 *
 * @param origin   the target id, library code or file name the record was read from; never blank
 * @param recordId the record's id in that origin (001, a detail-page URL, or {@code #<position>}
 *                 when the record carries no id); never blank
 */
public record RecordSource(String origin, String recordId) {
    public RecordSource {
        requireText(origin, "origin");
        requireText(recordId, "recordId");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("record source " + name + " must not be blank, was " + value);
        }
    }

    @Override
    public String toString() {
        return origin + ":" + recordId;
    }

    /** Same origin, another id. */
    public RecordSource withRecordId(String newId) {
        return new RecordSource(origin, Objects.requireNonNull(newId, "newId"));
    }
}
