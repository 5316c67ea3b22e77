package org.navette.catalogue;

import org.jspecify.annotations.Nullable;
import org.navette.normalise.ReadResult;

/**
 * Receives what a {@link CatalogueSource} reads, in order.
 *
 * <pre>{@code
 * SourceSink sink = new SourceSink() {
 *     public void record(ReadResult r, String localId) { pipeline.add(r, localId); }
 *     public void deleted(String localId) { pipeline.delete(localId); }
 * };
 * }</pre>
 */
public interface SourceSink {

    /**
     * One record read (possibly with problems, possibly unreadable).
     *
     * @param localId the record's id at the library when the source knows it better than the record
     *                does (an OAI-PMH header identifier); null to take the record's own (001)
     */
    void record(ReadResult result, @Nullable String localId);

    /** The source says the library deleted this record (an OAI-PMH {@code status="deleted"} header). */
    void deleted(String localId);
}
