package org.navette.connector.sru.internal;

import java.io.InputStream;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Creates StAX readers for bytes that come from outside: the JDK's own StAX implementation (never
 * whatever else is on the class path), with DTDs and external entities switched off. A document that
 * carries a DOCTYPE at all is refused by {@link #nextEvent} before any entity could be expanded, so
 * neither XXE file reads nor entity-expansion bombs get a chance.
 *
 * <p>Thread-safety: safe for concurrent use once constructed (the factory is only read).
 */
final class HardenedXmlInput {
    private final XMLInputFactory factory;

    HardenedXmlInput() {
        // newDefaultFactory: the JDK's implementation, so the hardening below is known to be honoured
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    }

    XMLStreamReader open(InputStream in, String charset) throws XMLStreamException, MalformedSruException {
        try {
            return charset == null ? factory.createXMLStreamReader(in) : factory.createXMLStreamReader(in, charset);
        } catch (RuntimeException e) {
            throw new MalformedSruException("malformed XML: the XML reader could not start (" + e + ")", e);
        }
    }

    XMLStreamReader open(Reader in) throws XMLStreamException, MalformedSruException {
        try {
            return factory.createXMLStreamReader(in);
        } catch (RuntimeException e) {
            throw new MalformedSruException("malformed XML: the XML reader could not start (" + e + ")", e);
        }
    }

    /**
     * Advances the reader, refusing DTDs and unexpanded entity references.
     *
     * @throws MalformedSruException when the document declares a DOCTYPE or references an entity
     */
    static int nextEvent(XMLStreamReader reader) throws XMLStreamException, MalformedSruException {
        int event;
        try {
            event = reader.next();
        } catch (RuntimeException e) {
            // the JDK's scanner has unchecked failures on some broken input (a DOCTYPE with invalid
            // characters ends in MissingResourceException): still the document's fault
            throw new MalformedSruException("malformed XML: the XML reader gave up with " + e, e);
        }
        if (event == XMLStreamConstants.DTD) {
            throw new MalformedSruException("a DOCTYPE declaration is not allowed (external entities and entity"
                    + " expansion are refused)", reader.getLocation());
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new MalformedSruException("entity reference &" + reader.getLocalName() + "; is not allowed",
                    reader.getLocation());
        }
        return event;
    }
}
