package org.navette.target;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetConfigTest {
    @Test
    void typedAccessorsReadJsonValues() {
        TargetConfig t = TargetConfig.fromMap(Map.of("id", "zebra", "protocol", "z3950", "host", "127.0.0.1",
                "port", 2100, "timeout", "500ms"));
        assertThat(t.requiredString("host")).isEqualTo("127.0.0.1");
        assertThat(t.integer("port", 210)).isEqualTo(2100);
        assertThat(t.duration("timeout")).contains(Duration.ofMillis(500));
        assertThat(t.integer("missing", 7)).isEqualTo(7);
    }

    @Test
    void durationsAcceptSecondsAndUnits() {
        assertThat(TargetConfig.parseDuration(10)).isEqualTo(Duration.ofSeconds(10));
        assertThat(TargetConfig.parseDuration(0.25)).isEqualTo(Duration.ofMillis(250));
        assertThat(TargetConfig.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TargetConfig.parseDuration("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> TargetConfig.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetConfig.parseDuration(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongTypeNamesTargetKeyAndValue() {
        TargetConfig t = TargetConfig.builder("loc", "sru").set("port", "eighty").build();
        assertThatThrownBy(() -> t.integer("port", 80)).hasMessageContaining("loc").hasMessageContaining("port")
                .hasMessageContaining("eighty");
    }

    @Test
    void anUnknownKeyIsRejectedNamingIt() {
        TargetConfig t = TargetConfig.builder("loc", "sru").set("url", "http://x").set("recordShema", "marcxml").build();
        assertThatThrownBy(() -> t.requireKnownKeys(Set.of("url", "recordSchema")))
                .hasMessageContaining("recordShema").hasMessageContaining("loc");
    }

    @Test
    void theIdMustBeSafeForFileNamesAndLogs() {
        assertThatThrownBy(() -> TargetConfig.builder("bad id", "sru").build()).hasMessageContaining("bad id");
    }

    @Test
    void passwordsAreNotPrinted() {
        TargetConfig t = TargetConfig.builder("k", "z3950").set("password", "secret").build();
        assertThat(t.toString()).doesNotContain("secret");
    }
}
