package org.navette.connector.sru.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal read-only element tree (local names, unqualified attributes, text) for small documents
 * such as a ZeeRex explain record, where navigating beats streaming.
 *
 * <p>Thread-safety: immutable after {@link #read}.
 */
final class XmlNode {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name) {
        this.name = name;
    }

    /** Reads the element the reader is on, leaving the reader on its END_ELEMENT. */
    static XmlNode read(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        XmlNode node = new XmlNode(r.getLocalName());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            node.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        while (true) {
            int event = HardenedXmlInput.nextEvent(r);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children.add(read(r));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new MalformedSruException("document ends inside " + node.name, r.getLocation());
                default -> {
                    // comments and processing instructions carry nothing here
                }
            }
        }
    }

    String name() {
        return name;
    }

    /** The element's own text, whitespace-collapsed. */
    String text() {
        return text.toString().strip().replaceAll("\\s+", " ");
    }

    String attribute(String localName) {
        return attributes.get(localName);
    }

    List<XmlNode> children(String localName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    Optional<XmlNode> child(String localName) {
        for (XmlNode c : children) {
            if (c.name.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The text of the first child of that name, or null when absent or blank. */
    String childText(String localName) {
        return child(localName).map(XmlNode::text).filter(t -> !t.isEmpty()).orElse(null);
    }
}
