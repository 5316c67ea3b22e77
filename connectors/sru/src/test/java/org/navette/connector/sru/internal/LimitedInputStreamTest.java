package org.navette.connector.sru.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
    /** An endless stream that counts what was taken from it. */
    private static final class Endless extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            taken += len;
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
        }
    }

    @Test
    void readingUpToTheLimitIsFine() throws IOException {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.exceeded()).isFalse();
    }

    @Test
    void anEndlessBodyStopsOneByteAfterTheLimit() {
        Endless endless = new Endless();
        LimitedInputStream in = new LimitedInputStream(endless, 10_000);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(LimitedInputStream.TooLargeException.class)
                .hasMessage("response exceeds 10000 bytes");
        assertThat(in.exceeded()).isTrue();
        assertThat(endless.taken).isEqualTo(10_001);
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        LimitedInputStream in = new LimitedInputStream(new Endless(), 2);
        in.read();
        in.read();

        assertThatThrownBy(in::read).isInstanceOf(LimitedInputStream.TooLargeException.class);
    }
}
