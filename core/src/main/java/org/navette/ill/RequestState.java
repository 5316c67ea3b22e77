package org.navette.ill;

/**
 * Where one interlending request stands, as the requester sees it. Most states mirror the ISO 18626
 * status its current lender last reported; {@link #PLANNED}, {@link #SENT}, {@link #CANCEL_REQUESTED},
 * {@link #RECEIVED}, {@link #SHIPPED_RETURN}, {@link #END_OF_ROTA} and {@link #UNMATCHED} are the
 * requester's own. {@link Lifecycle} holds the transitions between them.
 *
 * <pre>{@code
 * RequestState.LOAN_COMPLETED.isFinal();   // true
 * RequestState.WILL_SUPPLY.isFinal();      // false
 * }</pre>
 */
public enum RequestState {
    /** Matched, with a rota of lenders; not yet sent to its current lender. */
    PLANNED(false),
    /** Sent to the current lender, no answer yet. */
    SENT(false),
    REQUEST_RECEIVED(false),
    EXPECT_TO_SUPPLY(false),
    WILL_SUPPLY(false),
    LOANED(false),
    OVERDUE(false),
    RECALLED(false),
    /** The lender cannot supply as asked but a changed request may succeed; waits for its next word. */
    RETRY_POSSIBLE(false),
    /** The requester asked the lender to cancel; its answer ends or resumes the request. */
    CANCEL_REQUESTED(false),
    /** The requester has the loaned item. */
    RECEIVED(false),
    /** The requester has sent the item back. */
    SHIPPED_RETURN(false),
    COPY_COMPLETED(true),
    LOAN_COMPLETED(true),
    COMPLETED_WITHOUT_RETURN(true),
    CANCELLED(true),
    /** Every lender of the rota answered Unfilled. */
    END_OF_ROTA(true),
    /** Planning found no lender: nothing to send. */
    UNMATCHED(true);

    private final boolean finalState;

    RequestState(boolean finalState) {
        this.finalState = finalState;
    }

    /** Whether no message moves the request any more. */
    public boolean isFinal() {
        return finalState;
    }
}
