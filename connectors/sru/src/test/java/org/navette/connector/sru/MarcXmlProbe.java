package org.navette.connector.sru;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads fields out of an extracted MARCXML / Dublin Core record in tests, with a namespace-aware DOM
 * parser, so that a copy that lost a namespace declaration fails to parse instead of passing.
 */
public final class MarcXmlProbe {
    private final Document doc;

    private MarcXmlProbe(Document doc) {
        this.doc = doc;
    }

    public static MarcXmlProbe of(String xml) {
        return of(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Each record's bytes read as a probe. */
    public static java.util.List<MarcXmlProbe> all(java.util.List<org.navette.model.RawRecord> records) {
        return records.stream().map(r -> of(r.bytes())).toList();
    }

    public static MarcXmlProbe of(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            // null would mean the parser's default handler, which prints "[Fatal Error] ..." on stderr
            // before throwing: the exception alone carries the message, into this probe's AssertionError
            b.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            return new MarcXmlProbe(b.parse(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("record is not namespace-well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The root element's namespace URI ("" for none). */
    public String rootNamespace() {
        String ns = doc.getDocumentElement().getNamespaceURI();
        return ns == null ? "" : ns;
    }

    public String rootName() {
        return doc.getDocumentElement().getLocalName();
    }

    /** The first controlfield with this tag, or null. */
    public String controlField(String tag) {
        NodeList list = doc.getElementsByTagNameNS("*", "controlfield");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (tag.equals(e.getAttribute("tag"))) {
                return e.getTextContent();
            }
        }
        return null;
    }

    /** The first subfield {@code code} of the first datafield {@code tag} that has one, or null. */
    public String subfield(String tag, String code) {
        NodeList list = doc.getElementsByTagNameNS("*", "datafield");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (!tag.equals(e.getAttribute("tag"))) {
                continue;
            }
            NodeList subs = e.getElementsByTagNameNS("*", "subfield");
            for (int j = 0; j < subs.getLength(); j++) {
                Element s = (Element) subs.item(j);
                if (code.equals(s.getAttribute("code"))) {
                    return s.getTextContent();
                }
            }
        }
        return null;
    }

    /** The text of every subfield of every datafield {@code tag}, space-separated (empty when none). */
    public String field(String tag) {
        StringBuilder sb = new StringBuilder();
        NodeList list = doc.getElementsByTagNameNS("*", "datafield");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (tag.equals(e.getAttribute("tag"))) {
                sb.append(e.getTextContent().strip().replaceAll("\\s+", " ")).append(' ');
            }
        }
        return sb.toString().strip();
    }

    /** How many elements of this local name the record has (any namespace). */
    public int count(String localName) {
        return doc.getElementsByTagNameNS("*", localName).getLength();
    }

    /** The text of the first Dublin Core element of this local name, whitespace-collapsed, or null. */
    public String dc(String localName) {
        NodeList list = doc.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", localName);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip().replaceAll("\\s+", " ");
    }
}
