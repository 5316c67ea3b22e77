package org.navette.ill;

import static org.navette.ill.RequestState.CANCELLED;
import static org.navette.ill.RequestState.CANCEL_REQUESTED;
import static org.navette.ill.RequestState.COMPLETED_WITHOUT_RETURN;
import static org.navette.ill.RequestState.COPY_COMPLETED;
import static org.navette.ill.RequestState.END_OF_ROTA;
import static org.navette.ill.RequestState.EXPECT_TO_SUPPLY;
import static org.navette.ill.RequestState.LOANED;
import static org.navette.ill.RequestState.LOAN_COMPLETED;
import static org.navette.ill.RequestState.OVERDUE;
import static org.navette.ill.RequestState.PLANNED;
import static org.navette.ill.RequestState.RECALLED;
import static org.navette.ill.RequestState.RECEIVED;
import static org.navette.ill.RequestState.REQUEST_RECEIVED;
import static org.navette.ill.RequestState.RETRY_POSSIBLE;
import static org.navette.ill.RequestState.SENT;
import static org.navette.ill.RequestState.SHIPPED_RETURN;
import static org.navette.ill.RequestState.WILL_SUPPLY;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The interlending request state machine: given a request as tracked and one event (the requester
 * sent it, its lender reported a status, its requester acted), the {@link Transition}: a move, or a
 * {@link Refusal} whose kind is the ISO 18626 {@code errorType} of the confirmation to answer with.
 * Pure and stateless: the store applies what it decides.
 *
 * <pre>{@code
 * Transition t = Lifecycle.next(request, SupplierEvent.of("r1", lender, SupplierStatus.UNFILLED, "m-7"));
 * // Move[from=SENT, to=PLANNED, lenderIndex=1, note=Unfilled by ISIL:FR-1; passed to ISIL:FR-2]
 * }</pre>
 *
 * <p>Transitions ("active" = SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE):
 * <table>
 *   <caption>Allowed transitions</caption>
 *   <tr><th>event</th><th>from</th><th>to</th></tr>
 *   <tr><td>sent to the current lender</td><td>PLANNED</td><td>SENT</td></tr>
 *   <tr><td>RequestReceived</td><td>SENT</td><td>REQUEST_RECEIVED</td></tr>
 *   <tr><td>ExpectToSupply</td><td>SENT, REQUEST_RECEIVED, RETRY_POSSIBLE</td><td>EXPECT_TO_SUPPLY</td></tr>
 *   <tr><td>WillSupply</td><td>SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, RETRY_POSSIBLE</td><td>WILL_SUPPLY</td></tr>
 *   <tr><td>RetryPossible</td><td>SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY</td><td>RETRY_POSSIBLE</td></tr>
 *   <tr><td>Unfilled</td><td>active</td><td>PLANNED at the next lender of the rota; END_OF_ROTA when none is left</td></tr>
 *   <tr><td>Loaned, CopyCompleted</td><td>SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY</td><td>LOANED, COPY_COMPLETED</td></tr>
 *   <tr><td>Overdue</td><td>LOANED, RECEIVED, RECALLED</td><td>OVERDUE</td></tr>
 *   <tr><td>Recalled</td><td>LOANED, RECEIVED, OVERDUE</td><td>RECALLED</td></tr>
 *   <tr><td>LoanCompleted</td><td>LOANED, RECEIVED, OVERDUE, RECALLED, SHIPPED_RETURN</td><td>LOAN_COMPLETED</td></tr>
 *   <tr><td>CompletedWithoutReturn</td><td>LOANED, RECEIVED, OVERDUE, RECALLED</td><td>COMPLETED_WITHOUT_RETURN</td></tr>
 *   <tr><td>Cancelled, or a CancelResponse saying yes</td><td>CANCEL_REQUESTED</td><td>CANCELLED</td></tr>
 *   <tr><td>requester Cancel</td><td>PLANNED / active</td><td>CANCELLED / CANCEL_REQUESTED</td></tr>
 *   <tr><td>requester Received</td><td>LOANED</td><td>RECEIVED</td></tr>
 *   <tr><td>requester ShippedReturn</td><td>RECEIVED, OVERDUE, RECALLED</td><td>SHIPPED_RETURN</td></tr>
 * </table>
 * While a cancel is pending, the lender's status is judged from the state before the cancel (its
 * news overtakes the cancel), except Unfilled, which ends the request CANCELLED instead of passing
 * it on. Refused ({@link RefusalKind#UNRECOGNISED_DATA_VALUE}): any event on a finished request, a
 * message from a library that is not the current lender, a status not allowed from the current
 * state; a RenewResponse, or a CancelResponse with no cancel pending, is
 * {@link RefusalKind#UNSUPPORTED_REASON_FOR_MESSAGE_TYPE}; a CancelResponse without its yes/no is
 * {@link RefusalKind#BADLY_FORMED_MESSAGE}.
 */
public final class Lifecycle {
    private static final Set<RequestState> ACTIVE = EnumSet.of(SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY, RETRY_POSSIBLE);
    private static final Set<RequestState> SUPPLYING = EnumSet.of(SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, WILL_SUPPLY);
    private static final Set<RequestState> OUT_ON_LOAN = EnumSet.of(LOANED, RECEIVED, OVERDUE, RECALLED);
    /** For each lender status: the state it leads to and the states it may come from. */
    private static final Map<SupplierStatus, Rule> RULES = new EnumMap<>(SupplierStatus.class);

    private record Rule(RequestState to, Set<RequestState> from) {
    }

    static {
        RULES.put(SupplierStatus.REQUEST_RECEIVED, new Rule(REQUEST_RECEIVED, EnumSet.of(SENT)));
        RULES.put(SupplierStatus.EXPECT_TO_SUPPLY, new Rule(EXPECT_TO_SUPPLY, EnumSet.of(SENT, REQUEST_RECEIVED, RETRY_POSSIBLE)));
        RULES.put(SupplierStatus.WILL_SUPPLY, new Rule(WILL_SUPPLY, EnumSet.of(SENT, REQUEST_RECEIVED, EXPECT_TO_SUPPLY, RETRY_POSSIBLE)));
        RULES.put(SupplierStatus.RETRY_POSSIBLE, new Rule(RETRY_POSSIBLE, SUPPLYING));
        RULES.put(SupplierStatus.LOANED, new Rule(LOANED, SUPPLYING));
        RULES.put(SupplierStatus.COPY_COMPLETED, new Rule(COPY_COMPLETED, SUPPLYING));
        RULES.put(SupplierStatus.OVERDUE, new Rule(OVERDUE, EnumSet.of(LOANED, RECEIVED, RECALLED)));
        RULES.put(SupplierStatus.RECALLED, new Rule(RECALLED, EnumSet.of(LOANED, RECEIVED, OVERDUE)));
        RULES.put(SupplierStatus.LOAN_COMPLETED, new Rule(LOAN_COMPLETED, EnumSet.of(LOANED, RECEIVED, OVERDUE, RECALLED, SHIPPED_RETURN)));
        RULES.put(SupplierStatus.COMPLETED_WITHOUT_RETURN, new Rule(COMPLETED_WITHOUT_RETURN, OUT_ON_LOAN));
        RULES.put(SupplierStatus.CANCELLED, new Rule(CANCELLED, EnumSet.of(CANCEL_REQUESTED)));
    }

    private Lifecycle() {
    }

    /** What {@code event} does to {@code request}. */
    public static Transition next(TrackedRequest request, LifecycleEvent event) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(event, "event");
        if (!event.requestId().equals(request.requestId())) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "the message is for request " + event.requestId()
                    + ", not " + request.requestId());
        }
        if (request.state().isFinal()) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + request.requestId() + " is finished ("
                    + request.state() + "); no message moves it any more");
        }
        if (event instanceof SentEvent s) {
            return sent(request, s);
        }
        if (event instanceof SupplierEvent s) {
            return supplier(request, s);
        }
        return requester(request, (RequesterEvent) event);
    }

    private static Transition sent(TrackedRequest r, SentEvent s) {
        if (r.state() != PLANNED) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + r.requestId() + " is " + r.state() + ", not PLANNED: it was sent already");
        }
        if (s.lenderIndex() != r.lenderIndex() || !r.currentLender().map(s.lender()::equals).orElse(false)) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + r.requestId() + " is planned for "
                    + r.currentLender().map(Object::toString).orElse("no lender") + ", not " + s.lender());
        }
        return new Transition.Move(PLANNED, SENT, r.lenderIndex(), "sent to " + s.lender());
    }

    private static Transition supplier(TrackedRequest r, SupplierEvent e) {
        AgencyId lender = r.currentLender().orElse(null);
        if (lender == null || !lender.equals(e.sender())) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, e.sender() + " is not the current lender of request "
                    + r.requestId() + " (" + (lender == null ? "none" : lender) + ")");
        }
        if (r.state() == PLANNED) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + r.requestId() + " has not been sent to "
                    + lender + " yet; " + e.status().code() + " cannot come before it");
        }
        if (e.reason() == ReasonForMessage.RENEW_RESPONSE) {
            return refuse(RefusalKind.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE, "renewals are not supported (request " + r.requestId() + ")");
        }
        RequestState from = r.state();
        RequestState judgedFrom = from;
        if (from == CANCEL_REQUESTED) {
            if (e.reason() == ReasonForMessage.CANCEL_RESPONSE && e.answerYesNo() == null) {
                return refuse(RefusalKind.BADLY_FORMED_MESSAGE, "a CancelResponse needs answerYesNo (request " + r.requestId() + ")");
            }
            if (e.status() == SupplierStatus.CANCELLED || Boolean.TRUE.equals(e.answerYesNo())) {
                return new Transition.Move(from, CANCELLED, r.lenderIndex(), "cancelled by " + lender);
            }
            if (e.status() == SupplierStatus.UNFILLED) {
                return new Transition.Move(from, CANCELLED, r.lenderIndex(), "unfilled by " + lender + " while a cancel was pending");
            }
            judgedFrom = r.stateBeforeCancel().orElse(SENT);
        } else if (e.reason() == ReasonForMessage.CANCEL_RESPONSE) {
            return refuse(RefusalKind.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE, "no cancel was asked for request " + r.requestId());
        }
        if (e.status() == SupplierStatus.UNFILLED) {
            if (!ACTIVE.contains(judgedFrom)) {
                return notNow(r, e, judgedFrom);
            }
            int next = r.lenderIndex() + 1;
            if (next < r.rota().size()) {
                return new Transition.Move(from, PLANNED, next, "unfilled by " + lender + "; passed to " + r.rota().get(next));
            }
            return new Transition.Move(from, END_OF_ROTA, r.lenderIndex(), "unfilled by " + lender + ", the last lender of the rota");
        }
        Rule rule = RULES.get(e.status());
        if (rule == null || !rule.from().contains(judgedFrom)) {
            return notNow(r, e, judgedFrom);
        }
        return new Transition.Move(from, rule.to(), r.lenderIndex(), from == CANCEL_REQUESTED ? "the lender's "
                + e.status().code() + " overtook the cancel" : null);
    }

    private static Transition requester(TrackedRequest r, RequesterEvent e) {
        if (!r.requester().equals(e.actor())) {
            return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, e.actor() + " is not the requester of request " + r.requestId());
        }
        RequestState from = r.state();
        return switch (e.action()) {
            case CANCEL -> from == PLANNED ? new Transition.Move(from, CANCELLED, r.lenderIndex(), "cancelled before it was sent")
                    : ACTIVE.contains(from) ? new Transition.Move(from, CANCEL_REQUESTED, r.lenderIndex(), null)
                    : refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + r.requestId() + " is " + from + ": too late to cancel");
            case RECEIVED -> from == LOANED ? new Transition.Move(from, RECEIVED, r.lenderIndex(), null)
                    : refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + r.requestId() + " is " + from + ", not LOANED: nothing to receive");
            case SHIPPED_RETURN -> EnumSet.of(RECEIVED, OVERDUE, RECALLED).contains(from)
                    ? new Transition.Move(from, SHIPPED_RETURN, r.lenderIndex(), null)
                    : refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, "request " + r.requestId() + " is " + from + ": nothing to return");
        };
    }

    private static Refusal notNow(TrackedRequest r, SupplierEvent e, RequestState judgedFrom) {
        return refuse(RefusalKind.UNRECOGNISED_DATA_VALUE, e.status().code() + " is not possible for request "
                + r.requestId() + " in state " + judgedFrom);
    }

    private static Refusal refuse(RefusalKind kind, String reason) {
        return new Refusal(kind, reason);
    }
}
