package org.navette.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one search target, as written in a {@code --targets} JSON file or built in
 * code: an id, a protocol (which picks the connector) and the protocol's own settings.
 *
 * <pre>{@code
 * TargetConfig zebra = TargetConfig.builder("zebra", "z3950")
 *         .set("host", "127.0.0.1").set("port", 2100).set("database", "marc21")
 *         .set("syntax", "usmarc").build();
 * zebra.requiredString("host");      // "127.0.0.1"
 * zebra.integer("port", 210);        // 2100
 * }</pre>
 *
 * <p>Values are JSON-like: String, Number, Boolean, List, Map or null. Accessors check types and
 * throw {@link IllegalArgumentException} naming the target, the key and the bad value.
 *
 * <p>Thread-safety: immutable.
 */
public final class TargetConfig {
    /**
     * Keys every target may carry whatever its protocol; the federation engine reads them
     * (timeouts, limits, resilience settings, display name, library code for holdings).
     */
    public static final Set<String> COMMON_KEYS = Set.of(
            "id", "protocol", "name", "library", "enabled", "timeout", "maxRecords", "chunkSize", "priority",
            "unsupportedFields", "resilience", "comment");

    private final String id;
    private final String protocol;
    private final Map<String, Object> settings;

    private TargetConfig(String id, String protocol, Map<String, Object> settings) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            throw new IllegalArgumentException(
                    "target id must be 1-100 letters, digits, '.', '_', ':' or '-', was " + id);
        }
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException("target " + id + ": protocol must not be blank");
        }
        this.id = id;
        this.protocol = protocol;
        this.settings = deepCopy(settings);
    }

    /**
     * A read-only copy all the way down: a nested map or list handed to the builder (or read
     * from JSON) must not let its owner change this target afterwards.
     */
    private static Map<String, Object> deepCopy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return deepCopy(m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(deepCopyValue(e)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** A builder for a target of the given id and protocol ({@code z3950}, {@code sru}, {@code opac}). */
    public static Builder builder(String id, String protocol) {
        return new Builder(id, protocol);
    }

    /**
     * A target from a parsed JSON object: {@code id} and {@code protocol} are required, every other
     * key becomes a setting.
     */
    public static TargetConfig fromMap(Map<String, ?> json) {
        Object id = json.get("id");
        Object protocol = json.get("protocol");
        if (!(id instanceof String)) {
            throw new IllegalArgumentException("target: 'id' must be a string, was " + id);
        }
        if (!(protocol instanceof String)) {
            throw new IllegalArgumentException("target " + id + ": 'protocol' must be a string, was " + protocol);
        }
        Builder b = builder((String) id, (String) protocol);
        json.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("protocol")) {
                b.set(k, v);
            }
        });
        return b.build();
    }

    public String id() { return id; }

    public String protocol() { return protocol; }

    /** Every setting but id and protocol, in file order. */
    public Map<String, Object> settings() { return settings; }

    public boolean has(String key) {
        return settings.get(key) != null;
    }

    /** The raw value, or null. */
    public @Nullable Object get(String key) {
        return settings.get(key);
    }

    /**
     * Rejects keys that are neither common keys nor in {@code protocolKeys}: a typo in a target file
     * must not be silently ignored.
     */
    public void requireKnownKeys(Set<String> protocolKeys) {
        Set<String> unknown = new TreeSet<>();
        for (String key : settings.keySet()) {
            if (!COMMON_KEYS.contains(key) && !protocolKeys.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>(protocolKeys);
            known.addAll(COMMON_KEYS);
            throw new IllegalArgumentException("target " + id + " (" + protocol + "): unknown key(s) " + unknown
                    + "; known keys are " + known);
        }
    }

    public Optional<String> string(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String)) {
            throw bad(key, v, "a string");
        }
        return Optional.of((String) v);
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public String requiredString(String key) {
        return string(key).filter(s -> !s.isBlank()).orElseThrow(() -> missing(key));
    }

    public int integer(String key, int defaultValue) {
        Object v = settings.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        if (v instanceof String s && s.matches("-?\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        throw bad(key, v, "an integer");
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = settings.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(key, v, "true or false");
    }

    /**
     * A duration written as a number of seconds (10, 0.5) or with a unit ("500ms", "10s", "2m").
     */
    public Optional<Duration> duration(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseDuration(v));
        } catch (IllegalArgumentException e) {
            throw bad(key, v, "a duration such as 10, 0.5, \"500ms\", \"10s\" or \"2m\"");
        }
    }

    /** Parses 10, 0.5 (seconds), "500ms", "10s", "2m", "1h" or an ISO-8601 "PT10S". */
    public static Duration parseDuration(Object v) {
        if (v instanceof Number n) {
            return checkPositive(Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000_000d)), v);
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (t.startsWith("pt")) {
                    return checkPositive(Duration.parse(t.toUpperCase(java.util.Locale.ROOT)), v);
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?").matcher(t);
                if (m.matches()) {
                    double amount = Double.parseDouble(m.group(1));
                    String unit = m.group(2) == null ? "s" : m.group(2);
                    double nanos = switch (unit) {
                        case "ms" -> amount * 1e6;
                        case "m" -> amount * 60e9;
                        case "h" -> amount * 3600e9;
                        default -> amount * 1e9;
                    };
                    return checkPositive(Duration.ofNanos(Math.round(nanos)), v);
                }
            } catch (java.time.format.DateTimeParseException e) {
                // reported below with the value
            }
        }
        throw new IllegalArgumentException("not a duration: " + v);
    }

    private static Duration checkPositive(Duration d, Object v) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + v);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw bad(key, v, "a JSON object");
        }
        return Collections.unmodifiableMap((Map<String, Object>) v);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = settings.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            throw bad(key, v, "a JSON array");
        }
        return Collections.unmodifiableList((List<Object>) v);
    }

    private IllegalArgumentException bad(String key, Object v, String expected) {
        return new IllegalArgumentException("target " + id + ": '" + key + "' must be " + expected + ", was " + v);
    }

    private IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("target " + id + " (" + protocol + "): required key '" + key + "' is missing");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetConfig t && id.equals(t.id) && protocol.equals(t.protocol) && settings.equals(t.settings);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(settings);
        shown.computeIfPresent("password", (k, v) -> "***");
        return "TargetConfig[" + id + " " + protocol + " " + shown + "]";
    }

    /** Builds {@link TargetConfig}s; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String protocol;
        private final Map<String, Object> settings = new LinkedHashMap<>();

        private Builder(String id, String protocol) {
            this.id = id;
            this.protocol = protocol;
        }

        public Builder set(String key, Object value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("target " + id + ": setting key must not be blank");
            }
            settings.put(key, value);
            return this;
        }

        public TargetConfig build() {
            return new TargetConfig(id, protocol, settings);
        }
    }
}
