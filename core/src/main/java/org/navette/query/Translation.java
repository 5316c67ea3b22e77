package org.navette.query;

import java.util.List;
import org.navette.target.TargetDiagnostic;

/**
 * A query translated for one target: the text to send (PQF for Z39.50, CQL for SRU) and the
 * warnings about what the translation had to change, such as a field the target cannot search
 * that was searched as {@code any} under {@link UnsupportedFieldPolicy#SEARCH_AS_ANY}.
 *
 * <pre>{@code
 * Translation t = PqfTranslator.ofDefaults().translate(CqlParser.parse("title=computer"));
 * t.text();      // "@attr 1=4 @attr 4=2 \"computer\""
 * t.warnings();  // []
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param text     the query in the target's language; never blank
 * @param warnings what the target status should report although the search goes ahead; never null
 */
public record Translation(String text, List<TargetDiagnostic> warnings) {
    public Translation {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("translation text must not be blank");
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
