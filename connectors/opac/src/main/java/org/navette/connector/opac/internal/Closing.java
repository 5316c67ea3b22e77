package org.navette.connector.opac.internal;

/**
 * Closes cancellation registrations, whose {@code close()} is declared to throw but never does.
 *
 * <p>Thread-safety: stateless.
 */
final class Closing {
    private Closing() {
    }

    static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // CancellationSignal registrations only remove a list entry; nothing can fail
        }
    }
}
