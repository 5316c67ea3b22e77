package org.navette.ill;

import org.jspecify.annotations.Nullable;

/**
 * Something that may move a request: a lender's {@link SupplierEvent}, a requester's
 * {@link RequesterEvent}, or the request having been {@link SentEvent sent} to its lender. Each
 * carries a message identity: the store records a message once, so applying it again is a no-op.
 *
 * <pre>{@code
 * LifecycleEvent e = SupplierEvent.of("req-1", AgencyId.parse("ISIL:FR-1"), SupplierStatus.WILL_SUPPLY, "m-17");
 * e.messageId();   // "m-17"
 * }</pre>
 */
public sealed interface LifecycleEvent permits SupplierEvent, RequesterEvent, SentEvent {
    /** The request this event is about. */
    String requestId();

    /** The library that sent it. */
    AgencyId actor();

    /** Identifies the message among all messages about {@link #requestId()}. */
    String messageId();

    /** Free text the sender attached. */
    @Nullable String note();

    /** Rejects a blank id, naming {@code what}. */
    static String requireText(@Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text.strip();
    }
}
