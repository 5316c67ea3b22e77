package org.navette.connector.sru.internal;

import java.util.Locale;

/**
 * The SRU protocol versions Navette speaks. 1.1 and 1.2 share the {@code http://www.loc.gov/zing/srw/}
 * namespace and the {@code operation} / {@code recordPacking} parameters; 2.0 (OASIS searchRetrieve)
 * drops {@code operation} and renames the XML-or-string switch {@code recordXMLEscaping}.
 */
enum SruVersion {
    V1_1("1.1"),
    V1_2("1.2"),
    V2_0("2.0");

    private final String text;

    SruVersion(String text) {
        this.text = text;
    }

    /** As sent in the {@code version} parameter. */
    public String text() {
        return text;
    }

    /** The name of the parameter that asks for XML or escaped-string records. */
    public String packingParameter() {
        return this == V2_0 ? "recordXMLEscaping" : "recordPacking";
    }

    /**
     * Parses "1.1", "1.2" or "2.0" (also "2").
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static SruVersion parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "1.1" -> V1_1;
            case "1.2" -> V1_2;
            case "2.0", "2" -> V2_0;
            default -> throw new IllegalArgumentException("SRU version must be 1.1, 1.2 or 2.0, was " + s);
        };
    }
}
