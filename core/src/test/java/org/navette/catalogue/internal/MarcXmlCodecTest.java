package org.navette.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

class MarcXmlCodecTest {
    private final MarcFactory factory = MarcFactory.newInstance();

    private Record record(String title) {
        Record r = factory.newRecord("00000nam a2200000 a 4500");
        r.addVariableField(factory.newControlField("001", "x1"));
        DataField t = factory.newDataField("245", '1', '0');
        t.addSubfield(factory.newSubfield('a', title));
        r.addVariableField(t);
        return r;
    }

    @Test
    void controlCharactersThatXmlCannotCarryBecomeReplacementCharactersAndTheRecordReadsBack() {
        String xml = MarcXmlCodec.toXml(record("Jazz\u001f standards \u001b(B & more"));
        Record back = MarcXmlCodec.fromXml(xml, "lib:x1");
        assertThat(((DataField) back.getVariableField("245")).getSubfield('a').getData())
                .isEqualTo("Jazz\uFFFD standards \uFFFD(B & more");
    }

    @Test
    void cleanTextIsStoredAsItIsWithItsReferencesAndAmpersands() {
        String title = "Müller &#252; <Lieder> 𝄞";
        Record back = MarcXmlCodec.fromXml(MarcXmlCodec.toXml(record(title)), "lib:x1");
        assertThat(((DataField) back.getVariableField("245")).getSubfield('a').getData()).isEqualTo(title);
    }

    @Test
    void aStoredTextWithADoctypeIsRefusedWithoutReadingAnyEntity() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000nam a2200000 a 4500</leader>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">&x;</subfield></datafield></record></collection>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MarcXmlCodec.fromXml(xml, "lib:x1"))
                .isInstanceOf(org.navette.catalogue.CatalogueException.class).hasMessageContaining("lib:x1");
    }

    @Test
    void readingBackStartsNoThread() {
        String xml = MarcXmlCodec.toXml(record("Sans fil"));
        long before = java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        for (int i = 0; i < 50; i++) {
            MarcXmlCodec.fromXml(xml, "lib:x1");
        }
        assertThat(java.lang.management.ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before)
                .isLessThan(10);
    }
}
