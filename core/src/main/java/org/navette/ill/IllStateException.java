package org.navette.ill;

import org.navette.NavetteException;

/**
 * The interlending state database failed or holds something it should not (a request planned
 * twice with different content). The message names the database.
 *
 * <pre>{@code
 * try (IllStateStore s = IllStateStore.openIn(dir)) { ... } catch (IllStateException e) { log(e.getMessage()); }
 * }</pre>
 */
public class IllStateException extends NavetteException {
    private static final long serialVersionUID = 1L;

    public IllStateException(String message) {
        super(message);
    }

    public IllStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
