package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.model.BibRecord;
import org.navette.model.MaterialType;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;

/** Dublin Core as a real SRU server (Zebra, recordSchema dc) returns it. */
@ExtendWith(Peers.class)
class DublinCoreIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private byte[] sru(ZebraPeer zebra, String query) throws Exception {
        String url = zebra.sruUrl(ZebraPeer.MARC21) + "?version=1.2&operation=searchRetrieve&recordSchema=dc"
                + "&maximumRecords=5&query=" + query;
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void theDcRecordsOfAnSruResponseAreReadThroughItsWrappers(ZebraPeer zebra) throws Exception {
        byte[] response = sru(zebra, "dc.creator%3Dcollins");

        List<ReadResult> results;
        try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(response), "zebra-dc", Normaliser.ofDefaults())) {
            assertThat(r.format()).isEqualTo(FileFormat.XML);
            results = r.stream().toList();
        }

        assertThat(results).hasSize(2).allSatisfy(res -> {
            assertThat(res.problems()).isEmpty();
            BibRecord b = res.record();
            assertThat(b.format()).isEqualTo(RecordFormat.DUBLIN_CORE);
            assertThat(b.title()).isEqualTo("How to program a computer");
            assertThat(b.authors()).extracting(a -> a.name()).containsExactly("Jack Collins");
            assertThat(b.publisher()).isEqualTo("Penguin");
            assertThat(b.languages()).containsExactly("eng");
            assertThat(b.materialType()).isEqualTo(MaterialType.BOOK);
        });
        assertThat(results).extracting(ReadResult::position).containsExactly(1L, 2L);
    }

    @Test
    void oneDcRecordFromATargetIsNormalisedWithItsSubjectsAndYear(ZebraPeer zebra) throws Exception {
        String response = new String(sru(zebra, "bath.isbn%3D0836968433"), java.nio.charset.StandardCharsets.UTF_8);
        String dc = response.substring(response.indexOf("<dc:dc"), response.indexOf("</dc:dc>") + 8);

        ReadResult r = Normaliser.ofDefaults().normalise(RawRecord.ofXml("zebra", RecordSyntax.DUBLIN_CORE_XML, dc,
                RecordFormat.DUBLIN_CORE), 1);

        BibRecord b = r.record();
        assertThat(r.problems()).isEmpty();
        assertThat(b.format()).isEqualTo(RecordFormat.DUBLIN_CORE);
        assertThat(b.source().recordId()).isEqualTo("#1");
        assertThat(b.title()).isEqualTo("The religious teachers of Greece");
        assertThat(b.authors()).extracting(a -> a.name()).containsExactly("Adam, James, 1860-1907");
        assertThat(b.publisher()).isEqualTo("Freeport, N.Y., Books for Libraries Press");
        assertThat(b.year()).isEqualTo(1972);
        assertThat(b.subjects()).containsExactly("Greek literature", "Philosophy, Ancient");
        assertThat(b.languages()).containsExactly("eng");
        assertThat(b.characterSet()).isEqualTo("UTF-8");
    }
}
