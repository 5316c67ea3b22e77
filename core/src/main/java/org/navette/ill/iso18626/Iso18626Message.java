package org.navette.ill.iso18626;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ISO 18626 (version 1.2) message: the content of an {@code ISO18626Message} envelope. Three kinds
 * move a request along ({@link Request}, {@link SupplyingAgencyMessage},
 * {@link RequestingAgencyMessage}); each is answered by its {@link Confirmation}.
 *
 * <pre>{@code
 * Iso18626Message in = reader.read(body);
 * if (in instanceof SupplyingAgencyMessage m) {
 *     Transition t = lifecycle.next(request, m.toEvent());
 *     ErrorData error = t instanceof Refusal r ? ErrorData.of(r) : null;
 *     return writer.write(Iso18626Message.confirm(in, clock.instant(), error));
 * }
 * }</pre>
 *
 * <p>Thread-safety: every kind is an immutable record.
 */
public sealed interface Iso18626Message
        permits Request, SupplyingAgencyMessage, RequestingAgencyMessage, Confirmation {

    /**
     * The confirmation that answers {@code incoming}: its header names the same agencies, request and
     * multiple-item request ids, is stamped {@code now}, and gives the incoming message's own
     * timestamp as {@code timestampReceived}; status {@code ERROR} with {@code error}, {@code OK}
     * without. A supplying agency message's confirmation repeats its reason for message, a requesting
     * agency message's its action, so the sender can tell which message was answered.
     *
     * @throws IllegalArgumentException if {@code incoming} is itself a confirmation (never confirmed)
     */
    static Confirmation confirm(Iso18626Message incoming, Instant now, @Nullable ErrorData error) {
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(now, "now");
        if (incoming instanceof Request r) {
            return new RequestConfirmation(ConfirmationHeader.answering(r.header(), now, error), error);
        }
        if (incoming instanceof SupplyingAgencyMessage m) {
            return new SupplyingAgencyMessageConfirmation(ConfirmationHeader.answering(m.header(), now, error),
                    m.messageInfo().reasonForMessage(), error);
        }
        if (incoming instanceof RequestingAgencyMessage m) {
            return new RequestingAgencyMessageConfirmation(ConfirmationHeader.answering(m.header(), now, error),
                    m.action(), error);
        }
        throw new IllegalArgumentException("a confirmation is never confirmed: " + incoming.getClass().getSimpleName());
    }
}
