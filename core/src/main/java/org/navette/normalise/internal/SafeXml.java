package org.navette.normalise.internal;

import javax.xml.stream.XMLInputFactory;

/**
 * StAX factories that never read a DTD or an external entity and parse without namespace
 * processing (MARC XML dialects use any prefix, or none; we match local names). Record text handed
 * to them never contains a DOCTYPE: {@link XmlRecordFramer} drops it, so no entity can be defined,
 * let alone expanded.
 *
 * <p>Thread-safety: stateless; each call returns a new factory (JDK factories are not documented
 * as safe to share while creating readers).
 */
public final class SafeXml {
    private SafeXml() {
    }

    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
