package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV layer under the request reader: quoting, line numbers, recovery, strict UTF-8. */
class RequestCsvTextTest {
    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        List<CsvText.Row> rows = CsvText.rows("id,title\nr1,\"a, \"\"b\"\"\nc\"\n\nr2,d\n");
        assertThat(rows).extracting(CsvText.Row::line).containsExactly(1, 2, 5);
        assertThat(rows.get(1).fields()).containsExactly("r1", "a, \"b\"\nc");
        assertThat(rows.get(2).fields()).containsExactly("r2", "d");
    }

    @Test
    void anUnterminatedQuoteCostsOneLine() {
        List<CsvText.Row> rows = CsvText.rows("id,title\nr1,\"broken\nr2,fine\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).error()).contains("unterminated quote");
        assertThat(rows.get(1).fields()).containsExactly("r1");
        assertThat(rows.get(2).fields()).containsExactly("r2", "fine");
        assertThat(rows.get(2).line()).isEqualTo(3);
    }

    @Test
    void latin1IsRefusedWithItsLineAndABomIsDropped() throws Exception {
        byte[] latin1 = "id,title\nr1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvText.utf8(latin1))
                .isInstanceOfSatisfying(CsvText.NotUtf8.class, e -> assertThat(e.line).isEqualTo(2));
        assertThat(CsvText.utf8("\uFEFFid".getBytes(StandardCharsets.UTF_8))).isEqualTo("id");
    }
}
