package org.navette.ill.iso18626;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.AgencyId;
import org.navette.ill.IllRequest;
import org.navette.ill.IllStateStore;
import org.navette.ill.RefusalKind;
import org.navette.ill.RequestState;

/**
 * {@code ill send} against WireMock playing the lender: a confirmed request becomes SENT; 503s are
 * retried with backoff until the lender answers; a lender that never answers, a 4xx, an answer that
 * is no confirmation and an error confirmation each end as a status with the request still planned.
 */
class Iso18626SenderTest {
    private static final AgencyId DOLE = AgencyId.parse("ISIL:FR-39198");
    private static final AgencyId LONS = AgencyId.parse("ISIL:FR-39300");
    private static final AgencyId FAR = AgencyId.parse("ISIL:FR-75000");
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    private WireMockServer lender;
    private IllStateStore state;

    @BeforeEach
    void start() {
        lender = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        lender.start();
        state = IllStateStore.openIn(dir.resolve("state"));
        state.plan("req-1", DOLE, "c1", List.of(LONS, FAR), "b1");
    }

    @AfterEach
    void stop() {
        state.close();
        lender.stop();
    }

    private Iso18626Sender sender(Map<AgencyId, URI> endpoints) {
        return Iso18626Sender.builder(state, a -> Optional.ofNullable(endpoints.get(a)))
                .maxAttempts(3).initialBackoff(Duration.ofMillis(20)).timeout(Duration.ofSeconds(5)).build();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + lender.port() + "/iso18626");
    }

    private static Request message() {
        // written for another lender: the sender re-addresses it to the request's current one
        return Request.of(IllRequest.builder("req-1").title("Le Rouge et le Noir").author("Stendhal").isbn("9782070413393").build(),
                DOLE, FAR, T0);
    }

    /** The lender's requestConfirmation for what it was sent, OK or with errorData. */
    private static String confirmation(String errorType) {
        Request asked = message().withHeader(new Header(LONS, DOLE, null, T0, "req-1", null));
        return Iso18626Writer.ofDefaults().write(Iso18626Message.confirm(asked, T0,
                errorType == null ? null : new ErrorData(RefusalKind.fromErrorType(errorType).orElseThrow(), "no such agency")));
    }

    @Test
    void aConfirmedRequestIsSentAddressedToItsCurrentLender() {
        lender.stubFor(post(urlEqualTo("/iso18626")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(confirmation(null))));
        List<Iso18626Sender.Outcome> out = sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message()));
        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Iso18626Sender.Status.SENT);
            assertThat(o.attempts()).isEqualTo(1);
            assertThat(o.lender()).contains(LONS);
        });
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.SENT);
        lender.verify(1, postRequestedFor(urlEqualTo("/iso18626"))
                .withHeader("Content-Type", equalTo("application/xml; charset=UTF-8"))
                .withRequestBody(matchingXPath("//*[local-name()='supplyingAgencyId']/*[local-name()='agencyIdValue']/text()", equalTo("FR-39300")))
                .withRequestBody(matchingXPath("//*[local-name()='bibliographicInfo']/*[local-name()='title']/text()", equalTo("Le Rouge et le Noir"))));
        // sent already: nothing more to send
        assertThat(sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message()))).isEmpty();
    }

    @Test
    void a503IsRetriedWithBackoffUntilTheLenderAnswers() {
        lender.stubFor(post(urlEqualTo("/iso18626")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("still busy"));
        lender.stubFor(post(urlEqualTo("/iso18626")).inScenario("busy").whenScenarioStateIs("still busy")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        lender.stubFor(post(urlEqualTo("/iso18626")).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(confirmation(null))));
        Iso18626Sender.Outcome o = sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message())).get(0);
        assertThat(o.status()).isEqualTo(Iso18626Sender.Status.SENT);
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.SENT);
    }

    @Test
    void aLenderThatNeverAnswersWellEndsAsAStatusAndTheRequestStaysPlanned() {
        lender.stubFor(post(urlEqualTo("/iso18626")).willReturn(aResponse().withStatus(503)));
        Iso18626Sender.Outcome down = sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message())).get(0);
        assertThat(down.status()).isEqualTo(Iso18626Sender.Status.FAILED);
        assertThat(down.attempts()).isEqualTo(3);
        assertThat(down.detail()).contains("HTTP 503");
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.PLANNED);

        lender.resetAll();
        lender.stubFor(post(urlEqualTo("/iso18626")).willReturn(aResponse().withStatus(404).withBody("no such endpoint")));
        Iso18626Sender.Outcome notFound = sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message())).get(0);
        assertThat(notFound.status()).isEqualTo(Iso18626Sender.Status.FAILED);
        assertThat(notFound.attempts()).as("a 4xx is not retried").isEqualTo(1);
        assertThat(notFound.detail()).contains("HTTP 404", "no such endpoint");

        lender.resetAll();
        lender.stubFor(post(urlEqualTo("/iso18626")).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertThat(sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message())).get(0).detail())
                .contains("no valid ISO 18626 message");

        // a closed port: connection refused, retried, then a status
        URI closed = URI.create("http://127.0.0.1:" + lender.port() + "/iso18626");
        lender.stop();
        Iso18626Sender.Outcome refused = sender(Map.of(LONS, closed)).sendPlanned(id -> Optional.of(message())).get(0);
        assertThat(refused.status()).isEqualTo(Iso18626Sender.Status.FAILED);
        assertThat(refused.attempts()).isEqualTo(3);
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.PLANNED);
    }

    @Test
    void anErrorConfirmationIsReportedWithTheLendersErrorData() {
        lender.stubFor(post(urlEqualTo("/iso18626")).willReturn(aResponse().withStatus(200).withBody(confirmation("UnrecognisedDataValue"))));
        Iso18626Sender.Outcome o = sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.of(message())).get(0);
        assertThat(o.status()).isEqualTo(Iso18626Sender.Status.REFUSED);
        assertThat(o.detail()).isEqualTo("UnrecognisedDataValue: no such agency");
        assertThat(state.get("req-1").orElseThrow().state()).isEqualTo(RequestState.PLANNED);
    }

    @Test
    void aLenderWithoutEndpointOrARequestWithoutMessageIsSaidSo() {
        assertThat(sender(Map.of()).sendPlanned(id -> Optional.of(message())).get(0).status())
                .isEqualTo(Iso18626Sender.Status.NO_ENDPOINT);
        assertThat(sender(Map.of(LONS, endpoint())).sendPlanned(id -> Optional.empty()).get(0).status())
                .isEqualTo(Iso18626Sender.Status.NO_MESSAGE);
        assertThat(lender.getAllServeEvents()).isEmpty();
    }
}
