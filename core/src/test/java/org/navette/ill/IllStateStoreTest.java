package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IllStateStoreTest {
    @TempDir
    Path dir;

    private static final AgencyId REQUESTER = IllStateScript.REQUESTER;
    private static final AgencyId A = IllStateScript.A;
    private static final AgencyId B = IllStateScript.B;

    @Test
    void planningIsIdempotentAndAConflictingPlanIsRefused() {
        try (IllStateStore s = IllStateStore.openIn(dir)) {
            assertThat(s.plan("r1", REQUESTER, "c1", List.of(A, B), "b")).isTrue();
            assertThat(s.plan("r1", REQUESTER, "c1", List.of(A, B), "b")).isFalse();
            assertThatThrownBy(() -> s.plan("r1", REQUESTER, "c1", List.of(B), "b"))
                    .isInstanceOf(IllStateException.class).hasMessageContaining("already planned");
            assertThat(s.plan("r2", REQUESTER, null, List.of(), "b")).isTrue();
            assertThat(s.get("r2").orElseThrow().state()).isEqualTo(RequestState.UNMATCHED);

            // a chunk is recorded whole or not at all
            List<IllStateStore.Planned> chunk = List.of(new IllStateStore.Planned("r3", REQUESTER, "c3", List.of(A)),
                    new IllStateStore.Planned("r1", REQUESTER, "c1", List.of(B)));
            assertThatThrownBy(() -> s.planAll(chunk, "b")).isInstanceOf(IllStateException.class).hasMessageContaining("r1");
            assertThat(s.get("r3")).isEmpty();
            assertThat(s.planAll(List.of(new IllStateStore.Planned("r3", REQUESTER, "c3", List.of(A)),
                    new IllStateStore.Planned("r1", REQUESTER, "c1", List.of(A, B))), "b")).isEqualTo(1);
            assertThat(s.get("r3").orElseThrow().state()).isEqualTo(RequestState.PLANNED);
        }
    }

    @Test
    void aMessageIsRecordedOnceAndSurvivesReopening() {
        try (IllStateStore s = IllStateStore.openIn(dir)) {
            s.plan("r1", REQUESTER, "c1", List.of(A, B), "b");
            assertThat(s.apply(new SentEvent("r1", REQUESTER, A, 0)).outcome()).isEqualTo(IllStateStore.Outcome.APPLIED);
            SupplierEvent unfilled = SupplierEvent.of("r1", A, SupplierStatus.UNFILLED, "m1");
            IllStateStore.Applied first = s.apply(unfilled);
            assertThat(first.outcome()).isEqualTo(IllStateStore.Outcome.APPLIED);
            assertThat(first.request().orElseThrow().currentLender()).contains(B);
            IllStateStore.Applied again = s.apply(unfilled);
            assertThat(again.outcome()).isEqualTo(IllStateStore.Outcome.DUPLICATE);
            assertThat(again.transition()).isEqualTo(first.transition());
            assertThat(s.get("r1").orElseThrow().history()).hasSize(2);
            // a refused message stays refused when it comes again
            SupplierEvent stray = SupplierEvent.of("r1", A, SupplierStatus.LOANED, "m2");
            assertThat(s.apply(stray).outcome()).isEqualTo(IllStateStore.Outcome.REFUSED);
            assertThat(s.apply(stray).transition()).isInstanceOf(Refusal.class);
            assertThat(s.apply(SupplierEvent.of("nope", A, SupplierStatus.LOANED, "m3")).transition())
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).contains("unknown request nope"));
        }
        try (IllStateStore s = IllStateStore.openIn(dir)) {
            TrackedRequest r = s.get("r1").orElseThrow();
            assertThat(r.state()).isEqualTo(RequestState.PLANNED);
            assertThat(r.lenderIndex()).isEqualTo(1);
            assertThat(r.history()).extracting(HistoryEntry::messageId).containsExactly(
                    new SentEvent("r1", REQUESTER, A, 0).messageId(), "m1");
        }
    }

    @Test
    void aBatchKilledMidWayResumesWithNoTransitionLostOrDoubled() throws Exception {
        int n = 300;
        Path crashed = dir.resolve("crashed");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IllStateScript.class.getName(), crashed.toString(), Integer.toString(n));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        int seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && seen < 400) {
                if (line.startsWith("committed ")) {
                    seen++;
                }
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(seen).as("the child reported progress before it was killed").isEqualTo(400);
        int resumed;
        try (IllStateStore s = IllStateStore.openIn(crashed)) {
            resumed = IllStateScript.run(s, n, false);
        }
        assertThat(resumed).as("the resumed run applied only what the killed one had not").isLessThanOrEqualTo(n * 7 - 400);
        Path clean = dir.resolve("clean");
        try (IllStateStore s = IllStateStore.openIn(clean)) {
            assertThat(IllStateScript.run(s, n, false)).isEqualTo(n * 7);
        }
        assertThat(histories(crashed)).isEqualTo(histories(clean));
    }

    private static String histories(Path dir) {
        try (IllStateStore s = IllStateStore.openIn(dir)) {
            return s.all().stream().map(r -> r.requestId() + " " + r.state() + " " + r.history().stream()
                    .map(h -> h.seq() + ":" + h.from() + ">" + h.to() + "@" + h.lenderIndex() + " " + h.actor() + " " + h.messageId())
                    .collect(Collectors.joining(", "))).collect(Collectors.joining("\n"));
        }
    }
}
