package org.navette.connector.opac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.navette.spi.CancellationSignal;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetException;

/** Per-host politeness: a concurrency cap, a rate limit and Retry-After pauses, all within each search's deadline. */
class HostGatesTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    private static DiagnosticKind kindOf(Runnable r) {
        try {
            r.run();
        } catch (TargetException e) {
            return e.diagnostic().kind();
        }
        return null;
    }

    @Test
    void aHostWhoseSlotsAreTakenMakesTheNextRequestTimeOutWithinItsBudgetAndFreesTheSlotOnClose() {
        HostGates.Gate gate = new HostGates(FIXED).gate("opac.example.org:443", 100, 1);
        HostGates.Permit held = gate.enter(Deadline.after(Duration.ofSeconds(5), new CancellationSignal()));

        assertThatThrownBy(() -> gate.enter(Deadline.after(Duration.ofMillis(200), new CancellationSignal())))
                .isInstanceOf(TargetException.class)
                .hasMessage("TIMEOUT opac:politeness politeness limit for host opac.example.org:443: all 1 concurrent request "
                        + "slot(s) stayed busy for this search's whole time budget (opac.example.org:443)");
        held.close();
        gate.enter(Deadline.after(Duration.ofSeconds(5), new CancellationSignal())).close();
    }

    @Test
    void targetsOnOneHostShareItsGateAndTheStricterLimitsWin() {
        HostGates gates = new HostGates(FIXED);
        HostGates.Gate lenient = gates.gate("opac.example.org:443", 5, 4);
        HostGates.Gate strict = gates.gate("opac.example.org:443", 0.5, 1);
        HostGates.Gate other = gates.gate("opac.example.org:8080", 5, 4);

        assertThat(strict).isSameAs(lenient);
        assertThat(lenient.requestsPerSecond()).isEqualTo(0.5);
        assertThat(lenient.maxConcurrent()).isEqualTo(1);
        assertThat(gates.gate("opac.example.org:443", 10, 10).maxConcurrent()).isEqualTo(1);
        assertThat(other.maxConcurrent()).isEqualTo(4);
    }

    @Test
    void aRetryAfterPauseOutlastingTheBudgetIsRateLimitedAndCappedAtAnHour() {
        HostGates.Gate gate = new HostGates(FIXED).gate("opac.example.org:443", 100, 2);

        gate.pause(Duration.ofDays(3));

        assertThat(gate.pausedUntil()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(kindOf(() -> gate.enter(Deadline.after(Duration.ofSeconds(30), new CancellationSignal()))))
                .isEqualTo(DiagnosticKind.RATE_LIMITED);
    }

    @Test
    void aLaterPauseNeverShortensAnEarlierOne() {
        HostGates.Gate gate = new HostGates(FIXED).gate("opac.example.org:443", 100, 2);

        gate.pause(Duration.ofSeconds(120));
        gate.pause(Duration.ofSeconds(5));

        assertThat(gate.pausedUntil()).isEqualTo(Instant.parse("2026-03-01T08:02:00Z"));
    }

    @Test
    void aCancelledSearchDoesNotEnter() {
        HostGates.Gate gate = new HostGates(FIXED).gate("opac.example.org:443", 100, 2);
        CancellationSignal signal = new CancellationSignal();
        signal.cancel();

        assertThat(kindOf(() -> gate.enter(Deadline.after(Duration.ofSeconds(5), signal)))).isEqualTo(DiagnosticKind.CANCELLED);
    }
}
