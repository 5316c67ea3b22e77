package org.navette.ill;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recorded transition of a request.
 *
 * <pre>{@code
 * for (HistoryEntry h : store.get("req-1").orElseThrow().history()) {
 *     System.out.println(h.seq() + " " + h.from() + " -> " + h.to() + " by " + h.actor() + " (" + h.messageId() + ")");
 * }
 * }</pre>
 *
 * @param seq         1 for the planning, then one more per transition
 * @param from        the state before; {@code null} for the planning
 * @param lenderIndex the rota index of the lender after the transition
 */
public record HistoryEntry(int seq, @Nullable RequestState from, RequestState to, AgencyId actor, Instant at,
        String messageId, int lenderIndex, @Nullable String note) {
    public HistoryEntry {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(messageId, "messageId");
    }
}
