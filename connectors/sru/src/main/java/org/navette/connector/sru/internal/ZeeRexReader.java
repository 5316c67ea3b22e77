package org.navette.connector.sru.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.navette.connector.sru.SruExplain;

/**
 * Reads a ZeeRex ({@code http://explain.z3950.org/dtd/2.0/}) explain record into an {@link SruExplain}.
 * Elements are matched by local name, since servers vary in namespace versions.
 *
 * <p>Thread-safety: stateless.
 */
final class ZeeRexReader {
    private ZeeRexReader() {
    }

    static SruExplain read(XmlNode explain, String version) {
        XmlNode none = null;
        XmlNode server = explain.child("serverInfo").orElse(none);
        XmlNode database = explain.child("databaseInfo").orElse(none);
        String host = server == null ? null : server.childText("host");
        int port = server == null ? 0 : port(server.childText("port"));
        String db = server == null ? null : server.childText("database");
        String title = database == null ? null : primaryText(database.children("title"));
        String description = database == null ? null : primaryText(database.children("description"));

        List<SruExplain.Index> indexes = new ArrayList<>();
        explain.child("indexInfo").ifPresent(info -> {
            for (XmlNode index : info.children("index")) {
                String name = indexName(index);
                if (name != null) {
                    indexes.add(new SruExplain.Index(name, primaryText(index.children("title"))));
                }
            }
        });
        List<SruExplain.Schema> schemas = new ArrayList<>();
        explain.child("schemaInfo").ifPresent(info -> {
            for (XmlNode schema : info.children("schema")) {
                schemas.add(new SruExplain.Schema(blankToNull(schema.attribute("name")),
                        blankToNull(schema.attribute("identifier")), primaryText(schema.children("title"))));
            }
        });
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        explain.child("configInfo").ifPresent(config -> {
            typed(config.children("default"), defaults);
            typed(config.children("setting"), settings);
        });
        return new SruExplain(version, host, port, db, title, description, indexes, schemas, defaults, settings);
    }

    /** {@code <map><name set="dc">title</name></map>} gives {@code dc.title}; a primary map wins. */
    private static String indexName(XmlNode index) {
        String fallback = null;
        for (XmlNode map : index.children("map")) {
            for (XmlNode name : map.children("name")) {
                String text = name.text();
                if (text.isEmpty()) {
                    continue;
                }
                String set = blankToNull(name.attribute("set"));
                String full = set == null || text.contains(".") ? text : set + "." + text;
                if ("true".equals(map.attribute("primary"))) {
                    return full;
                }
                if (fallback == null) {
                    fallback = full;
                }
            }
        }
        return fallback;
    }

    private static void typed(List<XmlNode> nodes, Map<String, String> out) {
        for (XmlNode n : nodes) {
            String type = blankToNull(n.attribute("type"));
            if (type != null && !n.text().isEmpty()) {
                out.putIfAbsent(type, n.text());
            }
        }
    }

    private static String primaryText(List<XmlNode> nodes) {
        String first = null;
        for (XmlNode n : nodes) {
            if (n.text().isEmpty()) {
                continue;
            }
            if ("true".equals(n.attribute("primary"))) {
                return n.text();
            }
            if (first == null) {
                first = n.text();
            }
        }
        return first;
    }

    private static int port(String s) {
        if (s == null || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
