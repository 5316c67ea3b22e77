package org.navette.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.navette.model.RecordProblem;

/**
 * What one load, harvest or removal did to the catalogue.
 *
 * <pre>{@code
 * IngestSummary s = catalogue.load("bib-dole", FileSource.of(Path.of("dole.mrc")));
 * System.out.println(s);   // bib-dole from dole.mrc: 1200 read, 1190 added, 0 changed, ... in 3.2 s
 * }</pre>
 *
 * @param library       the library loaded or removed
 * @param source        the source spec read ({@code ""} for a removal)
 * @param read          records read (readable or not)
 * @param added         member records new to the catalogue
 * @param changed       member records whose content changed
 * @param unchanged     member records read again with the same content (nothing written)
 * @param deleted       member records removed
 * @param problems      records reported (unreadable, without an id, duplicate ids), each with file and position
 * @param clustersAfter clusters in the catalogue when the operation ended
 * @param elapsed       wall-clock time taken
 */
public record IngestSummary(String library, String source, long read, long added, long changed, long unchanged,
        long deleted, List<RecordProblem> problems, long clustersAfter, Duration elapsed) {
    public IngestSummary {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(elapsed, "elapsed");
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        return library + (source.isEmpty() ? "" : " from " + source) + ": " + read + " read, " + added + " added, "
                + changed + " changed, " + unchanged + " unchanged, " + deleted + " deleted, " + problems.size()
                + " problems, " + clustersAfter + " clusters, in " + String.format(java.util.Locale.ROOT, "%.1f s",
                        elapsed.toMillis() / 1000.0);
    }
}
