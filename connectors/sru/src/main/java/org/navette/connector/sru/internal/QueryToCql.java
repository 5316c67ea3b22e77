package org.navette.connector.sru.internal;

import java.util.List;
import org.navette.query.Query;
import org.navette.spi.TargetDiagnostic;

/**
 * Turns Navette's query into the CQL text one target understands, with the warnings the translation
 * raised (a field searched as {@code any}...).
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface QueryToCql {
    /**
     * A translated query.
     *
     * @param cql      the CQL text to send
     * @param warnings what the translation could not do exactly
     */
    record Cql(String cql, List<TargetDiagnostic> warnings) {
        public Cql {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @throws org.navette.spi.TargetException of kind UNSUPPORTED_SEARCH when the target cannot search the query
     */
    Cql translate(Query query);
}
