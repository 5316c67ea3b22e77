package org.navette.connector.z3950.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.target.TargetDiagnostic;

/** ZOOM errors and Bib-1 diagnostics become typed target diagnostics. */
class ZoomDiagnosticsTest {
    @ParameterizedTest(name = "bib-1 {0} -> {1}")
    @CsvSource({"109,UNKNOWN_DATABASE", "235,UNKNOWN_DATABASE", "114,UNSUPPORTED_SEARCH", "113,UNSUPPORTED_SEARCH",
        "117,UNSUPPORTED_SEARCH", "124,UNSUPPORTED_SEARCH", "108,QUERY_REJECTED", "10,QUERY_REJECTED",
        "125,QUERY_REJECTED", "1011,AUTHENTICATION_FAILED", "236,AUTHENTICATION_FAILED", "1,TARGET_DIAGNOSTIC",
        "2,TARGET_DIAGNOSTIC", "3,TARGET_DIAGNOSTIC", "238,TARGET_DIAGNOSTIC"})
    void bib1DiagnosticsToASearchMapByCode(int code, DiagnosticKind kind) {
        TargetDiagnostic d = ZoomDiagnostics.of(new ZoomError(code, "Bib-1", "message " + code, "info"),
                Phase.SEARCHING, "h:1");

        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.code()).isEqualTo("bib1:" + code);
        assertThat(d.message()).isEqualTo("message " + code);
        assertThat(d.addInfo()).isEqualTo("info");
        assertThat(d.retryable()).isFalse();
    }

    @Test
    void aBib1DiagnosticInTheInitResponseIsARefusedLogin() {
        TargetDiagnostic d = ZoomDiagnostics.of(new ZoomError(1011, "Bib-1", "Init/AC: Bad Userid and/or Password", ""),
                Phase.CONNECTING, "h:1");

        assertThat(d.kind()).isEqualTo(DiagnosticKind.AUTHENTICATION_FAILED);
        assertThat(d.addInfo()).isNull();
    }

    @ParameterizedTest(name = "zoom {0} while {1} -> {2}, retryable {3}")
    @CsvSource({"10000,CONNECTING,CONNECT_FAILED,true", "10004,CONNECTING,CONNECT_FAILED,true",
        "10004,SEARCHING,CONNECT_FAILED,false", "10005,CONNECTING,AUTHENTICATION_FAILED,false",
        "10007,SEARCHING,TIMEOUT,false", "10010,SEARCHING,QUERY_REJECTED,false", "10003,FETCHING,BAD_RESPONSE,false",
        "10006,SEARCHING,INTERNAL_ERROR,false"})
    void zoomErrorsMapByCodeAndPhase(int code, Phase phase, DiagnosticKind kind, boolean retryable) {
        TargetDiagnostic d = ZoomDiagnostics.of(new ZoomError(code, "ZOOM", "zoom says", ""), phase, "h:1");

        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.code()).isEqualTo("zoom:" + code);
        assertThat(d.retryable()).isEqualTo(retryable);
    }

    @Test
    void connectFailuresNameTheTargetWhenZoomGivesNoDetail() {
        TargetDiagnostic d = ZoomDiagnostics.of(new ZoomError(10000, "ZOOM", "Connect failed", ""), Phase.CONNECTING,
                "z.example.org:210");

        assertThat(d.addInfo()).isEqualTo("z.example.org:210");
    }

    @Test
    void diagnosticsOfOtherSetsKeepTheirSetAndCode() {
        TargetDiagnostic d = ZoomDiagnostics.of(new ZoomError(16, "info:srw/diagnostic/1", "Unsupported index", "dc.x"),
                Phase.SEARCHING, "h:1");

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TARGET_DIAGNOSTIC);
        assertThat(d.code()).isEqualTo("info:srw/diagnostic/1:16");
    }

    @Test
    void aSurrogateDiagnosticIsARecordFailureWithItsPosition() {
        TargetDiagnostic d = ZoomDiagnostics.recordFailed(new ZoomError(14, "Bib-1", "System error in presenting records",
                ""), 7);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RECORD_FAILED);
        assertThat(d.code()).isEqualTo("bib1:14");
        assertThat(d.message()).isEqualTo("record 7: System error in presenting records");
    }
}
