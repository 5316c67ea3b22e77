package org.navette.connector.sru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.catalogue.CatalogueSource;

/** Spec parsing, builder validation and the ServiceLoader registration of the harvest sources (no network). */
class OaiPmhSourceTest {

    @Test
    void openFindsTheOaiAndSruFactoriesThroughTheServiceLoader() {
        CatalogueSource oai = CatalogueSource.open("oai:https://services.dnb.de/oai/repository#set=zdb&prefix=MARC21-xml");
        CatalogueSource sru = CatalogueSource.open("sru:http://127.0.0.1:2100/marc21#query=dc.title%3Dcomputer");

        assertThat(oai).isInstanceOf(OaiPmhSource.class);
        assertThat(oai.spec()).isEqualTo("oai:https://services.dnb.de/oai/repository#set=zdb&prefix=MARC21-xml");
        assertThat(oai.fullExport()).isFalse();
        assertThat(sru).isInstanceOf(SruHarvestSource.class);
        assertThat(sru.fullExport()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "oai:ftp://example.org/oai|is not an http:// or https:// URL",
            "oai:https://example.org/oai#sets=zdb|unknown option 'sets' (known: prefix, set)",
            "oai:https://example.org/oai#prefix=mods|metadataPrefix 'mods' is not one Navette reads",
            "oai:https://example.org/oai#set=|option 'set' is empty",
            "oai:https://example.org/oai#set=a&set=b|option 'set' is given twice",
            "oai:https://example.org/oai#set=a%zz|bad percent-escape",
            "sru:https://example.org/sru|option 'query' (the CQL to harvest) is required",
            "sru:https://example.org/sru#query=a&pageSize=0|option 'pageSize' must be within 1..1000, was 0",
            "sru:https://example.org/sru#query=a&version=3.0|'version' must be 1.1, 1.2 or 2.0",
    })
    void aMalformedSpecIsRefusedSayingWhatIsWrong(String spec, String message) {
        assertThatThrownBy(() -> CatalogueSource.open(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining(spec.substring(0, spec.indexOf('/') + 2));
    }

    @ParameterizedTest
    @CsvSource({"marc21", "marcxml", "MARC21-xml", "marcxchange", "unimarc", "oai_dc"})
    void marcxmlStylePrefixesAndOaiDcAreAccepted(String prefix) {
        assertThat(OaiPmhSource.fromSpec("oai:https://example.org/oai#prefix=" + prefix).spec()).endsWith(prefix);
    }

    @Test
    void theBuilderChecksEachSettingAtOnce() {
        OaiPmhSource.Builder b = OaiPmhSource.builder("oai:https://example.org/oai");

        assertThatThrownBy(() -> b.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must be within 0..20, was -1");
        assertThatThrownBy(() -> b.maxRetryWait(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetryWait must be positive and at most PT1H, was PT2H");
        assertThatThrownBy(() -> b.maxRetryWait(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
