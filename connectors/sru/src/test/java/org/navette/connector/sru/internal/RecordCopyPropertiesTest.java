package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.navette.connector.sru.MarcXmlProbe;

/**
 * Whatever prefixes a server picks and wherever it declares them, and whatever characters the
 * record holds, the copied record is a standalone document with the same names and values,
 * packed as XML or as an escaped string.
 */
class RecordCopyPropertiesTest {
    private static final String MARC = "http://www.loc.gov/MARC21/slim";

    /** Where the server declares the record's namespace. */
    enum Declared { ON_ENVELOPE, ON_RECORD_DATA, ON_RECORD }

    record Shape(String envelopePrefix, String recordPrefix, Declared declared, boolean asString) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<String> prefix = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4)
                        .filter(p -> !p.startsWith("xml")));
        return Combinators.combine(prefix, prefix, Arbitraries.of(Declared.class), Arbitraries.of(true, false))
                .as(Shape::new)
                // one prefix for two namespaces on one element is not XML
                .filter(s -> !(s.declared == Declared.ON_ENVELOPE && s.envelopePrefix.equals(s.recordPrefix)));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("&<>\"' \t\n\r;#]").withCharRange('a', 'e')
                .withCharRange('\u00e0', '\u00ff').withCharRange('\u4e00', '\u4e10').withChars('\u0098', '\u009c')
                .ofMaxLength(24);
    }

    @Property(tries = 200)
    void theCopyKeepsNamesAndValues(@ForAll("shapes") Shape shape, @ForAll("texts") String text,
                                    @ForAll("texts") String attribute) throws Exception {
        String rp = shape.recordPrefix().isEmpty() ? "" : shape.recordPrefix() + ":";
        String recordNs = "xmlns" + (shape.recordPrefix().isEmpty() ? "" : ":" + shape.recordPrefix()) + "=\"" + MARC + "\"";
        String record = "<" + rp + "record" + (shape.declared() == Declared.ON_RECORD ? " " + recordNs : "") + ">"
                + "<" + rp + "controlfield tag=\"001\">" + escape(text) + "</" + rp + "controlfield>"
                + "<" + rp + "datafield tag=\"245\" ind1=\" \" ind2=\"0\"><" + rp + "subfield code=\"" + escape(attribute)
                + "\">x</" + rp + "subfield></" + rp + "datafield></" + rp + "record>";
        if (shape.asString()) {
            // the whole record, namespace declaration included, as escaped text
            record = escape(record.replace("<" + rp + "record>", "<" + rp + "record " + recordNs + ">"));
        }
        String ep = shape.envelopePrefix().isEmpty() ? "" : shape.envelopePrefix() + ":";
        String envelopeNs = "xmlns" + (shape.envelopePrefix().isEmpty() ? "" : ":" + shape.envelopePrefix())
                + "=\"http://www.loc.gov/zing/srw/\"";
        String xml = "<" + ep + "searchRetrieveResponse " + envelopeNs
                + (shape.declared() == Declared.ON_ENVELOPE && !shape.asString() ? " " + recordNs : "") + ">"
                + "<" + ep + "numberOfRecords>1</" + ep + "numberOfRecords><" + ep + "records><" + ep + "record>"
                + "<" + ep + "recordData" + (shape.declared() == Declared.ON_RECORD_DATA && !shape.asString()
                        ? " " + recordNs : "") + ">" + record + "</" + ep + "recordData>"
                + "</" + ep + "record></" + ep + "records></" + ep + "searchRetrieveResponse>";

        SruResponse r = new SruResponseParser().parseSearchRetrieve(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null, 1);

        SruRecord.Data data = (SruRecord.Data) r.records().get(0).content();
        MarcXmlProbe copy = MarcXmlProbe.of(data.xml());
        assertThat(copy.rootNamespace()).isEqualTo(MARC);
        assertThat(copy.controlField("001")).isEqualTo(text);
        assertThat(copy.count("subfield")).isEqualTo(1);
        assertThat(copy.subfield("245", attribute)).isEqualTo("x");
    }

    /** Escapes every character XML could read differently, including the line ends it would normalise. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;");
    }
}
