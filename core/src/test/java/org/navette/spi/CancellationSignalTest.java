package org.navette.spi;

import org.navette.target.DiagnosticKind;
import org.navette.target.TargetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationSignalTest {
    @Test
    void actionsRunOnceOnCancel() {
        CancellationSignal s = new CancellationSignal();
        AtomicInteger runs = new AtomicInteger();
        s.onCancel(runs::incrementAndGet);
        s.cancel();
        s.cancel();
        assertThat(runs).hasValue(1);
        assertThatThrownBy(s::throwIfCancelled).isInstanceOf(TargetException.class)
                .satisfies(e -> assertThat(((TargetException) e).diagnostic().kind()).isEqualTo(DiagnosticKind.CANCELLED));
    }

    @Test
    void anActionRegisteredAfterCancelRunsAtOnce() {
        CancellationSignal s = new CancellationSignal();
        s.cancel();
        AtomicInteger runs = new AtomicInteger();
        s.onCancel(runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aClosedRegistrationDoesNotRun() throws Exception {
        CancellationSignal s = new CancellationSignal();
        AtomicInteger runs = new AtomicInteger();
        s.onCancel(runs::incrementAndGet).close();
        s.cancel();
        assertThat(runs).hasValue(0);
    }
}
