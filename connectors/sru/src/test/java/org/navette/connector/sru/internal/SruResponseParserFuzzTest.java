package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.navette.connector.sru.MarcXmlProbe;
import org.navette.connector.sru.SruExplain;

/**
 * Fuzzes the SRU response parser, the parser of every byte an SRU server sends. Under {@code mvn test}
 * it replays the committed inputs in {@code SruResponseParserFuzzTestInputs/}; with {@code JAZZER_FUZZ=1}
 * it explores new ones. Only {@link MalformedSruException} may come out, and whatever parses must be
 * usable: every record copied out is a namespace-well-formed document.
 */
class SruResponseParserFuzzTest {
    private final SruResponseParser parser = new SruResponseParser();

    @FuzzTest(maxDuration = "2m")
    void searchRetrieveParsesOrRefusesTyped(byte[] data) throws IOException {
        SruResponse response;
        try {
            response = parser.parseSearchRetrieve(new ByteArrayInputStream(data), null, 1);
        } catch (MalformedSruException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(response.numberOfRecords()).isGreaterThanOrEqualTo(-1);
        assertThat(response.nextRecordPosition()).isNotNegative();
        for (SruRecord r : response.records()) {
            assertThat(r.position()).isPositive();
            if (r.content() instanceof SruRecord.Data d) {
                assertThat(d.syntax()).isNotNull();
                MarcXmlProbe.of(d.xml()); // fails the fuzz run when the copy is not well-formed
            } else if (r.content() instanceof SruRecord.Unusable u) {
                assertThat(u.reason()).isNotBlank();
            }
        }
        assertThat(SruResponseParser.looksLikeSru(data)).isNotNull();
    }

    @FuzzTest(maxDuration = "1m")
    void explainParsesOrRefusesTyped(byte[] data) throws IOException {
        SruExplain explain;
        try {
            explain = parser.parseExplain(new ByteArrayInputStream(data), null).explain();
        } catch (MalformedSruException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(explain.indexes()).allSatisfy(i -> assertThat(i.name()).isNotBlank());
        assertThat(explain.port()).isBetween(0, 99_999);
        assertThat(explain.suggestedIndexes()).isNotNull();
    }
}
