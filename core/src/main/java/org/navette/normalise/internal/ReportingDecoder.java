package org.navette.normalise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * A reader that decodes bytes like {@code InputStreamReader} but counts the malformed byte
 * sequences it replaces with U+FFFD, so that the caller can report them instead of hiding them.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ReportingDecoder extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
    private boolean eof;
    private int replaced;

    public ReportingDecoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    /** How many malformed sequences were replaced so far. */
    public int replaced() {
        return replaced;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                replaced++;
                bytes.position(bytes.position() + r.length());
                out.put('\uFFFD');
            } else if (r.isOverflow()) {
                break;
            } else if (eof) {
                decoder.flush(out);
                return out.position() == off ? -1 : out.position() - off;
            } else {
                refill();
            }
        }
        return out.position() - off;
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
