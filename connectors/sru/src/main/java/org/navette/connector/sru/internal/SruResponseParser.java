package org.navette.connector.sru.internal;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.navette.connector.sru.SruExplain;

/**
 * Streaming (StAX) parser of SRU responses: searchRetrieve and explain, SRU 1.1/1.2
 * ({@code http://www.loc.gov/zing/srw/}) and 2.0 ({@code http://docs.oasis-open.org/ns/search-ws/sruResponse}),
 * any prefix. Records are copied out of {@code recordData} as standalone documents, whether the server
 * sent them as XML or as escaped text; which packing was used is decided by the content, since servers
 * do not always report it truthfully.
 *
 * <pre>{@code
 * SruResponse page = new SruResponseParser().parseSearchRetrieve(body, null, 1);
 * page.numberOfRecords();  // 2525
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class SruResponseParser {
    public static final String SRW_NS = "http://www.loc.gov/zing/srw/";
    public static final String SRU2_NS = "http://docs.oasis-open.org/ns/search-ws/sruResponse";
    private static final Set<String> SRU_NAMESPACES = Set.of(SRW_NS, SRU2_NS);
    private static final Pattern SRU_START = Pattern.compile(
            "^\\uFEFF?\\s*(<\\?xml[^>]*\\?>)?(\\s|<!--.*?-->)*<([A-Za-z_][\\w.-]*:)?(searchRetrieveResponse|explainResponse)[\\s>/]",
            Pattern.DOTALL);

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=");
    private static final int DECLARATION_PEEK = 200;

    private final HardenedXmlInput xml = new HardenedXmlInput();

    /**
     * Parses a searchRetrieve response.
     *
     * @param charset     the charset the HTTP header declared, or null to let the document say
     * @param startRecord the startRecord of the request, to number records the server did not number
     * @throws MalformedSruException when the bytes are not a well-formed SRU searchRetrieve response
     * @throws IOException           when reading the stream fails
     */
    public SruResponse parseSearchRetrieve(InputStream in, String charset, int startRecord)
            throws MalformedSruException, IOException {
        XMLStreamReader r = open(in, charset);
        try {
            QName root = requireRoot(r, "searchRetrieveResponse");
            String version = null;
            long numberOfRecords = -1;
            int next = 0;
            List<SruRecord> records = new ArrayList<>();
            List<SruDiagnostic> diagnostics = new ArrayList<>();
            while (nextChild(r)) {
                switch (r.getLocalName()) {
                    case "version" -> version = readText(r);
                    case "numberOfRecords" -> numberOfRecords = parseCount(r, "numberOfRecords", readText(r));
                    case "nextRecordPosition" -> next = (int) Math.min(Integer.MAX_VALUE,
                            parseCount(r, "nextRecordPosition", readText(r)));
                    case "records" -> readRecords(r, startRecord, records);
                    case "diagnostics" -> readDiagnostics(r, diagnostics);
                    default -> skipElement(r);
                }
            }
            requireEnd(r);
            return new SruResponse(version(version, root), numberOfRecords, next, records, diagnostics);
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (Exception e) {
            throw undeclared(e);
        } finally {
            closeQuietly(r);
        }
    }

    /**
     * Parses an explain response: the ZeeRex record it carries (empty when it carries none) and its diagnostics.
     *
     * @throws MalformedSruException when the bytes are not a well-formed SRU explain response
     * @throws IOException           when reading the stream fails
     */
    public ExplainResponse parseExplain(InputStream in, String charset) throws MalformedSruException, IOException {
        XMLStreamReader r = open(in, charset);
        try {
            QName root = requireRoot(r, "explainResponse");
            String version = null;
            String zeerex = null;
            List<SruDiagnostic> diagnostics = new ArrayList<>();
            while (nextChild(r)) {
                switch (r.getLocalName()) {
                    case "version" -> version = readText(r);
                    case "record" -> zeerex = readExplainRecord(r);
                    case "diagnostics" -> readDiagnostics(r, diagnostics);
                    default -> skipElement(r);
                }
            }
            requireEnd(r);
            SruExplain explain = zeerex == null ? SruExplain.empty(version(version, root))
                    : ZeeRexReader.read(parseTree(zeerex), version(version, root));
            return new ExplainResponse(explain, diagnostics);
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (Exception e) {
            throw undeclared(e);
        } finally {
            closeQuietly(r);
        }
    }

    /**
     * An explain response.
     *
     * @param explain     what the server described (empty when it sent no ZeeRex record)
     * @param diagnostics whole-response diagnostics
     */
    public record ExplainResponse(SruExplain explain, List<SruDiagnostic> diagnostics) {
        public ExplainResponse {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * True when the first bytes of a body are clearly an SRU response (used when a server sends SRU
     * XML under a wrong content type).
     */
    public static boolean looksLikeSru(byte[] head) {
        return SRU_START.matcher(new String(head, StandardCharsets.ISO_8859_1)).find();
    }

    private XMLStreamReader open(InputStream in, String charset) throws MalformedSruException, IOException {
        InputStream input = in;
        String encoding = null;
        if (charset != null) {
            // the document's own BOM or encoding declaration wins over the HTTP header: servers get the
            // header wrong far more often than the document
            input = new BufferedInputStream(in, 8192);
            input.mark(DECLARATION_PEEK);
            byte[] head = input.readNBytes(DECLARATION_PEEK);
            input.reset();
            if (!declaresEncoding(head)) {
                encoding = charset;
            }
        }
        try {
            return xml.open(input, encoding);
        } catch (XMLStreamException e) {
            throw new MalformedSruException("cannot start reading XML: " + e.getMessage(), e);
        }
    }

    private static boolean declaresEncoding(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF))) {
            return true; // a byte order mark names the encoding
        }
        return DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1)).find();
    }

    private static QName requireRoot(XMLStreamReader r, String expected) throws XMLStreamException, MalformedSruException {
        int event;
        do {
            event = HardenedXmlInput.nextEvent(r);
        } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
        if (event == XMLStreamConstants.END_DOCUMENT) {
            throw new MalformedSruException("empty document: no root element", r.getLocation());
        }
        QName root = r.getName();
        if (!root.getLocalPart().equals(expected) || !SRU_NAMESPACES.contains(root.getNamespaceURI())) {
            throw new MalformedSruException("not an SRU " + expected + ": root element is "
                    + RecordRoots.describe(root), r.getLocation());
        }
        return root;
    }

    private static String version(String declared, QName root) {
        if (declared != null && !declared.isBlank()) {
            return declared.strip();
        }
        return SRU2_NS.equals(root.getNamespaceURI()) ? "2.0" : "1.1";
    }

    /** Reads to the end of the document so that a body cut after the root's end tag still fails loudly. */
    static void requireEnd(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        while (r.hasNext()) {
            HardenedXmlInput.nextEvent(r);
        }
    }

    private void readRecords(XMLStreamReader r, int startRecord, List<SruRecord> out)
            throws XMLStreamException, MalformedSruException {
        while (nextChild(r)) {
            if (r.getLocalName().equals("record")) {
                out.add(readRecord(r, startRecord + out.size()));
            } else {
                skipElement(r);
            }
        }
    }

    private SruRecord readRecord(XMLStreamReader r, int countedPosition) throws XMLStreamException, MalformedSruException {
        String schema = null;
        String identifier = null;
        int position = countedPosition;
        SruRecord.Content content = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "recordSchema" -> schema = blankToNull(readText(r));
                case "recordIdentifier" -> identifier = blankToNull(readText(r));
                case "recordPosition" -> position = positionOr(readText(r), countedPosition);
                case "recordData" -> content = readRecordData(r);
                default -> skipElement(r); // recordPacking / recordXMLEscaping: the content itself tells
            }
        }
        if (content == null) {
            content = new SruRecord.Unusable("record has no recordData");
        }
        return new SruRecord(position, schema, identifier, content);
    }

    private SruRecord.Content readRecordData(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        RecordData data = readDataElement(r, RecordRoots::isRecordRoot);
        if (data.element() == null) {
            return data.text().isBlank() ? new SruRecord.Unusable("empty recordData") : contentFromEscaped(data.text());
        }
        return contentFrom(data.element());
    }

    /** What a recordData element held: an element copied out, or else its text (escaped XML). */
    private record RecordData(RecordXmlExtractor.Extracted element, String text) {
    }

    /** Reads a recordData element: its first element (or matching descendant) copied out, else its text. */
    private RecordData readDataElement(XMLStreamReader r, Predicate<QName> wanted)
            throws XMLStreamException, MalformedSruException {
        StringBuilder text = new StringBuilder();
        RecordXmlExtractor.Extracted element = null;
        while (true) {
            int event = HardenedXmlInput.nextEvent(r);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (element == null) {
                        element = RecordXmlExtractor.extract(r, wanted);
                    } else {
                        skipElement(r);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (element == null) {
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return new RecordData(element, element == null ? text.toString() : "");
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new MalformedSruException("document ends inside recordData", r.getLocation());
                default -> {
                    // comments and processing instructions around the record carry nothing
                }
            }
        }
    }

    /** recordPacking "string": the record is escaped XML text, parsed again with the same hardening. */
    private SruRecord.Content contentFromEscaped(String text) {
        try {
            RecordXmlExtractor.Extracted element = extractFromString(text, RecordRoots::isRecordRoot);
            return contentFrom(element);
        } catch (XMLStreamException | MalformedSruException e) {
            return new SruRecord.Unusable("recordData text is not well-formed XML: " + e.getMessage());
        }
    }

    private RecordXmlExtractor.Extracted extractFromString(String text, Predicate<QName> wanted)
            throws XMLStreamException, MalformedSruException {
        XMLStreamReader s = xml.open(new StringReader(text.strip()));
        try {
            int event;
            do {
                event = HardenedXmlInput.nextEvent(s);
            } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new MalformedSruException("no element in the text", s.getLocation());
            }
            RecordXmlExtractor.Extracted element = RecordXmlExtractor.extract(s, wanted);
            requireEnd(s);
            return element;
        } finally {
            closeQuietly(s);
        }
    }

    private SruRecord.Content contentFrom(RecordXmlExtractor.Extracted element) throws XMLStreamException, MalformedSruException {
        if (element.xml() == null) {
            return new SruRecord.Unusable("recordData holds no MARCXML or Dublin Core record (root element "
                    + RecordRoots.describe(element.root()) + ")");
        }
        if (RecordRoots.isDiagnostic(element.root())) {
            XMLStreamReader s = xml.open(new StringReader(element.xml()));
            try {
                while (HardenedXmlInput.nextEvent(s) != XMLStreamConstants.START_ELEMENT) {
                    // up to the diagnostic element
                }
                return new SruRecord.Surrogate(readDiagnostic(s));
            } finally {
                closeQuietly(s);
            }
        }
        return new SruRecord.Data(element.xml(), RecordRoots.syntaxOf(element.root()), blankToNull(element.formatAttribute()));
    }

    private String readExplainRecord(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        Predicate<QName> zeerex = name -> name.getLocalPart().equals("explain");
        String found = null;
        while (nextChild(r)) {
            if (!r.getLocalName().equals("recordData")) {
                skipElement(r);
                continue;
            }
            RecordData data = readDataElement(r, zeerex);
            RecordXmlExtractor.Extracted element = data.element();
            if (element == null && !data.text().isBlank()) {
                element = extractFromString(data.text(), zeerex);
            }
            found = element == null ? null : element.xml();
        }
        return found;
    }

    private static void readDiagnostics(XMLStreamReader r, List<SruDiagnostic> out)
            throws XMLStreamException, MalformedSruException {
        while (nextChild(r)) {
            if (r.getLocalName().equals("diagnostic")) {
                out.add(readDiagnostic(r));
            } else {
                skipElement(r);
            }
        }
    }

    private static SruDiagnostic readDiagnostic(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        String uri = null;
        String message = null;
        String details = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "uri" -> uri = readText(r);
                case "message" -> message = readText(r);
                case "details" -> details = readText(r);
                default -> skipElement(r);
            }
        }
        return new SruDiagnostic(uri, message, details);
    }

    /**
     * Moves to the next child element of the current element. Returns false (on the parent's
     * END_ELEMENT) when there are no more children.
     */
    static boolean nextChild(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        while (true) {
            int event = HardenedXmlInput.nextEvent(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new MalformedSruException("document ends before its elements are closed", r.getLocation());
            }
        }
    }

    /** The text of a simple element (nested elements are skipped), leaving the reader on its END_ELEMENT. */
    static String readText(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int event = HardenedXmlInput.nextEvent(r);
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> skipElement(r);
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString().strip();
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new MalformedSruException("document ends inside an element", r.getLocation());
                default -> {
                    // comments and processing instructions inside a value carry nothing
                }
            }
        }
    }

    static void skipElement(XMLStreamReader r) throws XMLStreamException, MalformedSruException {
        int depth = 1;
        while (depth > 0) {
            int event = HardenedXmlInput.nextEvent(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new MalformedSruException("document ends inside an element", r.getLocation());
            }
        }
    }

    private static long parseCount(XMLStreamReader r, String what, String text) throws MalformedSruException {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedSruException(what + " is not a non-negative number: '" + abbreviate(text) + "'",
                    r.getLocation());
        }
        return Long.parseLong(text);
    }

    private static int positionOr(String text, int fallback) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return fallback;
        }
        int p = Integer.parseInt(text);
        return p >= 1 ? p : fallback;
    }

    /** A small element tree of the ZeeRex record (a few kilobytes), easier to query than a stream. */
    private XmlNode parseTree(String zeerex) throws XMLStreamException, MalformedSruException {
        XMLStreamReader s = xml.open(new StringReader(zeerex));
        try {
            while (HardenedXmlInput.nextEvent(s) != XMLStreamConstants.START_ELEMENT) {
                // up to the explain element
            }
            return XmlNode.read(s);
        } finally {
            closeQuietly(s);
        }
    }

    static MalformedSruException malformed(XMLStreamException e) throws IOException {
        Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (nested instanceof CharConversionException bytes) {
            return badBytes(bytes);
        }
        if (nested instanceof IOException io) {
            throw io; // the network failed under the parser: not the server's XML
        }
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage().replaceAll("\\s+", " ");
        return new MalformedSruException("malformed XML: " + message, e);
    }

    /**
     * The JDK's StAX reader throws its decoding errors (CharConversionException) without declaring
     * them; everything else passes through as it came.
     */
    static MalformedSruException undeclared(Exception e) throws IOException {
        if (e instanceof CharConversionException bytes) {
            return badBytes(bytes);
        }
        if (e instanceof MalformedSruException m) {
            return m;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        throw (RuntimeException) e; // the only other exceptions the try blocks can throw
    }

    /** The parser's decoder met bytes that are not in the document's encoding: the server's fault, not the network's. */
    private static MalformedSruException badBytes(CharConversionException e) {
        return new MalformedSruException("malformed XML: bytes invalid in the document's encoding ("
                + e.getMessage() + ")", e);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void closeQuietly(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // closing a reader releases nothing we own: the caller closes the stream
        }
    }
}
