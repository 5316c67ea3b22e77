package org.navette.connector.sru.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Splits a harvest source spec, {@code scheme:URL#key=value&key=value}, into its base URL and its
 * options. Option values are percent-decoded ({@code %26} for an {@code &} inside a CQL query);
 * a {@code +} stays a plus, since CQL and set names use it literally.
 *
 * <pre>{@code
 * SourceSpecs.Parsed p = SourceSpecs.parse("oai:https://x.org/oai#set=zdb", "oai", Set.of("set", "prefix"));
 * p.url();              // https://x.org/oai
 * p.options().get("set");   // "zdb"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class SourceSpecs {
    private SourceSpecs() {
    }

    /**
     * A spec split in its parts.
     *
     * @param url     the base URL (its own query parameters are kept)
     * @param options the options after {@code #}, in spec order
     */
    public record Parsed(HttpUrl url, Map<String, String> options) {
        public Parsed {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /**
     * @throws IllegalArgumentException naming the spec and what is wrong: another scheme, a URL that
     *                                  is not http(s), an unknown, repeated or empty option
     */
    public static Parsed parse(String spec, String scheme, Set<String> keys) {
        if (spec == null) {
            throw new IllegalArgumentException("a " + scheme + " source spec must not be null");
        }
        String prefix = scheme + ":";
        if (!spec.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new IllegalArgumentException("source spec '" + spec + "' does not start with " + prefix);
        }
        String rest = spec.substring(prefix.length());
        int hash = rest.indexOf('#');
        String rawUrl = (hash < 0 ? rest : rest.substring(0, hash)).strip();
        HttpUrl url = HttpUrl.parse(rawUrl);
        if (url == null) {
            throw new IllegalArgumentException("source spec '" + spec + "': '" + rawUrl
                    + "' is not an http:// or https:// URL");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (hash >= 0) {
            for (String part : rest.substring(hash + 1).split("&")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).strip();
                String value = eq < 0 ? "" : decode(spec, part.substring(eq + 1)).strip();
                if (!keys.contains(key)) {
                    throw new IllegalArgumentException("source spec '" + spec + "': unknown option '" + key
                            + "' (known: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
                }
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("source spec '" + spec + "': option '" + key + "' is empty");
                }
                if (options.put(key, value) != null) {
                    throw new IllegalArgumentException("source spec '" + spec + "': option '" + key + "' is given twice");
                }
            }
        }
        return new Parsed(url, options);
    }

    /** A positive whole number option, or {@code fallback} when absent. */
    public static int positive(String spec, Map<String, String> options, String key, int fallback, int max) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("source spec '" + spec + "': option '" + key + "' must be within 1.."
                + max + ", was " + v);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String decode(String spec, String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source spec '" + spec + "': bad percent-escape in '" + value + "'", e);
        }
    }
}
