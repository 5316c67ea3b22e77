package org.navette.ill.iso18626;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.navette.ill.RequesterAction;
import org.navette.ill.RequesterEvent;

/**
 * An ISO 18626 {@code requestingAgencyMessage}: the requester acts on a request (cancel, received,
 * shipped back...) or sends a note.
 *
 * <pre>{@code
 * if (reader.read(body) instanceof RequestingAgencyMessage m) {
 *     m.toEvent().ifPresentOrElse(store::applyRequesterAction,
 *             () -> answer(new ErrorData(RefusalKind.UNSUPPORTED_ACTION_TYPE, m.action().code())));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record RequestingAgencyMessage(Header header, Action action, @Nullable String note) implements Iso18626Message {

    public RequestingAgencyMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Every ISO 18626 {@code action}. Wider than {@link RequesterAction}, which holds the ones the
     * lifecycle acts on: a message with another action must still be read, then answered.
     */
    public enum Action {
        STATUS_REQUEST("StatusRequest"), RECEIVED("Received"), CANCEL("Cancel"), RENEW("Renew"),
        SHIPPED_RETURN("ShippedReturn"), SHIPPED_FORWARD("ShippedForward"), NOTIFICATION("Notification");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        /** The ISO 18626 code. */
        public String code() {
            return code;
        }

        /** The lifecycle's action of the same code, when it tracks this one. */
        public Optional<RequesterAction> requesterAction() {
            for (RequesterAction a : RequesterAction.values()) {
                if (a.code().equals(code)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * This message as a lifecycle event, identified by requester, header timestamp and action; empty
     * when the lifecycle does not track the action ({@code Renew}, {@code StatusRequest}...), which the
     * caller answers with {@code UnsupportedActionType}.
     *
     * @throws Iso18626Exception if the header names no request
     */
    public Optional<RequesterEvent> toEvent() {
        return action.requesterAction().map(a -> new RequesterEvent(header.requestId(), header.requestingAgencyId(), a,
                RequesterEvent.messageId(header.requestingAgencyId(), header.timestamp(), a), note));
    }
}
