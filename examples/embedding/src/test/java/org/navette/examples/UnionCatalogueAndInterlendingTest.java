package org.navette.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.PlannedRequest;
import org.navette.testing.MarcFiles;

/**
 * The union catalogue and interlending example on the README's tour: three libraries sending the
 * same real export, the sample requests (one stray quote, one DVD asked of a book) and the sample
 * network policy from {@code examples/ill}.
 */
class UnionCatalogueAndInterlendingTest {
    @TempDir
    Path dir;

    @Test
    void theTourBuildsTheCatalogueAndPlansTheSampleRequests() throws Exception {
        Path export = Files.write(dir.resolve("lul_fre_100.mrc"),
                MarcFiles.resource("/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_100.mrc"));
        Map<String, Path> exports = new LinkedHashMap<>();
        exports.put("dole", export);
        exports.put("lons", export);
        exports.put("besancon", export);

        UnionCatalogueAndInterlending.Result r = UnionCatalogueAndInterlending.run(dir.resolve("catalogue"), exports,
                Path.of("..", "ill", "requests.csv"), Path.of("..", "ill", "network.json"), dir.resolve("state"));

        // every library holds what dole holds (a record the file repeats under one id is kept once)
        long records = r.loads().get("dole").added();
        assertThat(records).isGreaterThan(90);
        assertThat(r.loads().get("lons").added()).isEqualTo(records);
        assertThat(r.loads().get("besancon").added()).isEqualTo(records);
        assertThat(r.stats().records()).isEqualTo(3 * records);
        assertThat(r.stats().libraries()).containsOnlyKeys("dole", "lons", "besancon");
        assertThat(r.stats().clusters()).isLessThanOrEqualTo(records);
        assertThat(r.exportedBytes()).isGreaterThan(1000);
        assertThat(r.plan().counts()).containsEntry(PlannedRequest.Status.MATCHED, 3)
                .containsEntry(PlannedRequest.Status.UNMATCHED, 2).containsEntry(PlannedRequest.Status.INVALID, 1);
        PlannedRequest chapman = r.plan().requests().stream().filter(p -> p.requestId().equals("dole-0102")).findFirst().orElseThrow();
        // the requester's own library is left out; the same department comes before the same region
        assertThat(chapman.lenders().orElseThrow().lenders()).map(l -> l.library()).containsExactly("lons", "besancon");
    }
}
