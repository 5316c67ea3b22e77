package org.navette.ill.iso18626;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.ill.Refusal;
import org.navette.ill.RefusalKind;

/**
 * A confirmation's {@code errorData}: why the message was refused.
 *
 * <pre>{@code
 * ErrorData e = ErrorData.of(refusal);   // from Lifecycle.next(...)
 * new ErrorData(RefusalKind.BADLY_FORMED_MESSAGE, "no answerYesNo");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param errorType  the ISO {@code errorType}
 * @param errorValue free text naming what was wrong, when given
 */
public record ErrorData(RefusalKind errorType, @Nullable String errorValue) {
    public ErrorData {
        Objects.requireNonNull(errorType, "errorType");
    }

    /** The error data reporting a lifecycle refusal: its kind and its reason. */
    public static ErrorData of(Refusal refusal) {
        return new ErrorData(refusal.kind(), refusal.reason());
    }
}
