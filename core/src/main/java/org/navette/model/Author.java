package org.navette.model;

/**
 * A personal or corporate author as the record names it.
 *
 * <pre>{@code
 * Author hugo = Author.personal("Hugo, Victor");
 * Author translator = new Author("Baudelaire, Charles", AuthorKind.PERSONAL, "trl", "1821-1867", false);
 * }</pre>
 *
 * @param name    the heading, inverted as catalogued ("Hugo, Victor"), NFC; never blank
 * @param kind    person, corporate body or meeting
 * @param role    relator code or term where the record gives one ("aut", "070", "ill."), else null
 * @param dates   dates attached to the heading ("1802-1885"), else null
 * @param primary true for the main entry (MARC 1XX, UNIMARC 700/710), false for added entries
 */
public record Author(String name, AuthorKind kind, String role, String dates, boolean primary) {
    public Author {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("author name must not be blank, was " + name);
        }
        if (kind == null) {
            throw new IllegalArgumentException("author kind must not be null (author '" + name + "')");
        }
    }

    /** A personal main-entry author without role or dates. */
    public static Author personal(String name) {
        return new Author(name, AuthorKind.PERSONAL, null, null, true);
    }

    /** A corporate main-entry author without role. */
    public static Author corporate(String name) {
        return new Author(name, AuthorKind.CORPORATE, null, null, true);
    }
}
