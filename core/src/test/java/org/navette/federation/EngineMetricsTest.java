package org.navette.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.navette.federation.FakeTarget.answers;
import static org.navette.federation.FakeTarget.fails;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.query.Query;
import org.navette.target.DiagnosticKind;

class EngineMetricsTest {
    @Test
    void withAMeterRegistryTheEngineRecordsLatencyOutcomesBreakerStateAndSearches() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (FakeConnectors fakes = new FakeConnectors().with("good", answers(List.of(Books.dune("good"))))
                .with("bad", fails(DiagnosticKind.CONNECT_FAILED, false));
             Federation f = Federation.builder().registry(fakes.registry()).targets(fakes.targets())
                     .meterRegistry(registry).defaultResilience(ResilienceSettings.builder().retries(0).build()).build()) {

            f.searchAndWait(Query.any("dune"));
            f.searchAndWait(Query.any("dune"));
            // Gauges must survive a collection (Micrometer holds gauge objects weakly unless told otherwise);
            // this once showed as NaN on CI.
            System.gc();

            assertThat(registry.get("navette.federation.target.latency").tag("target", "good").timer().count()).isEqualTo(2);
            assertThat(registry.get("navette.federation.target.outcomes").tags("target", "good", "state", "done")
                    .counter().count()).isEqualTo(2.0);
            assertThat(registry.get("navette.federation.target.outcomes").tags("target", "bad", "state", "failed")
                    .counter().count()).isEqualTo(2.0);
            assertThat(registry.get("navette.federation.circuit.state").tag("target", "bad").gauge().value()).isZero();
            assertThat(registry.get("navette.federation.search.duration").timer().count()).isEqualTo(2);
            assertThat(registry.get("navette.federation.inflight").gauge().value()).isZero();
        }
        assertThat(registry.find("navette.federation.circuit.state").gauges()).isEmpty(); // removed on close
    }

    @Test
    void somethingElseThanAMeterRegistryIsRefused() {
        assertThatThrownBy(() -> Federation.builder().meterRegistry("registry").target(
                org.navette.target.TargetConfig.builder("a", "fake").build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an io.micrometer.core.instrument.MeterRegistry, was java.lang.String");
    }
}
