package org.navette.ill.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.navette.ill.LenderPolicy;
import org.navette.ill.NetworkPolicy;

/**
 * How near a lender is to the requester, as a rank (lower is nearer) and the words that say it.
 *
 * <pre>{@code
 * Nearness n = Nearness.of(NetworkPolicy.Proximity.TIERS, requester, lender);
 * n.rank();         // 1
 * n.description();  // "same department (Jura)"
 * }</pre>
 *
 * @param rank        tiers: 0 same town .. 4 elsewhere; distance: whole kilometres, {@link Long#MAX_VALUE} unknown
 * @param description for the lender's reason
 */
public record Nearness(long rank, String description) {
    /** Every lender is as near as any other when we do not know where the requester is. */
    public static final Nearness REQUESTER_UNKNOWN = new Nearness(0, "requester location unknown");

    private static final List<String> TIER_NAMES = List.of("town", "department", "region", "country");
    private static final List<Function<LenderPolicy, Optional<String>>> LEVELS = List.of(
            LenderPolicy::town, LenderPolicy::department, LenderPolicy::region, LenderPolicy::country);
    private static final double EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

    /** Stateless, but a record so tests and reasons can compare it. */
    public static Nearness of(NetworkPolicy.Proximity proximity, @Nullable LenderPolicy requester, LenderPolicy lender) {
        if (requester == null) {
            return REQUESTER_UNKNOWN;
        }
        return proximity == NetworkPolicy.Proximity.TIERS ? tier(requester, lender) : distance(requester, lender);
    }

    /**
     * The finest level both share. A level only counts when no coarser level contradicts it: two
     * towns called Saint-Martin in different departments are not the same town. A level one side
     * leaves blank neither matches nor contradicts.
     */
    private static Nearness tier(LenderPolicy requester, LenderPolicy lender) {
        if (LEVELS.stream().allMatch(level -> level.apply(requester).isEmpty())) {
            return REQUESTER_UNKNOWN;
        }
        for (int i = 0; i < LEVELS.size(); i++) {
            if (same(requester, lender, i) && !contradicted(requester, lender, i)) {
                return new Nearness(i, "same " + TIER_NAMES.get(i) + " (" + LEVELS.get(i).apply(lender).orElseThrow() + ")");
            }
        }
        return new Nearness(LEVELS.size(), "elsewhere");
    }

    private static boolean same(LenderPolicy a, LenderPolicy b, int level) {
        Optional<String> x = LEVELS.get(level).apply(a);
        Optional<String> y = LEVELS.get(level).apply(b);
        return x.isPresent() && y.isPresent() && x.get().equalsIgnoreCase(y.get());
    }

    private static boolean contradicted(LenderPolicy a, LenderPolicy b, int level) {
        for (int j = level + 1; j < LEVELS.size(); j++) {
            Optional<String> x = LEVELS.get(j).apply(a);
            Optional<String> y = LEVELS.get(j).apply(b);
            if (x.isPresent() && y.isPresent() && !x.get().equalsIgnoreCase(y.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rounded to whole kilometres on purpose: two libraries of one campus a few hundred metres apart
     * are equally near, and the load balance, not the metres, should choose between them.
     */
    private static Nearness distance(LenderPolicy requester, LenderPolicy lender) {
        if (requester.latitude().isEmpty()) {
            return REQUESTER_UNKNOWN;
        }
        if (lender.latitude().isEmpty()) {
            return new Nearness(Long.MAX_VALUE, "distance unknown");
        }
        long km = Math.round(kilometres(requester.latitude().get(), requester.longitude().orElseThrow(),
                lender.latitude().get(), lender.longitude().orElseThrow()));
        return new Nearness(km, km + " km");
    }

    /** Great-circle distance by the haversine formula, well conditioned for short distances. */
    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
