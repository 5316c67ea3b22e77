package org.navette.spi;

import org.navette.target.TargetDiagnostic;

import java.util.List;

/**
 * How a connector's search ended when it did not fail.
 *
 * <pre>{@code
 * SearchOutcome out = connector.search(request, listener);
 * out.hits();      // what the target reported
 * out.fetched();   // records handed to the listener
 * }</pre>
 *
 * @param hits     the hit count the target reported
 * @param fetched  how many records were handed to the listener
 * @param warnings non-fatal diagnostics (also already sent to the listener)
 */
public record SearchOutcome(long hits, int fetched, List<TargetDiagnostic> warnings) {
    public SearchOutcome {
        if (hits < 0) {
            throw new IllegalArgumentException("hits must be >= 0, was " + hits);
        }
        if (fetched < 0) {
            throw new IllegalArgumentException("fetched must be >= 0, was " + fetched);
        }
        warnings = List.copyOf(warnings);
    }
}
