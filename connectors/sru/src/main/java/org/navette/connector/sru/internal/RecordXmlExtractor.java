package org.navette.connector.sru.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Copies one element out of a streaming StAX document as a standalone XML document: every namespace
 * the copy uses is declared on it, also when the SRU envelope declared it far above (a
 * {@code <zs:searchRetrieveResponse xmlns:marc=...>} whose records say {@code <marc:record>}).
 * When the first element is a wrapper (BIBSYS wraps marcxchange in {@code <metadata>}), the first
 * descendant the predicate accepts is copied instead.
 *
 * <p>Thread-safety: stateless; each call works on its own reader.
 */
final class RecordXmlExtractor {
    private RecordXmlExtractor() {
    }

    /**
     * What was found.
     *
     * @param root            the copied element's name, or the first element's name when nothing was copied
     * @param xml             the copied element as a standalone document, or null when no element matched
     * @param formatAttribute the unqualified {@code format} attribute (marcxchange) of the copied element
     *                        or of its first {@code record}, or null
     */
    record Extracted(QName root, String xml, String formatAttribute) {
    }

    /**
     * Copies the element the reader is on, or its first matching descendant, leaving the reader on
     * the END_ELEMENT of the element it started on.
     */
    static Extracted extract(XMLStreamReader r, Predicate<QName> wanted) throws XMLStreamException, MalformedSruException {
        QName first = r.getName();
        int depth = 0;
        int copyDepth = -1;
        Writer writer = null;
        Extracted found = null;
        int event = r.getEventType();
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (writer == null && found == null && wanted.test(r.getName())) {
                        writer = new Writer();
                        copyDepth = depth;
                        found = new Extracted(r.getName(), null, r.getAttributeValue(null, "format"));
                    }
                    if (writer != null) {
                        if (found.formatAttribute() == null && r.getLocalName().equals("record")) {
                            // a marcxchange collection: its first record says MARC21 or UNIMARC
                            found = new Extracted(found.root(), null, r.getAttributeValue(null, "format"));
                        }
                        writer.startElement(r);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (writer != null) {
                        writer.endElement(r);
                        if (depth == copyDepth) {
                            found = new Extracted(found.root(), writer.result(), found.formatAttribute());
                            writer = null;
                        }
                    }
                    depth--;
                    if (depth == 0) {
                        return found != null ? found : new Extracted(first, null, null);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (writer != null) {
                        writer.text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                case XMLStreamConstants.COMMENT -> {
                    if (writer != null) {
                        writer.comment(r.getText());
                    }
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    if (writer != null) {
                        writer.processingInstruction(r.getPITarget(), r.getPIData());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new MalformedSruException("document ends inside " + first.getLocalPart(), r.getLocation());
                default -> {
                    // nothing else can occur inside an element of a DTD-free document
                }
            }
            event = HardenedXmlInput.nextEvent(r);
        }
    }

    /** Serialises StAX events, declaring each namespace where the copy first needs it. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder(4096);
        /** Namespace bindings declared in the copy, one map per open element. */
        private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
        private final Deque<String> openNames = new ArrayDeque<>();

        void startElement(XMLStreamReader r) {
            Map<String, String> scope = new HashMap<>(4);
            scopes.push(scope);
            String name = qualified(r.getPrefix(), r.getLocalName());
            openNames.push(name);
            out.append('<').append(name);
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                bind(nonNull(r.getNamespacePrefix(i)), nonNull(r.getNamespaceURI(i)));
            }
            bind(nonNull(r.getPrefix()), nonNull(r.getNamespaceURI()));
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String prefix = nonNull(r.getAttributePrefix(i));
                if (!prefix.isEmpty()) {
                    bind(prefix, nonNull(r.getAttributeNamespace(i)));
                }
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                out.append(' ').append(qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i))).append("=\"");
                escapeAttribute(r.getAttributeValue(i));
                out.append('"');
            }
            out.append('>');
        }

        void endElement(XMLStreamReader r) {
            out.append("</").append(openNames.pop()).append('>');
            scopes.pop();
        }

        void text(char[] chars, int start, int length) {
            for (int i = start; i < start + length; i++) {
                char c = chars[i];
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '\r' -> out.append("&#13;");
                    default -> out.append(c);
                }
            }
        }

        void comment(String text) {
            out.append("<!--").append(text).append("-->");
        }

        void processingInstruction(String target, String data) {
            if (!target.equalsIgnoreCase("xml")) {
                out.append("<?").append(target);
                if (data != null && !data.isEmpty()) {
                    out.append(' ').append(data);
                }
                out.append("?>");
            }
        }

        String result() {
            return out.toString();
        }

        /** Declares {@code prefix -> uri} on the current element unless the copy already has that binding. */
        private void bind(String prefix, String uri) {
            if (XMLConstants.XML_NS_PREFIX.equals(prefix) || uri.equals(lookup(prefix))) {
                return;
            }
            Map<String, String> current = scopes.peek();
            if (current.containsKey(prefix)) {
                return; // declared once on this element already; a conflicting rebinding is impossible in valid XML
            }
            current.put(prefix, uri);
            out.append(prefix.isEmpty() ? " xmlns=\"" : " xmlns:" + prefix + "=\"");
            escapeAttribute(uri);
            out.append('"');
        }

        private String lookup(String prefix) {
            for (Map<String, String> scope : scopes) {
                String uri = scope.get(prefix);
                if (uri != null) {
                    return uri;
                }
            }
            return prefix.isEmpty() ? "" : null; // the default namespace starts out empty
        }

        private void escapeAttribute(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '"' -> out.append("&quot;");
                    case '\t' -> out.append("&#9;");
                    case '\n' -> out.append("&#10;");
                    case '\r' -> out.append("&#13;");
                    default -> out.append(c);
                }
            }
        }

        private static String qualified(String prefix, String local) {
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }
}
