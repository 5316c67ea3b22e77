package org.navette.demo.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Subfield;
import org.navette.model.BibRecord;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.query.QuerySyntaxException;

/**
 * A small real SRU 1.2 server (1.1 accepted) on 127.0.0.1 over one library's records: {@code explain}
 * (a ZeeRex record) and {@code searchRetrieve} with the query parsed by Navette's {@link CqlParser}
 * and evaluated by a {@link RecordIndex}, {@code startRecord}/{@code maximumRecords}, records as
 * MARCXML (packing {@code xml} or {@code string}), and SRU diagnostics for what it cannot do (a bad
 * or unsupported query, an unknown schema, a start beyond the result). GET and POST (form) alike.
 *
 * <pre>{@code
 * try (SruServer sru = SruServer.start("champagnole", "Médiathèque de Champagnole", records)) {
 *     sru.baseUrl();   // http://127.0.0.1:PORT/champagnole
 * }
 * }</pre>
 *
 * <p>Thread-safety: the server answers from its own threads over an immutable index.
 */
public final class SruServer implements AutoCloseable {
    static final String SRW = "http://www.loc.gov/zing/srw/";
    static final String DIAG = "http://www.loc.gov/zing/srw/diagnostic/";
    static final String MARCXML = "http://www.loc.gov/MARC21/slim";
    static final String ZEEREX = "http://explain.z3950.org/dtd/2.0/";
    static final String MARCXML_SCHEMA = "info:srw/schema/1/marcxml-v1.1";
    static final int DEFAULT_RECORDS = 10;
    static final int MAX_RECORDS = 100;

    private final String database;
    private final String title;
    private final RecordIndex index;
    private @Nullable LoopbackHttpServer http;

    private SruServer(String database, String title, RecordIndex index) {
        this.database = database;
        this.title = title;
        this.index = index;
    }

    /** Starts the server on a free port of 127.0.0.1, its base URL ending in {@code /database}. */
    public static SruServer start(String database, String title, List<BibRecord> records) throws IOException {
        SruServer sru = new SruServer(database, title, new RecordIndex(records));
        sru.http = LoopbackHttpServer.start("demo-sru", "/", sru::handle);
        return sru;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/" + database;
    }

    public int port() {
        return java.util.Objects.requireNonNull(http).port();
    }

    public int records() {
        return index.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/" + database)) {
                respond(exchange, 404, "text/plain; charset=UTF-8", "no database " + exchange.getRequestURI().getPath() + " here; try /" + database);
                return;
            }
            Map<String, String> params = parameters(exchange.getRequestURI().getRawQuery());
            if (exchange.getRequestMethod().equals("POST")) {
                try (InputStream in = exchange.getRequestBody()) {
                    params.putAll(parameters(new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8)));
                }
            }
            respond(exchange, 200, "text/xml; charset=UTF-8", answer(params));
        }
    }

    /** The response document for one request's parameters (names lower-cased). */
    String answer(Map<String, String> params) {
        try {
            String operation = params.getOrDefault("operation", params.containsKey("query") ? "searchRetrieve" : "explain");
            String version = params.getOrDefault("version", "1.2");
            if (!version.equals("1.2") && !version.equals("1.1")) {
                return diagnosticOnly("explainResponse", 5, "1.2", "Unsupported version");
            }
            return switch (operation) {
                case "explain" -> explain(version);
                case "searchRetrieve" -> searchRetrieve(params, version);
                default -> diagnosticOnly("explainResponse", 4, operation, "Unsupported operation");
            };
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an SRU response", e); // a string writer does not fail
        }
    }

    private String searchRetrieve(Map<String, String> p, String version) throws XMLStreamException {
        String cql = p.get("query");
        if (cql == null || cql.isBlank()) {
            return diagnosticOnly("searchRetrieveResponse", 7, "query", "Mandatory parameter not supplied");
        }
        Integer start = positive(p.getOrDefault("startrecord", "1"));
        Integer max = positive(p.getOrDefault("maximumrecords", Integer.toString(DEFAULT_RECORDS)));
        if (start == null || start < 1) {
            return diagnosticOnly("searchRetrieveResponse", 6, "startRecord", "Unsupported parameter value");
        }
        if (max == null) {
            return diagnosticOnly("searchRetrieveResponse", 6, "maximumRecords", "Unsupported parameter value");
        }
        String schema = p.getOrDefault("recordschema", "marcxml");
        if (!schema.equals("marcxml") && !schema.equals(MARCXML_SCHEMA)) {
            return diagnosticOnly("searchRetrieveResponse", 66, schema, "Unknown schema for retrieval");
        }
        String packing = p.getOrDefault("recordpacking", "xml");
        if (!packing.equals("xml") && !packing.equals("string")) {
            return diagnosticOnly("searchRetrieveResponse", 71, packing, "Unsupported record packing");
        }
        List<BibRecord> hits;
        try {
            Query query = CqlParser.parse(cql);
            hits = index.search(query);
        } catch (QuerySyntaxException e) {
            return diagnosticOnly("searchRetrieveResponse", 10, e.getMessage(), "Query syntax error");
        } catch (RecordIndex.UnsupportedClauseException e) {
            return diagnosticOnly("searchRetrieveResponse", e.diagnostic(), e.getMessage(),
                    e.diagnostic() == 19 ? "Unsupported relation" : "Query syntax error");
        }
        if (hits.size() > 0 && start > hits.size()) {
            return diagnosticOnly("searchRetrieveResponse", 61, Integer.toString(start), "First record position out of range");
        }
        int count = Math.max(0, Math.min(Math.min(max, MAX_RECORDS), hits.size() - start + 1));
        return response("searchRetrieveResponse", version, w -> {
            element(w, "numberOfRecords", Integer.toString(hits.size()));
            searchBody(w, hits, start, count, packing);
            w.writeStartElement("echoedSearchRetrieveRequest");
            element(w, "version", version);
            element(w, "query", cql);
            element(w, "startRecord", Integer.toString(start));
            element(w, "maximumRecords", Integer.toString(max));
            element(w, "recordPacking", packing);
            element(w, "recordSchema", schema);
            w.writeEndElement();
        });
    }

    /** The records of positions {@code start} to {@code start + count - 1}, and the next position when more remain. */
    private static void searchBody(XMLStreamWriter w, List<BibRecord> hits, int start, int count, String packing)
            throws XMLStreamException {
        if (count > 0) {
            w.writeStartElement("records");
            for (int i = 0; i < count; i++) {
                int position = start + i;
                w.writeStartElement("record");
                element(w, "recordSchema", MARCXML_SCHEMA);
                element(w, "recordPacking", packing);
                w.writeStartElement("recordData");
                BibRecord r = hits.get(position - 1);
                if (packing.equals("string")) {
                    StringWriter rec = new StringWriter();
                    XMLStreamWriter rw = XMLOutputFactory.newFactory().createXMLStreamWriter(rec);
                    marcXml(rw, r);
                    rw.flush();
                    w.writeCharacters(rec.toString());
                } else {
                    marcXml(w, r);
                }
                w.writeEndElement();
                element(w, "recordPosition", Integer.toString(position));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        if (start + count <= hits.size()) {
            element(w, "nextRecordPosition", Integer.toString(start + count));
        }
    }

    /** One record as MARCXML, characters XML 1.0 cannot carry left out. */
    private static void marcXml(XMLStreamWriter w, BibRecord r) throws XMLStreamException {
        org.marc4j.marc.Record marc = r.marc().orElseThrow(() -> new IllegalStateException("record " + r.source() + " has no MARC")).toMarc4j();
        w.writeStartElement("record");
        w.writeDefaultNamespace(MARCXML);
        element(w, "leader", marc.getLeader().marshal());
        for (ControlField f : marc.getControlFields()) {
            w.writeStartElement("controlfield");
            w.writeAttribute("tag", f.getTag());
            w.writeCharacters(xmlText(f.getData()));
            w.writeEndElement();
        }
        for (DataField f : marc.getDataFields()) {
            w.writeStartElement("datafield");
            w.writeAttribute("tag", f.getTag());
            w.writeAttribute("ind1", indicator(f.getIndicator1()));
            w.writeAttribute("ind2", indicator(f.getIndicator2()));
            for (Subfield s : f.getSubfields()) {
                w.writeStartElement("subfield");
                w.writeAttribute("code", xmlText(String.valueOf(s.getCode())));
                w.writeCharacters(xmlText(s.getData()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String indicator(char c) {
        return c == 0 ? " " : xmlText(String.valueOf(c));
    }

    static String xmlText(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private String explain(String version) throws XMLStreamException {
        return response("explainResponse", version, this::explainRecord);
    }

    private void explainRecord(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("record");
        element(w, "recordSchema", ZEEREX);
        element(w, "recordPacking", "xml");
        w.writeStartElement("recordData");
        w.writeStartElement("explain");
        w.writeDefaultNamespace(ZEEREX);
        w.writeStartElement("serverInfo");
        w.writeAttribute("protocol", "SRU");
        w.writeAttribute("version", "1.2");
        element(w, "host", "127.0.0.1");
        element(w, "port", Integer.toString(port()));
        element(w, "database", database);
        w.writeEndElement();
        w.writeStartElement("databaseInfo");
        element(w, "title", title);
        w.writeEndElement();
        w.writeStartElement("indexInfo");
        Map<String, String> sets = Map.of("cql", "info:srw/cql-context-set/1/cql-v1.2", "dc", "info:srw/cql-context-set/1/dc-v1.1",
                "bath", "http://zing.z3950.org/cql/bath/2.0/");
        for (String set : List.of("cql", "dc", "bath")) {
            w.writeStartElement("set");
            w.writeAttribute("name", set);
            w.writeAttribute("identifier", sets.get(set));
            w.writeEndElement();
        }
        String[][] indexes = {{"Any", "cql", "serverChoice"}, {"Title", "dc", "title"}, {"Creator", "dc", "creator"},
            {"Subject", "dc", "subject"}, {"Publisher", "dc", "publisher"}, {"Date", "dc", "date"}, {"Language", "dc", "language"},
            {"ISBN", "bath", "isbn"}, {"ISSN", "bath", "issn"}};
        for (String[] ix : indexes) {
            w.writeStartElement("index");
            w.writeAttribute("search", "true");
            element(w, "title", ix[0]);
            w.writeStartElement("map");
            w.writeStartElement("name");
            w.writeAttribute("set", ix[1]);
            w.writeCharacters(ix[2]);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement("schemaInfo");
        w.writeStartElement("schema");
        w.writeAttribute("identifier", MARCXML_SCHEMA);
        w.writeAttribute("name", "marcxml");
        element(w, "title", "MARCXML");
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("configInfo");
        w.writeStartElement("default");
        w.writeAttribute("type", "numberOfRecords");
        w.writeCharacters(Integer.toString(DEFAULT_RECORDS));
        w.writeEndElement();
        w.writeStartElement("setting");
        w.writeAttribute("type", "maximumRecords");
        w.writeCharacters(Integer.toString(MAX_RECORDS));
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement(); // explain
        w.writeEndElement(); // recordData
        w.writeEndElement(); // record
    }

    /** What a response's root element holds after its version. */
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A whole response document: the root in the SRW namespace, its version, then {@code body}. */
    private static String response(String root, String version, Body body) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement(root);
        w.writeDefaultNamespace(SRW);
        element(w, "version", version);
        body.write(w);
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toString();
    }

    /** A response carrying one SRU diagnostic and, for a search, no records. */
    private static String diagnosticOnly(String root, int number, String details, String message) {
        try {
            return response(root, "1.2", w -> {
                if (root.equals("searchRetrieveResponse")) {
                    element(w, "numberOfRecords", "0");
                }
                w.writeStartElement("diagnostics");
                w.writeStartElement("diagnostic");
                w.writeDefaultNamespace(DIAG);
                element(w, "uri", "info:srw/diagnostic/1/" + number);
                element(w, "details", xmlText(details));
                element(w, "message", message);
                w.writeEndElement();
                w.writeEndElement();
            });
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an SRU diagnostic", e); // a string writer does not fail
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static @Nullable Integer positive(String s) {
        try {
            int n = Integer.parseInt(s.strip());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** URL-encoded parameters, names lower-cased (SRU names are case-sensitive, but clients vary); the first value wins. */
    static Map<String, String> parameters(@Nullable String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        LoopbackHttpServer.respond(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }
}
