package org.navette.ill.iso18626;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ISO 18626 {@code requestConfirmation}: the supplier's answer to a {@link Request}.
 *
 * <pre>{@code
 * Confirmation c = Iso18626Message.confirm(request, clock.instant(), null);   // a RequestConfirmation, OK
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record RequestConfirmation(ConfirmationHeader header, @Nullable ErrorData errorData) implements Confirmation {
    public RequestConfirmation {
        Objects.requireNonNull(header, "header");
    }
}
