package org.navette.ill.iso18626;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.jspecify.annotations.Nullable;
import org.navette.ill.iso18626.internal.MessageDecoder;
import org.navette.ill.iso18626.internal.MessageEncoder;
import org.navette.ill.iso18626.internal.TreeBuilder;
import org.navette.ill.iso18626.internal.XmlElement;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads ISO 18626 v1.2 messages from outside: checks the envelope, validates against the bundled
 * schema and returns the {@link Iso18626Message}. Any namespace prefix (or the default namespace)
 * is accepted. A DOCTYPE is refused outright (so no external entity, external DTD or entity
 * expansion ever happens), and so is input over the size limit, before it is parsed.
 *
 * <pre>{@code
 * Iso18626Reader reader = Iso18626Reader.ofDefaults();          // 1 MiB limit
 * try {
 *     Iso18626Message m = reader.read(request.body());
 * } catch (Iso18626Exception e) {
 *     respond(400, e.getMessage());                          // names the line and column
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe to share; the schema is compiled once per reader, each read has its own
 * parser and validator.
 */
public final class Iso18626Reader {
    /** The default limit: 1 MiB, far above any real message (a full request is a few KiB). */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    /** The largest limit allowed: 1 GiB (a message is buffered whole before it is parsed). */
    public static final int MAX_MAX_BYTES = 1 << 30;

    private static final String SCHEMA = "ISO-18626-v1_2.xsd";

    private final int maxBytes;
    private final Schema schema;
    private final SAXParserFactory parsers;

    private Iso18626Reader(int maxBytes) {
        this.maxBytes = maxBytes;
        this.schema = compileSchema();
        this.parsers = secureParsers();
    }

    /** A reader refusing messages over {@value #DEFAULT_MAX_BYTES} bytes. */
    public static Iso18626Reader ofDefaults() {
        return new Iso18626Reader(DEFAULT_MAX_BYTES);
    }

    /**
     * A reader refusing messages over {@code maxBytes} bytes (characters, for {@link #read(String)}).
     *
     * @throws IllegalArgumentException unless 1 &lt;= {@code maxBytes} &lt;= {@value #MAX_MAX_BYTES}
     */
    public static Iso18626Reader withMaxBytes(int maxBytes) {
        if (maxBytes <= 0 || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + MAX_MAX_BYTES + ": " + maxBytes);
        }
        return new Iso18626Reader(maxBytes);
    }

    /** The size limit of this reader. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Reads one message; the stream is read to its end (or one byte past the limit) but not closed.
     *
     * @throws Iso18626Exception if it is not a valid ISO 18626 v1.2 message, is hostile or too large
     * @throws UncheckedIOException if the stream fails
     */
    public Iso18626Message read(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            // one byte past the limit tells an oversized (or endless) stream from one that fits;
            // buffering at most the limit is cheap next to the tree the parse builds anyway
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message", e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return parse(new InputSource(new ByteArrayInputStream(bytes)));
    }

    /**
     * Reads one message from a file, refused before it is opened when larger than the limit.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public Iso18626Message read(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads one message held as text; the limit counts its characters, and an XML declaration's
     * {@code encoding} is ignored (the text is decoded already).
     */
    public Iso18626Message read(String xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length() > maxBytes) {
            throw tooLarge();
        }
        return parse(new InputSource(new StringReader(xml)));
    }

    private Iso18626Message parse(InputSource source) {
        TreeBuilder tree = new TreeBuilder();
        try {
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setErrorHandler(new Throwing(true));
            validator.setContentHandler(tree);
            XMLReader xml = newXmlReader();
            EnvelopeCheck envelope = new EnvelopeCheck(xml);
            envelope.setContentHandler(validator);
            envelope.setErrorHandler(new Throwing(false));
            envelope.parse(source);
        } catch (Refused e) {
            throw new Iso18626Exception(e.getMessage(), e.getLineNumber(), e.getColumnNumber(), null);
        } catch (SchemaInvalid e) {
            throw new Iso18626Exception("not valid against the ISO 18626 v1.2 schema: " + e.getMessage(),
                    e.getLineNumber(), e.getColumnNumber(), e);
        } catch (SAXParseException e) {
            throw new Iso18626Exception(notWellFormed(e), e.getLineNumber(), e.getColumnNumber(), e);
        } catch (SAXException e) {
            throw new Iso18626Exception("not readable as XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message", e);
        }
        XmlElement root = tree.root();
        if (root == null) {
            throw new Iso18626Exception("no ISO18626Message element");
        }
        return MessageDecoder.decode(root);
    }

    private static String notWellFormed(SAXParseException e) {
        String m = String.valueOf(e.getMessage());
        // the JDK parser reports a refused DOCTYPE as a plain fatal error: recognised by its keyword
        if (m.contains("DOCTYPE")) {
            return "a DOCTYPE declaration is refused: ISO 18626 messages need none, and a DTD is how external"
                    + " entities (XXE) and entity expansion bombs get in";
        }
        return "not well-formed XML: " + m;
    }

    private Iso18626Exception tooLarge() {
        return new Iso18626Exception("the message is larger than the limit of " + maxBytes + " bytes");
    }

    private XMLReader newXmlReader() throws SAXException {
        // SAXParserFactory promises no thread-safety; creating a parser is cheap next to the parse
        synchronized (parsers) {
            try {
                return parsers.newSAXParser().getXMLReader();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("the JDK's SAX parser refuses secure settings", e);
            }
        }
    }

    private static SAXParserFactory secureParsers() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // belt and braces, should the DOCTYPE refusal ever be lifted
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses secure settings", e);
        }
    }

    private static Schema compileSchema() {
        URL xsd = Iso18626Reader.class.getResource(SCHEMA);
        if (xsd == null) {
            throw new IllegalStateException("the bundled " + SCHEMA + " is missing from the class path");
        }
        try (InputStream in = xsd.openStream()) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the schema is self-contained: nothing to import, and a message's xsi:schemaLocation is never fetched
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(in, xsd.toExternalForm()));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("the bundled " + SCHEMA + " does not compile", e);
        }
    }

    /**
     * Checks the root before the validator sees it: a wrong root or version then gets a message
     * saying so, rather than the validator's "cannot find the declaration of element".
     */
    private static final class EnvelopeCheck extends XMLFilterImpl {
        private @Nullable Locator locator;
        private boolean rootSeen;

        EnvelopeCheck(XMLReader parent) {
            super(parent);
        }

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
            super.setDocumentLocator(l);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (!rootSeen) {
                rootSeen = true;
                if (!MessageEncoder.NS.equals(uri) || !"ISO18626Message".equals(localName)) {
                    throw new Refused("not an ISO 18626 message: the root element is " + describe(uri, localName)
                            + ", not ISO18626Message in namespace " + MessageEncoder.NS, locator);
                }
                String version = atts.getValue(MessageEncoder.NS, "version");
                // 1.0 and 1.1 messages are valid 1.2 ones (1.2 only added optional elements); 2021 is another schema
                if (version != null && !version.strip().startsWith("1.")) {
                    throw new Refused("ISO 18626 version '" + version + "' is not read here: only 1.x (schema 1.2)", locator);
                }
            }
            super.startElement(uri, localName, qName, atts);
        }

        private static String describe(String uri, String localName) {
            return uri.isEmpty() ? localName + " in no namespace" : localName + " in namespace " + uri;
        }
    }

    /** The envelope check's refusal, already worded for the caller. */
    private static final class Refused extends SAXParseException {
        private static final long serialVersionUID = 1L;

        Refused(String message, @Nullable Locator at) {
            super(message, at);
        }
    }

    /** A schema violation, told apart from a well-formedness error to word the message. */
    private static final class SchemaInvalid extends SAXParseException {
        private static final long serialVersionUID = 1L;

        SchemaInvalid(SAXParseException e) {
            super(e.getMessage(), e.getPublicId(), e.getSystemId(), e.getLineNumber(), e.getColumnNumber(), e);
        }
    }

    /** Errors are thrown, never printed ("[Fatal Error]" on stderr) by a default handler. */
    private static final class Throwing implements ErrorHandler {
        private final boolean schema;

        Throwing(boolean schema) {
            this.schema = schema;
        }

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw schema ? new SchemaInvalid(e) : e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw schema ? new SchemaInvalid(e) : e;
        }
    }
}
