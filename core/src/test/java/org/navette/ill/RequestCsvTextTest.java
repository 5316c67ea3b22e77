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
    void aStrayQuoteThatAnotherLinesQuoteClosesCostsOnlyItsOwnLine() {
        // the quote opened on line 2 closes on line 4: one "value" over three lines, which leaves the
        // record with the wrong number of fields, so it was a stray quote
        List<CsvText.Row> rows = CsvText.rows("id,title,year\nr1,\"broken,2001\nr2,fine,1999\nr3,\"quoted\",2000\n");
        assertThat(rows).extracting(CsvText.Row::line).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(1).error()).contains("unterminated quote", "field 2", "line 4");
        assertThat(rows.get(1).fields()).containsExactly("r1");
        assertThat(rows.get(2).fields()).containsExactly("r2", "fine", "1999");
        assertThat(rows.get(3).fields()).containsExactly("r3", "quoted", "2000");
        // a value over several lines in a record of the right width is a real one
        assertThat(CsvText.rows("id,title,year\nr1,\"two\nlines\",2001\n").get(1).fields()).containsExactly("r1", "two\nlines", "2001");
    }

    @Test
    void aFieldASpreadsheetWouldEvaluateIsWrittenQuotedAndDefused() {
        assertThat(CsvText.quote("plain")).isEqualTo("plain");
        assertThat(CsvText.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvText.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvText.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void latin1IsRefusedWithItsLineAndABomIsDropped() throws Exception {
        byte[] latin1 = "id,title\nr1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvText.utf8(latin1))
                .isInstanceOfSatisfying(CsvText.NotUtf8.class, e -> assertThat(e.line).isEqualTo(2));
        assertThat(CsvText.utf8("\uFEFFid".getBytes(StandardCharsets.UTF_8))).isEqualTo("id");
    }
}
