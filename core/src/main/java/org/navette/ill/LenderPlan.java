package org.navette.ill;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lenders a {@link Rota} chose for one request, in the order to ask them, each with why it stands
 * where it does; and the holding libraries it left out, each with why.
 *
 * <pre>{@code
 * LenderPlan plan = rota.plan(request, work.holdingsByLibrary(), LocalDate.now(clock));
 * plan.first().map(LenderPlan.Lender::library);   // Optional[bib-lons]
 * plan.lenders().get(0).reason();   // "same department (Jura); load 0.50; available"
 * plan.exclusions().get(0);         // Exclusion[library=bib-dole, reason=the requester itself]
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param requestId  the request's id
 * @param lenders    the lenders, first to ask first
 * @param exclusions the holding libraries left out, by library code
 */
public record LenderPlan(String requestId, List<Lender> lenders, List<Exclusion> exclusions) {
    public LenderPlan {
        Objects.requireNonNull(requestId, "requestId");
        lenders = List.copyOf(lenders);
        exclusions = List.copyOf(exclusions);
    }

    /**
     * One lender of the plan.
     *
     * @param library  its library code, as the holdings spell it
     * @param agency   its agency id from the policy, else {@code LOCAL:<library>}
     * @param endpoint its ISO 18626 endpoint, when the policy gives one
     * @param reason   why it stands there: proximity, load, availability
     */
    public record Lender(String library, AgencyId agency, Optional<URI> endpoint, String reason) {
        public Lender {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A holding library that will not be asked.
     *
     * @param library its library code, as the holdings spell it
     * @param reason  why: the requester itself, suspended, lends no copies...
     */
    public record Exclusion(String library, String reason) {
        public Exclusion {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The lender to ask first; empty when no holding library can lend. */
    public Optional<Lender> first() {
        return lenders.isEmpty() ? Optional.empty() : Optional.of(lenders.get(0));
    }

    /** The lenders' agency ids in order: the rota a {@link TrackedRequest} walks. */
    public List<AgencyId> agencies() {
        return lenders.stream().map(Lender::agency).toList();
    }
}
