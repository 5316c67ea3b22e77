package org.navette.ill.iso18626;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ISO 18626 {@code requestingAgencyMessageConfirmation}: the supplier's answer to a
 * {@link RequestingAgencyMessage}, repeating its action.
 *
 * <pre>{@code
 * Confirmation c = Iso18626Message.confirm(cancel, clock.instant(), null);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record RequestingAgencyMessageConfirmation(ConfirmationHeader header,
        RequestingAgencyMessage.@Nullable Action action, @Nullable ErrorData errorData) implements Confirmation {
    public RequestingAgencyMessageConfirmation {
        Objects.requireNonNull(header, "header");
    }
}
