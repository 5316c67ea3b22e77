package org.navette.query.internal;

import java.util.Collections;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bib-1 attribute lists as target files write them ({@code "1=1003 4=1"}, {@code "@attr 1=4"},
 * {@code "1=title"}) and PQF term quoting.
 *
 * <p>Thread-safety: stateless.
 */
public final class Bib1Attributes {
    /** Type: a number; value: a number or a name (YAZ sends names as string attribute values). */
    private static final Pattern ATTRIBUTE = Pattern.compile("([1-9][0-9]{0,8})=([0-9]{1,9}|[A-Za-z_][A-Za-z0-9_.:-]*)");

    private Bib1Attributes() {
    }

    /**
     * Parses a space-separated attribute list, each optionally preceded by {@code @attr}.
     *
     * @return attribute type to value, in type order
     * @throws IllegalArgumentException naming the bad part: malformed, repeated type, or no use attribute
     */
    public static SortedMap<Integer, String> parse(String text) {
        SortedMap<Integer, String> attrs = new TreeMap<>();
        for (String part : text.trim().split("\\s+")) {
            if (part.equals("@attr")) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad Bib-1 attribute '" + part + "' in \"" + text
                        + "\": write type=value, such as 1=4 or 1=1003 4=1");
            }
            int type = Integer.parseInt(m.group(1));
            if (attrs.put(type, m.group(2)) != null) {
                throw new IllegalArgumentException("attribute type " + type + " appears twice in \"" + text + "\"");
            }
        }
        if (!attrs.containsKey(1)) {
            throw new IllegalArgumentException("no use attribute (1=...) in \"" + text + "\"");
        }
        return Collections.unmodifiableSortedMap(attrs);
    }

    /** "1=1003 4=1". */
    public static String format(SortedMap<Integer, String> attrs) {
        StringJoiner j = new StringJoiner(" ");
        attrs.forEach((type, value) -> j.add(type + "=" + value));
        return j.toString();
    }

    /**
     * Appends {@code term} as one quoted PQF term. YAZ's PQF lexer ends a quoted term only at an
     * unescaped {@code "} and takes the character after each backslash literally; doubling
     * backslashes also keeps YAZ from reading {@code \n}, {@code \x41}... as escapes.
     */
    public static void quote(String term, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
