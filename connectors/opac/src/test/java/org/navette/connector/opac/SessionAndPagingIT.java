package org.navette.connector.opac;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.connector.opac.OpacTestServer.page;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.model.BibRecord;
import org.navette.query.Query;
import org.navette.spi.Connector;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;

/** Session pages and paging by page number, with profiles written for the test on real pages. */
class SessionAndPagingIT {
    @RegisterExtension
    static final OpacTestServer SERVER = new OpacTestServer();

    /** The slub profile's reading of the JSON API, paged 2 by 2 and without a hit count. */
    private static final String PAGED_JSON = """
            { "name": "paged", "format": "json",
              "search": { "path": "api", "fields": { "any": { "q": "{term}" } },
                          "paging": { "param": "page", "first": 1, "step": 1, "pageSize": 2 } },
              "results": { "items": "/docs", "fields": { "title": "/title", "recordId": "/id" } } }
            """;

    @Test
    void aSessionPageIsFetchedFirstAndItsCookieGoesWithTheSearch() {
        OpacProfile withSession = OpacProfile.parse("""
                { "name": "session", "session": { "path": "woload.asp" },
                  "search": { "method": "POST", "path": "index.asp", "fields": { "any": { "stichwort": "{term}" } } },
                  "results": { "hits": "div.result_gefunden", "items": "table.resulttab tr.result_treffer",
                               "fields": { "title": "td:eq(1) a" } } }
                """, "session.json");
        SERVER.wireMock().stubFor(get("/read/woload.asp").willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "ASPSESSIONID=S1; Path=/read").withBody("<html>Willkommen</html>")));
        SERVER.wireMock().stubFor(post("/read/index.asp").withCookie("ASPSESSIONID", equalTo("S1"))
                .willReturn(page("opacclient/bibliotheca/resultlist/mannheim.html", "text/html; charset=utf-8")));
        Connector c = OpacTestServer.factory().create(SERVER.target("s", "session", "/read").set("requestsPerSecond", 50).build(),
                withSession);

        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("potter"), 3, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.outcome().hits()).isEqualTo(180);
        assertThat(r.records()).hasSize(3);
        assertThat(r.record(0).source().recordId()).isEqualTo("#1");
        assertThat(r.record(0).titleProper()).isEqualTo("Beuning, Brigitte ; Knobloch, Jörg: Literaturkartei Harry Potter und der Stein der Weisen : Unterrichtsmaterial zu Rowling, Joanne K. Harry Potter und der Stein der Weisen / Brigitte Beuning ; Jörg Knobloch - 2000");
    }

    @Test
    void pagesFollowByPageNumberUntilAPageComesBackEmpty() {
        OpacProfile paged = OpacProfile.parse(PAGED_JSON, "paged.json");
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/api")).withQueryParam("page", equalTo("1"))
                .willReturn(page("opacclient/slub/search/simple-search.json", "application/json")));
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/api")).withQueryParam("page", equalTo("2"))
                .willReturn(page("opacclient/slub/search/empty-search.json", "application/json")));
        Connector c = OpacTestServer.factory().create(SERVER.target("p", "paged", "/").set("requestsPerSecond", 50).build(), paged);

        OpacTestServer.Result r = OpacTestServer.search(c, Query.any("junit"), 10, Duration.ofSeconds(10));

        assertThat(r.failure()).isNull();
        assertThat(r.bibRecords()).extracting(BibRecord::titleProper).containsExactly(
                "Mastering software testing with JUnit 5 comprehensive guide to develop high quality Java applications Boni García",
                "Title with \" and &");
        assertThat(r.outcome().hits()).isEqualTo(2);
        SERVER.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/api")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void aSearchStartingAtRecordThreeGoesStraightToThePageHoldingIt() {
        OpacProfile paged = OpacProfile.parse(PAGED_JSON, "paged.json");
        SERVER.wireMock().stubFor(get(urlPathEqualTo("/api")).withQueryParam("page", equalTo("2"))
                .willReturn(page("opacclient/slub/search/simple-search.json", "application/json")));
        Connector c = OpacTestServer.factory().create(SERVER.target("p", "paged", "/").set("requestsPerSecond", 50).build(), paged);
        java.util.List<BibRecord> seen = new java.util.ArrayList<>();

        SearchOutcome out = c.search(SearchRequest.builder(Query.any("junit")).startRecord(4).maxRecords(1).build(),
                new SearchListener() {
                    @Override
                    public void onRecords(java.util.List<org.navette.model.RawRecord> chunk) {
                        chunk.forEach(raw -> seen.add(raw.scrapedRecord()));
                    }
                });

        assertThat(seen).extracting(BibRecord::titleProper).containsExactly("Title with \" and &");
        assertThat(seen.get(0).source().recordId()).isEqualTo("123");
        assertThat(out.fetched()).isEqualTo(1);
        SERVER.wireMock().verify(0, getRequestedFor(urlPathEqualTo("/api")).withQueryParam("page", equalTo("1")));
    }
}
