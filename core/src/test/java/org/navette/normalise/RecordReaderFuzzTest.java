package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordSyntax;

/**
 * Fuzz targets for the readers of outside bytes. Under {@code mvn test} they run in regression
 * mode over the seeds in {@code RecordReaderFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * Jazzer mutates them. Whatever the bytes, reading ends with results, never an exception.
 */
class RecordReaderFuzzTest {
    private static final Normaliser NORMALISER = Normaliser.ofDefaults();

    @FuzzTest(maxDuration = "30s")
    void iso2709(byte[] data) throws IOException {
        if (data.length > 0) {
            check(NORMALISER.normalise(RawRecord.of("fuzz", RecordSyntax.ISO2709, data, null), 1));
        }
        readWholeFile(data);
    }

    @FuzzTest(maxDuration = "30s")
    void xml(byte[] data) throws IOException {
        if (data.length > 0) {
            check(NORMALISER.normalise(RawRecord.of("fuzz", RecordSyntax.MARCXML, data, null), 1));
            check(NORMALISER.normalise(RawRecord.of("fuzz", RecordSyntax.DUBLIN_CORE_XML, data, null), 1));
        }
        readWholeFile(data);
    }

    private static void readWholeFile(byte[] data) throws IOException {
        try (MarcFileReader reader = MarcFileReader.open(new ByteArrayInputStream(data), "fuzz", NORMALISER)) {
            List<ReadResult> results = reader.stream().toList();
            results.forEach(RecordReaderFuzzTest::check);
            assertThat(results.size()).isLessThanOrEqualTo(data.length + 1);
        }
    }

    private static void check(ReadResult r) {
        assertThat(r.record() != null || r.has(ProblemKind.UNREADABLE)).isTrue();
        if (r.record() != null) {
            assertThat(r.record().problems()).isEqualTo(r.problems());
        }
    }
}
