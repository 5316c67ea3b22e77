package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.navette.testing.RecordingListener;
import org.navette.model.RecordFormat;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchOutcome;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;
import org.navette.target.TargetConfig;

/** The paging state machine with hand-made pages, a fake clock and a recording listener. */
class SearchRunTest {
    private final RecordingListener listener = new RecordingListener();
    private final FakeClock clock = new FakeClock();
    private final SruSettings settings = SruSettings.from(TargetConfig.builder("t", "sru").set("url", "http://x/sru").build());

    /** A clock the test moves by hand. */
    private static final class FakeClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private SearchRun run(int start, int max, int chunk) {
        return new SearchRun("t", settings, start, max, chunk, Duration.ofSeconds(10), listener, clock);
    }

    private static String marc(String id) {
        return "<record xmlns='http://www.loc.gov/MARC21/slim'><controlfield tag='001'>" + id + "</controlfield></record>";
    }

    /** A page: hits (or null for none), nextRecordPosition (or null), records' recordData contents, diagnostics XML. */
    private static SruResponse page(Long hits, Integer next, String diagnostics, String... records) throws Exception {
        StringBuilder xml = new StringBuilder("<searchRetrieveResponse xmlns='http://www.loc.gov/zing/srw/'>");
        if (hits != null) {
            xml.append("<numberOfRecords>").append(hits).append("</numberOfRecords>");
        }
        xml.append("<records>");
        for (String r : records) {
            xml.append("<record><recordSchema>marcxml</recordSchema><recordData>").append(r).append("</recordData></record>");
        }
        xml.append("</records>");
        if (next != null) {
            xml.append("<nextRecordPosition>").append(next).append("</nextRecordPosition>");
        }
        if (diagnostics != null) {
            xml.append("<diagnostics>").append(diagnostics).append("</diagnostics>");
        }
        xml.append("</searchRetrieveResponse>");
        return new SruResponseParser().parseSearchRetrieve(
                new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), null, 1);
    }

    private static String diag(int n) {
        return "<diagnostic xmlns='http://www.loc.gov/zing/srw/diagnostic/'><uri>info:srw/diagnostic/1/" + n
                + "</uri></diagnostic>";
    }

    @Test
    void pagesFollowTheCountWhenTheServerSendsNoNextPosition() throws Exception {
        SearchRun run = run(1, 5, 2);

        assertThat(run.next()).isEqualTo(new SearchRun.Page(1, 2));
        run.accept(new SearchRun.Page(1, 2), page(5L, null, null, marc("a"), marc("b")));
        assertThat(run.next()).isEqualTo(new SearchRun.Page(3, 2));
        run.accept(new SearchRun.Page(3, 2), page(5L, null, null, marc("c"), marc("d")));
        assertThat(run.next()).isEqualTo(new SearchRun.Page(5, 1));
        run.accept(new SearchRun.Page(5, 1), page(5L, null, null, marc("e")));
        assertThat(run.next()).isNull();

        SearchOutcome out = run.outcome();
        assertThat(out.hits()).isEqualTo(5);
        assertThat(out.fetched()).isEqualTo(5);
        assertThat(listener.phases).containsExactly(Phase.SEARCHING, Phase.FETCHING, Phase.FETCHING);
        assertThat(listener.hits).containsExactly(5L);
        assertThat(listener.records()).allSatisfy(r -> assertThat(r.formatHint()).isEqualTo(RecordFormat.MARC21));
    }

    @Test
    void theServersNextPositionWinsWhenItMovesForward() throws Exception {
        SearchRun run = run(1, 50, 10);
        run.next();

        run.accept(new SearchRun.Page(1, 10), page(100L, 31, null, marc("a"), marc("b")));

        assertThat(run.next()).isEqualTo(new SearchRun.Page(31, 10));
    }

    @Test
    void aNextPositionThatDoesNotMoveForwardIsIgnored() throws Exception {
        SearchRun run = run(1, 50, 10);
        run.next();

        run.accept(new SearchRun.Page(1, 10), page(100L, 1, null, marc("a"), marc("b")));

        assertThat(run.next()).isEqualTo(new SearchRun.Page(3, 10));
    }

    @Test
    void aPageWithoutRecordsEndsTheSearchInsteadOfLooping() throws Exception {
        SearchRun run = run(1, 50, 10);
        run.next();

        run.accept(new SearchRun.Page(1, 10), page(100L, null, null));

        assertThat(run.next()).isNull();
        assertThat(run.outcome().fetched()).isZero();
    }

    @Test
    void recordsBeyondWhatWasAskedAreDropped() throws Exception {
        SearchRun run = run(1, 2, 10);
        SearchRun.Page first = run.next();

        run.accept(first, page(9L, null, null, marc("a"), marc("b"), marc("c")));

        assertThat(run.outcome().fetched()).isEqualTo(2);
        assertThat(run.next()).isNull();
    }

    @Test
    void surrogateDiagnosticsAndUnusableRecordsAreWarningsWithPositions() throws Exception {
        SearchRun run = run(1, 10, 10);
        run.next();
        String surrogate = "<diagnostic xmlns='http://www.loc.gov/zing/srw/diagnostic/'><uri>info:srw/diagnostic/1/64</uri>"
                + "<message>Record temporarily unavailable</message></diagnostic>";

        run.accept(new SearchRun.Page(1, 10), page(3L, null, null, marc("a"), surrogate, "<mods xmlns='urn:mods'/>"));

        assertThat(run.outcome().fetched()).isEqualTo(1);
        assertThat(listener.warnings).extracting(TargetDiagnostic::kind)
                .containsExactly(DiagnosticKind.RECORD_FAILED, DiagnosticKind.RECORD_FAILED);
        assertThat(listener.warnings).extracting(TargetDiagnostic::addInfo)
                .containsExactly("record 2", "record 3, schema marcxml");
        assertThat(run.outcome().warnings()).isEqualTo(listener.warnings);
    }

    @Test
    void diagnosticsWithoutHitCountFailTheSearch() throws Exception {
        SearchRun run = run(1, 10, 10);
        SearchRun.Page first = run.next();

        assertThatThrownBy(() -> run.accept(first, page(null, null, diag(16))))
                .isInstanceOfSatisfying(TargetException.class,
                        e -> assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH));
    }

    @Test
    void diagnosticsThatComeWithRecordsAreWarnings() throws Exception {
        SearchRun run = run(1, 10, 10);
        run.next();

        run.accept(new SearchRun.Page(1, 10), page(1L, null, diag(38), marc("a")));

        assertThat(run.outcome().fetched()).isEqualTo(1);
        assertThat(run.outcome().warnings()).extracting(TargetDiagnostic::code).containsExactly("info:srw/diagnostic/1/38");
    }

    @Test
    void firstRecordOutOfRangeIsTheEndNotAWarning() throws Exception {
        SearchRun run = run(20, 10, 10);
        SearchRun.Page first = run.next();

        run.accept(first, page(13L, null, diag(61)));

        assertThat(run.next()).isNull();
        assertThat(run.outcome()).isEqualTo(new SearchOutcome(13, 0, java.util.List.of()));
    }

    @Test
    void aFailureBeforeTheFirstAnswerFailsAndAfterItWarns() throws Exception {
        TargetException boom = new TargetException(TargetDiagnostic.of(DiagnosticKind.HTTP_ERROR, "http:500"));
        SearchRun early = run(1, 20, 10);
        early.next();
        assertThatThrownBy(() -> early.fail(boom)).isSameAs(boom);

        SearchRun late = run(1, 20, 10);
        late.next();
        late.accept(new SearchRun.Page(1, 10), page(20L, null, null, marc("a"), marc("b")));
        late.fail(boom);

        assertThat(late.next()).isNull();
        assertThat(late.outcome().fetched()).isEqualTo(2);
        assertThat(late.outcome().warnings()).containsExactly(boom.diagnostic());
    }

    @Test
    void cancellationFailsEvenAfterRecordsArrived() throws Exception {
        SearchRun run = run(1, 20, 10);
        run.next();
        run.accept(new SearchRun.Page(1, 10), page(20L, null, null, marc("a")));
        TargetException cancelled = new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search cancelled"));

        assertThatThrownBy(() -> run.fail(cancelled)).isSameAs(cancelled);
    }

    @Test
    void theBudgetIsMeasuredWithTheInjectedClock() {
        SearchRun run = run(1, 20, 10);

        clock.now = clock.now.plusSeconds(4);
        assertThat(run.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(run.deadlinePassed()).isFalse();
        clock.now = clock.now.plusSeconds(6);
        assertThat(run.deadlinePassed()).isTrue();
    }

    @Test
    void maxRecordsZeroAsksOnceForTheCount() throws Exception {
        SearchRun run = run(1, 0, 10);
        SearchRun.Page only = run.next();

        run.accept(only, page(13L, null, null));

        assertThat(only).isEqualTo(new SearchRun.Page(1, 0));
        assertThat(run.next()).isNull();
        assertThat(run.outcome().hits()).isEqualTo(13);
    }
}
