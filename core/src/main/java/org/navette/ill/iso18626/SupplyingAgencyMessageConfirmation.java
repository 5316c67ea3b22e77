package org.navette.ill.iso18626;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.ill.ReasonForMessage;

/**
 * An ISO 18626 {@code supplyingAgencyMessageConfirmation}: the requester's answer to a
 * {@link SupplyingAgencyMessage}, repeating its reason for message.
 *
 * <pre>{@code
 * Confirmation c = Iso18626Message.confirm(message, clock.instant(), ErrorData.of(refusal));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record SupplyingAgencyMessageConfirmation(ConfirmationHeader header, @Nullable ReasonForMessage reasonForMessage,
        @Nullable ErrorData errorData) implements Confirmation {
    public SupplyingAgencyMessageConfirmation {
        Objects.requireNonNull(header, "header");
    }
}
