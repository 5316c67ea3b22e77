package org.navette.connector.sru.internal;

import java.util.List;

/**
 * A parsed searchRetrieve response.
 *
 * @param version            1.1, 1.2 or 2.0: the version element, else what the namespace implies
 * @param numberOfRecords    the hit count, or -1 when the server sent none (a fatal diagnostic)
 * @param nextRecordPosition the next position to ask for, or 0 when the server sent none
 * @param records            the records in document order
 * @param diagnostics        whole-response diagnostics
 */
public record SruResponse(String version, long numberOfRecords, int nextRecordPosition, List<SruRecord> records,
                          List<SruDiagnostic> diagnostics) {
    public SruResponse {
        records = List.copyOf(records);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasNumberOfRecords() {
        return numberOfRecords >= 0;
    }
}
