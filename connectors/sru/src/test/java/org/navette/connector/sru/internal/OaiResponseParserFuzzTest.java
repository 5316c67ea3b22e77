package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.navette.connector.sru.MarcXmlProbe;

/**
 * Fuzzes the OAI-PMH response parser, the parser of every byte a repository sends. Under {@code mvn test}
 * it replays the committed inputs in {@code OaiResponseParserFuzzTestInputs/}; with {@code JAZZER_FUZZ=1}
 * it explores new ones. Only {@link MalformedSruException} may come out, and whatever parses must be
 * usable: every record copied out is a namespace-well-formed document, deleted records carry none.
 */
class OaiResponseParserFuzzTest {
    private final OaiResponseParser parser = new OaiResponseParser();

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefusesTyped(byte[] data) throws IOException {
        OaiResponse response;
        try {
            response = parser.parse(new ByteArrayInputStream(data));
        } catch (MalformedSruException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(response.errors()).allSatisfy(e -> assertThat(e.code()).isNotBlank());
        assertThat(response.resumptionToken()).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isNotBlank());
        for (OaiResponse.Record r : response.records()) {
            if (r.deleted()) {
                assertThat(r.content()).isNull();
            } else if (r.content() instanceof OaiResponse.Data d) {
                assertThat(d.syntax()).isNotNull();
                MarcXmlProbe.of(d.xml()); // fails the fuzz run when the copy is not well-formed
            } else {
                assertThat(((OaiResponse.Unusable) r.content()).reason()).isNotBlank();
            }
        }
    }
}
