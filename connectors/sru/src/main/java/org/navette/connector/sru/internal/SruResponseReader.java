package org.navette.connector.sru.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Turns one HTTP response into a parsed SRU response, or into the typed failure it really is: a
 * 404 HTML page (Zebra's answer for an unknown database), a 5xx, a rate limit, a page that is not
 * XML, a body over the size limit, malformed XML. SRU XML is parsed whatever the status, because
 * some servers send their diagnostics with 4xx/5xx.
 *
 * <pre>{@code
 * try (Response r = call.execute()) {
 *     SruResponse page = reader.searchRetrieve(r, 1);
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SruResponseReader {
    private static final int HEAD_BYTES = 1024;
    private static final int EXCERPT_CHARS = 200;

    private final SruResponseParser parser;
    private final int maxBytes;

    public SruResponseReader(SruResponseParser parser, int maxBytes) {
        this.parser = parser;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads a searchRetrieve response.
     *
     * @throws TargetException for a response that is not a usable SRU answer
     * @throws IOException     when the network fails while reading (the caller knows timeouts from resets)
     */
    public SruResponse searchRetrieve(Response response, int startRecord) throws IOException {
        return read(response, (in, charset) -> parser.parseSearchRetrieve(in, charset, startRecord));
    }

    /** Reads an explain response; failures as for {@link #searchRetrieve}. */
    public SruResponseParser.ExplainResponse explain(Response response) throws IOException {
        return read(response, parser::parseExplain);
    }

    private interface BodyParser<T> {
        T parse(InputStream in, String charset) throws MalformedSruException, IOException;
    }

    private <T> T read(Response response, BodyParser<T> bodyParser) throws IOException {
        ResponseBody body = response.body();
        int status = response.code();
        if (status == 429 || status == 503 && response.header("Retry-After") != null) {
            throw rateLimited(response);
        }
        long declared = body.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
        BufferedSource source = body.source();
        byte[] head = peek(source);
        boolean sru = SruResponseParser.looksLikeSru(head);
        if (!response.isSuccessful() && !sru) {
            throw httpError(response, head);
        }
        MediaType type = body.contentType();
        if (!sru && !isXml(type)) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, "http:" + status,
                    "not an SRU response: content type " + (type == null ? "missing" : type.toString())
                            + " and the body is not SRU XML", excerpt(head)));
        }
        String charset = type == null || type.charset() == null ? null : type.charset().name();
        LimitedInputStream in = new LimitedInputStream(source.inputStream(), maxBytes);
        try {
            return bodyParser.parse(in, charset);
        } catch (MalformedSruException e) {
            if (in.exceeded()) {
                throw tooLarge(declared);
            }
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, null,
                    "malformed SRU response: " + e.getMessage(), null), e);
        } catch (IOException e) {
            if (in.exceeded()) {
                throw tooLarge(declared);
            }
            throw e;
        }
    }

    private static byte[] peek(BufferedSource source) throws IOException {
        BufferedSource peek = source.peek();
        peek.request(HEAD_BYTES);
        return peek.readByteArray(Math.min(HEAD_BYTES, peek.getBuffer().size()));
    }

    private static boolean isXml(MediaType type) {
        if (type == null) {
            return false;
        }
        String sub = type.subtype().toLowerCase(Locale.ROOT);
        return sub.equals("xml") || sub.endsWith("+xml");
    }

    private TargetException tooLarge(long declared) {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.RESPONSE_TOO_LARGE, null,
                "response larger than maxResponseBytes (" + maxBytes + " bytes); reading stopped there",
                declared > 0 ? "Content-Length: " + declared : null));
    }

    private static TargetException rateLimited(Response response) {
        String retryAfter = response.header("Retry-After");
        return new TargetException(new TargetDiagnostic(DiagnosticKind.RATE_LIMITED, "http:" + response.code(),
                "HTTP " + response.code() + " " + reason(response) + ": the server asks to slow down",
                retryAfter == null ? null : "Retry-After: " + retryAfter.strip(), true));
    }

    private static TargetException httpError(Response response, byte[] head) {
        int status = response.code();
        String code = "http:" + status;
        String message = "HTTP " + status + " " + reason(response);
        if (status == 404) {
            List<String> segments = response.request().url().pathSegments();
            String database = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
            return new TargetException(TargetDiagnostic.of(DiagnosticKind.UNKNOWN_DATABASE, code,
                    message + ": no SRU database at " + response.request().url().encodedPath(),
                    database.isEmpty() ? null : database));
        }
        if (status == 401 || status == 403) {
            return new TargetException(TargetDiagnostic.of(DiagnosticKind.AUTHENTICATION_FAILED, code, message,
                    excerpt(head)));
        }
        return new TargetException(new TargetDiagnostic(DiagnosticKind.HTTP_ERROR, code, message, excerpt(head),
                status == 502 || status == 503 || status == 504));
    }

    private static String reason(Response response) {
        String reason = response.message();
        if (reason != null && !reason.isBlank()) {
            return reason.strip();
        }
        return switch (response.code()) {
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "error";
        };
    }

    /** The start of a body as plain text, markup removed, for a diagnostic's addInfo. */
    static String excerpt(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->|<[^>]*>?", " ")
                .replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS - 3) + "...";
    }
}
