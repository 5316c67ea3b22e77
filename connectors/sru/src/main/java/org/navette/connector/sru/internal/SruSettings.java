package org.navette.connector.sru.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.navette.model.RecordFormat;
import org.navette.query.CqlTranslator;
import org.navette.target.TargetConfig;

/**
 * The validated SRU settings of one target, read from its {@link TargetConfig}. Every bad value is
 * reported at once with the target, the key and the value.
 *
 * <pre>{@code
 * SruSettings s = SruSettings.from(TargetConfig.builder("loc", "sru")
 *         .set("url", "http://lx2.loc.gov:210/LCDB").set("version", "1.1").build());
 * s.version();   // V1_1
 * }</pre>
 *
 * @param url              the base URL (query parameters it carries are kept)
 * @param version          the SRU version to speak
 * @param recordSchema     the recordSchema to ask for
 * @param stringPacking    true to ask for records as escaped strings instead of XML
 * @param format           the record format hint from the configuration, or null to infer it
 * @param alwaysPost       true to send every request as an HTML form POST
 * @param maxUrlLength     longer GET URLs are sent as POST instead
 * @param maxResponseBytes reading stops with RESPONSE_TOO_LARGE beyond this many bytes
 * @param timeout          the time budget of explain requests (searches use the request's)
 * @param parameters       extra query parameters sent with every request (x-... extensions, a fixed database)
 * @param headers          extra HTTP headers
 * @param userAgent        the User-Agent header
 *
 * <p>Thread-safety: immutable.
 */
public record SruSettings(HttpUrl url, SruVersion version, String recordSchema, boolean stringPacking,
                          RecordFormat format, boolean alwaysPost, int maxUrlLength, int maxResponseBytes,
                          Duration timeout, Map<String, String> parameters, Headers headers, String userAgent) {

    /** The SRU-specific target keys (besides {@link TargetConfig#COMMON_KEYS}). */
    public static final Set<String> KEYS = keys();

    /** Parameters the connector sends itself; {@code parameters} may not override them. */
    static final Set<String> RESERVED_PARAMETERS = Set.of("operation", "version", "query", "startrecord",
            "maximumrecords", "recordschema", "recordpacking", "recordxmlescaping");

    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_URL_LENGTH = 2048;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_USER_AGENT = "Navette/0.1 (SRU client)";

    public SruSettings {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Reads and validates the SRU settings of a target.
     *
     * @throws IllegalArgumentException naming the target, the key and the bad value
     */
    public static SruSettings from(TargetConfig c) {
        String rawUrl = c.requiredString("url");
        HttpUrl url = HttpUrl.parse(rawUrl.strip());
        if (url == null) {
            throw bad(c, "url", rawUrl, "an http:// or https:// URL");
        }
        SruVersion version;
        Object v = c.get("version");
        try {
            version = v == null ? SruVersion.V1_2 : SruVersion.parse(v instanceof Number n ? versionText(n) : v.toString());
        } catch (IllegalArgumentException e) {
            throw bad(c, "version", v, "1.1, 1.2 or 2.0");
        }
        String schema = c.string("recordSchema", "marcxml").strip();
        if (schema.isEmpty()) {
            throw bad(c, "recordSchema", "", "a schema name such as marcxml, marcxchange, unimarcxml or dc");
        }
        String packing = c.string("recordPacking", "xml").strip().toLowerCase(Locale.ROOT);
        if (!packing.equals("xml") && !packing.equals("string")) {
            throw bad(c, "recordPacking", packing, "xml or string");
        }
        RecordFormat format = null;
        if (c.has("format")) {
            try {
                format = RecordFormat.fromCode(c.string("format", ""));
            } catch (IllegalArgumentException e) {
                throw bad(c, "format", c.get("format"), "marc21, unimarc or dc");
            }
        }
        String method = c.string("method", "get").strip().toLowerCase(Locale.ROOT);
        if (!method.equals("get") && !method.equals("post")) {
            throw bad(c, "method", method, "get or post");
        }
        int maxUrlLength = c.integer("maxUrlLength", DEFAULT_MAX_URL_LENGTH);
        if (maxUrlLength < 256 || maxUrlLength > 65_536) {
            throw bad(c, "maxUrlLength", maxUrlLength, "within 256..65536");
        }
        int maxBytes = c.integer("maxResponseBytes", DEFAULT_MAX_RESPONSE_BYTES);
        if (maxBytes < 1024) {
            throw bad(c, "maxResponseBytes", maxBytes, "at least 1024");
        }
        Duration timeout = c.duration("timeout").orElse(DEFAULT_TIMEOUT);
        Map<String, String> parameters = new LinkedHashMap<>();
        c.map("parameters").forEach((name, value) -> {
            if (name.isBlank() || RESERVED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw bad(c, "parameters", name, "extra parameters only (the connector sends " + RESERVED_PARAMETERS
                        + " itself)");
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw bad(c, "parameters." + name, value, "a string, number or boolean");
            }
            parameters.put(name, value.toString());
        });
        Headers.Builder headers = new Headers.Builder();
        c.map("headers").forEach((name, value) -> {
            if (!(value instanceof String s)) {
                throw bad(c, "headers." + name, value, "a string");
            }
            try {
                headers.add(name, s);
            } catch (IllegalArgumentException e) {
                throw bad(c, "headers." + name, value, "a valid HTTP header (" + e.getMessage() + ")");
            }
        });
        String userAgent = c.string("userAgent", DEFAULT_USER_AGENT);
        if (userAgent.isBlank()) {
            throw bad(c, "userAgent", userAgent, "a non-blank string");
        }
        return new SruSettings(url, version, schema, packing.equals("string"), format, method.equals("post"),
                maxUrlLength, maxBytes, timeout, parameters, headers.build(), userAgent);
    }

    private static Set<String> keys() {
        Set<String> keys = new java.util.TreeSet<>(Set.of("url", "version", "recordSchema", "recordPacking", "format",
                "method", "maxUrlLength", "maxResponseBytes", "parameters", "headers", "userAgent"));
        keys.addAll(CqlTranslator.TARGET_KEYS); // indexes, indexPreset: read by the query translator
        return Set.copyOf(keys);
    }

    private static String versionText(Number n) {
        // JSON 2.0 arrives as 2.0 or 2; 1.1 as 1.1
        return n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() + ".0" : n.toString();
    }

    private static IllegalArgumentException bad(TargetConfig c, String key, Object value, String expected) {
        return new IllegalArgumentException("target " + c.id() + ": '" + key + "' must be " + expected + ", was " + value);
    }
}
