package org.navette.ill.iso18626;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;
import org.navette.ill.IllStateStore;
import org.navette.ill.RequestState;
import org.navette.ill.SentEvent;
import org.navette.ill.TrackedRequest;

/**
 * Sends planned requests to their current lender: for each request the state holds as
 * {@link RequestState#PLANNED}, its ISO 18626 {@code request} message, addressed to the lender the
 * request is now at (the first of its rota, or the next after an Unfilled), is POSTed to that
 * lender's endpoint. A {@code requestConfirmation} with status OK records the request as
 * {@link RequestState#SENT}; an ERROR one is reported with the peer's {@code errorData} and the
 * request stays planned. A peer that does not answer, answers 5xx or 429, or answers something
 * that is no confirmation is tried again with exponential backoff; after the last attempt the
 * request stays planned and its outcome says why, so the next {@code send} tries again.
 *
 * <pre>{@code
 * Iso18626Sender sender = Iso18626Sender.builder(state, agency -> policy.endpointOf(agency)).build();
 * for (Iso18626Sender.Outcome o : sender.sendPlanned(id -> messages.get(id))) {
 *     System.out.println(o.requestId() + " " + o.status() + " " + o.detail());
 * }
 * }</pre>
 */
public final class Iso18626Sender {
    private final IllStateStore state;
    private final Function<AgencyId, Optional<URI>> endpoints;
    private final HttpClient http;
    private final Duration timeout;
    private final RetryConfig retry;
    private final Clock clock;
    private final Iso18626Reader reader;
    private final Iso18626Writer writer = Iso18626Writer.ofDefaults();

    private Iso18626Sender(Builder b) {
        this.state = b.state;
        this.endpoints = b.endpoints;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout).build();
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.reader = b.reader;
        this.retry = RetryConfig.custom().maxAttempts(b.maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(b.initialBackoff, 2.0))
                .retryExceptions(Transient.class).build();
    }

    /** A sender over {@code state}, finding each lender's endpoint with {@code endpoints}. */
    public static Builder builder(IllStateStore state, Function<AgencyId, Optional<URI>> endpoints) {
        return new Builder(state, endpoints);
    }

    /** What became of one request. */
    public enum Status {
        /** The lender confirmed it: the request is {@link RequestState#SENT}. */
        SENT,
        /** The lender answered with an error confirmation; the request stays planned. */
        REFUSED,
        /** No good answer after every attempt (down, 5xx, not a confirmation); the request stays planned. */
        FAILED,
        /** The policy names no endpoint for the lender. */
        NO_ENDPOINT,
        /** No request message for it was given. */
        NO_MESSAGE
    }

    /**
     * One request's outcome.
     *
     * @param lender   the lender it was for (empty when the request has none)
     * @param attempts how many POSTs were made
     * @param detail   the confirmation's error, the last failure, or where it went
     */
    public record Outcome(String requestId, Optional<AgencyId> lender, Status status, int attempts, String detail) {
        public Outcome {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(lender, "lender");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Sends every planned request that has a current lender, in the state's order. */
    public List<Outcome> sendPlanned(Function<String, Optional<Request>> messages) {
        List<Outcome> out = new ArrayList<>();
        for (TrackedRequest t : state.all()) {
            if (t.state() == RequestState.PLANNED && t.currentLender().isPresent()) {
                Optional<Request> m = messages.apply(t.requestId());
                out.add(m.isPresent() ? send(t, m.get())
                        : new Outcome(t.requestId(), t.currentLender(), Status.NO_MESSAGE, 0, "no request message for " + t.requestId()));
            }
        }
        return out;
    }

    /** Sends {@code message}, addressed anew to {@code request}'s current lender. */
    public Outcome send(TrackedRequest request, Request message) {
        AgencyId lender = request.currentLender().orElseThrow(() -> new IllegalArgumentException(
                "request " + request.requestId() + " has no lender to send to (" + request.state() + ")"));
        Optional<URI> endpoint = endpoints.apply(lender);
        if (endpoint.isEmpty()) {
            return new Outcome(request.requestId(), Optional.of(lender), Status.NO_ENDPOINT, 0,
                    "the policy file gives no endpoint for " + lender);
        }
        Header h = message.header();
        Request addressed = message.withHeader(new Header(lender, request.requester(), h.multipleItemRequestId(),
                clock.instant(), request.requestId(), null));
        byte[] body = writer.write(addressed).getBytes(StandardCharsets.UTF_8);
        AtomicInteger attempts = new AtomicInteger();
        Retry r = Retry.of("iso18626-send", retry);
        Confirmation c;
        try {
            c = Retry.decorateCheckedSupplier(r, () -> {
                attempts.incrementAndGet();
                return post(endpoint.get(), body);
            }).get();
        } catch (Transient | Permanent e) {
            return new Outcome(request.requestId(), Optional.of(lender), Status.FAILED, attempts.get(), e.getMessage());
        } catch (Throwable e) {
            return new Outcome(request.requestId(), Optional.of(lender), Status.FAILED, attempts.get(), String.valueOf(e));
        }
        if (c.errorData() != null) {
            ErrorData e = c.errorData();
            return new Outcome(request.requestId(), Optional.of(lender), Status.REFUSED, attempts.get(),
                    e.errorType().errorType() + (e.errorValue() == null ? "" : ": " + e.errorValue()));
        }
        state.apply(new SentEvent(request.requestId(), request.requester(), lender, request.lenderIndex()));
        return new Outcome(request.requestId(), Optional.of(lender), Status.SENT, attempts.get(), "confirmed by " + endpoint.get());
    }

    private Confirmation post(URI endpoint, byte[] body) throws Transient, Permanent {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Transient(endpoint + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Permanent(endpoint + ": interrupted");
        }
        int code = response.statusCode();
        if (code >= 500 || code == 429 || code == 408) {
            throw new Transient(endpoint + " answered HTTP " + code);
        }
        if (code >= 300) {
            throw new Permanent(endpoint + " answered HTTP " + code + ": " + excerpt(response.body()));
        }
        Iso18626Message m;
        try {
            m = reader.read(new String(response.body(), StandardCharsets.UTF_8));
        } catch (Iso18626Exception e) {
            throw new Transient(endpoint + " answered no valid ISO 18626 message: " + e.getMessage());
        }
        if (!(m instanceof RequestConfirmation c)) {
            throw new Permanent(endpoint + " answered a " + m.getClass().getSimpleName() + ", not a requestConfirmation");
        }
        return c;
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "(empty)" : s.replaceAll("\\s+", " ");
    }

    /** A failure worth another attempt. */
    static final class Transient extends Exception {
        private static final long serialVersionUID = 1L;

        Transient(String message) {
            super(message, null, false, false);
        }
    }

    /** A failure another attempt would not mend (4xx, a wrong answer). */
    static final class Permanent extends Exception {
        private static final long serialVersionUID = 1L;

        Permanent(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds an {@link Iso18626Sender}; not thread-safe. */
    public static final class Builder {
        private final IllStateStore state;
        private final Function<AgencyId, Optional<URI>> endpoints;
        private @Nullable HttpClient http;
        private Duration timeout = Duration.ofSeconds(20);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Iso18626Reader reader = Iso18626Reader.ofDefaults();

        private Builder(IllStateStore state, Function<AgencyId, Optional<URI>> endpoints) {
            this.state = Objects.requireNonNull(state, "state");
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        }

        /** The HTTP client (default: a new one with the timeout as its connect timeout). */
        public Builder httpClient(HttpClient client) { this.http = Objects.requireNonNull(client, "client"); return this; }

        /** How long one POST may take (default 20 s). */
        public Builder timeout(Duration timeout) { this.timeout = positive(timeout, "timeout"); return this; }

        /** POSTs per request at most, the first included (default 4). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The wait before the second attempt, doubled before each next one (default 1 s). */
        public Builder initialBackoff(Duration backoff) { this.initialBackoff = positive(backoff, "backoff"); return this; }

        /** Timestamps the messages (default the system clock). */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

        /** Reads the peers' confirmations (default limits). */
        public Builder reader(Iso18626Reader reader) { this.reader = Objects.requireNonNull(reader, "reader"); return this; }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        public Iso18626Sender build() {
            return new Iso18626Sender(this);
        }
    }
}
