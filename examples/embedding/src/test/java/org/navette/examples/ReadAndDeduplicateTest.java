package org.navette.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.testing.MarcFiles;

/** The read, cluster and rank example on a real French library export, loaded as two libraries' files. */
class ReadAndDeduplicateTest {
    @TempDir
    Path dir;

    @Test
    void twoCopiesOfAnExportMakeOneWorkPerRecordAndTheQueryRanksItsWorkFirst() throws Exception {
        byte[] export = MarcFiles.resource("/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_100.mrc");
        Path dole = Files.write(dir.resolve("dole.mrc"), export);
        // the second library's file holds the same records in the other order
        List<byte[]> records = new java.util.ArrayList<>(MarcFiles.split(export));
        java.util.Collections.reverse(records);
        Path lons = MarcFiles.write(dir.resolve("lons.mrc"), records);

        ReadAndDeduplicate.Result r = ReadAndDeduplicate.run(List.of(dole, lons), "title=canadiens");

        assertThat(r.records()).isEqualTo(2 * records.size());
        assertThat(r.clusters()).isBetween(records.size() / 2, records.size());
        assertThat(r.biggest()).isGreaterThanOrEqualTo(2);
        assertThat(r.whyFirstTwo()).startsWith("MATCH");
        assertThat(r.bestTitles()).isNotEmpty();
        assertThat(r.bestTitles().get(0).toLowerCase(java.util.Locale.ROOT)).contains("canadiens");
    }
}
