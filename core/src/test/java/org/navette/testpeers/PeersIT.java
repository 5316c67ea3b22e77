package org.navette.testpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test peers themselves: real servers answering on loopback with the data we indexed. */
@ExtendWith(Peers.class)
class PeersIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void zebraServesTheIndexedMarc21DatabaseOverSru(ZebraPeer zebra) throws Exception {
        String body = get(zebra.sruUrl("marc21")
                + "?version=1.2&operation=searchRetrieve&query=bath.isbn%3D0836968433&maximumRecords=0");
        assertThat(body).contains("numberOfRecords>1<");
    }

    @Test
    void zebraServesTheIndexedUnimarcDatabaseOverSru(ZebraPeer zebra) throws Exception {
        String body = get(zebra.sruUrl("unimarc")
                + "?version=1.2&operation=searchRetrieve&query=dc.title%3Dinnovatore&maximumRecords=0");
        assertThat(body).contains("numberOfRecords>1<");
    }

    @Test
    void ztestGivesAsManyHitsAsTheNumericTerm(ZtestPeer ztest) throws Exception {
        String body = get(ztest.sruUrl("Default") + "?version=1.2&operation=searchRetrieve&query=42&maximumRecords=0");
        assertThat(body).contains("numberOfRecords>42<");
    }
}
