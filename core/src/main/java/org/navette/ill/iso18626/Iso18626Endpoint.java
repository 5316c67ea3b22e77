package org.navette.ill.iso18626;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.navette.ill.IllStateException;
import org.navette.ill.IllStateStore;
import org.navette.ill.LifecycleEvent;
import org.navette.ill.Refusal;
import org.navette.ill.RefusalKind;
import org.navette.ill.RequestState;
import org.navette.ill.RequesterEvent;
import org.navette.ill.SentEvent;
import org.navette.ill.TrackedRequest;

/**
 * What an ISO 18626 peer talks to: takes one POSTed message, applies it to the interlending state
 * and answers with its confirmation ({@code requestConfirmation},
 * {@code supplyingAgencyMessageConfirmation}, {@code requestingAgencyMessageConfirmation}), with
 * {@code errorData} when the message names an unknown request or asks for an impossible
 * transition. A body that is not a valid ISO 18626 message (not XML, hostile, too large, against the
 * schema) gets no confirmation, since it has no header to mirror: {@link Answer#httpStatus() 400}
 * and the reason as text.
 *
 * <p>The state is the requester's view: a {@code supplyingAgencyMessage} moves one of our own
 * requests (by its {@code requestingAgencyRequestId}). A {@code request} a peer sends us is kept
 * too, under {@code REQUESTER/ID} (its requesting agency and its id, which need not be unique
 * beyond that agency), as sent to us; its {@code requestingAgencyMessage}s (cancel, received,
 * returned) move it.
 *
 * <pre>{@code
 * Iso18626Endpoint endpoint = Iso18626Endpoint.of(state);
 * Iso18626Endpoint.Answer a = endpoint.handle(exchange.getRequestBody());
 * a.httpStatus();   // 200
 * a.body();         // <ill:ISO18626Message ...><ill:supplyingAgencyMessageConfirmation>...
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent messages (the store serialises its transactions).
 */
public final class Iso18626Endpoint {
    /** The batch incoming requests are recorded under. */
    public static final String INCOMING_BATCH = "incoming";

    private final IllStateStore state;
    private final Iso18626Reader reader;
    private final Iso18626Writer writer = Iso18626Writer.ofDefaults();
    private final Clock clock;

    private Iso18626Endpoint(IllStateStore state, Iso18626Reader reader, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An endpoint on {@code state} with the default reader (1 MiB limit) and the system clock. */
    public static Iso18626Endpoint of(IllStateStore state) {
        return new Iso18626Endpoint(state, Iso18626Reader.ofDefaults(), Clock.systemUTC());
    }

    /** An endpoint with its own reader (size limit) and clock (confirmation timestamps). */
    public static Iso18626Endpoint of(IllStateStore state, Iso18626Reader reader, Clock clock) {
        return new Iso18626Endpoint(state, reader, clock);
    }

    /**
     * The answer to one POST.
     *
     * @param httpStatus   200 with a confirmation, 400 for a body that is no valid message
     * @param body         the confirmation's XML, or the reason as text
     * @param confirmation the confirmation sent, when there is one
     */
    public record Answer(int httpStatus, String body, Optional<Confirmation> confirmation) {
        public Answer {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(confirmation, "confirmation");
        }

        /** The media type of {@link #body()}. */
        public String contentType() {
            return confirmation.isPresent() ? "application/xml; charset=UTF-8" : "text/plain; charset=UTF-8";
        }
    }

    /** Reads one message from {@code body}, applies it, and answers. */
    public Answer handle(InputStream body) {
        Iso18626Message message;
        try {
            message = reader.read(body);
        } catch (Iso18626Exception e) {
            return new Answer(400, RefusalKind.BADLY_FORMED_MESSAGE.errorType() + ": " + e.getMessage() + "\n", Optional.empty());
        }
        return handle(message);
    }

    /** Applies a message already read, and answers. */
    public Answer handle(Iso18626Message message) {
        @Nullable ErrorData error;
        if (message instanceof Confirmation) {
            return new Answer(400, RefusalKind.BADLY_FORMED_MESSAGE.errorType()
                    + ": a confirmation answers a message; it is not one to apply\n", Optional.empty());
        } else if (message instanceof SupplyingAgencyMessage m) {
            error = apply(m.toEvent());
        } else if (message instanceof RequestingAgencyMessage m) {
            Optional<RequesterEvent> event = m.toEvent();
            error = event.isEmpty()
                    ? new ErrorData(RefusalKind.UNSUPPORTED_ACTION_TYPE, m.action().code())
                    : apply(incoming(event.get()));
        } else {
            error = receive((Request) message);
        }
        Confirmation c = Iso18626Message.confirm(message, clock.instant(), error);
        return new Answer(200, writer.write(c), Optional.of(c));
    }

    /** A peer's request to us: recorded as sent to us, once. */
    private @Nullable ErrorData receive(Request r) {
        Header h = r.header();
        String id = incomingId(h);
        try {
            state.plan(id, h.requestingAgencyId(), null, List.of(h.supplyingAgencyId()), INCOMING_BATCH);
        } catch (IllStateException e) {
            return new ErrorData(RefusalKind.UNRECOGNISED_DATA_VALUE, "requestingAgencyRequestId " + h.requestId()
                    + " is already used by another request from " + h.requestingAgencyId());
        }
        Optional<TrackedRequest> t = state.get(id);
        if (t.isPresent() && t.get().state() == RequestState.PLANNED) {
            state.apply(new SentEvent(id, h.requestingAgencyId(), h.supplyingAgencyId(), 0));
        }
        return null;
    }

    /** Applies {@code event}; a refusal, first time or replayed, is answered the same way. */
    private @Nullable ErrorData apply(LifecycleEvent event) {
        IllStateStore.Applied applied = state.apply(event);
        return applied.transition() instanceof Refusal r ? ErrorData.of(r) : null;
    }

    /** The key a peer's request is kept under: its requesting agency and its id. */
    public static String incomingId(Header h) {
        return h.requestingAgencyId() + "/" + h.requestId();
    }

    private static RequesterEvent incoming(RequesterEvent e) {
        return RequesterEvent.of(e.requester() + "/" + e.requestId(), e.requester(), e.action(), e.messageId());
    }
}
