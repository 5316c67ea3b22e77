package org.navette.connector.sru.internal;

import java.util.Set;
import javax.xml.namespace.QName;
import org.navette.model.RecordSyntax;

/**
 * Recognises the root element of the records Navette can use, whatever prefix the server chose:
 * MARCXML (MARC21 slim, also used for UNIMARC slim), marcxchange (ISO 25577), Dublin Core as SRU
 * servers return it, and SRU's per-record diagnostics.
 *
 * <p>Thread-safety: stateless.
 */
final class RecordRoots {
    static final String MARC21_SLIM = "http://www.loc.gov/MARC21/slim";
    static final Set<String> MARC_NAMESPACES = Set.of(MARC21_SLIM, "info:lc/xmlns/marcxchange-v1",
            "info:lc/xmlns/marcxchange-v2", "http://www.bs.dk/standards/MarcXchange");
    static final Set<String> DC_NAMESPACES = Set.of("http://purl.org/dc/elements/1.1/",
            "http://www.openarchives.org/OAI/2.0/oai_dc/", "info:srw/schema/1/dc-schema", "info:srw/schema/1/dc-v1.1");
    static final Set<String> DIAGNOSTIC_NAMESPACES = Set.of("http://www.loc.gov/zing/srw/diagnostic/",
            "http://docs.oasis-open.org/ns/search-ws/diagnostic");

    private RecordRoots() {
    }

    /** True for an element the record extractor should copy out of {@code recordData}. */
    static boolean isRecordRoot(QName name) {
        return syntaxOf(name) != null || isDiagnostic(name);
    }

    /** MARCXML, Dublin Core, or null for anything else. */
    static RecordSyntax syntaxOf(QName name) {
        String ns = name.getNamespaceURI();
        String local = name.getLocalPart();
        if ((local.equals("record") || local.equals("collection"))
                && (MARC_NAMESPACES.contains(ns) || ns.isEmpty())) {
            return RecordSyntax.MARCXML; // Alma writes <record xmlns=""> inside recordData
        }
        if (local.equals("dc") && DC_NAMESPACES.contains(ns)) {
            return RecordSyntax.DUBLIN_CORE_XML;
        }
        return null;
    }

    static boolean isDiagnostic(QName name) {
        return name.getLocalPart().equals("diagnostic") && DIAGNOSTIC_NAMESPACES.contains(name.getNamespaceURI());
    }

    static String describe(QName name) {
        return name.getNamespaceURI().isEmpty() ? name.getLocalPart() : "{" + name.getNamespaceURI() + "}" + name.getLocalPart();
    }
}
