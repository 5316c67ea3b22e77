package org.navette.match;

import org.navette.model.IdentifierScheme;

/**
 * What two records' identifiers are compared under: the scheme, and for system numbers the
 * qualifying agency ("(DE-599)"), since two catalogues' record 123 are different records.
 *
 * <pre>{@code
 * new IdentifierKey(IdentifierScheme.OCLC, "").toString();               // "OCLC"
 * new IdentifierKey(IdentifierScheme.SYSTEM_NUMBER, "(de-599)").toString(); // "SYSTEM_NUMBER:(de-599)"
 * }</pre>
 *
 * @param scheme    the identifier's scheme
 * @param qualifier the agency of a system number, empty for every other scheme
 */
record IdentifierKey(IdentifierScheme scheme, String qualifier) {
    IdentifierKey {
        if (scheme == null || qualifier == null) {
            throw new IllegalArgumentException("scheme and qualifier must not be null");
        }
    }

    static IdentifierKey of(IdentifierScheme scheme) {
        return new IdentifierKey(scheme, "");
    }

    /** The form blocking keys use: the scheme's name, then ":" and the qualifier when there is one. */
    @Override
    public String toString() {
        return qualifier.isEmpty() ? scheme.name() : scheme.name() + ":" + qualifier;
    }
}
