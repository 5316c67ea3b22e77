package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final AgencyId REQUESTER = AgencyId.parse("ISIL:FR-39001");
    private static final AgencyId A = AgencyId.parse("ISIL:FR-39002");
    private static final AgencyId B = AgencyId.parse("ISIL:FR-39003");
    private int messages;

    private static TrackedRequest request(RequestState state, int lenderIndex, List<HistoryEntry> history) {
        return new TrackedRequest("r1", REQUESTER, "c1", "batch", List.of(A, B), lenderIndex, state, 0, history);
    }

    private static TrackedRequest request(RequestState state) {
        return request(state, 0, List.of());
    }

    private SupplierEvent from(AgencyId lender, SupplierStatus status) {
        return SupplierEvent.of("r1", lender, status, "m" + (++messages));
    }

    /** Applies events in order as a store would, failing on a refusal. */
    private static TrackedRequest run(TrackedRequest r, LifecycleEvent... events) {
        List<HistoryEntry> history = new ArrayList<>(r.history());
        for (LifecycleEvent e : events) {
            Transition t = Lifecycle.next(r, e);
            assertThat(t).as("%s on %s", e, r.state()).isInstanceOf(Transition.Move.class);
            Transition.Move m = (Transition.Move) t;
            history.add(new HistoryEntry(history.size() + 1, m.from(), m.to(), e.actor(), java.time.Instant.EPOCH,
                    e.messageId(), m.lenderIndex(), m.note()));
            r = new TrackedRequest(r.requestId(), r.requester(), r.clusterId(), r.batchId(), r.rota(), m.lenderIndex(),
                    m.to(), r.version() + 1, history);
        }
        return r;
    }

    @Test
    void aLoanRunsFromSentToCompleted() {
        TrackedRequest r = run(request(RequestState.PLANNED), new SentEvent("r1", REQUESTER, A, 0),
                from(A, SupplierStatus.EXPECT_TO_SUPPLY), from(A, SupplierStatus.WILL_SUPPLY), from(A, SupplierStatus.LOANED),
                RequesterEvent.of("r1", REQUESTER, RequesterAction.RECEIVED, "q1"),
                RequesterEvent.of("r1", REQUESTER, RequesterAction.SHIPPED_RETURN, "q2"),
                from(A, SupplierStatus.LOAN_COMPLETED));
        assertThat(r.state()).isEqualTo(RequestState.LOAN_COMPLETED);
        assertThat(r.history()).extracting(HistoryEntry::to).containsExactly(RequestState.SENT, RequestState.EXPECT_TO_SUPPLY,
                RequestState.WILL_SUPPLY, RequestState.LOANED, RequestState.RECEIVED, RequestState.SHIPPED_RETURN,
                RequestState.LOAN_COMPLETED);
    }

    @Test
    void unfilledWalksTheRotaAndEndsAtItsEnd() {
        TrackedRequest r = run(request(RequestState.PLANNED), new SentEvent("r1", REQUESTER, A, 0), from(A, SupplierStatus.UNFILLED));
        assertThat(r.state()).isEqualTo(RequestState.PLANNED);
        assertThat(r.currentLender()).contains(B);
        // the former lender no longer speaks for the request
        assertThat(Lifecycle.next(r, from(A, SupplierStatus.LOANED))).isInstanceOfSatisfying(Refusal.class,
                f -> assertThat(f.reason()).contains("not the current lender"));
        r = run(r, new SentEvent("r1", REQUESTER, B, 1), from(B, SupplierStatus.UNFILLED));
        assertThat(r.state()).isEqualTo(RequestState.END_OF_ROTA);
        assertThat(r.history().get(r.history().size() - 1).note()).contains("last lender");
    }

    @Test
    void impossibleTransitionsAreRefusedWithTheirIsoErrorType() {
        assertThat(Lifecycle.next(request(RequestState.PLANNED), from(A, SupplierStatus.LOANED)))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.reason()).contains("not been sent"));
        assertThat(Lifecycle.next(request(RequestState.SENT), from(A, SupplierStatus.LOAN_COMPLETED)))
                .isInstanceOfSatisfying(Refusal.class, f -> {
                    assertThat(f.kind()).isEqualTo(RefusalKind.UNRECOGNISED_DATA_VALUE);
                    assertThat(f.reason()).contains("LoanCompleted is not possible").contains("SENT");
                });
        assertThat(Lifecycle.next(request(RequestState.LOAN_COMPLETED), from(A, SupplierStatus.LOANED)))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.reason()).contains("finished"));
        assertThat(Lifecycle.next(request(RequestState.SENT), from(B, SupplierStatus.WILL_SUPPLY)))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.reason()).contains("not the current lender"));
        assertThat(Lifecycle.next(request(RequestState.LOANED), from(A, SupplierStatus.LOANED).withReason(ReasonForMessage.RENEW_RESPONSE)))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.kind()).isEqualTo(RefusalKind.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE));
        assertThat(Lifecycle.next(request(RequestState.SENT), from(A, SupplierStatus.WILL_SUPPLY).withReason(ReasonForMessage.CANCEL_RESPONSE)))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.kind()).isEqualTo(RefusalKind.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE));
        assertThat(Lifecycle.next(request(RequestState.SENT), RequesterEvent.of("r1", A, RequesterAction.CANCEL, "q")))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.reason()).contains("not the requester"));
        assertThat(Lifecycle.next(request(RequestState.SENT), RequesterEvent.of("r1", REQUESTER, RequesterAction.RECEIVED, "q")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aCancelIsAnsweredByTheLenderOrOvertakenByItsNews() {
        TrackedRequest asked = run(request(RequestState.PLANNED), new SentEvent("r1", REQUESTER, A, 0),
                from(A, SupplierStatus.WILL_SUPPLY), RequesterEvent.of("r1", REQUESTER, RequesterAction.CANCEL, "q1"));
        assertThat(asked.state()).isEqualTo(RequestState.CANCEL_REQUESTED);
        assertThat(Lifecycle.next(asked, from(A, SupplierStatus.WILL_SUPPLY).withReason(ReasonForMessage.CANCEL_RESPONSE)))
                .isInstanceOfSatisfying(Refusal.class, f -> assertThat(f.kind()).isEqualTo(RefusalKind.BADLY_FORMED_MESSAGE));
        assertThat(run(asked, from(A, SupplierStatus.CANCELLED)).state()).isEqualTo(RequestState.CANCELLED);
        assertThat(run(asked, from(A, SupplierStatus.WILL_SUPPLY).withReason(ReasonForMessage.CANCEL_RESPONSE).withAnswer(true)).state())
                .isEqualTo(RequestState.CANCELLED);
        // the lender had already sent it: the loan goes on
        assertThat(run(asked, from(A, SupplierStatus.LOANED)).state()).isEqualTo(RequestState.LOANED);
        assertThat(run(asked, from(A, SupplierStatus.UNFILLED)).state()).isEqualTo(RequestState.CANCELLED);
        assertThat(run(request(RequestState.PLANNED), RequesterEvent.of("r1", REQUESTER, RequesterAction.CANCEL, "q")).state())
                .isEqualTo(RequestState.CANCELLED);
    }
}
