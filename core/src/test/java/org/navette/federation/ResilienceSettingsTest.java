package org.navette.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.navette.target.TargetConfig;

class ResilienceSettingsTest {
    private static TargetConfig target(Map<String, Object> resilience) {
        return TargetConfig.builder("koha", "z3950").set("resilience", resilience).build();
    }

    @Test
    void aTargetsResilienceObjectOverridesTheDefaultsKeyByKey() {
        ResilienceSettings r = ResilienceSettings.forTarget(target(Map.of("minimumCalls", 3, "openDuration", "2m",
                "maxConcurrent", 4, "retries", 0, "rateLimit", "30/1m")), ResilienceSettings.ofDefaults());

        assertThat(r.minimumCalls()).isEqualTo(3);
        assertThat(r.openDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(r.maxConcurrent()).isEqualTo(4);
        assertThat(r.retries()).isZero();
        assertThat(r.rateLimit()).contains(new ResilienceSettings.RateLimit(30, Duration.ofMinutes(1)));
        assertThat(r.slidingWindow()).isEqualTo(ResilienceSettings.ofDefaults().slidingWindow());
        assertThat(r.circuitBreaker()).isTrue();
    }

    @Test
    void aRateLimitMayAlsoBeWrittenAsAnObject() {
        ResilienceSettings r = ResilienceSettings.forTarget(target(Map.of("rateLimit", Map.of("searches", 2, "per", "1s"))),
                ResilienceSettings.ofDefaults());

        assertThat(r.rateLimit()).contains(new ResilienceSettings.RateLimit(2, Duration.ofSeconds(1)));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> ResilienceSettings.forTarget(target(Map.of("retry", 2)), ResilienceSettings.ofDefaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target koha: unknown resilience key(s) [retry]")
                .hasMessageContaining("retries");
    }

    @Test
    void aBadValueIsRefusedNamingTheTargetTheKeyAndTheValue() {
        assertThatThrownBy(() -> ResilienceSettings.forTarget(target(Map.of("failureRateThreshold", 150)),
                ResilienceSettings.ofDefaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target koha: resilience.failureRateThreshold")
                .hasMessageContaining("within 1..100")
                .hasMessageContaining("150");
        assertThatThrownBy(() -> ResilienceSettings.forTarget(target(Map.of("rateLimit", "fast")),
                ResilienceSettings.ofDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resilience.rateLimit");
        assertThatThrownBy(() -> ResilienceSettings.forTarget(target(Map.of("openDuration", "-3s")),
                ResilienceSettings.ofDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resilience.openDuration");
        assertThatThrownBy(() -> ResilienceSettings.forTarget(target(Map.of("circuitBreaker", "yes")),
                ResilienceSettings.ofDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
    }

    @Test
    void theMinimumNumberOfCallsNeverExceedsTheWindow() {
        assertThat(ResilienceSettings.builder().slidingWindow(3).build().minimumCalls()).isEqualTo(3);
    }

    @Test
    void aFederationRefusesABadResilienceObjectWhenItIsBuilt() {
        try (FakeConnectors fakes = new FakeConnectors().with("koha", FakeTarget.answers(FakeConnectors.none()))) {
            assertThatThrownBy(() -> Federation.builder().registry(fakes.registry())
                    .target(TargetConfig.builder("koha", "fake").set("resilience", Map.of("maxConcurrent", 0)).build())
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("resilience.maxConcurrent");
        }
    }
}
