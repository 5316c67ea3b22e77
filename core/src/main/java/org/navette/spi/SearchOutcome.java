package org.navette.spi;

import org.navette.rank.TargetFacets;
import org.navette.target.TargetDiagnostic;

import java.util.List;
import java.util.Objects;

/**
 * How a connector's search ended when it did not fail.
 *
 * <pre>{@code
 * SearchOutcome out = connector.search(request, listener);
 * out.hits();      // what the target reported
 * out.fetched();   // records handed to the listener
 * out.facets();    // facet counts over all hits, when the target counts them (else TargetFacets.none())
 *
 * // a connector whose target counts facets itself
 * return new SearchOutcome(hits, fetched, List.of(), TargetFacets.builder()
 *         .values(FacetField.LIBRARY, List.of(new FacetValue("BSG", 412))).build());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param hits     the hit count the target reported
 * @param fetched  how many records were handed to the listener
 * @param warnings non-fatal diagnostics (also already sent to the listener)
 * @param facets   facet counts the target made over all its hits, {@link TargetFacets#none()} when
 *                 it made none; for the fields it reports they replace the federation's counting of
 *                 the records it fetched (see {@link org.navette.rank.Ranker#facets(List, java.util.Map)})
 */
public record SearchOutcome(long hits, int fetched, List<TargetDiagnostic> warnings, TargetFacets facets) {
    /** An outcome without facet counts of the target's own. */
    public SearchOutcome(long hits, int fetched, List<TargetDiagnostic> warnings) {
        this(hits, fetched, warnings, TargetFacets.none());
    }

    public SearchOutcome {
        Objects.requireNonNull(facets, "facets (TargetFacets.none() when the target reports none)");
        if (hits < 0) {
            throw new IllegalArgumentException("hits must be >= 0, was " + hits);
        }
        if (fetched < 0) {
            throw new IllegalArgumentException("fetched must be >= 0, was " + fetched);
        }
        warnings = List.copyOf(warnings);
    }
}
