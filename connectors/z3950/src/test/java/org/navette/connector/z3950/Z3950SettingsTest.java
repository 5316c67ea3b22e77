package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.connector.z3950.internal.Z3950Settings;
import org.navette.model.RecordFormat;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.TargetConfig;

/** Reading a target's settings: defaults, ZOOM options and precise errors. */
class Z3950SettingsTest {
    private static TargetConfig.Builder target() {
        return TargetConfig.builder("loc", "z3950").set("host", "lx2.loc.gov");
    }

    @Test
    void defaultsFollowZ3950Conventions() {
        Z3950Settings s = Z3950Settings.from(target().build());

        assertThat(s.port()).isEqualTo(210);
        assertThat(s.database()).isEqualTo("Default");
        assertThat(s.syntax()).isEqualTo(Z3950Settings.Syntax.USMARC);
        assertThat(s.format()).isEqualTo(RecordFormat.MARC21);
        assertThat(s.poolSize()).isEqualTo(4);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.zoomOptions()).containsEntry("async", "1").containsEntry("databaseName", "Default")
                .containsEntry("preferredRecordSyntax", "usmarc").containsEntry("setname", "default")
                .doesNotContainKeys("user", "password", "elementSetName");
    }

    @Test
    void everyKeyFindsItsZoomOption() {
        Z3950Settings s = Z3950Settings.from(target().set("port", "2100").set("database", "LCDB").set("syntax", "unimarc")
                .set("elementSet", "F").set("user", "u1").set("password", "secret").set("group", "g")
                .set("charset", "iso-5426").set("convertCharset", true).set("timeout", "5s")
                .set("connectTimeout", 2).set("presentChunk", 25).set("poolSize", 1).set("idleTimeout", "2m").build());

        assertThat(s.zoomOptions()).containsEntry("databaseName", "LCDB").containsEntry("preferredRecordSyntax", "unimarc")
                .containsEntry("elementSetName", "F").containsEntry("user", "u1").containsEntry("password", "secret")
                .containsEntry("group", "g");
        assertThat(s.format()).isEqualTo(RecordFormat.UNIMARC);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.presentChunk()).isEqualTo(25);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "syntax {0}, element set {1} -> format {2}")
    @CsvSource(nullValues = "null", value = {"marc21,null,MARC21", "usmarc,F,MARC21", "unimarc,null,UNIMARC",
        "xml,marcxml,null", "xml,dc,DUBLIN_CORE", "opac,null,MARC21"})
    void theFormatHintFollowsTheSyntaxUnlessGiven(String syntax, String elementSet, RecordFormat format) {
        TargetConfig.Builder b = target().set("syntax", syntax);
        if (elementSet != null) {
            b.set("elementSet", elementSet);
        }

        assertThat(Z3950Settings.from(b.build()).format()).isEqualTo(format);
        assertThat(Z3950Settings.from(b.set("format", "unimarc").build()).format()).isEqualTo(RecordFormat.UNIMARC);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "port|70000|target loc: 'port' must be within 1..65535, was 70000",
        "syntax|sutrs|target loc: 'syntax' must be usmarc, marc21, unimarc, xml or opac, was sutrs",
        "format|pica|target loc: 'format' must be marc21, unimarc or dc, was pica",
        "poolSize|0|target loc: 'poolSize' must be within 1..1000, was 0",
        "presentChunk|0|target loc: 'presentChunk' must be within 1..1000, was 0",
        "timeout|soon|target loc: 'timeout' must be a duration such as 10, 0.5, \"500ms\", \"10s\" or \"2m\", was soon",
        "convertCharset|true|target loc: 'convertCharset' is true but 'charset' (the character set to convert from) is missing"})
    void aBadValueIsRejectedNamingTheTargetTheKeyAndTheValue(String key, String value, String message) {
        Object v = key.equals("convertCharset") ? Boolean.valueOf(value) : value;

        assertThatThrownBy(() -> Z3950Settings.from(target().set(key, v).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void unknownKeysAreRejectedByTheRegistry() {
        ConnectorRegistry registry = ConnectorRegistry.of(new Z3950ConnectorFactory());

        assertThatThrownBy(() -> registry.create(target().set("databse", "x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key(s) [databse]");
    }

    @Test
    void byDefaultNothingIsNegotiatedAndTermsGoAsUtf8Unconverted() {
        Z3950Settings s = Z3950Settings.from(target().build());

        assertThat(s.charsetNegotiation()).isNull();
        assertThat(s.queryEncoding()).isNull();
        assertThat(s.zoomOptions()).doesNotContainKeys("charset", "rpnCharset");
    }

    @ParameterizedTest(name = "queryEncoding {0}, charsetNegotiation {1}")
    @CsvSource(nullValues = "null", value = {"ISO-8859-1,null", "iso-8859-1,UTF-8", "MARC-8,none", "iso5426,null"})
    void theQueryEncodingIsHonouredWithOrWithoutNegotiation(String encoding, String negotiation) {
        TargetConfig.Builder b = target().set("queryEncoding", encoding);
        if (negotiation != null) {
            b.set("charsetNegotiation", negotiation);
        }
        Z3950Settings s = Z3950Settings.from(b.build());

        assertThat(s.zoomOptions()).containsEntry("rpnCharset", encoding);
        if (negotiation == null || negotiation.equals("none")) {
            assertThat(s.zoomOptions()).doesNotContainKey("charset");
        } else {
            assertThat(s.zoomOptions()).containsEntry("charset", negotiation);
        }
    }

    @ParameterizedTest(name = "queryEncoding {0}")
    @CsvSource({"UTF-8", "utf8", "' utf-8 '"})
    void utf8NeedsNoConversion(String encoding) {
        assertThat(Z3950Settings.from(target().set("queryEncoding", encoding).build()).zoomOptions())
                .doesNotContainKey("rpnCharset");
    }

    @ParameterizedTest(name = "queryEncoding \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "latin-9000|target loc: 'queryEncoding' must be a character set such as UTF-8, ISO-8859-1 or MARC-8, was latin-9000",
        "utf 8|target loc: 'queryEncoding' must be a character set such as UTF-8, ISO-8859-1 or MARC-8, was utf 8",
        "''|target loc: 'queryEncoding' must be a character set such as UTF-8, ISO-8859-1 or MARC-8, was empty"})
    void anUnknownQueryEncodingIsRefusedWhenTheTargetIsRead(String encoding, String message) {
        assertThatThrownBy(() -> Z3950Settings.from(target().set("queryEncoding", encoding).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> ConnectorRegistry.of(new Z3950ConnectorFactory())
                .create(target().set("queryEncoding", encoding).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'queryEncoding'");
    }
}
