package org.navette.portal.pazpar2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads pazpar2 answers the way a browser would, with a parser that refuses DTDs and external entities. */
public final class Pz2Xml {
    private Pz2Xml() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The element children of {@code parent}, in order. */
    public static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The names of the element children, in order. */
    public static List<String> childNames(Node parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    public static List<Element> children(Node parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).toList();
    }

    /** The text of the one child element {@code name}. */
    public static String text(Node parent, String name) {
        List<Element> c = children(parent, name);
        if (c.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + parent.getNodeName() + ">, found " + c.size()
                    + " among " + childNames(parent));
        }
        return c.get(0).getTextContent();
    }

    public static long number(Node parent, String name) {
        return Long.parseLong(text(parent, name).trim());
    }
}
