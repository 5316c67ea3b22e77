package org.navette.ill;

import java.util.Objects;

/**
 * A message the lifecycle will not apply: a result, never an exception. The kind maps onto an ISO
 * 18626 confirmation's {@code errorData/errorType}, the reason onto its {@code errorValue}.
 *
 * <pre>{@code
 * if (Lifecycle.next(request, event) instanceof Refusal r) {
 *     confirmation.error(r.kind().errorType(), r.reason());
 * }
 * }</pre>
 *
 * @param kind   the ISO error type
 * @param reason a sentence naming the request, the state and what was refused
 */
public record Refusal(RefusalKind kind, String reason) implements Transition {
    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
