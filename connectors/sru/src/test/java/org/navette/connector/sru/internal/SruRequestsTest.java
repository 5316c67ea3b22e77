package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.navette.target.TargetConfig;

class SruRequestsTest {
    private static SruRequests requests(Map<String, Object> settings) {
        TargetConfig.Builder b = TargetConfig.builder("t", "sru").set("url", "http://127.0.0.1:2100/marc21?x-base=1");
        settings.forEach(b::set);
        return new SruRequests(SruSettings.from(b.build()));
    }

    @Test
    void aSearchIsAGetCarryingEveryParameterAfterTheBaseUrlsOwn() {
        Request r = requests(Map.of()).searchRetrieve("dc.title=\"a b\"", 11, 5);

        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.url().toString()).isEqualTo("http://127.0.0.1:2100/marc21?x-base=1&operation=searchRetrieve"
                + "&version=1.2&query=dc.title%3D%22a%20b%22&startRecord=11&maximumRecords=5&recordSchema=marcxml"
                + "&recordPacking=xml");
        assertThat(r.header("User-Agent")).startsWith("Navette/");
        assertThat(r.header("Accept")).contains("application/sru+xml", "text/xml");
    }

    @Test
    void version2SendsNoOperationAndAsksForEscapingInsteadOfPacking() {
        Request r = requests(Map.of("version", "2.0", "recordPacking", "string")).searchRetrieve("x", 1, 0);

        assertThat(r.url().queryParameter("operation")).isNull();
        assertThat(r.url().queryParameter("recordXMLEscaping")).isEqualTo("string");
        assertThat(r.url().queryParameter("recordPacking")).isNull();
        assertThat(r.url().queryParameter("maximumRecords")).isEqualTo("0");
    }

    @Test
    void explainAsksForExplainInTheConfiguredVersion() {
        assertThat(requests(Map.of("version", "1.1")).explain().url().query())
                .isEqualTo("x-base=1&operation=explain&version=1.1");
        assertThat(requests(Map.of("version", "2.0")).explain().url().query()).isEqualTo("x-base=1&version=2.0");
    }

    @Test
    void aUrlOverTheLimitBecomesAFormPostToTheBaseUrl() {
        Request r = requests(Map.of("maxUrlLength", 256)).searchRetrieve("dc.title=" + "x".repeat(300), 1, 10);

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url().toString()).isEqualTo("http://127.0.0.1:2100/marc21?x-base=1");
        FormBody form = (FormBody) r.body();
        assertThat(form.size()).isEqualTo(7);
        assertThat(form.name(2)).isEqualTo("query");
        assertThat(form.value(2)).isEqualTo("dc.title=" + "x".repeat(300));
    }

    @Test
    void aUrlJustUnderTheLimitStaysAGet() {
        String base = "http://127.0.0.1:2100/marc21?x-base=1&operation=searchRetrieve&version=1.2&query=";
        String tail = "&startRecord=1&maximumRecords=10&recordSchema=marcxml&recordPacking=xml";
        String query = "x".repeat(256 - base.length() - tail.length());

        assertThat(requests(Map.of("maxUrlLength", 256)).searchRetrieve(query, 1, 10).method()).isEqualTo("GET");
        assertThat(requests(Map.of("maxUrlLength", 256)).searchRetrieve(query + "x", 1, 10).method()).isEqualTo("POST");
    }

    @Test
    void headersAndExtraParametersGoWithEveryRequest() {
        Request r = requests(Map.of("headers", Map.of("Authorization", "Bearer t"),
                "parameters", Map.of("x-info-5-count", "false"))).explain();

        assertThat(r.header("Authorization")).isEqualTo("Bearer t");
        assertThat(r.url().queryParameter("x-info-5-count")).isEqualTo("false");
    }
}
