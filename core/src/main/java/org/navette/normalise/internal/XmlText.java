package org.navette.normalise.internal;

import org.navette.model.ProblemKind;

/**
 * Repairs record text so that an XML parser can read it, reporting every repair: control
 * characters that XML forbids (Koha stores raw 0x1F in control fields) become U+FFFD, references
 * to undefined entities and bare ampersands are kept as literal text, character references to
 * forbidden characters become U+FFFD. Nothing is expanded.
 *
 * <pre>{@code
 * String fixed = XmlText.repair("<controlfield tag=\"001\">00\u001faD1</controlfield>", log);
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class XmlText {
    private XmlText() {
    }

    public static String repair(String text, int firstLine, ProblemLog log) {
        StringBuilder sb = null;
        int controls = 0;
        int entities = 0;
        int badRefs = 0;
        String firstEntity = null;
        int line = firstLine;
        int controlLine = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            String replacement = null;
            int skip = 0;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                controls++;
                if (controlLine < 0) {
                    controlLine = line;
                }
                replacement = "\uFFFD";
            } else if (c == '&') {
                int semi = text.indexOf(';', i);
                String ref = semi > i && semi - i <= 12 ? text.substring(i + 1, semi) : null;
                if (ref != null && ref.startsWith("#")) {
                    int cp = codePoint(ref);
                    if (cp < 0 || !allowed(cp)) {
                        badRefs++;
                        replacement = "\uFFFD";
                        skip = semi - i;
                    }
                } else if (ref == null || !(ref.equals("lt") || ref.equals("gt") || ref.equals("amp")
                        || ref.equals("quot") || ref.equals("apos"))) {
                    entities++;
                    if (firstEntity == null) {
                        firstEntity = ref != null && ref.matches("[A-Za-z_][\\w.\\-]*") ? "&" + ref + ";" : "&";
                    }
                    replacement = "&amp;";
                }
            }
            if (replacement != null) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16);
                    sb.append(text, 0, i);
                }
                sb.append(replacement);
                i += skip;
            } else if (sb != null) {
                sb.append(c);
            }
        }
        if (controls > 0) {
            log.add(ProblemKind.MALFORMED_XML, controls + " control character(s) that XML forbids (first at line "
                    + controlLine + ") replaced by U+FFFD");
        }
        if (entities > 0) {
            log.add(ProblemKind.MALFORMED_XML, entities + " undefined entity reference(s) or bare '&' kept as text, "
                    + "never expanded (first: " + firstEntity + ")");
        }
        if (badRefs > 0) {
            log.add(ProblemKind.MALFORMED_XML, badRefs + " character reference(s) to characters XML forbids replaced by U+FFFD");
        }
        return sb == null ? text : sb.toString();
    }

    /** "line L, column C: message" for a parser error in record text that starts at {@code firstLine}. */
    public static String describe(Exception e, int firstLine) {
        String where = e instanceof javax.xml.stream.XMLStreamException x && x.getLocation() != null
                ? "line " + (x.getLocation().getLineNumber() + firstLine - 1) + ", column " + x.getLocation().getColumnNumber()
                : "record at line " + firstLine;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        int m = msg.startsWith("ParseError at") ? msg.indexOf("Message:") : -1;
        return where + ": " + (m >= 0 ? msg.substring(m + 8).trim() : msg);
    }

    private static int codePoint(String ref) {
        try {
            return ref.length() > 2 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                    ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
