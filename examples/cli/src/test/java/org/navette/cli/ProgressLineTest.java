package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.navette.federation.SearchEvent;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;

class ProgressLineTest {
    private static SearchEvent changed(String id, TargetState state, int fetched) {
        return new SearchEvent.TargetChanged("s1", new TargetStatus(id, id, state, OptionalLong.empty(), fetched, 0,
                Duration.ZERO, null, List.of()));
    }

    @Test
    void theLineCountsFinishedTargetsAndShowsTheRunningOnesWithTheirProgress() {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), 3);

        line.onEvent(changed("zebra", TargetState.FETCHING, 10));
        line.onEvent(changed("loc", TargetState.SEARCHING, 0));
        line.onEvent(changed("bnf", TargetState.FAILED, 0));

        assertThat(line.render()).isEqualTo("1/3 finished | zebra fetching 10 | loc searching");
        assertThat(err.toString()).startsWith("\r").contains("\u001b[K");
    }

    @Test
    void aLongLineIsCutToTheTerminalWidth() {
        ProgressLine line = new ProgressLine(new PrintWriter(new StringWriter()), 20);
        for (int i = 0; i < 20; i++) {
            line.onEvent(changed("target-with-a-long-name-" + i, TargetState.CONNECTING, 0));
        }

        assertThat(line.render()).hasSize(79).endsWith("...");
    }
}
