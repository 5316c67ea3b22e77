package org.navette.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.testpeers.ZebraPeer;

/**
 * The federated search example on the project's sample targets file, {@code examples/targets/
 * local-peers.json}, with Zebra started on the port that file names and yaz-ztest not started: the
 * Zebra targets answer, the absent one becomes a status.
 */
class FederatedSearchIT {
    @Test
    void theSampleTargetsFileFindsZebrasRecordsAndReportsTheAbsentServer() throws Exception {
        try (ZebraPeer zebra = ZebraPeer.start(21300)) {
            FederatedSearch.Result r = FederatedSearch.run(Path.of("..", "targets", "local-peers.json"), "title=computer",
                    Duration.ofSeconds(10));

            assertThat(r.titles()).isNotEmpty();
            assertThat(r.titles().get(0).toLowerCase(java.util.Locale.ROOT)).contains("computer");
            assertThat(r.records()).isGreaterThan(0);
            assertThat(r.targets()).filteredOn(t -> t.targetId().equals("zebra")).map(TargetStatus::state)
                    .containsExactly(TargetState.DONE);
            assertThat(r.targets()).filteredOn(t -> t.targetId().equals("ztest-slow")).map(TargetStatus::state)
                    .doesNotContain(TargetState.DONE);
        }
    }
}
