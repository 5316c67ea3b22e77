package org.navette.spi;

import org.navette.target.TargetDiagnostic;

import java.util.List;
import org.navette.model.RawRecord;

/**
 * Receives a connector's progress while one search runs, so that results stream to the user as
 * they arrive. Calls come from the thread running the search, in order: phases, then hits, then
 * record chunks, with warnings at any time.
 *
 * <pre>{@code
 * SearchListener printer = new SearchListener() {
 *     public void onRecords(List<RawRecord> chunk) { chunk.forEach(System.out::println); }
 * };
 * }</pre>
 *
 * <p>Implementations must be quick and must not throw; every method has a do-nothing default.
 */
public interface SearchListener {
    /** A listener that ignores everything. */
    SearchListener NONE = new SearchListener() { };

    /** The connector entered a new phase. */
    default void onPhase(Phase phase) { }

    /** The target reported its hit count (may be called again if the count is refined). */
    default void onHits(long hits) { }

    /** A chunk of fetched records, in result order. */
    default void onRecords(List<RawRecord> chunk) { }

    /** A non-fatal problem: an unsupported field searched as {@code any}, a record the target could not deliver... */
    default void onWarning(TargetDiagnostic warning) { }
}
