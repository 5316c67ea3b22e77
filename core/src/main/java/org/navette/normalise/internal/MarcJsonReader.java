package org.navette.normalise.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.marc4j.MarcReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.navette.model.ProblemKind;

/**
 * Reads MARC-in-JSON: one record object, an array of them, or one per line; and, through marc4j,
 * marc4j's older MARC-JSON ({@code controlfield}/{@code datafield} arrays, unquoted names). A JSON
 * syntax error ends the read of the file (JSON cannot be resynchronised), reported with its line.
 *
 * <pre>{@code
 * MarcJsonReader r = new MarcJsonReader(bytes, "batch.json");
 * for (MarcJsonReader.Item i; (i = r.next()) != null; ) { ... }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe.
 */
public final class MarcJsonReader {
    /** One record (or null) with the problems of reading it. */
    public record Item(long position, long byteOffset, Record record, ProblemLog log) {
    }

    private final byte[] bytes;
    private final String name;
    private final ObjectMapper mapper;
    private JsonParser parser;
    private MarcReader legacy;
    private boolean inArray;
    private boolean done;
    private long position;

    public MarcJsonReader(byte[] bytes, String name) throws IOException {
        this.bytes = bytes;
        this.name = name;
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .build();
        this.mapper = new ObjectMapper(factory);
        this.parser = factory.createParser(bytes);
        if (!looksLikeMarcInJson()) {
            parser = null;
            legacy = new org.marc4j.MarcJsonReader(new ByteArrayInputStream(bytes));
        }
    }

    /** Standard MARC-in-JSON has a "fields" array; marc4j's variant has "controlfield"/"datafield". */
    private boolean looksLikeMarcInJson() {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        return head.contains("\"fields\"") || !head.contains("controlfield") && !head.contains("datafield");
    }

    public Item next() {
        if (done) {
            return null;
        }
        return parser != null ? nextStandard() : nextLegacy();
    }

    private Item nextLegacy() {
        long pos = position + 1;
        ProblemLog log = new ProblemLog(name, pos, -1);
        try {
            if (!legacy.hasNext()) {
                done = true;
                return null;
            }
            position = pos;
            return new Item(pos, -1, legacy.next(), log);
        } catch (RuntimeException e) {
            done = true;
            position = pos;
            log.add(ProblemKind.UNREADABLE, "JSON not readable as MARC-JSON: " + e.getMessage() + "; the rest of the file is not read");
            return new Item(pos, -1, null, log);
        }
    }

    private Item nextStandard() {
        long pos = position + 1;
        long offset = -1;
        ProblemLog log = null;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.START_ARRAY && !inArray) {
                inArray = true;
                t = parser.nextToken();
            }
            if (t == null || t == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            offset = parser.currentTokenLocation().getByteOffset();
            position = pos;
            log = new ProblemLog(name, pos, offset);
            if (t != JsonToken.START_OBJECT) {
                parser.skipChildren();
                log.add(ProblemKind.UNREADABLE, "expected a record object, found " + t);
                return new Item(pos, offset, null, log);
            }
            JsonNode node = mapper.readTree(parser);
            return new Item(pos, offset, toRecord(node, log), log);
        } catch (JsonProcessingException e) {
            done = true;
            position = pos;
            if (log == null) {
                log = new ProblemLog(name, pos, offset);
            }
            log.add(ProblemKind.UNREADABLE, "JSON syntax error at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + "; the rest of the file is not read");
            return new Item(pos, offset, null, log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Record toRecord(JsonNode node, ProblemLog log) {
        JsonNode leader = node.get("leader");
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isArray()) {
            log.add(ProblemKind.UNREADABLE, "record object has no \"fields\" array");
            return null;
        }
        Record r = Leaders.FACTORY.newRecord();
        if (leader == null || !leader.isTextual()) {
            log.add(ProblemKind.BAD_LEADER, "record has no leader");
        }
        r.setLeader(Leaders.of(leader != null && leader.isTextual() ? leader.asText() : "00000nam a2200000 i 4500", 0, 0,
                leader != null && leader.isTextual() ? log : null));
        for (JsonNode f : fields) {
            Iterator<Map.Entry<String, JsonNode>> it = f.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String tag = e.getKey();
                JsonNode v = e.getValue();
                if (v.isTextual() || v.isNumber()) {
                    r.addVariableField(Leaders.FACTORY.newControlField(tag, text(v.asText(), tag, log)));
                } else if (v.isObject()) {
                    DataField df = Leaders.FACTORY.newDataField(tag, indicator(v.get("ind1")), indicator(v.get("ind2")));
                    JsonNode subs = v.get("subfields");
                    if (subs != null && subs.isArray()) {
                        for (JsonNode s : subs) {
                            Iterator<Map.Entry<String, JsonNode>> si = s.fields();
                            while (si.hasNext()) {
                                Map.Entry<String, JsonNode> se = si.next();
                                if (se.getKey().isEmpty()) {
                                    log.add(ProblemKind.BAD_FIELD, "field " + tag + ": subfield without code skipped");
                                    continue;
                                }
                                df.addSubfield(Leaders.FACTORY.newSubfield(se.getKey().charAt(0),
                                        text(se.getValue().asText(), tag + "$" + se.getKey(), log)));
                            }
                        }
                    }
                    r.addVariableField(df);
                } else {
                    log.add(ProblemKind.BAD_FIELD, "field " + tag + " is neither text nor an object; skipped");
                }
            }
        }
        return r;
    }

    private static String text(String v, String where, ProblemLog log) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < 0x20) {
                log.add(ProblemKind.BAD_FIELD, where + ": control character U+" + String.format("%04X", (int) v.charAt(i))
                        + " in the value (unescaped in the JSON or not, it does not belong in MARC data)");
                break;
            }
        }
        return FieldDecoder.nfc(v);
    }

    private static char indicator(JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            return ' ';
        }
        return n.asText().charAt(0);
    }
}
