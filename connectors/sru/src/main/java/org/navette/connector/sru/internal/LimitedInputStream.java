package org.navette.connector.sru.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails with {@link TooLargeException} as soon as more than {@code limit} bytes were read, so that an
 * oversized or endless response is never buffered whole.
 *
 * <p>Thread-safety: not thread-safe; one reader at a time, like any stream.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean exceeded;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Thrown once the limit is passed. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("response exceeds " + limit + " bytes");
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // never ask for more than one byte beyond the limit: enough to know it was passed
        int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new TooLargeException(limit);
        }
    }
}
