package org.navette.ill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted interlending batch: {@code n} requests, each sent to a first lender that answers
 * Unfilled, then to a second that supplies and completes the loan. Run as a child JVM by the crash
 * test ({@code main DIR N}): it prints each message id once its transaction committed.
 */
final class IllStateScript {
    static final AgencyId REQUESTER = AgencyId.parse("ISIL:FR-39001");
    static final AgencyId A = AgencyId.parse("ISIL:FR-39002");
    static final AgencyId B = AgencyId.parse("ISIL:FR-39003");

    private IllStateScript() {
    }

    static List<LifecycleEvent> events(String id) {
        List<LifecycleEvent> out = new ArrayList<>();
        out.add(new SentEvent(id, REQUESTER, A, 0));
        out.add(SupplierEvent.of(id, A, SupplierStatus.UNFILLED, id + "-a1"));
        out.add(new SentEvent(id, REQUESTER, B, 1));
        out.add(SupplierEvent.of(id, B, SupplierStatus.WILL_SUPPLY, id + "-b1"));
        out.add(SupplierEvent.of(id, B, SupplierStatus.LOANED, id + "-b2"));
        out.add(RequesterEvent.of(id, REQUESTER, RequesterAction.RECEIVED, id + "-r1"));
        out.add(SupplierEvent.of(id, B, SupplierStatus.LOAN_COMPLETED, id + "-b3"));
        return out;
    }

    /** Plans and applies the whole script; what is already recorded is skipped by the store. */
    static int run(IllStateStore store, int n, boolean print) {
        int applied = 0;
        for (int i = 0; i < n; i++) {
            String id = "req-" + i;
            store.plan(id, REQUESTER, "c" + i, List.of(A, B), "batch");
            for (LifecycleEvent e : events(id)) {
                IllStateStore.Applied a = store.apply(e);
                if (a.outcome() == IllStateStore.Outcome.REFUSED) {
                    throw new IllegalStateException("refused " + e + ": " + a.transition());
                }
                if (a.outcome() == IllStateStore.Outcome.APPLIED) {
                    applied++;
                }
                if (print) {
                    System.out.println("committed " + e.messageId());
                    System.out.flush();
                }
            }
        }
        return applied;
    }

    public static void main(String[] args) {
        try (IllStateStore store = IllStateStore.openIn(Path.of(args[0]))) {
            run(store, Integer.parseInt(args[1]), true);
        }
    }
}
