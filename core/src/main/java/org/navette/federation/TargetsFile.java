package org.navette.federation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.navette.target.TargetConfig;

/**
 * Reads a {@code --targets} file: one JSON object whose {@code targets} array holds one object per
 * target, with {@code id} and {@code protocol} and the protocol's own keys.
 *
 * <pre>{@code
 * {"targets": [
 *   {"id": "zebra", "protocol": "z3950", "host": "127.0.0.1", "port": 2100, "database": "marc21",
 *    "syntax": "usmarc", "format": "marc21"},
 *   {"id": "zebra-sru", "protocol": "sru", "url": "http://127.0.0.1:2100/marc21", "version": "1.2",
 *    "recordSchema": "marcxml", "indexes": {"title": "dc.title"}, "resilience": {"retries": 0}}
 * ]}
 * }</pre>
 * <pre>{@code
 * List<TargetConfig> targets = TargetsFile.read(Path.of("targets.json"));
 * Federation federation = Federation.builder().targets(targets).build();  // validates each target through its connector factory
 * }</pre>
 *
 * <p>What is checked here: well-formed JSON, no duplicate keys, no top-level key other than
 * {@code targets} and {@code comment}, every target an object with a valid string {@code id} and
 * {@code protocol}, ids unique. Each target's own keys are then checked by its connector factory
 * and its {@code resilience} object by {@link ResilienceSettings} when the {@link Federation} is built.
 * Every error is an {@link IllegalArgumentException} naming the file and where in it.
 *
 * <p>Thread-safety: stateless.
 */
public final class TargetsFile {
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("targets", "comment");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private TargetsFile() {
    }

    /**
     * Reads and checks a targets file.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable, not JSON or not a targets file
     */
    public static List<TargetConfig> read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("targets file not found: " + name, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read targets file " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks a targets document from a stream (not closed).
     *
     * @param sourceName the name used in error messages
     */
    public static List<TargetConfig> read(InputStream in, String sourceName) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(sourceName + (at == null ? "" : " line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", ""), e);
        }
        return fromTree(root, sourceName);
    }

    /** Reads and checks a targets document held in a string. */
    public static List<TargetConfig> parse(String json, String sourceName) {
        try {
            return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), sourceName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array never fails to read
        }
    }

    private static List<TargetConfig> fromTree(JsonNode root, String source) {
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException(source + ": empty file; expected {\"targets\": [...]}");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object {\"targets\": [...]}, found "
                    + kind(root));
        }
        Set<String> unknown = new TreeSet<>();
        root.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(TOP_LEVEL_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": unknown top-level key(s) " + unknown
                    + "; a targets file holds only \"targets\" (and \"comment\")");
        }
        JsonNode array = root.get("targets");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(source + ": \"targets\" must be an array of target objects, found "
                    + (array == null ? "nothing" : kind(array)));
        }
        List<TargetConfig> out = new ArrayList<>(array.size());
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); index++) {
            JsonNode node = it.next();
            String where = source + ": targets[" + index + "]";
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + " must be an object, found " + kind(node));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.convertValue(node, LinkedHashMap.class);
            TargetConfig target;
            try {
                target = TargetConfig.fromMap(map);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (!ids.add(target.id())) {
                throw new IllegalArgumentException(where + ": duplicate target id '" + target.id() + "'");
            }
            out.add(target);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": \"targets\" is empty; list at least one target");
        }
        return List.copyOf(out);
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
