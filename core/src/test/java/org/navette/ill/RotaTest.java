package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.navette.model.Availability;
import org.navette.model.Holding;

class RotaTest {
    /** A day outside every suspension of the sample file. */
    private static final LocalDate FEBRUARY = LocalDate.of(2027, 2, 1);
    private static final AgencyId DOLE = AgencyId.parse("ISIL:FR-39198");

    private static NetworkPolicy sample() {
        try (InputStream in = RotaTest.class.getResourceAsStream("policies.json")) {
            return NetworkPolicy.read(in, "policies.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static IllRequest loan(String id, AgencyId requester) {
        return IllRequest.builder(id).title("Le petit prince").requester(requester).service(ServiceType.LOAN).build();
    }

    private static Holding item(String library, Availability availability) {
        return Holding.builder().library(library).barcode("b-" + library).availability(availability).build();
    }

    private static Holding item(String library, Availability availability, String status) {
        return Holding.builder().library(library).barcode("b-" + library).status(status).availability(availability).build();
    }

    /** Each library holding one available item. */
    private static Map<String, List<Holding>> available(String... libraries) {
        Map<String, List<Holding>> out = new LinkedHashMap<>();
        for (String l : libraries) {
            out.put(l, List.of(item(l, Availability.AVAILABLE)));
        }
        return out;
    }

    private static List<String> order(LenderPlan plan) {
        return plan.lenders().stream().map(LenderPlan.Lender::library).toList();
    }

    private static Map<String, String> exclusions(LenderPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        plan.exclusions().forEach(e -> out.put(e.library(), e.reason()));
        return out;
    }

    @Test
    void tiersPutTheSameTownFirstThenDepartmentRegionCountryAndElsewhere() {
        Map<String, List<Holding>> holdings = available("bib-unlisted", "bib-nowhere", "bib-geneve", "bib-lyon",
                "bib-dijon", "bib-besancon", "bib-saint-claude", "bib-lons", "bib-champagnole", "bib-dole-iut");

        LenderPlan plan = Rota.of(sample()).plan(loan("r1", DOLE), holdings, FEBRUARY);

        assertThat(order(plan)).containsExactly("bib-dole-iut",
                "bib-champagnole", "bib-lons", "bib-saint-claude",
                "bib-besancon", "bib-dijon",
                "bib-lyon",
                "bib-geneve", "bib-nowhere", "bib-unlisted");
        assertThat(plan.lenders()).extracting(LenderPlan.Lender::reason).startsWith(
                "same town (Dole); load 1.00; available",
                "same department (Jura); load 1.00; available");
        assertThat(plan.lenders().get(4).reason()).startsWith("same region (Bourgogne-Franche-Comté)");
        assertThat(plan.lenders().get(6).reason()).startsWith("same country (FR)");
        assertThat(plan.lenders().get(7).reason()).startsWith("elsewhere;");
        assertThat(plan.exclusions()).isEmpty();
    }

    @Test
    void aCoarserLevelThatDiffersOverridesAFinerOneWithTheSameName() {
        NetworkPolicy network = NetworkPolicy.builder()
                .library(LenderPolicy.builder("req").town("Saint-Martin").department("Jura").country("FR").build())
                .library(LenderPolicy.builder("other-saint-martin").town("Saint-Martin").department("Savoie").country("FR").build())
                .library(LenderPolicy.builder("jura").town("Dole").department("Jura").country("FR").build())
                .build();

        LenderPlan plan = Rota.of(network).plan(loan("r", AgencyId.parse("req")),
                available("other-saint-martin", "jura"), FEBRUARY);

        assertThat(order(plan)).containsExactly("jura", "other-saint-martin");
        assertThat(plan.lenders().get(1).reason()).startsWith("same country (FR)");
    }

    @Test
    void distanceOrdersByWholeKilometresAndPutsUnknownCoordinatesLast() {
        NetworkPolicy network = NetworkPolicy.builder().proximity(NetworkPolicy.Proximity.DISTANCE)
                .libraries(sample().libraries()).build();
        Map<String, List<Holding>> holdings = available("bib-nowhere", "bib-lyon", "bib-geneve", "bib-saint-claude",
                "bib-champagnole", "bib-lons", "bib-besancon", "bib-dijon", "bib-dole-iut");

        LenderPlan plan = Rota.of(network).plan(loan("r1", DOLE), holdings, FEBRUARY);

        assertThat(order(plan)).containsExactly("bib-dole-iut", "bib-dijon", "bib-besancon", "bib-lons",
                "bib-champagnole", "bib-saint-claude", "bib-geneve", "bib-lyon", "bib-nowhere");
        assertThat(plan.lenders().get(1).reason()).isEqualTo("42 km; load 1.00; available");
        assertThat(plan.lenders().get(8).reason()).startsWith("distance unknown;");
    }

    @Test
    void aRequesterWhoseLocationIsUnknownMakesEveryLenderEquallyNear() {
        AgencyId stranger = AgencyId.parse("ISIL:FR-99999");

        LenderPlan plan = Rota.of(sample()).plan(loan("r1", stranger),
                available("bib-lyon", "bib-dole-iut", "bib-geneve"), FEBRUARY);

        assertThat(order(plan)).containsExactly("bib-dole-iut", "bib-geneve", "bib-lyon");
        assertThat(plan.lenders()).allSatisfy(l -> assertThat(l.reason()).startsWith("requester location unknown;"));
    }

    @Test
    void aSuspendedLibraryIsLeftOutOnEveryDayOfItsSuspensionBothEndsIncluded() {
        Rota rota = Rota.of(sample());
        Map<String, List<Holding>> holdings = available("bib-champagnole", "bib-lons");

        LenderPlan lastDay = rota.plan(loan("r1", DOLE), holdings, LocalDate.of(2027, 1, 10));
        LenderPlan firstDay = rota.plan(loan("r2", DOLE), holdings, LocalDate.of(2026, 12, 1));
        LenderPlan dayAfter = rota.plan(loan("r3", DOLE), holdings, LocalDate.of(2027, 1, 11));

        assertThat(order(lastDay)).containsExactly("bib-lons");
        assertThat(exclusions(lastDay)).containsEntry("bib-champagnole", "suspended from 2026-12-01 to 2027-01-10");
        assertThat(order(firstDay)).containsExactly("bib-lons");
        assertThat(order(dayAfter)).contains("bib-champagnole");
        assertThat(dayAfter.exclusions()).isEmpty();
    }

    @Test
    void aLibraryIsLeftOutOfTheServicesItDoesNotLend() {
        Map<String, List<Holding>> holdings = available("bib-morez", "bib-dijon", "bib-lons");

        LenderPlan loan = Rota.of(sample()).plan(loan("r1", DOLE), holdings, FEBRUARY);
        LenderPlan copy = Rota.of(sample()).plan(IllRequest.builder("r2").requester(DOLE).service(ServiceType.COPY).build(),
                holdings, FEBRUARY);
        LenderPlan either = Rota.of(sample()).plan(IllRequest.builder("r3").requester(DOLE).service(ServiceType.COPY_OR_LOAN).build(),
                holdings, FEBRUARY);

        assertThat(order(loan)).containsExactly("bib-lons", "bib-dijon");
        assertThat(exclusions(loan)).containsExactly(Map.entry("bib-morez", "lends no loans"));
        assertThat(order(copy)).containsExactly("bib-lons", "bib-morez");
        assertThat(exclusions(copy)).containsExactly(Map.entry("bib-dijon", "lends no copies"));
        assertThat(either.exclusions()).isEmpty();
    }

    @Test
    void aLibraryLendingSomeMaterialTypesIsLeftOutForOthersButKeptWhenTheRequestNamesNone() {
        Rota rota = Rota.of(sample());
        Map<String, List<Holding>> holdings = available("bib-saint-claude", "bib-lons");

        LenderPlan dvd = rota.plan(loan("r1", DOLE).toBuilder().materialType("DVD").build(), holdings, FEBRUARY);
        LenderPlan book = rota.plan(loan("r2", DOLE).toBuilder().materialType("Book").build(), holdings, FEBRUARY);
        LenderPlan unsaid = rota.plan(loan("r3", DOLE), holdings, FEBRUARY);

        assertThat(order(dvd)).containsExactly("bib-lons");
        assertThat(exclusions(dvd)).containsExactly(Map.entry("bib-saint-claude", "does not lend 'DVD' (lends only book)"));
        assertThat(order(book)).contains("bib-saint-claude");
        assertThat(order(unsaid)).contains("bib-saint-claude");
    }

    @Test
    void theRequesterIsDroppedWhetherNamedByItsAgencyOrByItsCode() {
        Rota rota = Rota.of(sample());
        Map<String, List<Holding>> holdings = available("bib-dole", "bib-lons", "bib-dole-iut");

        LenderPlan byIsil = rota.plan(loan("r1", DOLE), holdings, FEBRUARY);
        LenderPlan byCode = rota.plan(loan("r2", AgencyId.parse("BIB-LONS")), holdings, FEBRUARY);

        assertThat(order(byIsil)).containsExactly("bib-dole-iut", "bib-lons");
        assertThat(exclusions(byIsil)).containsExactly(Map.entry("bib-dole", "the requester itself"));
        assertThat(exclusions(byCode)).containsExactly(Map.entry("bib-lons", "the requester itself"));
        assertThat(order(byCode)).containsExactlyInAnyOrder("bib-dole", "bib-dole-iut");
    }

    @Test
    void aLibraryWithNoLoanableItemIsLeftOutAndOneWithAnyIsKept() {
        Map<String, List<Holding>> holdings = new LinkedHashMap<>();
        holdings.put("bib-saint-claude", List.of(item("bib-saint-claude", Availability.AVAILABLE, "Exclu du prêt")));
        holdings.put("bib-lons", List.of(item("bib-lons", Availability.NOT_FOR_LOAN),
                item("bib-lons", Availability.UNAVAILABLE, "Perdu")));
        holdings.put("bib-champagnole", List.of(item("bib-champagnole", Availability.NOT_FOR_LOAN),
                item("bib-champagnole", Availability.ON_LOAN)));
        holdings.put("bib-besancon", List.of()); // held, no item data

        LenderPlan plan = Rota.of(sample()).plan(loan("r1", DOLE), holdings, FEBRUARY);

        assertThat(order(plan)).containsExactly("bib-champagnole", "bib-besancon");
        assertThat(plan.lenders().get(0).reason()).endsWith("; on loan");
        assertThat(plan.lenders().get(1).reason()).endsWith("; availability unknown");
        assertThat(exclusions(plan)).containsExactly(
                Map.entry("bib-lons", "no loanable item (2 held: not for loan, 'Perdu')"),
                Map.entry("bib-saint-claude", "no loanable item (1 held: 'Exclu du prêt')"));
    }

    @Test
    void identicalRequestsOfABatchRotateAmongEquallyNearLenders() {
        Rota rota = Rota.of(NetworkPolicy.openDefault());
        Map<String, List<Holding>> holdings = available("c", "a", "b");
        List<String> firsts = new ArrayList<>();

        for (int i = 0; i < 7; i++) {
            firsts.add(rota.plan(loan("r" + i, AgencyId.parse("elsewhere")), holdings, FEBRUARY).first().orElseThrow().library());
        }

        assertThat(firsts).containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(rota.assignedTo("A")).isEqualTo(3);
        assertThat(rota.assignedTo("c")).isEqualTo(2);
    }

    @Test
    void loadRotatesOnlyWithinAProximityTier() {
        Rota rota = Rota.of(sample());
        Map<String, List<Holding>> holdings = available("bib-besancon", "bib-lons", "bib-saint-claude");
        List<String> firsts = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            firsts.add(rota.plan(loan("r" + i, DOLE), holdings, FEBRUARY).first().orElseThrow().library());
        }

        assertThat(firsts).containsExactly("bib-lons", "bib-saint-claude", "bib-lons", "bib-saint-claude");
        LenderPlan fifth = rota.plan(loan("r5", DOLE), holdings, FEBRUARY);
        assertThat(order(fifth)).containsExactly("bib-lons", "bib-saint-claude", "bib-besancon");
        assertThat(fifth.lenders().get(0).reason()).isEqualTo("same department (Jura); load 3.00; available");
    }

    @Test
    void lendingStatisticsMoveAHeavyLenderBack() {
        Map<String, List<Holding>> holdings = available("bib-lons", "bib-saint-claude");
        LendingStatistics stats = LendingStatistics.read(csv("library,lent,borrowed\nbib-lons,30,9\n"), "stats.csv");

        LenderPlan without = Rota.of(sample()).plan(loan("r1", DOLE), holdings, FEBRUARY);
        LenderPlan with = Rota.of(sample(), stats).plan(loan("r1", DOLE), holdings, FEBRUARY);

        assertThat(order(without)).containsExactly("bib-lons", "bib-saint-claude");
        assertThat(order(with)).containsExactly("bib-saint-claude", "bib-lons");
        assertThat(with.lenders().get(1).reason()).isEqualTo("same department (Jura); load 3.10; available");
    }

    @Test
    void theLoadRatioAddsTheBatchToTheStatisticsAndEqualFractionsTie() {
        // lons 1 lent, 1 borrowed: (1+a+1)/2 against saint-claude's (0+a+1)/1
        Rota rota = Rota.of(sample(), LendingStatistics.of(Map.of("BIB-LONS", new LendingStatistics.Counts(1, 1))));
        Map<String, List<Holding>> holdings = available("bib-lons", "bib-saint-claude");
        List<String> firsts = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            firsts.add(rota.plan(loan("r" + i, DOLE), holdings, FEBRUARY).first().orElseThrow().library());
        }

        // 2/2 = 1/1 (code decides), 3/2 > 1/1, 3/2 < 2/1, then 4/2 = 2/1 exactly (code decides again)
        assertThat(firsts).containsExactly("bib-lons", "bib-saint-claude", "bib-lons", "bib-lons");
    }

    @Test
    void anAvailableItemBreaksATieOfProximityAndLoad() {
        Map<String, List<Holding>> holdings = new LinkedHashMap<>();
        holdings.put("bib-lons", List.of(item("bib-lons", Availability.ON_LOAN)));
        holdings.put("bib-champagnole", List.of(item("bib-champagnole", Availability.UNKNOWN)));
        holdings.put("bib-saint-claude", List.of(item("bib-saint-claude", Availability.ON_LOAN),
                item("bib-saint-claude", Availability.AVAILABLE)));

        LenderPlan plan = Rota.of(sample()).plan(loan("r1", DOLE), holdings, FEBRUARY);

        assertThat(order(plan)).containsExactly("bib-saint-claude", "bib-champagnole", "bib-lons");
        assertThat(plan.lenders()).extracting(LenderPlan.Lender::reason).containsExactly(
                "same department (Jura); load 1.00; available",
                "same department (Jura); load 1.00; availability unknown",
                "same department (Jura); load 1.00; on loan");
    }

    @Test
    void theSameInputInAnyMapOrderGivesTheSamePlan() {
        Map<String, List<Holding>> forward = available("bib-unlisted", "bib-geneve", "bib-lyon", "bib-lons",
                "bib-morez", "bib-nowhere", "bib-dole", "bib-saint-claude");
        List<String> keys = new ArrayList<>(forward.keySet());
        Collections.reverse(keys);
        Map<String, List<Holding>> backward = new LinkedHashMap<>();
        keys.forEach(k -> backward.put(k, forward.get(k)));

        LenderPlan a = Rota.of(sample()).plan(loan("r1", DOLE), forward, FEBRUARY);
        LenderPlan b = Rota.of(sample()).plan(loan("r1", DOLE), backward, FEBRUARY);

        assertThat(a).isEqualTo(b);
        assertThat(order(a)).containsExactly("bib-lons", "bib-saint-claude", "bib-lyon", "bib-geneve", "bib-nowhere",
                "bib-unlisted");
        assertThat(a.exclusions()).extracting(LenderPlan.Exclusion::library).containsExactly("bib-dole", "bib-morez");
    }

    @Test
    void aLenderCarriesItsAgencyAndEndpointFromThePolicyOrItsCodeAsALocalAgency() {
        LenderPlan plan = Rota.of(sample()).plan(loan("r1", DOLE), available("bib-lons", "bib-unlisted"), FEBRUARY);

        LenderPlan.Lender lons = plan.first().orElseThrow();
        assertThat(lons.agency()).isEqualTo(AgencyId.parse("ISIL:FR-39300"));
        assertThat(lons.endpoint()).contains(URI.create("https://ill.lons.example/iso18626"));
        assertThat(plan.lenders().get(1).agency()).isEqualTo(new AgencyId(AgencyId.LOCAL, "bib-unlisted"));
        assertThat(plan.lenders().get(1).endpoint()).isEmpty();
        assertThat(plan.agencies()).containsExactly(AgencyId.parse("ISIL:FR-39300"), AgencyId.parse("LOCAL:bib-unlisted"));
        assertThat(plan.requestId()).isEqualTo("r1");
    }

    @Test
    void aPlanWithNoPossibleLenderIsEmptyAndAssignsNobody() {
        Rota rota = Rota.of(sample());

        LenderPlan plan = rota.plan(loan("r1", DOLE), available("bib-dole", "bib-morez"), FEBRUARY);

        assertThat(plan.first()).isEmpty();
        assertThat(plan.exclusions()).hasSize(2);
        assertThat(rota.assignedTo("bib-dole")).isZero();
        assertThat(rota.assignedTo("bib-morez")).isZero();
    }

    @Test
    void unlistedLibrariesFollowTheNetworkDefaults() {
        NetworkPolicy noLoans = NetworkPolicy.builder()
                .defaults(new NetworkPolicy.Defaults(false, true, java.util.Set.of(), 28, java.util.Set.of()))
                .library(LenderPolicy.builder("listed").build())
                .build();

        LenderPlan plan = Rota.of(noLoans).plan(loan("r1", AgencyId.parse("x")), available("unlisted", "listed"), FEBRUARY);

        // a policy built in code keeps its own terms; only the file reader starts listed ones from the defaults
        assertThat(order(plan)).containsExactly("listed");
        assertThat(exclusions(plan)).containsExactly(Map.entry("unlisted", "lends no loans"));
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
