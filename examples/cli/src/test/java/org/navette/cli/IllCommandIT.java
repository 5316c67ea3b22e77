package org.navette.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.AgencyId;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.SupplierStatus;
import org.navette.ill.iso18626.Header;
import org.navette.ill.iso18626.Iso18626Message;
import org.navette.ill.iso18626.Iso18626Reader;
import org.navette.ill.iso18626.Iso18626Writer;
import org.navette.ill.iso18626.SupplyingAgencyMessage;
import org.navette.model.BibRecord;
import org.navette.testing.MarcFiles;

/**
 * The interlending commands end to end: a union catalogue built from real records as three
 * libraries, a CSV batch with a broken line matched into a plan and ISO 18626 messages, the
 * messages sent to a lender played by WireMock (which confirms what it is sent), the lender's
 * answer applied with {@code ill advance}, and the states listed.
 */
class IllCommandIT {
    private static final String LUL = "/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static WireMockServer lender;
    static List<BibRecord> records;

    private final CliRun cli = CliRun.freshOutputEachRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    /** A lender that answers each request message with its requestConfirmation, as a real one would. */
    static final class Confirms implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            Iso18626Message m = Iso18626Reader.ofDefaults().read(event.getRequest().getBodyAsString());
            String body = Iso18626Writer.ofDefaults().write(Iso18626Message.confirm(m, Instant.now(), null));
            return Response.Builder.like(response).but().body(body).build();
        }

        @Override
        public String getName() {
            return "confirms";
        }
    }

    @BeforeAll
    static void start() {
        lender = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(new Confirms()));
        lender.start();
        lender.stubFor(post(urlEqualTo("/iso18626")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withTransformers("confirms")));
        List<byte[]> lul = MarcFiles.split(MarcFiles.resource(LUL));
        MarcFiles.write(dir.resolve("dole.mrc"), lul.subList(0, 120));
        MarcFiles.write(dir.resolve("lons.mrc"), lul.subList(60, 120));
        MarcFiles.write(dir.resolve("besancon.mrc"), lul.subList(90, 120));
        records = MarcFiles.read(dir.resolve("dole.mrc"));
    }

    @AfterAll
    static void stop() {
        lender.stop();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Test
    void matchSendAdvanceAndStatusOnAUnionCatalogue() throws IOException {
        String data = dir.resolve("cat").toString();
        assertThat(run("catalogue", "build", "--data-dir", data, "dole=" + dir.resolve("dole.mrc"),
                "lons=" + dir.resolve("lons.mrc"), "besancon=" + dir.resolve("besancon.mrc"))).as(err.toString()).isZero();

        Path policy = Files.writeString(dir.resolve("network.json"), """
                {"proximity": "tiers",
                 "libraries": [
                  {"library": "dole", "agency": "ISIL:FR-39198", "town": "Dole", "department": "Jura", "country": "FR"},
                  {"library": "lons", "agency": "ISIL:FR-39300", "town": "Lons-le-Saunier", "department": "Jura", "country": "FR",
                   "endpoint": "http://127.0.0.1:%d/iso18626"},
                  {"library": "besancon", "agency": "ISIL:FR-25056", "town": "Besançon", "department": "Doubs", "country": "FR",
                   "endpoint": "http://127.0.0.1:%d/iso18626"}
                 ]}""".formatted(lender.port(), lender.port()));
        BibRecord both = records.get(100);   // held by all three
        BibRecord lonsOnly = records.get(70); // by Dole and Lons
        Path requests = Files.writeString(dir.resolve("requests.csv"), "id,title,author,year,requester\n"
                + "q1," + csv(both.titleProper()) + ",,," + "ISIL:FR-39198\n"
                + "q2," + csv(lonsOnly.titleProper()) + ",,," + "ISIL:FR-39198\n"
                + "q3,Zzyzx qwertyuiop asdfghjkl,Nobody,1999,ISIL:FR-39198\n"
                + "q4,\"broken,2001,ISIL:FR-39198\n", StandardCharsets.UTF_8);
        Path plan = dir.resolve("plan.csv");
        Path messages = dir.resolve("outgoing");
        String state = dir.resolve("batch").toString();
        assertThat(run("ill", "match", "--data-dir", data, "--requests", requests.toString(), "--policies", policy.toString(),
                "--out", plan.toString(), "--iso18626", messages.toString(), "--state", state)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("4 requests: 2 matched, 0 without a lender, 0 ambiguous, 1 unmatched, 1 invalid");
        assertThat(err.toString()).contains("2 ISO 18626 request messages in " + messages);
        List<String> lines = Files.readAllLines(plan);
        assertThat(lines.get(0)).isEqualTo("id,status,clusterId,score,lenders,reasons");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("q1,matched,").contains(",lons;besancon,");
        assertThat(lines.get(2)).startsWith("q2,matched,").contains(",lons,");
        assertThat(lines.get(3)).startsWith("q3,unmatched,");
        assertThat(lines.get(4)).startsWith("q4,invalid,");
        // the same batch as JSON (a second state, so nothing is replanned): summary, candidates, lenders, exclusions
        assertThat(run("ill", "match", "--data-dir", data, "--requests", requests.toString(), "--policies", policy.toString(),
                "--state", dir.resolve("batch-json").toString(), "--json")).as(err.toString()).isZero();
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("summary").get("matched").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("invalid").asInt()).isEqualTo(1);
        assertThat(json.get("requests")).hasSize(4);
        JsonNode q1 = json.get("requests").get(0);
        assertThat(q1.get("lenders").get(0).get("library").asText()).isEqualTo("lons");
        assertThat(q1.get("lenders").get(0).get("agency").asText()).isEqualTo("ISIL:FR-39300");
        assertThat(q1.get("excluded").get(0).get("reason").asText()).isEqualTo("the requester itself");
        assertThat(q1.get("candidates").get(0).get("libraries")).isNotEmpty();
        assertThat(err.toString()).contains("4 requests: 2 matched");
        try (var files = Files.list(messages)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("q1.xml", "q2.xml");
        }

        assertThat(run("ill", "send", "--state", state, "--messages", messages.toString(), "--policies", policy.toString(),
                "--backoff", "10ms")).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("q1 sent ISIL:FR-39300", "2 of 2 planned requests sent");
        lender.verify(2, postRequestedFor(urlEqualTo("/iso18626")));

        Header h = new Header(AgencyId.parse("ISIL:FR-39300"), AgencyId.parse("ISIL:FR-39198"), null,
                Instant.parse("2026-12-07T10:00:00Z"), "q1", null);
        Path willSupply = Files.writeString(dir.resolve("will-supply.xml"), Iso18626Writer.ofDefaults().write(new SupplyingAgencyMessage(h,
                new SupplyingAgencyMessage.MessageInfo(ReasonForMessage.REQUEST_RESPONSE, null, null, null),
                new SupplyingAgencyMessage.StatusInfo(SupplierStatus.WILL_SUPPLY, null, null, h.timestamp()), null)));
        Path confirmation = dir.resolve("confirmation.xml");
        assertThat(run("ill", "advance", "--state", state, "--message", willSupply.toString(), "--confirmation", confirmation.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("q1: WILL_SUPPLY at ISIL:FR-39300");
        assertThat(Files.readString(confirmation)).contains("supplyingAgencyMessageConfirmation", "<ill:messageStatus>OK<");

        Header unfilled = new Header(AgencyId.parse("ISIL:FR-39300"), AgencyId.parse("ISIL:FR-39198"), null,
                Instant.parse("2026-12-07T11:00:00Z"), "q1", null);
        Path unfilledFile = Files.writeString(dir.resolve("unfilled.xml"), Iso18626Writer.ofDefaults().write(new SupplyingAgencyMessage(unfilled,
                new SupplyingAgencyMessage.MessageInfo(ReasonForMessage.STATUS_CHANGE, null, null, "not on shelf"),
                new SupplyingAgencyMessage.StatusInfo(SupplierStatus.UNFILLED, null, null, unfilled.timestamp()), null)));
        assertThat(run("ill", "advance", "--state", state, "--message", unfilledFile.toString())).isZero();
        assertThat(out.toString()).contains("q1: PLANNED at ISIL:FR-25056");
        // the WillSupply message again is a replay, confirmed and not applied twice
        assertThat(run("ill", "advance", "--state", state, "--message", willSupply.toString())).isZero();
        assertThat(out.toString()).contains("q1: PLANNED at ISIL:FR-25056");
        // a new message from the lender it left is refused: it no longer speaks for the request
        Path late = Files.writeString(dir.resolve("late.xml"), Files.readString(willSupply).replace("2026-12-07T10:00:00", "2026-12-07T12:00:00"));
        assertThat(run("ill", "advance", "--state", state, "--message", late.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("q1: refused: ");

        assertThat(run("ill", "advance", "--state", state, "--message", requests.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("requests.csv");

        assertThat(run("ill", "status", "--state", state, "--json")).isZero();
        JsonNode list = JSON.readTree(out.toString());
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("id").asText()).isEqualTo("q1");
        assertThat(list.get(0).get("state").asText()).isEqualTo("PLANNED");
        assertThat(list.get(0).get("lender").asText()).isEqualTo("ISIL:FR-25056");
        assertThat(list.get(1).get("state").asText()).isEqualTo("SENT");
        assertThat(list.get(2).get("state").asText()).isEqualTo("UNMATCHED");
        assertThat(run("ill", "status", "--state", state)).isZero();
        assertThat(out.toString()).contains("q2", "SENT", "ISIL:FR-39300", "3 requests");
    }

    @Test
    void serveOnATakenPortIsOneLineAndUsageErrorsAreExit2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(run("ill", "serve", "--state", dir.resolve("serve").toString(), "--port", String.valueOf(taken.getLocalPort())))
                    .isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n").contains("cannot listen", "--port");
        }
        assertThat(run("ill", "match", "--data-dir", dir.resolve("none").toString(), "--requests", dir.resolve("missing.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing.csv");
        Path bad = Files.writeString(dir.resolve("bad-policy.json"), "{\"libraries\": [{\"library\": \"a\", \"lends\": true}]}");
        Path req = Files.writeString(dir.resolve("r.csv"), "id,title\nr1,x\n");
        assertThat(run("ill", "match", "--data-dir", dir.toString(), "--requests", req.toString(), "--policies", bad.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("bad-policy.json", "line 1", "lends");
    }
}
