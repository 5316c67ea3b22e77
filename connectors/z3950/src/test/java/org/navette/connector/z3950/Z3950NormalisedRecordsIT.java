package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.model.BibRecord;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.target.TargetConfig;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;
import org.navette.testing.RecordingListener;

/** What the connector delivers goes through the one core normaliser: syntax, format hint and bytes fit. */
@ExtendWith(Peers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Z3950NormalisedRecordsIT {
    private final OpenedConnectors connectors = new OpenedConnectors(TestTargets.factory());
    private final Normaliser normaliser = Normaliser.ofDefaults();

    @AfterAll
    void close() {
        connectors.closeAndCheckNothingLeaked();
    }

    private List<BibRecord> fetch(TargetConfig target, String pqf) {
        ZoomConnector c = connectors.open(target);
        RecordingListener listener = new RecordingListener();
        TestTargets.search(c, pqf, TestTargets.request().maxRecords(20).build(), listener);
        return listener.records.stream().map(this::normalise).toList();
    }

    private BibRecord normalise(RawRecord raw) {
        ReadResult r = normaliser.normalise(raw);
        assertThat(r.readable()).as("normalised %s: %s", raw, r.problems()).isTrue();
        return r.record();
    }

    @Test
    void usmarcTitleSearchGivesMarc21RecordsWhoseTitlesHoldTheWord(ZebraPeer zebra) {
        List<BibRecord> records = fetch(TestTargets.zebra(zebra, "marc21").build(), "@attr 1=4 computer");

        assertThat(records).hasSize(10).allSatisfy(r -> {
            assertThat(r.format()).isEqualTo(RecordFormat.MARC21);
            assertThat(r.source().origin()).isEqualTo("zebra-marc21");
        });
        // one of the ten matches only through its 245$h "[computer file]", which is not part of the title
        assertThat(records).filteredOn(r -> r.title().toLowerCase(java.util.Locale.ROOT).contains("computer"))
                .hasSize(9);
        assertThat(records).extracting(BibRecord::title).contains("How to program a computer", "The Computer Bible");
    }

    @ParameterizedTest(name = "syntax {0}, element set {1}")
    @CsvSource(nullValues = "null", value = {"usmarc,null", "xml,marcxml", "xml,dc"})
    void oneRecordReadsTheSameInEverySyntaxZebraOffers(String syntax, String elementSet, ZebraPeer zebra) {
        TargetConfig.Builder target = TestTargets.zebra(zebra, "marc21").set("syntax", syntax);
        if (elementSet != null) {
            target.set("elementSet", elementSet);
        }

        List<BibRecord> records = fetch(target.build(), "@attr 1=7 0836968433");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.titleProper()).isEqualTo("The religious teachers of Greece");
            assertThat(r.authors()).anySatisfy(a -> assertThat(a.name()).startsWith("Adam, James"));
        });
    }

    @Test
    void unimarcRecordsKeepTheirAccentsAndTheirItems(ZebraPeer zebra) {
        List<BibRecord> records = fetch(TestTargets.zebra(zebra, "unimarc").set("syntax", "unimarc").build(),
                "@attr 1=4 consulat");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.format()).isEqualTo(RecordFormat.UNIMARC);
            assertThat(r.titleProper()).isEqualTo("Les Intérêts français en Bohême");
            assertThat(r.holdings()).isNotEmpty();
        });
    }

    @Test
    void opacRecordsNormaliseWithTheirHoldings(ZtestPeer ztest) {
        List<BibRecord> records = fetch(TestTargets.ztest(ztest, "Default").set("syntax", "opac").build(), "2");

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.title()).isNotBlank());
    }
}
