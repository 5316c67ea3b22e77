package org.navette.connector.opac.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Fetches pages for one search, politely and defensively: every request (and every redirect hop)
 * passes the host's {@link HostGates.Gate}; redirects are followed by hand up to a limit, with
 * loops detected; bodies are read up to a size cap; HTTP errors and I/O failures become typed
 * {@link TargetException}s ({@code 429}/{@code 503} with {@code Retry-After} also pause the host).
 *
 * <p>Thread-safety: not thread-safe; one per search.
 */
final class PageFetcher {
    private final OkHttpClient client;
    private final HostGates gates;
    private final OpacSettings settings;
    private final Deadline deadline;
    private final Trace trace;
    private final Clock clock;

    PageFetcher(OkHttpClient client, HostGates gates, OpacSettings settings, Deadline deadline, Trace trace, Clock clock) {
        this.client = client;
        this.gates = gates;
        this.settings = settings;
        this.deadline = deadline;
        this.trace = trace;
        this.clock = clock;
    }

    /**
     * A page as received.
     *
     * @param url           the final URL, after redirects
     * @param body          the bytes, at most {@code maxPageBytes}
     * @param headerCharset the charset the Content-Type header declares, or null
     */
    record Fetched(String url, byte[] body, String headerCharset) { }

    /** GET with query parameters (already in order) added to the URL. */
    Fetched get(String url, List<Map.Entry<String, String>> params, Charset charset, String accept, String referer) {
        HttpUrl base = HttpUrl.parse(url);
        if (base == null) {
            throw bad("not an http(s) URL: " + url, url);
        }
        HttpUrl.Builder b = base.newBuilder();
        for (Map.Entry<String, String> p : params) {
            b.addEncodedQueryParameter(encode(p.getKey(), charset), encode(p.getValue(), charset));
        }
        return fetch("GET", b.build(), null, accept, referer);
    }

    /**
     * POST of an application/x-www-form-urlencoded form, percent-encoded in the site's charset
     * (BIB2 wants ISO-8859-1). A charset other than UTF-8 is named in the Content-Type: servers
     * that decode strictly (Jetty) would otherwise reject the bytes as bad UTF-8.
     */
    Fetched post(String url, List<Map.Entry<String, String>> params, Charset charset, String accept, String referer) {
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            throw bad("not an http(s) URL: " + url, url);
        }
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> p : params) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(encode(p.getKey(), charset)).append('=').append(encode(p.getValue(), charset));
        }
        MediaType type = MediaType.get(StandardCharsets.UTF_8.equals(charset)
                ? "application/x-www-form-urlencoded"
                : "application/x-www-form-urlencoded; charset=" + charset.name());
        return fetch("POST", target, RequestBody.create(body.toString(), type), accept, referer);
    }

    private static String encode(String s, Charset charset) {
        return URLEncoder.encode(s, charset);
    }

    private Fetched fetch(String method, HttpUrl url, RequestBody form, String accept, String referer) {
        Set<String> visited = new LinkedHashSet<>();
        String currentMethod = method;
        RequestBody currentForm = form;
        HttpUrl current = url;
        for (int hop = 0; ; hop++) {
            if (!visited.add(currentMethod + " " + current)) {
                List<String> chain = new ArrayList<>();
                visited.forEach(v -> chain.add(v.substring(v.indexOf(' ') + 1)));
                chain.add(current.toString());
                throw bad("redirect loop: " + String.join(" -> ", chain), url.toString());
            }
            Request.Builder rb = new Request.Builder().url(current)
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", accept);
            if (referer != null) {
                rb.header("Referer", referer);
            }
            rb.method(currentMethod, currentMethod.equals("POST") ? currentForm : null);
            HostGates.Gate gate = gates.gate(OpacSettings.hostKey(current), settings.requestsPerSecond(),
                    settings.maxConcurrent());
            // the permit is held until the body is read: the concurrency cap counts whole transfers
            HostGates.Permit permit = gate.enter(deadline);
            try (permit; Response response = execute(rb.build())) {
                int code = response.code();
                if (code >= 300 && code < 400 && code != 304) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : current.resolve(location);
                    trace.request(currentMethod, current.toString(), code, 0, location == null ? null : "redirect to " + next);
                    if (next == null) {
                        throw bad("HTTP " + code + " redirect without a usable Location header", current.toString());
                    }
                    if (hop >= settings.maxRedirects()) {
                        throw bad("more than " + settings.maxRedirects() + " redirects", url.toString());
                    }
                    if (code == 303 || ((code == 301 || code == 302) && currentMethod.equals("POST"))) {
                        currentMethod = "GET";
                        currentForm = null;
                    }
                    current = next;
                    continue;
                }
                checkStatus(response, gate, current);
                byte[] body = read(response.body(), current);
                trace.request(currentMethod, current.toString(), code, body.length, null);
                MediaType type = response.body().contentType();
                Charset cs = type == null ? null : charsetOrNull(type);
                return new Fetched(current.toString(), body, cs == null ? null : cs.name());
            }
        }
    }

    private static Charset charsetOrNull(MediaType type) {
        try {
            return type.charset(null);
        } catch (RuntimeException e) {
            // an unknown charset name in the header: decide from the page instead
            return null;
        }
    }

    private Response execute(Request request) {
        Call call = client.newCall(request);
        long remaining = deadline.remainingNanos();
        long timeout = Math.min(settings.requestTimeout().toNanos(), remaining);
        if (timeout <= 0) {
            deadline.check();
        }
        call.timeout().timeout(timeout, TimeUnit.NANOSECONDS);
        AutoCloseable registration = deadline.signal().onCancel(call::cancel);
        try {
            return call.execute();
        } catch (IOException e) {
            throw failure(e, request.url().toString());
        } finally {
            Closing.quietly(registration);
        }
    }

    private void checkStatus(Response response, HostGates.Gate gate, HttpUrl url) {
        int code = response.code();
        if (code >= 200 && code < 300) {
            return;
        }
        trace.request(response.request().method(), url.toString(), code, 0, "HTTP error");
        String u = url.toString();
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        if (code == 429 || (code == 503 && retryAfter != null)) {
            if (retryAfter != null) {
                gate.pause(retryAfter);
            }
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.RATE_LIMITED, "http:" + code,
                    "HTTP " + code + " from " + url.host() + (retryAfter == null ? ""
                            : ": asked to wait " + retryAfter.toSeconds() + " s (Retry-After); requests to this host pause until then"),
                    u));
        }
        if (code == 401 || code == 403) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.AUTHENTICATION_FAILED, "http:" + code,
                    "HTTP " + code + ": access refused", u));
        }
        throw new TargetException(TargetDiagnostic.of(DiagnosticKind.HTTP_ERROR, "http:" + code,
                "HTTP " + code + (response.message().isBlank() ? "" : " " + response.message()), u));
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(h));
        }
        try {
            Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private byte[] read(ResponseBody body, HttpUrl url) {
        long cap = settings.maxPageBytes();
        long declared = body.contentLength();
        if (declared > cap) {
            throw tooLarge(url, "the page declares " + declared + " bytes, more than the limit of " + cap
                    + " bytes (maxPageBytes); not read");
        }
        try {
            BufferedSource source = body.source();
            Buffer buffer = new Buffer();
            while (buffer.size() <= cap) {
                if (source.read(buffer, 8192) == -1) {
                    return buffer.readByteArray();
                }
            }
            throw tooLarge(url, "the page is longer than the limit of " + cap + " bytes (maxPageBytes); reading stopped there");
        } catch (IOException e) {
            throw failure(e, url.toString());
        }
    }

    private static TargetException tooLarge(HttpUrl url, String message) {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.RESPONSE_TOO_LARGE, "opac:too-large", message,
                url.toString()));
    }

    private TargetException failure(IOException e, String url) {
        if (deadline.signal().isCancelled()) {
            return new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED, null, "search cancelled", url), e);
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException
                && String.valueOf(e.getMessage()).contains("timeout"))) {
            return new TargetException(TargetDiagnostic.of(DiagnosticKind.TIMEOUT, "net:timeout",
                    "no complete answer within " + Math.min(settings.requestTimeout().toMillis(),
                            deadline.budget().toMillis()) + " ms", url), e);
        }
        if (e instanceof UnknownHostException || e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SSLException) {
            return new TargetException(new TargetDiagnostic(DiagnosticKind.CONNECT_FAILED,
                    "net:" + e.getClass().getSimpleName(), "cannot connect: " + e.getMessage(), url, true), e);
        }
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, "net:" + e.getClass().getSimpleName(),
                "the answer broke off (truncated or malformed HTTP): " + e.getMessage(), url), e);
    }

    private static TargetException bad(String message, String url) {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE, "opac:redirect", message, url));
    }
}
