package org.navette.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.target.TargetConfig;

class TargetsFileTest {
    private static final String GOOD = """
            {"comment": "two views of one Zebra",
             "targets": [
              {"id": "zebra", "protocol": "z3950", "host": "127.0.0.1", "port": 2100, "database": "marc21",
               "syntax": "usmarc", "format": "marc21", "user": null, "password": null},
              {"id": "zebra-sru", "protocol": "sru", "url": "http://127.0.0.1:2100/marc21", "version": "1.2",
               "recordSchema": "marcxml", "indexes": {"title": "dc.title"}, "timeout": 2.5,
               "resilience": {"retries": 0, "rateLimit": "5/1s"}}
            ]}""";

    @Test
    void aTargetsFileGivesOneConfigPerTargetWithTypedSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.json");
        Files.writeString(file, GOOD);

        List<TargetConfig> targets = TargetsFile.read(file);

        assertThat(targets).extracting(TargetConfig::id).containsExactly("zebra", "zebra-sru");
        TargetConfig zebra = targets.get(0);
        assertThat(zebra.protocol()).isEqualTo("z3950");
        assertThat(zebra.integer("port", 210)).isEqualTo(2100);
        assertThat(zebra.has("user")).isFalse();
        TargetConfig sru = targets.get(1);
        assertThat(sru.map("indexes")).isEqualTo(Map.of("title", "dc.title"));
        assertThat(sru.duration("timeout")).contains(java.time.Duration.ofMillis(2500));
        assertThat(ResilienceSettings.forTarget(sru, ResilienceSettings.ofDefaults()).retries()).isZero();
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": [{\"id\": \"a\", \"protocol\": \"sru\"}], \"target\": []}",
                "t.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.json: unknown top-level key(s) [target]; a targets file holds only \"targets\" (and \"comment\")");
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndColumn() {
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": [\n  {\"id\": \"a\",, }\n]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t.json line 2, column")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aDuplicateKeyOrTargetIdIsRefused() {
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": [{\"id\": \"a\", \"id\": \"b\", \"protocol\": \"sru\"}]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> TargetsFile.parse(
                "{\"targets\": [{\"id\": \"a\", \"protocol\": \"sru\"}, {\"id\": \"a\", \"protocol\": \"z3950\"}]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t.json: targets[1]: duplicate target id 'a'");
    }

    @Test
    void targetsMustBeANonEmptyArrayOfObjectsWithIdAndProtocol() {
        assertThatThrownBy(() -> TargetsFile.parse("[]", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": {}}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"targets\" must be an array");
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": []}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": [\"zebra\"]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t.json: targets[0] must be an object, found string");
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": [{\"id\": \"a\"}]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets[0]: target a: 'protocol' must be a string");
        assertThatThrownBy(() -> TargetsFile.parse("{\"targets\": [{\"id\": \"bad id\", \"protocol\": \"sru\"}]}", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets[0]: target id must be");
        assertThatThrownBy(() -> TargetsFile.parse("", "t.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty file");
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> TargetsFile.read(dir.resolve("nope.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("targets file not found: ")
                .hasMessageEndingWith("nope.json");
    }

    @Test
    void targetStatesPrintAsLowerCaseHyphenatedWords() {
        assertThat(TargetState.TIMED_OUT.label()).isEqualTo("timed-out");
        assertThat(TargetState.TIMED_OUT).hasToString("timed-out");
        assertThat(TargetState.fromLabel("timed-out")).isEqualTo(TargetState.TIMED_OUT);
        assertThat(TargetState.fromLabel("SKIPPED")).isEqualTo(TargetState.SKIPPED);
        assertThat(TargetState.QUEUED.isFinal()).isFalse();
        assertThat(TargetState.FETCHING.isFinal()).isFalse();
        assertThat(TargetState.CANCELLED.isFinal()).isTrue();
        assertThatThrownBy(() -> TargetState.fromLabel("lost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown target state 'lost'");
    }
}
