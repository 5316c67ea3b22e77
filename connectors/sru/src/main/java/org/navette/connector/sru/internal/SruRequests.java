package org.navette.connector.sru.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Builds the HTTP requests of one target: GET with the SRU parameters in the query string, or an
 * HTML-form POST when the target says so or the URL would grow beyond {@code maxUrlLength}
 * (long CQL queries; some servers and proxies cut URLs at 2 or 8 KB).
 *
 * <pre>{@code
 * Request r = new SruRequests(settings).searchRetrieve("dc.title=computer", 1, 10);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class SruRequests {
    private final SruSettings settings;

    public SruRequests(SruSettings settings) {
        this.settings = settings;
    }

    /** A searchRetrieve request; maximumRecords is always sent, since Zebra's default is 0. */
    public Request searchRetrieve(String cql, int startRecord, int maximumRecords) {
        Map<String, String> p = new LinkedHashMap<>();
        SruVersion v = settings.version();
        if (v != SruVersion.V2_0) {
            p.put("operation", "searchRetrieve");
        }
        p.put("version", v.text());
        p.put("query", cql);
        p.put("startRecord", Integer.toString(startRecord));
        p.put("maximumRecords", Integer.toString(maximumRecords));
        p.put("recordSchema", settings.recordSchema());
        p.put(v.packingParameter(), settings.stringPacking() ? "string" : "xml");
        return build(p);
    }

    /** An explain request (in 2.0, a request without query is an explain). */
    public Request explain() {
        Map<String, String> p = new LinkedHashMap<>();
        SruVersion v = settings.version();
        if (v != SruVersion.V2_0) {
            p.put("operation", "explain");
        }
        p.put("version", v.text());
        return build(p);
    }

    private Request build(Map<String, String> sruParameters) {
        Map<String, String> all = new LinkedHashMap<>(sruParameters);
        all.putAll(settings.parameters());
        HttpUrl.Builder get = settings.url().newBuilder();
        all.forEach(get::addQueryParameter);
        HttpUrl getUrl = get.build();
        Request.Builder request = new Request.Builder()
                .headers(settings.headers())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/sru+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        if (!settings.alwaysPost() && getUrl.toString().length() <= settings.maxUrlLength()) {
            return request.url(getUrl).get().build();
        }
        FormBody.Builder form = new FormBody.Builder();
        all.forEach(form::add);
        return request.url(settings.url()).post(form.build()).build();
    }
}
