package org.navette.catalogue;

import org.navette.NavetteException;

/**
 * A union catalogue operation failed: the store could not be reached or written, or a source could
 * not be read. The message names the store or source and what was being done.
 *
 * <pre>{@code
 * try (CatalogueStore store = CatalogueStore.open(StoreLocation.embedded(Path.of("cat")))) {
 *     System.out.println(store.stats());
 * } catch (CatalogueException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class CatalogueException extends NavetteException {
    private static final long serialVersionUID = 1L;

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
