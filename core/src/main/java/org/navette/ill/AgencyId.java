package org.navette.ill;

import java.util.Objects;

/**
 * A library as ISO 18626 names it: an identifier type ({@code ISIL}, {@code OCLC}, a network's own
 * scheme...) and a value. Written {@code TYPE:VALUE}; a bare value is taken as a network-local
 * {@value #LOCAL} identifier, which is how a CSV or a policy file usually names a library.
 *
 * <pre>{@code
 * AgencyId a = AgencyId.parse("ISIL:FR-390012101");
 * a.type();   // "ISIL"
 * AgencyId.parse("bib-dole");   // LOCAL:bib-dole
 * }</pre>
 *
 * @param type  the identifier scheme, never blank, without a colon
 * @param value the identifier, never blank
 */
public record AgencyId(String type, String value) {
    /** The type of a bare identifier. */
    public static final String LOCAL = "LOCAL";

    public AgencyId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        type = type.strip();
        value = value.strip();
        if (type.isEmpty() || type.indexOf(':') >= 0) {
            throw new IllegalArgumentException("agency id type must be non-blank and hold no colon: '" + type + "'");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("agency id value must not be blank (type " + type + ")");
        }
    }

    /** {@code TYPE:VALUE}, or a bare value as {@link #LOCAL}. */
    public static AgencyId parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        return colon < 0 ? new AgencyId(LOCAL, text) : new AgencyId(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Whether this names {@code library} (a catalogue library id): the value, compared ignoring case. */
    public boolean names(String library) {
        return value.equalsIgnoreCase(library);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
