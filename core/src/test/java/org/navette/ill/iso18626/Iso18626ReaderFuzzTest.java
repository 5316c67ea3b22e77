package org.navette.ill.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the reader of outside ISO 18626 bytes. Under {@code mvn test} it runs in
 * regression mode over the seeds in {@code Iso18626ReaderFuzzTestInputs/read/}; with
 * {@code JAZZER_FUZZ=1} Jazzer mutates them. Whatever the bytes, reading gives a message that
 * writes and reads back equal, or an {@link Iso18626Exception}: never any other exception.
 */
class Iso18626ReaderFuzzTest {
    private static final Iso18626Reader READER = Iso18626Reader.withMaxBytes(64 * 1024);
    private static final Iso18626Writer WRITER = Iso18626Writer.ofDefaults();

    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) {
        Iso18626Message m;
        try {
            m = READER.read(new java.io.ByteArrayInputStream(data));
        } catch (Iso18626Exception refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(READER.read(WRITER.write(m))).isEqualTo(m);
    }
}
