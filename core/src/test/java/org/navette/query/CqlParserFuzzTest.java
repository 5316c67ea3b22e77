package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the CQL parser, the one parser of outside text in the query package. Under {@code mvn test}
 * it replays the committed inputs in {@code CqlParserFuzzTestInputs/}; with {@code JAZZER_FUZZ=1}
 * it explores new ones.
 */
class CqlParserFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parsesOrRefusesWithAPosition(byte[] data) {
        String cql = new String(data, StandardCharsets.UTF_8);
        Query q;
        try {
            q = CqlParser.parse(cql);
        } catch (QuerySyntaxException e) {
            // the only exception allowed out, and it must point into the query
            assertThat(e.position()).isBetween(0, cql.length());
            assertThat(e.expected()).isNotBlank();
            return;
        }
        // whatever parses prints back to itself and translates without injection or crash
        assertThat(CqlParser.parse(q.toCql())).isEqualTo(q);
        assertThat(PqfReader.terms(PqfTranslator.ofDefaults().translate(q).text())).isNotEmpty();
        assertThat(CqlParser.parse(CqlTranslator.bnf().translate(q).text())).isNotNull();
    }
}
