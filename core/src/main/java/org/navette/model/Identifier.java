package org.navette.model;

/**
 * An identifier of a given scheme, as normalised by the normaliser.
 *
 * <pre>{@code
 * Identifier oclc = new Identifier(IdentifierScheme.OCLC, "814388508");
 * }</pre>
 *
 * @param scheme what kind of identifier this is
 * @param value  the normalised value; never blank
 */
public record Identifier(IdentifierScheme scheme, String value) {
    public Identifier {
        if (scheme == null) {
            throw new IllegalArgumentException("identifier scheme must not be null (value " + value + ")");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("identifier value must not be blank for scheme " + scheme);
        }
    }

    @Override
    public String toString() {
        return scheme + ":" + value;
    }
}
