package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.FileSource;
import org.navette.model.BibRecord;
import org.navette.testing.DamagedRequests;
import org.navette.testing.InMemoryCatalogueStore;
import org.navette.testing.MarcFiles;

/**
 * A batch planned end to end on a catalogue of real records held by three libraries: every input
 * line in the plan with a status, the rota's exact order under a policy, the plan file, and a batch
 * stopped half way that resumes to the plan of an uninterrupted run.
 */
class IllPlannerTest {
    private static final String LUL = "/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc";
    private static final Clock DAY = Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    /** Dole asks; Lons and Saint-Claude are in its department (one tier), Besançon in its region. */
    private static final String POLICY = """
            {"proximity": "tiers",
             "libraries": [
              {"library": "dole", "agency": "ISIL:FR-39198", "town": "Dole", "department": "Jura", "region": "BFC", "country": "FR"},
              {"library": "lons", "agency": "ISIL:FR-39300", "town": "Lons-le-Saunier", "department": "Jura", "region": "BFC", "country": "FR"},
              {"library": "claude", "town": "Saint-Claude", "department": "Jura", "region": "BFC", "country": "FR"},
              {"library": "besancon", "town": "Besançon", "department": "Doubs", "region": "BFC", "country": "FR"}
             ]}""";

    @TempDir
    static Path dir;

    static Catalogue catalogue;
    static List<BibRecord> records;

    @BeforeAll
    static void build() {
        List<byte[]> lul = MarcFiles.split(MarcFiles.resource(LUL));
        catalogue = Catalogue.builder(new InMemoryCatalogueStore()).build();
        // records 100..199 are held by all four libraries; 0..99 only by Dole
        catalogue.load("dole", FileSource.of(MarcFiles.write(dir.resolve("dole.mrc"), lul.subList(0, 200))));
        catalogue.load("lons", FileSource.of(MarcFiles.write(dir.resolve("lons.mrc"), lul.subList(100, 200))));
        catalogue.load("claude", FileSource.of(MarcFiles.write(dir.resolve("claude.mrc"), lul.subList(100, 200))));
        catalogue.load("besancon", FileSource.of(MarcFiles.write(dir.resolve("besancon.mrc"), lul.subList(100, 200))));
        records = MarcFiles.read(MarcFiles.write(dir.resolve("all.mrc"), lul.subList(0, 200)));
    }

    private static NetworkPolicy policy() {
        return NetworkPolicy.read(new java.io.ByteArrayInputStream(POLICY.getBytes(StandardCharsets.UTF_8)), "policy.json");
    }

    private static IllPlanner planner(IllStateStore state) {
        return IllPlanner.builder(RequestMatcher.overCatalogue(catalogue), Rota.of(policy()))
                .state(state).batchId("b1").defaultRequester(AgencyId.parse("ISIL:FR-39198")).clock(DAY).build();
    }

    /** Requests for records 100..139 (held by all four) with damage, in record order. */
    private static List<IllRequest> requests() {
        Random rnd = new Random(3);
        List<IllRequest> out = new ArrayList<>();
        for (int i = 100; i < 140; i++) {
            out.add(DamagedRequests.damaged(records.get(i), i % DamagedRequests.KINDS, rnd));
        }
        return out;
    }

    @Test
    void theRequesterIsLeftOutAndTheSameTierSharesTheLoansBeforeTheRegionIsAsked() {
        try (IllStateStore state = IllStateStore.openIn(dir.resolve("order"))) {
            IllPlan plan = planner(state).plan(new RequestBatch("t", requests(), List.of()));
            List<List<String>> rotas = new ArrayList<>();
            for (PlannedRequest p : plan.requests()) {
                if (p.status() == PlannedRequest.Status.MATCHED) {
                    rotas.add(p.lenders().orElseThrow().lenders().stream().map(LenderPlan.Lender::library).toList());
                    assertThat(p.lenders().orElseThrow().exclusions()).extracting(LenderPlan.Exclusion::library).containsExactly("dole");
                }
            }
            assertThat(rotas).hasSizeGreaterThan(30);
            // the department's two libraries take turns as first lender (claude before lons on the tie: by code),
            // Besançon, one tier further, always comes last
            for (int i = 0; i < rotas.size(); i++) {
                assertThat(rotas.get(i)).containsExactly(i % 2 == 0 ? "claude" : "lons", i % 2 == 0 ? "lons" : "claude", "besancon");
            }
            // the state holds each planned request at its first lender, by agency where the policy gives one
            PlannedRequest first = plan.requests().stream().filter(p -> p.status() == PlannedRequest.Status.MATCHED).findFirst().orElseThrow();
            TrackedRequest t = state.get(first.requestId()).orElseThrow();
            assertThat(t.state()).isEqualTo(RequestState.PLANNED);
            assertThat(t.rota()).extracting(AgencyId::toString).containsExactly("LOCAL:claude", "ISIL:FR-39300", "LOCAL:besancon");
            assertThat(t.requester()).hasToString("ISIL:FR-39198");
        }
    }

    @Test
    void everyInputLineIsInThePlanAndThePlanFileSaysWhy() {
        String csv = "id,title,author,year\n"
                + "r1,\"" + records.get(120).titleProper() + "\",,\n"
                + "r2,Zzyzx qwertyuiop asdfghjkl,Nobody,1999\n"
                + "r3,\"broken,2001\n"
                + "r4,Un titre,Quelqu'un,19x9\n"
                + "r5,\"" + records.get(10).titleProper() + "\",,\n";
        RequestBatch batch = RequestCsvReader.read(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "in.csv");
        try (IllStateStore state = IllStateStore.openIn(dir.resolve("lines"))) {
            IllPlan plan = planner(state).plan(batch);
            assertThat(plan.requests()).extracting(PlannedRequest::requestId).contains("r1", "r2", "r4", "r5");
            assertThat(plan.requests()).hasSize(5);
            Map<String, PlannedRequest> byId = new java.util.HashMap<>();
            plan.requests().forEach(p -> byId.put(p.requestId(), p));
            assertThat(byId.get("r1").status()).isEqualTo(PlannedRequest.Status.MATCHED);
            assertThat(byId.get("r2").status()).isEqualTo(PlannedRequest.Status.UNMATCHED);
            // held only by the requester itself: matched, but nobody can lend it
            assertThat(byId.get("r5").status()).isEqualTo(PlannedRequest.Status.NO_LENDER);
            assertThat(byId.get("r5").lenders().orElseThrow().exclusions()).extracting(LenderPlan.Exclusion::reason)
                    .containsExactly("the requester itself");
            assertThat(byId.get("r4").problems()).isNotEmpty();
            PlannedRequest broken = plan.requests().stream().filter(p -> p.status() == PlannedRequest.Status.INVALID).findFirst().orElseThrow();
            assertThat(broken.reason()).contains("quote");
            assertThat(plan.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);

            StringBuilder out = new StringBuilder();
            plan.writeCsv(out);
            List<CsvText.Row> rows = CsvText.rows(out.toString());
            assertThat(rows.get(0).fields()).containsExactly("id", "status", "clusterId", "score", "lenders", "reasons");
            assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.fields()).hasSize(6));
            List<String> r1 = rows.stream().filter(r -> r.fields().get(0).equals("r1")).findFirst().orElseThrow().fields();
            assertThat(r1.get(1)).isEqualTo("matched");
            assertThat(r1.get(2)).isEqualTo(byId.get("r1").clusterId().orElseThrow());
            assertThat(r1.get(4)).isEqualTo("claude;lons;besancon");
            assertThat(r1.get(5)).contains("1. claude: ", "not dole: the requester itself");
            assertThat(state.get("r2").orElseThrow().state()).isEqualTo(RequestState.UNMATCHED);
        }
    }

    @Test
    void aBatchStoppedHalfWayResumesToThePlanOfAnUninterruptedRun() {
        List<IllRequest> all = requests();
        List<List<AgencyId>> whole;
        try (IllStateStore state = IllStateStore.openIn(dir.resolve("whole"))) {
            planner(state).plan(new RequestBatch("t", all, List.of()));
            whole = all.stream().map(r -> state.get(r.id()).orElseThrow().rota()).toList();
        }
        try (IllStateStore state = IllStateStore.openIn(dir.resolve("resumed"))) {
            planner(state).plan(new RequestBatch("t", all.subList(0, 17), List.of()));
        }
        try (IllStateStore state = IllStateStore.openIn(dir.resolve("resumed"))) {
            // a new process: a new rota with no counts, the same state
            IllPlan again = planner(state).plan(new RequestBatch("t", all, List.of()));
            assertThat(again.requests()).hasSize(all.size());
            List<List<AgencyId>> resumed = all.stream().map(r -> state.get(r.id()).orElseThrow().rota()).toList();
            assertThat(resumed).isEqualTo(whole);
            assertThat(state.all()).hasSize(all.size());
        }
    }

    @Test
    void matchingOnSeveralThreadsGivesThePlanOfOne() {
        List<IllRequest> all = requests();
        IllPlan one = IllPlanner.builder(RequestMatcher.overCatalogue(catalogue), Rota.of(policy())).threads(1).clock(DAY)
                .defaultRequester(AgencyId.parse("ISIL:FR-39198")).build().plan(new RequestBatch("t", all, List.of()));
        IllPlan four = IllPlanner.builder(RequestMatcher.overCatalogue(catalogue), Rota.of(policy())).threads(4).clock(DAY)
                .defaultRequester(AgencyId.parse("ISIL:FR-39198")).build().plan(new RequestBatch("t", all, List.of()));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        one.writeCsv(a);
        four.writeCsv(b);
        assertThat(b.toString()).isEqualTo(a.toString());
        assertThat(four.requests()).extracting(PlannedRequest::requestId).containsExactlyElementsOf(all.stream().map(IllRequest::id).toList());
    }
}
