package org.navette.connector.opac.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * A compiled selector of a profile: CSS (Jsoup) for HTML pages, a JSON pointer with {@code *}
 * wildcards for JSON APIs, or the context node itself.
 *
 * <p>Thread-safety: immutable.
 */
sealed interface Locator {

    /** The selector as the profile wrote it (shown in diagnostics and by opac-check). */
    String source();

    /** The nodes the selector finds under (or at) the context node, in document order. */
    List<PageNode> select(PageNode context);

    /** The context node itself: a field without selector reads the item it belongs to. */
    record Self() implements Locator {
        @Override
        public String source() {
            return "(the item itself)";
        }

        @Override
        public List<PageNode> select(PageNode context) {
            return List.of(context);
        }
    }

    /** A Jsoup CSS selector, parsed once at load time. */
    record Css(Evaluator evaluator, String source) implements Locator {
        @Override
        public List<PageNode> select(PageNode context) {
            if (context.element() == null) {
                return List.of();
            }
            List<PageNode> out = new ArrayList<>();
            for (Element e : context.element().select(evaluator)) {
                out.add(PageNode.of(e));
            }
            return out;
        }
    }

    /**
     * A JSON pointer ({@code /docs}, {@code /record/title}) where a {@code *} segment stands for every
     * element of an array or every value of an object. A pointer ending on an array yields its
     * elements, so {@code /docs} selects each result document.
     */
    record JsonPath(List<String> segments, String source) implements Locator {
        public JsonPath {
            segments = List.copyOf(segments);
        }

        /** Parses "/a/b/*\/c" (RFC 6901 escapes {@code ~0} and {@code ~1} honoured); "" is the node itself. */
        static JsonPath parse(String pointer) {
            if (pointer.isEmpty()) {
                return new JsonPath(List.of(), pointer);
            }
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("a JSON pointer starts with '/'");
            }
            List<String> segs = new ArrayList<>();
            for (String s : pointer.substring(1).split("/", -1)) {
                segs.add(s.replace("~1", "/").replace("~0", "~"));
            }
            return new JsonPath(segs, pointer);
        }

        @Override
        public List<PageNode> select(PageNode context) {
            if (context.json() == null) {
                return List.of();
            }
            List<JsonNode> current = List.of(context.json());
            for (String seg : segments) {
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode n : current) {
                    step(n, seg, next);
                }
                current = next;
            }
            List<PageNode> out = new ArrayList<>();
            for (JsonNode n : current) {
                if (n.isArray() && !segments.isEmpty()) {
                    n.forEach(e -> out.add(PageNode.of(e)));
                } else if (!n.isMissingNode() && !n.isNull()) {
                    out.add(PageNode.of(n));
                }
            }
            return out;
        }

        private static void step(JsonNode n, String seg, List<JsonNode> next) {
            if (seg.equals("*")) {
                for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                    next.add(it.next());
                }
            } else if (n.isObject()) {
                JsonNode child = n.get(seg);
                if (child != null) {
                    next.add(child);
                }
            } else if (n.isArray() && seg.matches("\\d{1,9}")) {
                JsonNode child = n.get(Integer.parseInt(seg));
                if (child != null) {
                    next.add(child);
                }
            }
        }
    }
}
