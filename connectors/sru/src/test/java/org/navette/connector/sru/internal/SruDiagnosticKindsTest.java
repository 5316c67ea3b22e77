package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;

class SruDiagnosticKindsTest {
    @ParameterizedTest(name = "diagnostic {0} is {1}")
    @CsvSource({
            "1, TARGET_DIAGNOSTIC", "3, AUTHENTICATION_FAILED", "10, QUERY_REJECTED", "15, UNSUPPORTED_SEARCH",
            "16, UNSUPPORTED_SEARCH", "19, UNSUPPORTED_SEARCH", "27, QUERY_REJECTED", "28, UNSUPPORTED_SEARCH",
            "35, QUERY_REJECTED", "38, QUERY_REJECTED", "48, UNSUPPORTED_SEARCH", "60, QUERY_REJECTED",
            "66, TARGET_DIAGNOSTIC", "235, UNKNOWN_DATABASE",
    })
    void standardDiagnosticsHaveTheirKind(int number, DiagnosticKind kind) {
        TargetDiagnostic d = SruDiagnosticKinds.whole(new SruDiagnostic("info:srw/diagnostic/1/" + number, "m", "x"));

        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.code()).isEqualTo("info:srw/diagnostic/1/" + number);
        assertThat(d.message()).isEqualTo("m");
        assertThat(d.addInfo()).isEqualTo("x");
    }

    @Test
    void aDiagnosticWithoutMessageGetsTheStandardOne() {
        assertThat(SruDiagnosticKinds.whole(new SruDiagnostic("info:srw/diagnostic/1/16", null, "dc.foo")).message())
                .isEqualTo("Unsupported index");
        assertThat(SruDiagnosticKinds.whole(new SruDiagnostic("info:srw/diagnostic/1/999", " ", null)).message())
                .isEqualTo("SRU diagnostic info:srw/diagnostic/1/999");
    }

    @Test
    void aNonStandardUriIsKeptAsCode() {
        TargetDiagnostic d = SruDiagnosticKinds.whole(new SruDiagnostic("foo:bar", null, null));

        assertThat(d.kind()).isEqualTo(DiagnosticKind.TARGET_DIAGNOSTIC);
        assertThat(d.code()).isEqualTo("foo:bar");
        assertThat(new SruDiagnostic("info:srw/diagnostic/1/x1", null, null).standardNumber()).isEqualTo(-1);
    }

    @Test
    void onlyTemporaryUnavailabilityIsRetryable() {
        assertThat(SruDiagnosticKinds.whole(new SruDiagnostic("info:srw/diagnostic/1/2", null, null)).retryable()).isTrue();
        assertThat(SruDiagnosticKinds.whole(new SruDiagnostic("info:srw/diagnostic/1/1", null, null)).retryable()).isFalse();
    }

    @Test
    void aSurrogateIsARecordFailureNamingThePosition() {
        TargetDiagnostic d = SruDiagnosticKinds.surrogate(
                new SruDiagnostic("info:srw/diagnostic/1/65", "Record does not exist", "42"), 7);

        assertThat(d.kind()).isEqualTo(DiagnosticKind.RECORD_FAILED);
        assertThat(d.code()).isEqualTo("info:srw/diagnostic/1/65");
        assertThat(d.addInfo()).isEqualTo("record 7 (42)");
    }
}
