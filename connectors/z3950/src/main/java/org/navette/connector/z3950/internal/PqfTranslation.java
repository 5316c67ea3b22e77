package org.navette.connector.z3950.internal;

import java.util.List;
import org.navette.query.Query;
import org.navette.spi.TargetDiagnostic;

/**
 * Turns a query into the PQF (Bib-1 type-1) text one target understands, with warnings for what had
 * to be changed (a field searched as {@code any}...).
 *
 * <pre>{@code
 * PqfTranslation.Result r = translation.translate(Query.title("computer"));
 * r.pqf();   // "@attr 1=4 computer"
 * }</pre>
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface PqfTranslation {
    /**
     * @throws org.navette.spi.TargetException of kind UNSUPPORTED_SEARCH when the target cannot search the query
     */
    Result translate(Query query);

    /** PQF text plus non-fatal warnings. */
    record Result(String pqf, List<TargetDiagnostic> warnings) {
        public Result {
            if (pqf == null || pqf.isBlank()) {
                throw new IllegalArgumentException("PQF text must not be blank");
            }
            warnings = List.copyOf(warnings);
        }
    }
}
