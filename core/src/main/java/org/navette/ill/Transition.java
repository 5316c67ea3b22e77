package org.navette.ill;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Lifecycle#next} decides for one event: a {@link Move} or a {@link Refusal}.
 *
 * <pre>{@code
 * Transition t = Lifecycle.next(request, event);
 * if (t instanceof Transition.Move m) {
 *     store(m.to(), m.lenderIndex());
 * } else if (t instanceof Refusal r) {
 *     answer(r.kind(), r.reason());
 * }
 * }</pre>
 */
public sealed interface Transition permits Transition.Move, Refusal {

    /**
     * The request moves from {@code from} to {@code to}; {@code lenderIndex} is its lender's index in
     * the rota afterwards (one more than before when Unfilled passed it to the next lender).
     *
     * @param note why, when the lifecycle has something to say (the rota advanced, a cancel overtaken)
     */
    record Move(RequestState from, RequestState to, int lenderIndex, @Nullable String note) implements Transition {
        public Move {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (lenderIndex < 0) {
                throw new IllegalArgumentException("lender index must be >= 0: " + lenderIndex);
            }
        }
    }
}
