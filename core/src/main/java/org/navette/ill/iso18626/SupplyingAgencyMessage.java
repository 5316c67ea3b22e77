package org.navette.ill.iso18626;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.SupplierEvent;
import org.navette.ill.SupplierStatus;

/**
 * An ISO 18626 {@code supplyingAgencyMessage}: the supplier reports a status, answers a request or
 * a cancel, or sends a note. Offered costs, retry details and return info are not modelled.
 *
 * <pre>{@code
 * if (reader.read(body) instanceof SupplyingAgencyMessage m) {
 *     store.applySupplierEvent(m.toEvent());
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record SupplyingAgencyMessage(Header header, MessageInfo messageInfo, StatusInfo statusInfo,
        @Nullable DeliveryInfo deliveryInfo) implements Iso18626Message {

    public SupplyingAgencyMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(messageInfo, "messageInfo");
        Objects.requireNonNull(statusInfo, "statusInfo");
    }

    /**
     * {@code messageInfo}.
     *
     * @param answerYesNo    the answer to a cancel ({@code Y}/{@code N}), when given
     * @param reasonUnfilled why the request cannot be filled, as the supplier coded it
     */
    public record MessageInfo(ReasonForMessage reasonForMessage, @Nullable Boolean answerYesNo, @Nullable String note,
            @Nullable String reasonUnfilled) {
        public MessageInfo {
            Objects.requireNonNull(reasonForMessage, "reasonForMessage");
        }
    }

    /** {@code statusInfo}: the status and when it last changed. */
    public record StatusInfo(SupplierStatus status, @Nullable Instant expectedDeliveryDate, @Nullable Instant dueDate,
            Instant lastChange) {
        public StatusInfo {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastChange, "lastChange");
        }
    }

    /** {@code deliveryInfo}: when and how the item left (loan condition and costs beyond this are dropped). */
    public record DeliveryInfo(Instant dateSent, @Nullable String itemId, @Nullable String sentVia,
            @Nullable Boolean sentToPatron, @Nullable String loanCondition) {
        public DeliveryInfo {
            Objects.requireNonNull(dateSent, "dateSent");
        }
    }

    /**
     * This message as a lifecycle event: about the header's {@code requestingAgencyRequestId}, sent by
     * the supplying agency, identified by sender, header timestamp and status (messages carry no id of
     * their own, and a peer resending one keeps its timestamp).
     *
     * @throws Iso18626Exception if the header names no request
     */
    public SupplierEvent toEvent() {
        SupplierStatus status = statusInfo.status();
        String messageId = SupplierEvent.messageId(header.supplyingAgencyId(), header.timestamp(), status);
        return SupplierEvent.of(header.requestId(), header.supplyingAgencyId(), status, messageId)
                .withReason(messageInfo.reasonForMessage())
                .withAnswer(messageInfo.answerYesNo())
                .withNote(messageInfo.note());
    }
}
