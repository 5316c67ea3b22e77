package org.navette.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.model.BibRecord;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/** The SRU server's answers, read as an SRU client would: counts, paging, packing and diagnostics. */
class SruServerTest {
    static SruServer sru;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        Path file = BundledData.writeExport(List.of(new BundledData.Range(BundledData.LUL, 0, 100)), dir.resolve("lul.mrc"));
        List<BibRecord> records = new ArrayList<>();
        try (MarcFileReader reader = MarcFileReader.open(file, Normaliser.ofDefaults())) {
            reader.stream().map(ReadResult::record).filter(r -> r != null).forEach(records::add);
        }
        sru = SruServer.start("lul", "Laurentian", records);
    }

    private static String answer(String... pairs) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return sru.answer(p);
    }

    @Test
    void aSearchGivesTheCountThePageAskedForAndTheNextPosition() {
        String r = answer("operation", "searchRetrieve", "query", "dc.subject=canada", "startrecord", "2", "maximumrecords", "3");

        assertThat(r).contains("<numberOfRecords>");
        int hits = Integer.parseInt(r.replaceAll("(?s).*<numberOfRecords>(\\d+)</numberOfRecords>.*", "$1"));
        assertThat(hits).isGreaterThan(5);
        assertThat(r.split("<recordPosition>", -1)).hasSize(4);
        assertThat(r).contains("<recordPosition>2</recordPosition>", "<recordPosition>4</recordPosition>",
                "<nextRecordPosition>5</nextRecordPosition>", "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>");
    }

    @Test
    void wordsAreMatchedThroughTheOneTextChainAccentsAndCaseFolded() {
        assertThat(answer("query", "title=\"HISTOIRE POPULAIRE DE MONTREAL\"")).contains("<numberOfRecords>1</numberOfRecords>");
        assertThat(answer("query", "author=chapman and year>=1900 not title=canada")).contains("<numberOfRecords>1</numberOfRecords>");
        assertThat(answer("query", "title=canad*")).doesNotContain("<numberOfRecords>0</numberOfRecords>");
    }

    @Test
    void stringPackingEscapesTheRecord() {
        assertThat(answer("query", "\"robert loze\"", "recordpacking", "string")).contains("&lt;record xmlns=");
    }

    @Test
    void whatItCannotDoIsAnSruDiagnosticNotAnError() {
        assertThat(answer("query", "title=")).contains("info:srw/diagnostic/1/10").contains("<numberOfRecords>0</numberOfRecords>");
        assertThat(answer("query", "dc.identifier=1")).contains("info:srw/diagnostic/1/10");
        assertThat(answer("query", "title<canada")).contains("info:srw/diagnostic/1/19");
        assertThat(answer("query", "canada", "recordschema", "dc")).contains("info:srw/diagnostic/1/66");
        assertThat(answer("query", "canada", "startrecord", "500")).contains("info:srw/diagnostic/1/61");
        assertThat(answer("query", "canada", "version", "2.0")).contains("info:srw/diagnostic/1/5");
        assertThat(answer("operation", "scan", "scanclause", "canada")).contains("info:srw/diagnostic/1/4");
        assertThat(answer("operation", "searchRetrieve")).contains("info:srw/diagnostic/1/7");
    }

    @Test
    void explainListsTheIndexesAndTheSchema() {
        String r = answer();
        assertThat(r).contains("<explainResponse", "<title>Laurentian</title>", "<name set=\"dc\">title</name>",
                "identifier=\"info:srw/schema/1/marcxml-v1.1\"", "<database>lul</database>");
    }

    @Test
    void controlCharactersXmlCannotCarryAreLeftOut() {
        assertThat(SruServer.xmlText("a\u0001b\u001fc\td")).isEqualTo("abc\td");
    }

    @Test
    void theServerAnswersOverHttpAtItsBaseUrlOnly() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var ok = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sru.baseUrl()
                + "?version=1.2&operation=searchRetrieve&query=canada&maximumRecords=0")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/xml; charset=UTF-8");
        assertThat(ok.body()).doesNotContain("<records>");
        var missing = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + sru.port() + "/other")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
