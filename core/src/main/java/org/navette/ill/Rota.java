package org.navette.ill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.navette.ill.internal.Nearness;
import org.navette.model.Availability;
import org.navette.model.Holding;

/**
 * Chooses and orders the lenders of each request of one batch, under a {@link NetworkPolicy}.
 *
 * <p>A holding library is left out, with the reason, when it is the requester itself, does not
 * lend what the request's service asks (loans, copies), does not lend its material type, is
 * suspended on the day, or holds no loanable item. The others are ordered by:
 * <ol>
 *   <li>proximity to the requester: tiers (same town, department, region, country, elsewhere) or
 *       whole kilometres, as the policy says; all equal when the requester's location is unknown;</li>
 *   <li>load, by Project ReShare's rule: {@code (lent + assigned + 1) / (borrowed + 1)}, lower first,
 *       with {@code lent}/{@code borrowed} from the {@link LendingStatistics} and {@code assigned} the
 *       requests this rota already gave the library as first lender;</li>
 *   <li>availability: a library with an item on the shelf before one whose items are on loan or unknown;</li>
 *   <li>library code, so the same input always gives the same plan.</li>
 * </ol>
 * Each {@link #plan} counts one more request for its first lender, so identical requests of a
 * batch rotate among equally near lenders instead of all landing on one.
 *
 * <pre>{@code
 * Rota rota = Rota.of(NetworkPolicy.read(Path.of("policies.json")),
 *         LendingStatistics.read(Path.of("statistics.csv")));
 * for (RequestMatch m : matches) {
 *     LenderPlan plan = rota.plan(m.request(), m.work().orElseThrow().holdingsByLibrary(), LocalDate.now(clock));
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe; {@link #plan} is synchronized, as its order depends on the plans before it.
 * Use one rota per batch: its counts are the batch's.
 */
public final class Rota {
    private final NetworkPolicy network;
    private final LendingStatistics statistics;
    /** First-lender assignments of this batch, by folded library code. */
    private final Map<String, Integer> assigned = new HashMap<>();

    private Rota(NetworkPolicy network, LendingStatistics statistics) {
        this.network = Objects.requireNonNull(network, "network");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    /** A rota with no lending statistics: only this batch's assignments balance the load. */
    public static Rota of(NetworkPolicy network) {
        return new Rota(network, LendingStatistics.empty());
    }

    public static Rota of(NetworkPolicy network, LendingStatistics statistics) {
        return new Rota(network, statistics);
    }

    /**
     * The lenders of {@code request} among the libraries of {@code holdingsByLibrary}, as on {@code today};
     * the first lender, if any, is counted as assigned for the plans that follow.
     */
    public synchronized LenderPlan plan(IllRequest request, Map<String, List<Holding>> holdingsByLibrary, LocalDate today) {
        LenderPlan plan = order(request, holdingsByLibrary, today);
        plan.first().ifPresent(l -> assigned.merge(LenderPolicy.fold(l.library()), 1, Integer::sum));
        return plan;
    }

    /**
     * The plan of a request planned before (a batch run again after it stopped half way): the
     * lenders in the order {@code recorded} (the rota the state keeps), each with the reason it has
     * today, and its first lender counted as assigned, as the first run counted it. So the requests
     * planned after it get the lenders an uninterrupted run would have given them.
     */
    public synchronized LenderPlan replay(IllRequest request, Map<String, List<Holding>> holdingsByLibrary,
                                          List<AgencyId> recorded, LocalDate today) {
        LenderPlan fresh = order(request, holdingsByLibrary, today);
        Map<AgencyId, LenderPlan.Lender> byAgency = new HashMap<>();
        fresh.lenders().forEach(l -> byAgency.put(l.agency(), l));
        List<LenderPlan.Lender> lenders = new ArrayList<>();
        for (AgencyId a : recorded) {
            LenderPlan.Lender now = byAgency.get(a);
            if (now == null) {
                Optional<LenderPolicy> p = network.policyOf(a);
                now = new LenderPlan.Lender(p.map(LenderPolicy::library).orElse(a.value()), a,
                        p.flatMap(LenderPolicy::endpoint), "kept from the rota recorded before");
            }
            lenders.add(now);
        }
        if (!lenders.isEmpty()) {
            assigned.merge(LenderPolicy.fold(lenders.get(0).library()), 1, Integer::sum);
        }
        List<LenderPlan.Exclusion> exclusions = fresh.exclusions().stream()
                .filter(x -> lenders.stream().noneMatch(l -> l.library().equals(x.library()))).toList();
        return new LenderPlan(request.id(), lenders, exclusions);
    }

    private LenderPlan order(IllRequest request, Map<String, List<Holding>> holdingsByLibrary, LocalDate today) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(holdingsByLibrary, "holdingsByLibrary");
        Objects.requireNonNull(today, "today");
        @Nullable LenderPolicy requester = request.requester().flatMap(network::policyOf).orElse(null);
        List<Candidate> candidates = new ArrayList<>();
        List<LenderPlan.Exclusion> exclusions = new ArrayList<>();
        for (Map.Entry<String, List<Holding>> e : holdingsByLibrary.entrySet()) {
            String library = e.getKey();
            LenderPolicy policy = network.policyFor(library);
            String excluded = exclusion(request, library, policy, e.getValue(), today);
            if (excluded != null) {
                exclusions.add(new LenderPlan.Exclusion(library, excluded));
                continue;
            }
            LendingStatistics.Counts counts = statistics.counts(library);
            candidates.add(new Candidate(library, policy, Nearness.of(network.proximity(), requester, policy),
                    counts.lent() + (long) assignedTo(library) + 1, counts.borrowed() + 1L, availability(policy, e.getValue())));
        }
        candidates.sort(ORDER);
        exclusions.sort(Comparator.comparing(LenderPlan.Exclusion::library, LIBRARY_ORDER));
        return new LenderPlan(request.id(), candidates.stream().map(Candidate::lender).toList(), exclusions);
    }

    /** How many plans of this rota so far had {@code library} as first lender. */
    public synchronized int assignedTo(String library) {
        return assigned.getOrDefault(LenderPolicy.fold(library), 0);
    }

    private @Nullable String exclusion(IllRequest request, String library, LenderPolicy policy, List<Holding> items,
                                       LocalDate today) {
        Optional<AgencyId> requester = request.requester();
        if (requester.isPresent() && (requester.get().names(library) || policy.agency().equals(requester))) {
            return "the requester itself";
        }
        if (!policy.serves(request.service())) {
            return switch (request.service()) {
                case LOAN -> "lends no loans";
                case COPY -> "lends no copies";
                case COPY_OR_LOAN -> "lends neither loans nor copies";
            };
        }
        String type = request.materialType().orElse(null);
        if (!policy.lendsMaterial(type)) {
            return "does not lend '" + type + "'"
                    + " (lends only " + String.join(", ", policy.materialTypes()) + ")";
        }
        if (policy.suspendedOn(today)) {
            return "suspended " + policy.suspendedFrom().map(d -> "from " + d + " ").orElse("")
                    + policy.suspendedTo().map(d -> "to " + d).orElse("until further notice");
        }
        // a library known to hold the work without item data is given the benefit of the doubt
        if (!items.isEmpty() && items.stream().noneMatch(policy::loanable)) {
            Set<String> seen = new LinkedHashSet<>();
            items.forEach(h -> seen.add(h.status() != null ? "'" + h.status() + "'" : words(h.availability())));
            return "no loanable item (" + items.size() + " held: " + String.join(", ", seen) + ")";
        }
        return null;
    }

    /** The best availability among its loanable items: AVAILABLE, ON_LOAN or UNKNOWN. */
    private static Availability availability(LenderPolicy policy, List<Holding> items) {
        Availability best = Availability.UNKNOWN;
        for (Holding h : items) {
            if (!policy.loanable(h)) {
                continue;
            }
            if (h.availability() == Availability.AVAILABLE) {
                return Availability.AVAILABLE;
            }
            if (h.availability() == Availability.ON_LOAN) {
                best = Availability.ON_LOAN;
            }
        }
        return best;
    }

    private static String words(Availability a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Case-insensitive first, then exact, so codes differing only in case still order the same way every run. */
    private static final Comparator<String> LIBRARY_ORDER =
            Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

    /**
     * A lender before it is placed. The load ratio is kept as a fraction and compared by cross
     * multiplication, so 2/4 and 1/2 tie exactly and the next rule decides.
     */
    private record Candidate(String library, LenderPolicy policy, Nearness nearness, long loadNumerator,
                             long loadDenominator, Availability availability) {
        LenderPlan.Lender lender() {
            String reason = nearness.description() + "; load "
                    + String.format(Locale.ROOT, "%.2f", (double) loadNumerator / loadDenominator) + "; "
                    + (availability == Availability.UNKNOWN ? "availability unknown" : words(availability));
            return new LenderPlan.Lender(library, policy.agency().orElseGet(() -> new AgencyId(AgencyId.LOCAL, library)),
                    policy.endpoint(), reason);
        }
    }

    private static final Comparator<Candidate> ORDER = Comparator
            .comparingLong((Candidate c) -> c.nearness().rank())
            .thenComparing((a, b) -> Long.compare(a.loadNumerator() * b.loadDenominator(), b.loadNumerator() * a.loadDenominator()))
            .thenComparing(c -> c.availability() == Availability.AVAILABLE ? 0 : 1)
            .thenComparing(Candidate::library, LIBRARY_ORDER);
}
