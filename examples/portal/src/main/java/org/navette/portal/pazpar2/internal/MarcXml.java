package org.navette.portal.pazpar2.internal;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * A MARC record as MARCXML (the {@code http://www.loc.gov/MARC21/slim} schema), the form pazpar2's
 * {@code record} command with {@code offset} gives a front end for a MARC target. Written with
 * {@link XmlAnswer}, so characters XML cannot carry are left out rather than breaking the document.
 *
 * <pre>{@code
 * String xml = MarcXml.of(bibRecord.marc().orElseThrow());
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class MarcXml {
    private MarcXml() {
    }

    public static String of(Record marc) {
        XmlAnswer x = new XmlAnswer();
        x.open("record", "xmlns", "http://www.loc.gov/MARC21/slim");
        if (marc.getLeader() != null) {
            x.element("leader", marc.getLeader().marshal());
        }
        for (ControlField f : marc.getControlFields()) {
            x.element("controlfield", f.getData() == null ? "" : f.getData(), "tag", f.getTag());
        }
        for (DataField f : marc.getDataFields()) {
            x.open("datafield", "tag", f.getTag(), "ind1", String.valueOf(f.getIndicator1()),
                    "ind2", String.valueOf(f.getIndicator2()));
            for (Subfield s : f.getSubfields()) {
                x.element("subfield", s.getData() == null ? "" : s.getData(), "code", String.valueOf(s.getCode()));
            }
            x.close();
        }
        return x.close().toXml();
    }
}
