package org.navette.ill.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.AgencyId;
import org.navette.ill.IllRequest;
import org.navette.ill.IllStateStore;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.RefusalKind;
import org.navette.ill.RequestState;
import org.navette.ill.SentEvent;
import org.navette.ill.SupplierStatus;

/**
 * The ISO 18626 endpoint over real HTTP (the JDK server on 127.0.0.1, the JDK client as the peer):
 * each message answered with its confirmation and applied to the state once; impossible
 * transitions and unknown requests answered with errorData; hostile or oversized bodies refused
 * without touching the state.
 */
class Iso18626EndpointTest {
    private static final AgencyId DOLE = AgencyId.parse("ISIL:FR-39198");
    private static final AgencyId LONS = AgencyId.parse("ISIL:FR-39300");
    private static final AgencyId CLAUDE = AgencyId.parse("LOCAL:claude");
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    private IllStateStore state;
    private Iso18626Server server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Iso18626Writer writer = Iso18626Writer.ofDefaults();
    private final Iso18626Reader reader = Iso18626Reader.ofDefaults();

    @BeforeEach
    void start() {
        state = IllStateStore.openIn(dir.resolve("state"));
        state.plan("req-1", DOLE, "c1", List.of(LONS, CLAUDE), "b1");
        state.apply(new SentEvent("req-1", DOLE, LONS, 0));
        server = Iso18626Server.start(Iso18626Endpoint.of(state, Iso18626Reader.withMaxBytes(64 * 1024), java.time.Clock.systemUTC()),
                new InetSocketAddress("127.0.0.1", 0), 2);
    }

    @AfterEach
    void stop() {
        server.close();
        state.close();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri()).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String supplying(AgencyId from, String requestId, SupplierStatus status, Instant at) {
        Header h = new Header(from, DOLE, null, at, requestId, null);
        return Iso18626Writer.ofDefaults().write(new SupplyingAgencyMessage(h,
                new SupplyingAgencyMessage.MessageInfo(ReasonForMessage.STATUS_CHANGE, null, null, null),
                new SupplyingAgencyMessage.StatusInfo(status, null, null, at), null));
    }

    private Confirmation confirmation(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        return (Confirmation) reader.read(r.body());
    }

    private static @Nullable RefusalKind errorType(Confirmation c) {
        return c.errorData() == null ? null : c.errorData().errorType();
    }

    @Test
    void aLendersMessagesMoveTheRequestOnceEachAndUnfilledPassesItOn() throws Exception {
        Confirmation c = confirmation(post(supplying(LONS, "req-1", SupplierStatus.WILL_SUPPLY, T0)));
        assertThat(c).isInstanceOf(SupplyingAgencyMessageConfirmation.class);
        assertThat(c.header().messageStatus()).isEqualTo(ConfirmationHeader.MessageStatus.OK);
        assertThat(c.header().requestingAgencyRequestId()).isEqualTo("req-1");
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.WILL_SUPPLY);
        int history = state.get("req-1").orElseThrow().history().size();

        // the same message again (a peer retrying after a lost answer): confirmed, not applied twice
        assertThat(confirmation(post(supplying(LONS, "req-1", SupplierStatus.WILL_SUPPLY, T0))).errorData()).isNull();
        assertThat(state.get("req-1").orElseThrow().history()).hasSize(history);

        confirmation(post(supplying(LONS, "req-1", SupplierStatus.UNFILLED, T0.plusSeconds(60))));
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.PLANNED);
        assertThat(state.get("req-1").orElseThrow().currentLender()).contains(CLAUDE);
    }

    @Test
    void anImpossibleTransitionOrAnUnknownRequestIsConfirmedWithErrorDataAndChangesNothing() throws Exception {
        // Loaned straight from a request the lender never acknowledged is fine; LoanCompleted is not
        Confirmation c = confirmation(post(supplying(LONS, "req-1", SupplierStatus.LOAN_COMPLETED, T0)));
        assertThat(c.header().messageStatus()).isEqualTo(ConfirmationHeader.MessageStatus.ERROR);
        assertThat(errorType(c)).isNotNull();
        assertThat(c.errorData().errorValue()).isNotBlank();
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.SENT);

        Confirmation unknown = confirmation(post(supplying(LONS, "req-404", SupplierStatus.WILL_SUPPLY, T0)));
        assertThat(errorType(unknown)).isEqualTo(RefusalKind.UNRECOGNISED_DATA_VALUE);
        assertThat(unknown.errorData().errorValue()).contains("req-404");
        assertThat(state.get("req-404")).isEmpty();
    }

    @Test
    void aPeersRequestIsKeptUnderItsAgencyAndItsCancelMovesItWhileRenewIsUnsupported() throws Exception {
        AgencyId peer = AgencyId.parse("ISIL:CH-000123-X");
        Request r = Request.of(IllRequest.builder("their-7").title("Les Misérables").author("Hugo, Victor").build(), peer, DOLE, T0);
        Confirmation c = confirmation(post(writer.write(r)));
        assertThat(c).isInstanceOf(RequestConfirmation.class);
        assertThat(c.errorData()).isNull();
        String key = "ISIL:CH-000123-X/their-7";
        assertThat(state.get(key).orElseThrow().state()).isEqualTo(RequestState.SENT);
        // sent twice: the same request, recorded once
        assertThat(confirmation(post(writer.write(r))).errorData()).isNull();
        assertThat(state.get(key).orElseThrow().history()).hasSize(1);

        Header h = new Header(DOLE, peer, null, T0.plusSeconds(5), "their-7", null);
        Confirmation renew = confirmation(post(writer.write(new RequestingAgencyMessage(h, RequestingAgencyMessage.Action.RENEW, null))));
        assertThat(renew).isInstanceOf(RequestingAgencyMessageConfirmation.class);
        assertThat(errorType(renew)).isEqualTo(RefusalKind.UNSUPPORTED_ACTION_TYPE);
        Confirmation cancel = confirmation(post(writer.write(new RequestingAgencyMessage(h, RequestingAgencyMessage.Action.CANCEL, "patron left"))));
        assertThat(cancel.errorData()).isNull();
        assertThat(state.get(key).orElseThrow().state()).isEqualTo(RequestState.CANCEL_REQUESTED);
    }

    @Test
    void hostileOversizedOrWrongBodiesAre400AndOtherMethodsAndPathsAreRefused() throws Exception {
        String xxe = Files.readString(Path.of(getClass().getResource("/org/navette/ill/iso18626/hostile/xxe-file-entity.xml").toURI()));
        HttpResponse<String> r = post(xxe);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("BadlyFormedMessage: ");
        assertThat(post("<a>" + "x".repeat(70 * 1024) + "</a>").statusCode()).isEqualTo(400);
        assertThat(post("not xml at all").body()).contains("BadlyFormedMessage");
        // a confirmation is an answer: posting one applies nothing
        Confirmation c = Iso18626Message.confirm(reader.read(supplying(LONS, "req-1", SupplierStatus.LOANED, T0)), T0, null);
        assertThat(post(writer.write(c)).statusCode()).isEqualTo(400);
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.SENT);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        URI elsewhere = server.uri().resolve("/admin");
        assertThat(http.send(HttpRequest.newBuilder(elsewhere).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
}
