package org.navette.connector.opac.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A place in a fetched page that selectors start from: an HTML element or a JSON node. Exactly
 * one of the two is set.
 *
 * <p>Thread-safety: not thread-safe (Jsoup elements are mutable); confined to one search.
 */
record PageNode(Element element, JsonNode json) {
    PageNode {
        if ((element == null) == (json == null)) {
            throw new IllegalArgumentException("a page node is either an HTML element or a JSON node");
        }
    }

    static PageNode of(Element element) {
        return new PageNode(element, null);
    }

    static PageNode of(JsonNode json) {
        return new PageNode(null, json);
    }

    /** The node's values in the given way, whitespace-normalised, blanks dropped. */
    List<String> values(Extract extract, String attribute) {
        List<String> out = new ArrayList<>(1);
        if (json != null) {
            addJson(json, out);
            return out;
        }
        String raw = switch (extract) {
            case TEXT -> element.text();
            case OWN_TEXT -> element.ownText();
            case HTML -> element.html();
            case ATTR -> element.hasAttr(attribute) ? element.attr(attribute) : null;
            case LINES -> lines(element);
        };
        if (raw != null) {
            String v = extract == Extract.LINES ? raw : extract == Extract.HTML ? raw.strip() : collapse(raw);
            if (!v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private static void addJson(JsonNode node, List<String> out) {
        if (node.isArray()) {
            for (JsonNode e : node) {
                if (e.isValueNode() && !e.isNull()) {
                    addText(e.asText(), out);
                }
            }
        } else if (node.isValueNode() && !node.isNull()) {
            addText(node.asText(), out);
        }
    }

    private static void addText(String text, List<String> out) {
        String v = collapse(text);
        if (!v.isEmpty()) {
            out.add(v);
        }
    }

    /** Collapses runs of whitespace, including no-break spaces, into one space and strips the ends. */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Like {@link #collapse(String)}, but line by line: keeps line breaks, drops blank lines. */
    static String collapseKeepingLines(String s) {
        if (s.indexOf('\n') < 0) {
            return collapse(s);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n")) {
            String v = collapse(line);
            if (!v.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(v);
            }
        }
        return out.toString();
    }

    /**
     * The element's text in lines, as a browser lays it out: each {@code <br>} ends a line (so
     * {@code "<br>Karte"} gives an empty first line: positions stay meaningful), a block element
     * starts a new line unless one was just started, whitespace collapses within lines, and
     * trailing empty lines go. Lets a profile take "the second line" or capture "Label: value"
     * lines with a regex (BIB2, SISIS, Bibliotheca).
     */
    static String lines(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) {
                        sb.append('\n');
                    } else if (node != root && breaksLine(e)) {
                        softBreak(sb);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node != root && node instanceof Element e && breaksLine(e)) {
                    softBreak(sb);
                }
            }
        }, root);
        String[] raw = sb.toString().split("\n", -1);
        int last = raw.length - 1;
        while (last >= 0 && collapse(raw[last]).isEmpty()) {
            last--;
        }
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(collapse(raw[i]));
        }
        return out.toString();
    }

    /** A line break for a block boundary: none at the very start, none right after another. */
    private static void softBreak(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) != '\n' && Character.isWhitespace(sb.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && sb.charAt(end - 1) != '\n') {
            sb.append('\n');
        }
    }

    private static boolean breaksLine(Element e) {
        return e.isBlock() && !e.nameIs("td") && !e.nameIs("th") && !e.nameIs("span");
    }

    /** How a value is read from an HTML element. */
    enum Extract {
        /** The element's text, whitespace collapsed (the default). */
        TEXT,
        /** Only the element's own text, not its children's. */
        OWN_TEXT,
        /** The text in lines, as {@link #lines(Element)} lays it out. */
        LINES,
        /** The inner HTML. */
        HTML,
        /** An attribute's value. */
        ATTR
    }
}
