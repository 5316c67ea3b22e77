package org.navette.ill;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request went to {@code lender}, the {@code lenderIndex}-th of its rota. Its message identity
 * is derived from both, so marking the same sending twice is one transition.
 *
 * <pre>{@code
 * new SentEvent("req-1", requester, AgencyId.parse("ISIL:FR-1"), 0).messageId();   // "navette:sent:0:ISIL:FR-1"
 * }</pre>
 */
public record SentEvent(String requestId, AgencyId requester, AgencyId lender, int lenderIndex) implements LifecycleEvent {

    public SentEvent {
        requestId = LifecycleEvent.requireText(requestId, "request id");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(lender, "lender");
        if (lenderIndex < 0) {
            throw new IllegalArgumentException("lender index must be >= 0: " + lenderIndex);
        }
    }

    @Override
    public AgencyId actor() {
        return requester;
    }

    @Override
    public String messageId() {
        return "navette:sent:" + lenderIndex + ":" + lender;
    }

    @Override
    public @Nullable String note() {
        return null;
    }
}
