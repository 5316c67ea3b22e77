package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.navette.connector.sru.SruConnector;
import org.navette.connector.sru.SruConnectorFactory;
import org.navette.connector.z3950.StockUnimarcZebra.Setup;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.model.RawRecord;
import org.navette.query.Query;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.testing.RecordingListener;

/**
 * Accented title words against Zebras serving UTF-8 UNIMARC ({@link StockUnimarcZebra}), with a
 * target's default settings. On the stock setup, proposing UTF-8 in character-set negotiation made
 * Zebra decode the term differently from its index (0 hits); the default now negotiates nothing.
 * SRU is checked on Koha's setup only: the stock setup finds no accented CQL term whatever the client
 * sends (curl: {@code dc.title=misérables} 0 hits, {@code dc.title=petit} 1), as if Zebra decoded SRU
 * terms as UTF-8 the way it does after a UTF-8 negotiation — a server matter, not a client one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Z3950StockZebraAccentsIT {
    private final OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory());
    private final Map<Setup, StockUnimarcZebra> zebras = new EnumMap<>(Setup.class);

    @BeforeAll
    void start() throws Exception {
        for (Setup setup : Setup.values()) {
            zebras.put(setup, StockUnimarcZebra.start(setup));
        }
    }

    @AfterAll
    void stop() {
        try {
            connectors.closeAndCheckNothingLeaked();
        } finally {
            zebras.values().forEach(StockUnimarcZebra::close);
        }
    }

    private static SearchRequest title(String word) {
        return SearchRequest.builder(Query.title(word)).maxRecords(5).timeout(Duration.ofSeconds(20)).build();
    }

    private static void assertOneRecordWith(String word, SearchOutcome out, RecordingListener listener) {
        assertThat(out.hits()).as("hits for title=%s", word).isEqualTo(1);
        assertThat(listener.records).singleElement().extracting(RawRecord::bytes)
                .satisfies(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(word));
    }

    @ParameterizedTest(name = "{0}: title={1}")
    @CsvSource({"STOCK,systèmes", "STOCK,économie", "STOCK,Hôtel", "STOCK,céréales", "STOCK,âmes",
        "KOHA_UTF8,systèmes", "KOHA_UTF8,économie", "KOHA_UTF8,Hôtel", "KOHA_UTF8,céréales", "KOHA_UTF8,âmes"})
    void anAccentedTitleWordMatchesOverZ3950WithTheDefaultSettings(Setup setup, String word) {
        ZoomConnector c = connectors.open(TargetConfig.builder("zebra-" + setup, "z3950").set("host", "127.0.0.1")
                .set("port", zebras.get(setup).port()).set("database", StockUnimarcZebra.DATABASE)
                .set("syntax", "unimarc").build());
        RecordingListener listener = new RecordingListener();

        assertOneRecordWith(word, c.search(title(word), listener), listener);
    }

    @ParameterizedTest(name = "title={0}")
    @ValueSource(strings = {"systèmes", "économie", "Hôtel", "céréales", "âmes"})
    void theSameWordMatchesOverSruOnTheSamePort(String word) {
        SruConnectorFactory factory = SruConnectorFactory.builder().build();
        try (SruConnector c = factory.create(TargetConfig.builder("zebra-sru", "sru")
                .set("url", zebras.get(Setup.KOHA_UTF8).sruUrl()).set("recordSchema", "marcxml")
                .set("format", "unimarc").build())) {
            RecordingListener listener = new RecordingListener();

            assertOneRecordWith(word, c.search(title(word), listener), listener);
        }
    }
}
