package org.navette.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.marc4j.MarcXmlHandler;
import org.marc4j.RecordStack;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.navette.model.MarcRecord;
import org.navette.catalogue.CatalogueException;

/**
 * The stored form of a member record: the decoded marc4j record as one MARCXML {@code <collection>}
 * in UTF-8, and its SHA-256 fingerprint. Both directions are lossless for what marc4j decoded, so
 * an export gives back what the library sent, modulo the encoding.
 */
public final class MarcXmlCodec {
    private MarcXmlCodec() {
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    /**
     * The record as MARCXML text. Characters XML 1.0 cannot carry (C0 controls other than tab and
     * line ends, which real records do hold: a stray subfield delimiter, a MARC-8 escape left in)
     * become U+FFFD, so that what is stored can always be read back.
     */
    public static String toXml(MarcRecord marc) {
        return toXml(marc.toMarc4j());
    }

    /** As {@link #toXml(MarcRecord)}, for a marc4j record. */
    public static String toXml(Record marc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", false);
        writer.write(marc);
        writer.close();
        return xmlSafe(out.toString(StandardCharsets.UTF_8));
    }

    static String xmlSafe(String xml) {
        StringBuilder sb = null;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (!allowed(c)) {
                if (sb == null) {
                    sb = new StringBuilder(xml.length()).append(xml, 0, i);
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String text = sb == null ? xml : sb.toString();
        if (text.indexOf("&#") < 0) {
            return text;
        }
        java.util.regex.Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String ref = m.group(1);
            int cp;
            try {
                cp = ref.charAt(0) == 'x' ? Integer.parseInt(ref.substring(1), 16) : Integer.parseInt(ref);
            } catch (NumberFormatException e) {
                cp = -1;
            }
            boolean ok = cp >= 0x20 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF
                    || cp == 0x9 || cp == 0xA || cp == 0xD;
            m.appendReplacement(out, ok ? java.util.regex.Matcher.quoteReplacement(m.group()) : "\uFFFD");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == 0x9 || c == 0xA || c == 0xD;
    }

    /**
     * The record stored as {@code xml}; a store returning something else is a {@link CatalogueException}.
     * Parsed on the calling thread (marc4j's {@code MarcXmlReader} starts a thread per reader: one per
     * stored record read back, which made re-clustering wait on thread starts), with DOCTYPEs refused.
     */
    public static Record fromXml(String xml, String memberId) {
        OneRecord stack = new OneRecord();
        try {
            XMLReader reader = PARSER.get().getXMLReader();
            reader.setContentHandler(new MarcXmlHandler(stack));
            reader.setErrorHandler(THROWING);
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | RuntimeException e) {
            throw new CatalogueException("stored member " + memberId + " has unreadable MARCXML: " + e.getMessage(), e);
        } finally {
            PARSER.get().reset();
        }
        if (stack.records.isEmpty()) {
            throw new CatalogueException("stored member " + memberId + " has no MARCXML record");
        }
        return stack.records.get(0);
    }

    private static final ThreadLocal<SAXParser> PARSER = ThreadLocal.withInitial(() -> {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses secure settings", e);
        }
    });

    /** Errors are thrown, never printed ("[Fatal Error]" on stderr) by the parser's default handler. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** marc4j's handler pushes into a {@link RecordStack}; this one collects on the same thread, never blocking. */
    private static final class OneRecord extends RecordStack {
        final java.util.List<Record> records = new java.util.ArrayList<>(1);

        @Override
        public synchronized void push(Record record) {
            records.add(record);
        }

        @Override
        public synchronized Record pop() {
            return records.remove(0);
        }

        @Override
        public synchronized boolean hasNext() {
            return !records.isEmpty();
        }

        @Override
        public synchronized void end() {
        }

        @Override
        public synchronized void passException(RuntimeException e) {
            throw e;
        }
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
    public static String fingerprint(String xml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
