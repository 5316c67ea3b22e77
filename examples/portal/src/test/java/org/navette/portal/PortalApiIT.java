package org.navette.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.federation.Federation;
import org.navette.ill.AgencyId;
import org.navette.ill.RequestState;
import org.navette.ill.TrackedRequest;

/**
 * The JSON API against a portal over real peers: Zebra over Z39.50 and SRU, a yaz-ztest that takes
 * two seconds, and a refused port.
 */
class PortalApiIT {
    private static PortalFixture fixture;
    private static PortalPeers peers;
    private static Federation federation;
    private static BorrowDesk desk;
    private static PortalServer portal;
    private static ApiClient api;
    @TempDir
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        fixture = PortalFixture.start(PortalPeers.SLOW_SECONDS, Duration.ofSeconds(8), data, b -> b);
        peers = fixture.peers;
        federation = fixture.federation;
        desk = fixture.desk;
        portal = fixture.portal;
        api = new ApiClient(portal.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String q(String cql) {
        return URLEncoder.encode(cql, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private static JsonNode target(JsonNode snapshot, String id) {
        return StreamSupport.stream(snapshot.get("targets").spliterator(), false).filter(t -> t.get("id").asText().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void startingASearchAnswersItsFirstSnapshotWithEveryTarget() {
        ApiClient.Answer a = api.get("/api/search?q=" + q("title=computer"));

        assertThat(a.status()).isEqualTo(200);
        String id = a.json().get("id").asText();
        assertThat(id).hasSizeGreaterThanOrEqualTo(20);
        assertThat(a.header("Location")).isEqualTo("/api/search/" + id);
        assertThat(strings(a.json().get("targets"), "id")).containsExactly("zebra", "zebra-sru", "slow", "dead");
        assertThat(a.json().get("query").asText()).contains("computer");
        assertThat(a.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void aFinishedSnapshotHasClustersHeldByTheZebraLibrariesAndTheDeadTargetFailed() {
        String id = api.get("/api/search?q=" + q("title=computer")).json().get("id").asText();

        JsonNode last = api.get("/api/search/" + id + "?wait=5000").json();
        while (!last.get("finished").asBoolean()) {  // wait= is bounded at 5 s; the deadline is 8 s
            last = api.get("/api/search/" + id + "?wait=5000").json();
        }

        assertThat(last.get("clusters").size()).isGreaterThan(0);
        assertThat(target(last, "zebra").get("progress").asText()).isEqualTo("answered");
        assertThat(target(last, "zebra").get("hits").asLong()).isEqualTo(10);
        assertThat(target(last, "zebra-sru").get("progress").asText()).isEqualTo("answered");
        assertThat(target(last, "dead").get("progress").asText()).isEqualTo("failed");
        assertThat(target(last, "dead").get("diagnostic").get("message").asText()).isNotBlank();
        JsonNode first = last.get("clusters").get(0);
        assertThat(strings(first.get("libraries"), "library")).containsAnyOf("bib-zebra", "bib-sru");
        assertThat(first.get("facets").get("library")).isNotEmpty();
        assertThat(strings(last.get("facets").get("library"), "value")).contains("bib-zebra", "bib-sru");
    }

    @Test
    void theEventStreamSendsSnapshotsAndTargetChangesThenFinishedAndEnds() {
        String id = api.get("/api/search?q=" + q("title=computer")).json().get("id").asText();

        ApiClient.Stream200 s = api.events("/api/search/" + id + "/events");

        assertThat(s.status()).isEqualTo(200);
        List<String> names = s.events().stream().map(ApiClient.Event::name).toList();
        assertThat(names.get(0)).isEqualTo("snapshot");
        assertThat(names).contains("target");
        assertThat(names.get(names.size() - 1)).isEqualTo("finished");
        assertThat(names.subList(0, names.size() - 1)).doesNotContain("finished");
        JsonNode finished = s.events().get(names.size() - 1).data();
        assertThat(finished.get("finished").asBoolean()).isTrue();
        assertThat(target(finished, "slow").get("progress").asText()).isIn("answered", "failed");
        // the refused target is reported failed as it ends, before the slow one answers
        assertThat(s.events().stream().filter(e -> e.name().equals("target")).map(e -> e.data())
                .filter(t -> t.get("id").asText().equals("dead")).map(t -> t.get("progress").asText())).contains("failed");
        // the server releases its stream slot just after closing the response the client has read to its end
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (portal.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(portal.openStreams()).isZero();
    }

    @Test
    void theStreamOfAFinishedSearchIsItsFinalSnapshotAtOnce() {
        String id = api.get("/api/search?q=" + q("title=computer")).json().get("id").asText();
        api.events("/api/search/" + id + "/events");

        ApiClient.Stream200 again = api.events("/api/search/" + id + "/events");

        assertThat(again.events()).extracting(ApiClient.Event::name).containsExactly("snapshot", "finished");
    }

    @Test
    void aClusterAnswersInFullWithItsMemberRecords() {
        String id = api.get("/api/search?q=" + q("title=computer")).json().get("id").asText();
        JsonNode last = finalSnapshot(id);
        String cluster = last.get("clusters").get(0).get("id").asText();

        ApiClient.Answer byId = api.get("/api/record/" + URLEncoder.encode(cluster, StandardCharsets.UTF_8).replace("+", "%20"));
        ApiClient.Answer inSearch = api.get("/api/record/" + URLEncoder.encode(cluster, StandardCharsets.UTF_8)
                .replace("+", "%20") + "?search=" + id);

        assertThat(byId.status()).isEqualTo(200);
        assertThat(inSearch.status()).isEqualTo(200);
        assertThat(inSearch.json().get("search").asText()).isEqualTo(id);
        assertThat(inSearch.json().get("id").asText()).isEqualTo(cluster);
        assertThat(inSearch.json().get("members").size()).isGreaterThanOrEqualTo(1);
        assertThat(inSearch.json().get("members").get(0).get("title").asText().toLowerCase()).contains("computer");
    }

    @Test
    void unknownIdsAnswer404AsJson() {
        assertThat(api.get("/api/search/no-such-search").status()).isEqualTo(404);
        assertThat(api.get("/api/search/no-such-search/events").status()).isEqualTo(404);
        ApiClient.Answer record = api.get("/api/record/no-such-cluster");
        assertThat(record.status()).isEqualTo(404);
        assertThat(record.json().get("error").asText()).contains("no-such-cluster");
        assertThat(api.get("/api/nothing").status()).isEqualTo(404);
        assertThat(api.delete("/api/search/no-such-search").status()).isEqualTo(404);
    }

    @Test
    void aBadQueryIs400WithTheParsersMessage() {
        ApiClient.Answer a = api.get("/api/search?q=" + q("title=(computer"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).startsWith("bad query: ");
        assertThat(a.json().get("status").asInt()).isEqualTo(400);
        assertThat(api.get("/api/search").status()).isEqualTo(400);
        assertThat(api.get("/api/search?q=computer&max=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/search?q=computer&targets=nowhere").status()).isEqualTo(400);
        assertThat(api.post("/api/search?q=computer", "{}").status()).isEqualTo(405);
    }

    @Test
    void askingToBorrowRecordsAPlannedRequestWithTheHoldingLibrariesAsLenders() {
        String id = api.get("/api/search?q=" + q("title=computer")).json().get("id").asText();
        JsonNode last = finalSnapshot(id);
        String cluster = last.get("clusters").get(0).get("id").asText();

        ApiClient.Answer a = api.post("/api/borrow", ApiClient.JSON.createObjectNode().put("cluster", cluster)
                .put("search", id).put("requester", "ISIL:XX-ASK").put("patron", "reader 42").put("note", "for a thesis")
                .toString());

        assertThat(a.status()).as(String.valueOf(a.json())).isEqualTo(201);
        assertThat(a.json().get("state").asText()).isEqualTo("planned");
        List<String> lenders = strings(a.json().get("lenders"), "library");
        assertThat(lenders).isNotEmpty().isSubsetOf("bib-zebra", "bib-sru");
        assertThat(a.json().get("summary").asText()).contains("asked first");
        assertThat(a.json().get("patron").asText()).isEqualTo("reader 42");
        TrackedRequest stored = desk.request(a.json().get("requestId").asText()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.PLANNED);
        assertThat(stored.clusterId()).isEqualTo(cluster);
        assertThat(stored.requester()).isEqualTo(AgencyId.parse("ISIL:XX-ASK"));
        assertThat(stored.rota()).extracting(AgencyId::toString).isSubsetOf("ISIL:XX-ZEBRA", "ISIL:XX-SRU").isNotEmpty();
    }

    @Test
    void aBorrowRequestWithoutRequesterOrForAnUnknownClusterIsRefused() {
        assertThat(api.post("/api/borrow", "{\"cluster\": \"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/borrow", "not json").status()).isEqualTo(400);
        assertThat(api.post("/api/borrow", "{\"cluster\": \"no-such\", \"requester\": \"ISIL:XX-ASK\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/borrow").status()).isEqualTo(405);
        // what another site's page could post without a CORS preflight
        assertThat(api.post("/api/borrow", "{\"cluster\": \"x\", \"requester\": \"ISIL:XX-ASK\"}", "text/plain").status())
                .isEqualTo(415);
    }

    @Test
    void withoutABorrowDeskBorrowingAnswers501() throws Exception {
        try (PortalServer bare = PortalServer.builder().federation(federation).port(0).start()) {
            ApiClient other = new ApiClient(bare.uri());
            assertThat(other.get("/api/config").json().get("borrow").asBoolean()).isFalse();

            ApiClient.Answer a = other.post("/api/borrow", "{\"cluster\": \"c\", \"requester\": \"ISIL:XX-ASK\"}");

            assertThat(a.status()).isEqualTo(501);
            assertThat(a.json().get("error").asText()).contains("not configured");
        }
    }

    @Test
    void limitsAnswer429ForSearchesAnd503ForStreams() throws Exception {
        try (Federation slowOnly = Federation.builder().targets(List.of(peers.targets().get(2)))
                .deadline(Duration.ofSeconds(8)).build();
             PortalServer small = PortalServer.builder().federation(slowOnly).port(0).maxSearches(1).maxSessions(2)
                     .maxStreams(1).threads(3).start()) {
            ApiClient c = new ApiClient(small.uri());
            String first = c.get("/api/search?q=" + q("title=computer")).json().get("id").asText();

            ApiClient.Answer second = c.get("/api/search?q=" + q("title=opera"));

            assertThat(second.status()).isEqualTo(429);
            assertThat(second.header("Retry-After")).isEqualTo("5");
            assertThat(second.json().get("error").asText()).contains("searches are running");

            CompletableFuture<ApiClient.Stream200> open = CompletableFuture.supplyAsync(() -> c.events("/api/search/" + first + "/events"));
            ApiClient.Stream200 extra = null;
            // the first stream takes its place asynchronously: ask until it has (the server counts streams as they open)
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end && (extra == null || extra.status() == 200) && !open.isDone()) {
                if (small.openStreams() == 1) {
                    extra = c.events("/api/search/" + first + "/events");
                }
                Thread.onSpinWait();
            }
            assertThat(extra).isNotNull();
            assertThat(extra.status()).isEqualTo(503);
            assertThat(extra.error().get("error").asText()).contains("event streams are open");
            assertThat(open.get().events()).extracting(ApiClient.Event::name).endsWith("finished");
            assertThat(small.openStreams()).isZero();
        }
    }

    @Test
    void thePageAndItsFilesAreServedWithTheirTypesAndNothingElseIs() {
        ApiClient.Answer page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.raw().body()).contains("<label for=\"q\"");
        assertThat(api.get("/app.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(api.get("/app.css").header("Content-Type")).startsWith("text/css");
        List<String> probes = new ArrayList<>(List.of("/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/org/navette/portal/web/app.js",
                "/app.js/..%2fapp.css", "/PortalServer.class"));
        for (String p : probes) {
            assertThat(api.get(p).status()).as(p).isEqualTo(404);
        }
    }

    private static JsonNode finalSnapshot(String id) {
        JsonNode last = api.get("/api/search/" + id + "?wait=5000").json();
        while (!last.get("finished").asBoolean()) {
            last = api.get("/api/search/" + id + "?wait=5000").json();
        }
        return last;
    }
}
