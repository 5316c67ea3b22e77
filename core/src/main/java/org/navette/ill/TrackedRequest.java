package org.navette.ill;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request as the state store tracks it: its state, its rota and where in it the request is, and
 * its history. Immutable: a snapshot.
 *
 * <pre>{@code
 * TrackedRequest r = store.get("req-1").orElseThrow();
 * r.state();           // WILL_SUPPLY
 * r.currentLender();   // Optional[ISIL:FR-2]
 * }</pre>
 *
 * @param clusterId   the catalogue cluster the request was matched to, if any
 * @param lenderIndex the index in {@code rota} of the current lender
 * @param version     one per recorded transition: the optimistic lock of the store
 */
public record TrackedRequest(String requestId, AgencyId requester, @Nullable String clusterId, String batchId,
        List<AgencyId> rota, int lenderIndex, RequestState state, long version, List<HistoryEntry> history) {

    public TrackedRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(batchId, "batchId");
        rota = List.copyOf(rota);
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
        if (lenderIndex < 0 || (lenderIndex > 0 && lenderIndex >= rota.size())) {
            throw new IllegalArgumentException("lender index " + lenderIndex + " outside a rota of " + rota.size());
        }
    }

    /** The lender the request is with (or about to be sent to); empty when unmatched or finished without one. */
    public Optional<AgencyId> currentLender() {
        if (rota.isEmpty() || state == RequestState.UNMATCHED || state == RequestState.END_OF_ROTA) {
            return Optional.empty();
        }
        return Optional.of(rota.get(lenderIndex));
    }

    /** The state the request had when its requester asked to cancel, if it is waiting for that answer. */
    public Optional<RequestState> stateBeforeCancel() {
        if (state != RequestState.CANCEL_REQUESTED) {
            return Optional.empty();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (h.to() == RequestState.CANCEL_REQUESTED && h.from() != null) {
                return Optional.of(h.from());
            }
        }
        return Optional.empty();
    }
}
