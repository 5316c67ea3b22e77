package org.navette.normalise.internal;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.navette.model.ProblemKind;
import org.navette.model.RecordFormat;

/**
 * Parses the text of one MARCXML / marcxchange / UNIMARC slim record (as cut by
 * {@link XmlRecordFramer}) into a marc4j record, by local names only: {@code leader|lab},
 * {@code controlfield|cf} with {@code tag|t}, {@code datafield|df} with {@code tag|t},
 * {@code ind1|i1}, {@code ind2|i2}, {@code subfield|sf} with {@code code|c}. Other elements (OAI
 * identifiers inside a record...) are ignored. When the XML breaks off, the fields read before the
 * error are kept and the error is reported with its line.
 *
 * <pre>{@code
 * MarcXmlParser.Parsed p = MarcXmlParser.parse(chunk.text(), chunk.line(), SafeXml.inputFactory(), log);
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class MarcXmlParser {
    /** The record read (null when nothing could be read) and the format its root element declares. */
    public record Parsed(Record record, RecordFormat declaredFormat) {
    }

    private MarcXmlParser() {
    }

    public static Parsed parse(String text, int firstLine, XMLInputFactory factory, ProblemLog log) {
        String xml = XmlText.repair(text, firstLine, log);
        Record record = Leaders.FACTORY.newRecord();
        String leader = null;
        RecordFormat declared = null;
        int fields = 0;
        DataField current = null;
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = local(r.getLocalName());
                    if (depth == 1) {
                        declared = formatOf(attr(r, "format", null));
                        continue;
                    }
                    switch (name) {
                        case "leader", "lab" -> {
                            leader = r.getElementText();
                            depth--;
                        }
                        case "controlfield", "cf" -> {
                            String tag = attr(r, "tag", "t");
                            String value = FieldDecoder.nfc(DoubleEncoding.repair(r.getElementText(), tag, log));
                            if (tag == null || tag.isBlank()) {
                                log.add(ProblemKind.BAD_FIELD, "controlfield without tag at line " + line(r, firstLine)
                                        + " skipped (value '" + abbreviate(value) + "')");
                            } else {
                                checkTag(tag, r, firstLine, log);
                                record.addVariableField(Leaders.FACTORY.newControlField(tag.strip(), value));
                                fields++;
                            }
                            depth--;
                        }
                        case "datafield", "df" -> {
                            String tag = attr(r, "tag", "t");
                            if (tag == null || tag.isBlank()) {
                                log.add(ProblemKind.BAD_FIELD, "datafield without tag at line " + line(r, firstLine)
                                        + " read with tag '???'");
                                tag = "???";
                            } else {
                                checkTag(tag, r, firstLine, log);
                            }
                            current = Leaders.FACTORY.newDataField(tag.strip(),
                                    indicator(attr(r, "ind1", "i1"), tag, log), indicator(attr(r, "ind2", "i2"), tag, log));
                            record.addVariableField(current);
                            fields++;
                        }
                        case "subfield", "sf" -> {
                            String code = attr(r, "code", "c");
                            String value = FieldDecoder.nfc(DoubleEncoding.repair(r.getElementText(),
                                    (current == null ? "" : current.getTag()) + "$" + code, log));
                            depth--;
                            if (current == null) {
                                log.add(ProblemKind.BAD_FIELD, "subfield outside a datafield at line " + line(r, firstLine)
                                        + " skipped (value '" + abbreviate(value) + "')");
                            } else if (code == null || code.isEmpty()) {
                                log.add(ProblemKind.BAD_FIELD, "field " + current.getTag() + ": subfield without code at line "
                                        + line(r, firstLine) + " skipped (value '" + abbreviate(value) + "')");
                            } else {
                                if (code.length() != 1) {
                                    log.add(ProblemKind.BAD_FIELD, "field " + current.getTag() + ": subfield code '" + code
                                            + "' is not one character; read as '" + code.charAt(0) + "'");
                                }
                                current.addSubfield(Leaders.FACTORY.newSubfield(code.charAt(0), value));
                            }
                        }
                        default -> {
                            // other elements inside a record (OAI identifier, datestamp...) carry no MARC data
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    String name = local(r.getLocalName());
                    if (name.equals("datafield") || name.equals("df")) {
                        current = null;
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            String what = XmlText.describe(e, firstLine);
            if (fields == 0 && leader == null) {
                log.add(ProblemKind.MALFORMED_XML, "not well-formed XML at " + what);
                log.add(ProblemKind.UNREADABLE, "nothing could be read from the record");
                return new Parsed(null, declared);
            }
            log.add(ProblemKind.MALFORMED_XML, "not well-formed XML at " + what
                    + "; the " + fields + " field(s) before it were kept");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a string-backed reader cannot lose data
                }
            }
        }
        if (leader == null) {
            log.add(ProblemKind.BAD_LEADER, "record has no leader");
            if (fields == 0) {
                log.add(ProblemKind.UNREADABLE, "record has neither leader nor fields");
                return new Parsed(null, declared);
            }
        }
        String l = leader == null ? "00000nam a2200000 i 4500" : leader;
        record.setLeader(Leaders.of(l, 0, 0, leader == null ? null : log));
        return new Parsed(record, declared);
    }

    /** The record format a marcxchange {@code format} attribute names, or null. */
    private static RecordFormat formatOf(String format) {
        if (format == null) {
            return null;
        }
        String f = format.toUpperCase(java.util.Locale.ROOT);
        if (f.contains("UNIMARC") || f.contains("RUSMARC")) {
            return RecordFormat.UNIMARC;
        }
        if (f.contains("MARC21") || f.contains("USMARC")) {
            return RecordFormat.MARC21;
        }
        return null;
    }

    private static void checkTag(String tag, XMLStreamReader r, int firstLine, ProblemLog log) {
        String t = tag.strip();
        if (t.length() != 3) {
            log.add(ProblemKind.BAD_FIELD, "tag '" + tag + "' at line " + line(r, firstLine) + " is not three characters");
        }
    }

    private static char indicator(String v, String tag, ProblemLog log) {
        if (v == null || v.isEmpty()) {
            return ' ';
        }
        if (v.length() > 1) {
            log.add(ProblemKind.BAD_FIELD, "field " + tag + ": indicator '" + v + "' is longer than one character; read as '"
                    + v.charAt(0) + "'");
        }
        char c = v.charAt(0);
        return c < 0x20 ? ' ' : c;
    }

    private static String attr(XMLStreamReader r, String name, String alias) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String n = local(r.getAttributeLocalName(i));
            if (n.equals(name) || n.equals(alias)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    static String local(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    private static int line(XMLStreamReader r, int firstLine) {
        return r.getLocation() == null ? firstLine : r.getLocation().getLineNumber() + firstLine - 1;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
