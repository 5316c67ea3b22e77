package org.navette.ill;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A requester-side action on a request (ISO 18626 {@code requestingAgencyMessage}), with its
 * message identity.
 *
 * <pre>{@code
 * store.applyRequesterAction(RequesterEvent.of("req-1", AgencyId.parse("ISIL:FR-9"), RequesterAction.CANCEL, "c-1"));
 * }</pre>
 */
public record RequesterEvent(String requestId, AgencyId requester, RequesterAction action, String messageId,
        @Nullable String note) implements LifecycleEvent {

    public RequesterEvent {
        requestId = LifecycleEvent.requireText(requestId, "request id");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(action, "action");
        messageId = LifecycleEvent.requireText(messageId, "message id");
    }

    public static RequesterEvent of(String requestId, AgencyId requester, RequesterAction action, String messageId) {
        return new RequesterEvent(requestId, requester, action, messageId, null);
    }

    /**
     * An identity for a message that has no explicit id, shaped like
     * {@link SupplierEvent#messageId(AgencyId, Instant, SupplierStatus)}: its sender, its ISO header
     * {@code timestamp} and its action ({@code ISIL:FR-9|2026-12-07T08:00:00Z|Cancel}).
     */
    public static String messageId(AgencyId requester, Instant headerTimestamp, RequesterAction action) {
        return requester + "|" + headerTimestamp + "|" + action.code();
    }

    @Override
    public AgencyId actor() {
        return requester;
    }
}
