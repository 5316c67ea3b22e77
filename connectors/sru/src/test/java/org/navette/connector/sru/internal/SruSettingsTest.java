package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.connector.sru.SruConnectorFactory;
import org.navette.model.RecordFormat;
import org.navette.target.TargetConfig;

class SruSettingsTest {
    private static TargetConfig.Builder target() {
        return TargetConfig.builder("loc", "sru").set("url", "http://lx2.loc.gov:210/LCDB");
    }

    @Test
    void defaultsAreSru12MarcxmlAsXmlByGet() {
        SruSettings s = SruSettings.from(target().build());

        assertThat(s.url().toString()).isEqualTo("http://lx2.loc.gov:210/LCDB");
        assertThat(s.version()).isEqualTo(SruVersion.V1_2);
        assertThat(s.recordSchema()).isEqualTo("marcxml");
        assertThat(s.stringPacking()).isFalse();
        assertThat(s.format()).isNull();
        assertThat(s.alwaysPost()).isFalse();
        assertThat(s.maxUrlLength()).isEqualTo(2048);
        assertThat(s.maxResponseBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.userAgent()).startsWith("Navette/");
    }

    @Test
    void everySettingIsRead() {
        SruSettings s = SruSettings.from(target().set("version", 2.0).set("recordSchema", "unimarcxml")
                .set("recordPacking", "string").set("format", "unimarc").set("method", "POST")
                .set("maxUrlLength", 1000).set("maxResponseBytes", 100_000).set("timeout", "5s")
                .set("parameters", Map.of("x-info-5-a", 1, "database", "books"))
                .set("headers", Map.of("X-Api-Key", "k")).set("userAgent", "Test/1").build());

        assertThat(s.version()).isEqualTo(SruVersion.V2_0);
        assertThat(s.recordSchema()).isEqualTo("unimarcxml");
        assertThat(s.stringPacking()).isTrue();
        assertThat(s.format()).isEqualTo(RecordFormat.UNIMARC);
        assertThat(s.alwaysPost()).isTrue();
        assertThat(s.maxUrlLength()).isEqualTo(1000);
        assertThat(s.maxResponseBytes()).isEqualTo(100_000);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.parameters()).containsEntry("x-info-5-a", "1").containsEntry("database", "books");
        assertThat(s.headers().get("X-Api-Key")).isEqualTo("k");
        assertThat(s.userAgent()).isEqualTo("Test/1");
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"1.1, V1_1", "1.2, V1_2", "2.0, V2_0", "2, V2_0"})
    void versionsAreReadFromTextAndNumbers(String text, SruVersion expected) {
        assertThat(SruSettings.from(target().set("version", text).build()).version()).isEqualTo(expected);
        assertThat(SruSettings.from(target().set("version", Double.parseDouble(text)).build()).version())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "url|ftp://example.org/x|'url' must be an http:// or https:// URL, was ftp://example.org/x",
            "version|1.3|'version' must be 1.1, 1.2 or 2.0, was 1.3",
            "recordPacking|json|'recordPacking' must be xml or string, was json",
            "format|pica|'format' must be marc21, unimarc or dc, was pica",
            "method|put|'method' must be get or post, was put",
            "maxUrlLength|10|'maxUrlLength' must be within 256..65536, was 10",
            "maxResponseBytes|12|'maxResponseBytes' must be at least 1024, was 12",
            "recordSchema|'  '|'recordSchema' must be a schema name",
    })
    void aBadValueIsRefusedNamingTargetKeyAndValue(String key, String value, String message) {
        TargetConfig c = target().set(key, value).build();

        assertThatThrownBy(() -> SruSettings.from(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target loc: ").hasMessageContaining(message);
    }

    @Test
    void parametersMayNotOverrideWhatTheConnectorSends() {
        TargetConfig c = target().set("parameters", Map.of("maximumRecords", "100")).build();

        assertThatThrownBy(() -> SruSettings.from(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'parameters' must be extra parameters only").hasMessageContaining("maximumRecords");
    }

    @Test
    void aMissingUrlIsNamed() {
        assertThatThrownBy(() -> SruSettings.from(TargetConfig.builder("x", "sru").build()))
                .hasMessage("target x (sru): required key 'url' is missing");
    }

    @Test
    void anUnknownKeyIsRefusedByTheFactory() {
        TargetConfig c = target().set("recordschema", "dc").build();

        assertThatThrownBy(() -> new SruConnectorFactory().create(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key(s) [recordschema]");
    }

    @Test
    void theQueryTranslatorsKeysAreKnownAndCheckedAtCreation() {
        assertThat(new SruConnectorFactory().settingKeys()).contains("indexes", "indexPreset", "recordSchema");
        TargetConfig badIndex = target().set("indexes", Map.of("title", "dc title")).build();

        assertThatThrownBy(() -> new SruConnectorFactory().create(badIndex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dc title");
    }
}
