package org.navette.ill;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ISO 18626 {@code supplyingAgencyMessage}, as plain values: who sent it, the status it reports,
 * why it was sent, its answer to a cancel and an identity for idempotence.
 *
 * <pre>{@code
 * AgencyId lender = AgencyId.parse("ISIL:FR-1");
 * SupplierEvent e = SupplierEvent.of("req-1", lender, SupplierStatus.LOANED,
 *         SupplierEvent.messageId(lender, headerTimestamp, SupplierStatus.LOANED));
 * SupplierEvent no = SupplierEvent.of("req-1", lender, SupplierStatus.WILL_SUPPLY, "m-9")
 *         .withReason(ReasonForMessage.CANCEL_RESPONSE).withAnswer(false);
 * }</pre>
 *
 * @param answerYesNo the supplier's answer to a cancel ({@code messageInfo/answerYesNo}), when it gave one
 */
public record SupplierEvent(String requestId, AgencyId sender, SupplierStatus status, ReasonForMessage reason,
        @Nullable Boolean answerYesNo, String messageId, @Nullable String note) implements LifecycleEvent {

    public SupplierEvent {
        requestId = LifecycleEvent.requireText(requestId, "request id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        messageId = LifecycleEvent.requireText(messageId, "message id");
    }

    /** A {@link ReasonForMessage#STATUS_CHANGE} message with no answer and no note. */
    public static SupplierEvent of(String requestId, AgencyId sender, SupplierStatus status, String messageId) {
        return new SupplierEvent(requestId, sender, status, ReasonForMessage.STATUS_CHANGE, null, messageId, null);
    }

    /**
     * An identity for a message that has no explicit id: its sender, its ISO header
     * {@code timestamp} and its status ({@code ISIL:FR-1|2026-12-07T08:00:00Z|Loaned}).
     */
    public static String messageId(AgencyId sender, Instant headerTimestamp, SupplierStatus status) {
        return sender + "|" + headerTimestamp + "|" + status.code();
    }

    public SupplierEvent withReason(ReasonForMessage r) {
        return new SupplierEvent(requestId, sender, status, r, answerYesNo, messageId, note);
    }

    public SupplierEvent withAnswer(@Nullable Boolean yes) {
        return new SupplierEvent(requestId, sender, status, reason, yes, messageId, note);
    }

    public SupplierEvent withNote(@Nullable String text) {
        return new SupplierEvent(requestId, sender, status, reason, answerYesNo, messageId, text);
    }

    @Override
    public AgencyId actor() {
        return sender;
    }
}
