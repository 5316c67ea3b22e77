package org.navette.ill.iso18626;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a message: {@link RequestConfirmation}, {@link SupplyingAgencyMessageConfirmation} or
 * {@link RequestingAgencyMessageConfirmation}. Made with
 * {@link Iso18626Message#confirm(Iso18626Message, java.time.Instant, ErrorData)}.
 *
 * <pre>{@code
 * Confirmation c = (Confirmation) reader.read(responseBody);
 * if (c.header().messageStatus() == ConfirmationHeader.MessageStatus.ERROR) {
 *     log.warn("peer refused: {}", c.errorData());
 * }
 * }</pre>
 *
 * <p>Thread-safety: every kind is an immutable record.
 */
public sealed interface Confirmation extends Iso18626Message
        permits RequestConfirmation, SupplyingAgencyMessageConfirmation, RequestingAgencyMessageConfirmation {

    ConfirmationHeader header();

    /** Why the message was refused, when {@link ConfirmationHeader#messageStatus()} is {@code ERROR}. */
    @Nullable ErrorData errorData();
}
