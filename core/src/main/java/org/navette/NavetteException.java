package org.navette;

/**
 * The one unchecked root of every exception Navette's public API throws.
 *
 * <p>Bad arguments are reported with {@link IllegalArgumentException} instead, naming the setting
 * and the bad value. A failing search target is never an exception for the caller of a federated
 * search: it becomes a target status with a typed diagnostic.
 *
 * <pre>{@code
 * try {
 *     Query q = CqlParser.parse(text);
 * } catch (NavetteException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 *
 * <p>Thread-safety: instances are immutable once thrown.
 */
public class NavetteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NavetteException(String message) {
        super(message);
    }

    public NavetteException(String message, Throwable cause) {
        super(message, cause);
    }
}
