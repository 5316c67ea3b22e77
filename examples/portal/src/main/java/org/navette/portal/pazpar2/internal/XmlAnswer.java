package org.navette.portal.pazpar2.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes one pazpar2 answer document: the XML declaration, then elements opened and closed in
 * order. Text and attribute values are escaped, and characters XML 1.0 cannot carry (control
 * characters other than tab, newline and carriage return, unpaired surrogates, U+FFFE, U+FFFF) are
 * left out: catalogue records do contain them, and one would make the whole answer unreadable to
 * the browser's XML parser.
 *
 * <pre>{@code
 * XmlAnswer x = new XmlAnswer();
 * x.open("init").element("status", "OK").element("session", "1234").close();
 * x.toXml();   // <?xml version="1.0" encoding="UTF-8"?>\n<init><status>OK</status>...
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one per answer.
 */
public final class XmlAnswer {
    private final StringBuilder out = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element; {@code attributes} are name, value pairs. */
    public XmlAnswer open(String name, String... attributes) {
        startTag(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    /** Closes the innermost open element. */
    public XmlAnswer close() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no element is open");
        }
        out.append("</").append(open.pop()).append('>');
        if (open.size() <= 1) {
            out.append('\n');
        }
        return this;
    }

    /** An element holding only text. */
    public XmlAnswer element(String name, String text) {
        out.append('<').append(name).append('>');
        escape(text, false);
        out.append("</").append(name).append('>');
        if (open.size() <= 1) {
            out.append('\n');
        }
        return this;
    }

    public XmlAnswer element(String name, long number) {
        return element(name, Long.toString(number));
    }

    /** An element holding text, with attributes (name, value pairs). */
    public XmlAnswer element(String name, String text, String... attributes) {
        startTag(name, attributes);
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append('>');
        return this;
    }

    /** An empty element with attributes (name, value pairs). */
    public XmlAnswer empty(String name, String... attributes) {
        startTag(name, attributes);
        out.append("/>");
        return this;
    }

    /** The document; every element must be closed. */
    public String toXml() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements still open: " + open);
        }
        return out.toString();
    }

    private void startTag(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name, value pairs, got " + attributes.length + " strings");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** XML 1.0's Char production for one UTF-16 unit that is not part of a surrogate pair. */
    static boolean allowed(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
