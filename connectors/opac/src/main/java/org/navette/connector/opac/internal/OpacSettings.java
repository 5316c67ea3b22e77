package org.navette.connector.opac.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.navette.query.UnsupportedFieldPolicy;
import org.navette.target.TargetConfig;

/**
 * The settings of one OPAC target, read and checked from its {@link TargetConfig}.
 *
 * <pre>{@code
 * OpacSettings s = OpacSettings.of(TargetConfig.builder("x", "opac").set("profile", "vufind")
 *         .set("url", "https://opac.example.org").set("requestsPerSecond", 0.5).build());
 * s.baseUrl();   // https://opac.example.org/
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param baseUrl           the OPAC's base URL; profile paths resolve against it (a trailing '/' is added)
 * @param requestsPerSecond the politeness rate limit for the host (shared with its other targets)
 * @param maxConcurrent     concurrent requests allowed to the host
 * @param userAgent         the User-Agent header
 * @param maxPageBytes      pages longer than this are not read (RESPONSE_TOO_LARGE)
 * @param requestTimeout    the limit of one request (within the search's own budget)
 * @param connectTimeout    the limit of one TCP/TLS connection set-up
 * @param maxPages          result-list pages fetched per search at most
 * @param maxRedirects      redirects followed per request at most
 * @param exportMarc        fetch the record's MARC export when the profile has one
 * @param fetchDetails      fetch each result's own page when the profile reads one
 * @param params            constant request parameters of this site (library filter, database...)
 * @param unsupportedFields the target's override of the profile's policy, or null
 */
public record OpacSettings(HttpUrl baseUrl, double requestsPerSecond, int maxConcurrent, String userAgent,
                           long maxPageBytes, Duration requestTimeout, Duration connectTimeout, int maxPages,
                           int maxRedirects, boolean exportMarc, Boolean fetchDetails, Map<String, String> params,
                           UnsupportedFieldPolicy unsupportedFields) {
    /** Names the software and where to read about it, as polite crawlers do. */
    public static final String DEFAULT_USER_AGENT = "Navette/0.1 (+https://navette.org; federated library search)";

    /** The OPAC-specific target keys (besides {@link TargetConfig#COMMON_KEYS}). */
    public static final Set<String> KEYS = Set.of("profile", "url", "requestsPerSecond", "maxConcurrent", "userAgent",
            "maxPageBytes", "requestTimeout", "connectTimeout", "maxPages", "maxRedirects", "exportMarc", "fetchDetails", "params");

    public OpacSettings {
        params = Map.copyOf(params);
    }

    /** Reads the settings; every bad value is an IllegalArgumentException naming target, key and value. */
    public static OpacSettings of(TargetConfig config) {
        String url = config.requiredString("url");
        HttpUrl base = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
        if (base == null) {
            throw bad(config, "url", url, "an http:// or https:// URL");
        }
        double rps = number(config, "requestsPerSecond", 1.0);
        if (!(rps > 0) || rps > 100) {
            throw bad(config, "requestsPerSecond", config.get("requestsPerSecond"), "a number within (0, 100]");
        }
        int maxConcurrent = config.integer("maxConcurrent", 2);
        if (maxConcurrent < 1 || maxConcurrent > 64) {
            throw bad(config, "maxConcurrent", maxConcurrent, "an integer within 1..64");
        }
        String userAgent = config.string("userAgent", DEFAULT_USER_AGENT);
        if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw bad(config, "userAgent", userAgent, "printable ASCII text");
        }
        long maxPageBytes = config.integer("maxPageBytes", 5 * 1024 * 1024);
        if (maxPageBytes < 1024) {
            throw bad(config, "maxPageBytes", maxPageBytes, "at least 1024");
        }
        // "timeout" is the common key: the whole per-target search budget, which the federation passes in
        // every SearchRequest; one page request gets its own, smaller limit
        Duration requestTimeout = config.duration("requestTimeout").orElse(Duration.ofSeconds(15));
        Duration connectTimeout = config.duration("connectTimeout").orElse(Duration.ofSeconds(5));
        int maxPages = config.integer("maxPages", 5);
        if (maxPages < 1 || maxPages > 1000) {
            throw bad(config, "maxPages", maxPages, "an integer within 1..1000");
        }
        int maxRedirects = config.integer("maxRedirects", 5);
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw bad(config, "maxRedirects", maxRedirects, "an integer within 0..20");
        }
        boolean exportMarc = config.bool("exportMarc", true);
        Boolean fetchDetails = config.has("fetchDetails") ? config.bool("fetchDetails", true) : null;
        Map<String, String> params = new LinkedHashMap<>();
        config.map("params").forEach((k, v) -> {
            if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                throw bad(config, "params." + k, v, "a string");
            }
            params.put(k, String.valueOf(v));
        });
        UnsupportedFieldPolicy unsupported = null;
        if (config.has("unsupportedFields")) {
            String v = config.string("unsupportedFields", "");
            try {
                unsupported = UnsupportedFieldPolicy.fromSetting(v);
            } catch (IllegalArgumentException e) {
                throw bad(config, "unsupportedFields", v, "\"report\" or \"any\"");
            }
        }
        return new OpacSettings(base, rps, maxConcurrent, userAgent, maxPageBytes, requestTimeout, connectTimeout,
                maxPages, maxRedirects, exportMarc, fetchDetails, params, unsupported);
    }

    /** {@code host:port} of a URL: the unit politeness limits are kept per. */
    static String hostKey(HttpUrl url) {
        return url.host() + ":" + url.port();
    }

    private static double number(TargetConfig config, String key, double defaultValue) {
        Object v = config.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw bad(config, key, v, "a number");
            }
        }
        throw bad(config, key, v, "a number");
    }

    private static IllegalArgumentException bad(TargetConfig config, String key, Object value, String expected) {
        return new IllegalArgumentException("target " + config.id() + ": '" + key + "' must be " + expected
                + ", was " + value);
    }
}
