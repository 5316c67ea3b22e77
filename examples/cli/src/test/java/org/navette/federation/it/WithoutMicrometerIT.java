package org.navette.federation.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.federation.Federation;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.query.CqlParser;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;

/** Micrometer is an optional dependency of core: this module does not have it, and searches work. */
@ExtendWith(Peers.class)
class WithoutMicrometerIT {
    @Test
    void theEngineSearchesWithoutMicrometerOnTheClassPathAndRefusesARegistryItCannotUse(ZebraPeer zebra) {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);

        SearchResult r;
        try (Federation f = Federation.builder().target(PeerTargets.zebra(zebra, "zebra")).build()) {
            r = f.searchAndWait(CqlParser.parse("author=collins"));
        }

        assertThat(r.target("zebra").orElseThrow().state()).isEqualTo(TargetState.DONE);
        assertThat(r.records()).isEqualTo(2);
        assertThatThrownBy(() -> Federation.builder().target(PeerTargets.zebra(zebra, "zebra"))
                .meterRegistry(new Object()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs io.micrometer:micrometer-core on the class path");
    }
}
