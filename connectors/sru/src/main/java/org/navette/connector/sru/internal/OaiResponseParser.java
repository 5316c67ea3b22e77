package org.navette.connector.sru.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

import static org.navette.connector.sru.internal.SruResponseParser.nextChild;
import static org.navette.connector.sru.internal.SruResponseParser.readText;
import static org.navette.connector.sru.internal.SruResponseParser.skipElement;

/**
 * Streaming (StAX) parser of OAI-PMH 2.0 responses to Identify and ListRecords, with the same
 * hardening as the SRU parser (the JDK's StAX, any DOCTYPE refused, so neither external entities
 * nor entity bombs get a chance). Each record's metadata is copied out as a standalone document by
 * the same {@link RecordXmlExtractor} the SRU parser uses, so core's normaliser reads OAI and SRU
 * records alike.
 *
 * <pre>{@code
 * OaiResponse page = new OaiResponseParser().parse(body);
 * page.resumptionToken();   // "26476570_50"
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class OaiResponseParser {
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    private final HardenedXmlInput xml = new HardenedXmlInput();

    /**
     * Parses one response. OAI-PMH is UTF-8 by definition; the document's own declaration still wins.
     *
     * @throws MalformedSruException when the bytes are not a well-formed OAI-PMH 2.0 response
     * @throws IOException           when reading the stream fails
     */
    OaiResponse parse(InputStream in) throws MalformedSruException, IOException {
        XMLStreamReader r;
        try {
            r = xml.open(in, null);
        } catch (XMLStreamException e) {
            throw new MalformedSruException("cannot start reading XML: " + e.getMessage(), e);
        }
        try {
            requireRoot(r);
            String responseDate = null;
            String granularity = null;
            String token = null;
            List<OaiResponse.Error> errors = new ArrayList<>();
            List<OaiResponse.Record> records = new ArrayList<>();
            while (nextChild(r)) {
                switch (r.getLocalName()) {
                    case "responseDate" -> responseDate = blankToNull(readText(r));
                    case "error" -> {
                        String code = blankToNull(r.getAttributeValue(null, "code"));
                        errors.add(new OaiResponse.Error(code == null ? "(no code)" : code, readText(r)));
                    }
                    case "Identify" -> granularity = readGranularity(r);
                    case "ListRecords" -> token = readListRecords(r, records);
                    default -> skipElement(r); // request echo, other verbs
                }
            }
            SruResponseParser.requireEnd(r);
            return new OaiResponse(responseDate, errors, granularity, records, token);
        } catch (XMLStreamException e) {
            throw SruResponseParser.malformed(e);
        } catch (Exception e) {
            throw SruResponseParser.undeclared(e);
        } finally {
            SruResponseParser.closeQuietly(r);
        }
    }

    private static void requireRoot(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        int event;
        do {
            event = HardenedXmlInput.nextEvent(r);
        } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
        if (event == XMLStreamConstants.END_DOCUMENT) {
            throw new MalformedSruException("no element in the document", r.getLocation());
        }
        QName root = r.getName();
        if (!root.getLocalPart().equals("OAI-PMH") || !OAI_NS.equals(root.getNamespaceURI())) {
            throw new MalformedSruException("not an OAI-PMH 2.0 response: root element " + RecordRoots.describe(root),
                    r.getLocation());
        }
    }

    private static @Nullable String readGranularity(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        String granularity = null;
        while (nextChild(r)) {
            if (r.getLocalName().equals("granularity")) {
                granularity = blankToNull(readText(r));
            } else {
                skipElement(r);
            }
        }
        return granularity;
    }

    /** Reads the records, returning the resumption token (null when absent or empty: the list is complete). */
    private static @Nullable String readListRecords(XMLStreamReader r, List<OaiResponse.Record> out)
            throws XMLStreamException, MalformedSruException {
        String token = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "record" -> out.add(readRecord(r));
                case "resumptionToken" -> token = blankToNull(readText(r));
                default -> skipElement(r);
            }
        }
        return token;
    }

    private static OaiResponse.Record readRecord(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        String identifier = null;
        boolean deleted = false;
        OaiResponse.Content content = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "header" -> {
                    deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                    while (nextChild(r)) {
                        if (r.getLocalName().equals("identifier")) {
                            identifier = blankToNull(readText(r));
                        } else {
                            skipElement(r); // datestamp, setSpec: the harvest's state is the responseDate
                        }
                    }
                }
                case "metadata" -> content = readMetadata(r);
                default -> skipElement(r); // about
            }
        }
        if (!deleted && content == null) {
            content = new OaiResponse.Unusable("the record has no metadata");
        }
        return new OaiResponse.Record(identifier, deleted, deleted ? null : content);
    }

    /** Copies the metadata's record (or the first record below a wrapper) out as a standalone document. */
    private static OaiResponse.Content readMetadata(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        RecordXmlExtractor.Extracted found = null;
        while (nextChild(r)) {
            if (found == null) {
                found = RecordXmlExtractor.extract(r, name -> RecordRoots.syntaxOf(name) != null);
            } else {
                skipElement(r); // OAI-PMH allows one metadata element; a second one is ignored
            }
        }
        if (found == null) {
            return new OaiResponse.Unusable("the record's metadata is empty");
        }
        if (found.xml() == null) {
            return new OaiResponse.Unusable("the metadata holds no MARCXML or Dublin Core record (root element "
                    + RecordRoots.describe(found.root()) + ")");
        }
        return new OaiResponse.Data(found.xml(), RecordRoots.syntaxOf(found.root()), blankToNull(found.formatAttribute()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
