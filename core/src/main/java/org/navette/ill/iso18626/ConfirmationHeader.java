package org.navette.ill.iso18626;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;

/**
 * The {@code confirmationHeader} of a confirmation. Every id is optional in the schema, since a
 * peer must be able to confirm (with {@code ERROR}) a message it could not make sense of.
 *
 * <pre>{@code
 * ConfirmationHeader h = ConfirmationHeader.answering(incoming.header(), clock.instant(), null);
 * h.messageStatus();   // OK
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param timestamp         when the confirmation was written
 * @param timestampReceived the {@code timestamp} of the message being confirmed
 */
public record ConfirmationHeader(@Nullable AgencyId supplyingAgencyId, @Nullable AgencyId requestingAgencyId,
        Instant timestamp, @Nullable String requestingAgencyRequestId, @Nullable String multipleItemRequestId,
        Instant timestampReceived, MessageStatus messageStatus) {

    /** ISO 18626 {@code messageStatus}. */
    public enum MessageStatus { OK, ERROR }

    public ConfirmationHeader {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(timestampReceived, "timestampReceived");
        Objects.requireNonNull(messageStatus, "messageStatus");
    }

    /**
     * The header answering a message with {@code incoming} as header, written at {@code now}.
     * {@code timestampReceived} is the incoming message's own timestamp (not the arrival time), as
     * Index Data's crosslink broker writes it: it is what lets the sender pair the answer with its message.
     */
    public static ConfirmationHeader answering(Header incoming, Instant now, @Nullable ErrorData error) {
        String requestId = incoming.requestingAgencyRequestId().isBlank() ? null : incoming.requestingAgencyRequestId();
        return new ConfirmationHeader(incoming.supplyingAgencyId(), incoming.requestingAgencyId(), now, requestId,
                incoming.multipleItemRequestId(), incoming.timestamp(), error == null ? MessageStatus.OK : MessageStatus.ERROR);
    }
}
