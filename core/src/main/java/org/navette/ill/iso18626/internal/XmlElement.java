package org.navette.ill.iso18626.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of a message already validated against the schema, with its place in the input.
 * Validation comes first, so the decoder can trust structure and order and only look names up;
 * a DOM would do, but would carry no line numbers for the decoder's own errors.
 */
public final class XmlElement {
    private final String name;
    private final int line;
    private final int column;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlElement> children = new ArrayList<>();

    XmlElement(String name, int line, int column) {
        this.name = name;
        this.line = line;
        this.column = column;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    void appendText(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    void add(XmlElement child) {
        children.add(child);
    }

    /** The text content, stripped: pretty-printing senders put blanks around values. */
    public String text() {
        return text.toString().strip();
    }

    public List<XmlElement> children() {
        return children;
    }

    /** The first child named {@code name}, if any. */
    public @Nullable XmlElement child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Every child named {@code name}, in document order. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                found.add(c);
            }
        }
        return found;
    }

    /**
     * A child's text; {@code null} when the child is absent or empty, since real senders write empty
     * elements for values they do not have ({@code <multipleItemRequestId></multipleItemRequestId>}).
     */
    public @Nullable String text(String childName) {
        XmlElement c = child(childName);
        if (c == null) {
            return null;
        }
        String t = c.text();
        return t.isEmpty() ? null : t;
    }
}
