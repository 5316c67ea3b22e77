package org.navette.connector.sru;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.IngestSummary;
import org.navette.model.ProblemKind;
import org.navette.model.RecordFormat;
import org.navette.model.RecordProblem;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.testing.InMemoryCatalogueStore;

/**
 * The OAI-PMH source against WireMock replaying real repository answers (DNB ZDB, BIBSYS) and
 * pages derived from them (see PROVENANCE.txt under {@code oai/}).
 */
class OaiPmhSourceIT {
    private static final Normaliser NORMALISER = Normaliser.ofDefaults();
    private static final String FIRST_ID = "oai:d-nb.de/zdb/1024796043";
    private static final String TOKEN = "26476570_50";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2012-08-02T12:50:00Z"), ZoneOffset.UTC);

    private static WireMockServer server;
    private static OkHttpClient http;
    private final List<Duration> delays = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        http = new OkHttpClient();
    }

    @AfterAll
    static void stop() {
        server.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        delays.clear();
    }

    private static String url() {
        return server.baseUrl() + "/oai";
    }

    private static String zdbSpec() {
        return "oai:" + url() + "#prefix=MARC21-xml&set=zdb";
    }

    private OaiPmhSource source(String spec) {
        return OaiPmhSource.builder(spec).httpClient(http).sleeper(delays::add).clock(CLOCK).build();
    }

    private static ResponseDefinitionBuilder xml(String fixture) {
        return xml(OaiFixtures.bytes(fixture));
    }

    private static ResponseDefinitionBuilder xml(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    private static MappingBuilder verb(String verb) {
        return get(urlPathEqualTo("/oai")).withQueryParam("verb", equalTo(verb));
    }

    private static void identify(String granularity) {
        server.stubFor(verb("Identify").willReturn(xml(OaiFixtures.text("zdb-identify.xml")
                .replace("YYYY-MM-DDThh:mm:ssZ", granularity).getBytes(StandardCharsets.UTF_8))));
    }

    /** The first ListRecords request of a list: prefix and set as given, from absent (a first harvest) or as given. */
    private static MappingBuilder firstPage(String from) {
        MappingBuilder m = verb("ListRecords").withQueryParam("metadataPrefix", equalTo("MARC21-xml"))
                .withQueryParam("set", equalTo("zdb")).withQueryParam("resumptionToken", absent());
        return m.withQueryParam("from", from == null ? absent() : equalTo(from));
    }

    private static MappingBuilder resumption(String token) {
        return verb("ListRecords").withQueryParam("resumptionToken", equalTo(token))
                .withQueryParam("metadataPrefix", absent()).withQueryParam("set", absent()).withQueryParam("from", absent());
    }

    /** The ZDB page, then the last page reached through its resumption token. */
    private static void zdbList(String from) {
        server.stubFor(firstPage(from).willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).willReturn(xml("bibsys-last-page.xml")));
    }

    private static List<LoggedRequest> listRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/oai")).withQueryParam("verb", equalTo("ListRecords")));
    }

    @Test
    void aFirstHarvestFollowsTheResumptionTokenToTheEmptyTokenAndReturnsTheFirstResponseDate() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        zdbList(null);
        RecordingSink sink = new RecordingSink();

        String state = source(zdbSpec()).read(null, NORMALISER, sink);

        assertThat(state).isEqualTo("2012-08-02T12:49:17Z");
        assertThat(sink.records).hasSize(57);
        assertThat(sink.localIds()).startsWith(FIRST_ID).doesNotHaveDuplicates()
                .endsWith("oai:bibsys.no:collection:biblioholding:060350636");
        assertThat(sink.localIds().subList(50, 57)).allMatch(id -> id.startsWith("oai:bibsys.no:"));
        assertThat(sink.records).allMatch(d -> d.result().readable());
        assertThat(sink.records.get(0).result().record().marc().get().controlNumber().orElseThrow()).isEqualTo("1024796043");
        assertThat(sink.records.get(0).result().position()).isEqualTo(1);
        assertThat(sink.records.get(56).result().position()).isEqualTo(57);
        assertThat(sink.deletions).isEmpty();
        List<LoggedRequest> lists = listRequests();
        assertThat(lists).hasSize(2);
        assertThat(lists.get(1).queryParameter("resumptionToken").firstValue()).isEqualTo(TOKEN);
    }

    @ParameterizedTest(name = "granularity {0}: from={1}, next state {2}")
    @CsvSource({
            "YYYY-MM-DDThh:mm:ssZ, 2012-08-02T12:49:17Z, 2012-08-03T06:12:40Z",
            "YYYY-MM-DD,           2012-08-02,           2012-08-03",
    })
    void theNextHarvestSendsTheStateAsFromAtTheRepositorysGranularityAndDeletedHeadersAreDeletions(
            String granularity, String from, String nextState) {
        identify(granularity);
        server.stubFor(firstPage(from).willReturn(xml("zdb-oai-deleted.xml")));
        RecordingSink sink = new RecordingSink();

        String state = source(zdbSpec()).read("2012-08-02T12:49:17Z", NORMALISER, sink);

        assertThat(state).isEqualTo(nextState);
        assertThat(sink.deletions).containsExactly(FIRST_ID, "oai:d-nb.de/zdb/1024795764", "oai:d-nb.de/zdb/1024794741");
        assertThat(sink.localIds()).containsExactly("oai:d-nb.de/zdb/1024794520");
        assertThat(sink.records.get(0).result().record().title()).contains("Neue Folge");
        assertThat(listRequests()).singleElement()
                .satisfies(r -> assertThat(r.queryParameter("from").firstValue()).isEqualTo(from));
    }

    @Test
    void badResumptionTokenRestartsTheListWithTheOriginalArgumentsAndDeliversNoRecordTwice() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage("2012-08-01T00:00:00Z").willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml("oai-badResumptionToken.xml")).willSetStateTo("expired once"));
        server.stubFor(resumption(TOKEN).inScenario("token").whenScenarioStateIs("expired once")
                .willReturn(xml("bibsys-last-page.xml")));
        RecordingSink sink = new RecordingSink();

        String state = source(zdbSpec()).read("2012-08-01T00:00:00Z", NORMALISER, sink);

        assertThat(state).isEqualTo("2012-08-02T12:49:17Z");
        assertThat(sink.records).hasSize(57);
        assertThat(sink.localIds()).doesNotHaveDuplicates();
        List<String> sent = listRequests().stream().map(r -> r.queryParameter("resumptionToken").isPresent()
                ? "token " + r.queryParameter("resumptionToken").firstValue()
                : "from " + r.queryParameter("from").firstValue() + " set " + r.queryParameter("set").firstValue()
                        + " prefix " + r.queryParameter("metadataPrefix").firstValue()).toList();
        assertThat(sent).containsExactly("from 2012-08-01T00:00:00Z set zdb prefix MARC21-xml", "token " + TOKEN,
                "from 2012-08-01T00:00:00Z set zdb prefix MARC21-xml", "token " + TOKEN);
    }

    @Test
    void aResumptionTokenThatStaysBadFailsAfterAFewRestarts() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).willReturn(xml("oai-badResumptionToken.xml")));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, sink))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("badResumptionToken")
                .hasMessageContaining("invalid or expired")
                .hasMessageContaining("after 3 restarts");
        assertThat(sink.records).hasSize(50);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/oai")).withQueryParam("set", equalTo("zdb")))).hasSize(4);
    }

    @ParameterizedTest(name = "Retry-After: {0} waits {1}")
    @CsvSource(delimiter = '|', value = {
            "120|PT2M",
            "Thu, 02 Aug 2012 12:51:30 GMT|PT1M30S",
            "86400|PT5M",
            "Thu, 02 Aug 2012 12:00:00 GMT|PT0S",
    })
    void http503WithRetryAfterIsWaitedAsAskedThroughTheSleeperAndRetried(String retryAfter, Duration expected) {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", retryAfter)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>"))
                .willSetStateTo("ready"));
        server.stubFor(firstPage(null).inScenario("busy").whenScenarioStateIs("ready").willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).willReturn(xml("bibsys-last-page.xml")));
        RecordingSink sink = new RecordingSink();

        source(zdbSpec()).read(null, NORMALISER, sink);

        assertThat(delays).containsExactly(expected);
        assertThat(sink.records).hasSize(57);
    }

    @Test
    void a503ThatNeverEndsFailsAfterTheConfiguredRetries() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "10")));
        OaiPmhSource source = OaiPmhSource.builder(zdbSpec()).httpClient(http).sleeper(delays::add).maxRetries(2).build();

        assertThatThrownBy(() -> source.read(null, NORMALISER, new RecordingSink()))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 2 retries");
        assertThat(delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(listRequests()).hasSize(3);
    }

    @Test
    void anOaiErrorIsACatalogueExceptionNamingItsCodeAndMessageAfterTheRecordsBeforeIt() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).willReturn(xml("oai-cannotDisseminateFormat.xml")));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, sink))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("cannotDisseminateFormat")
                .hasMessageContaining("is not supported by the item or by the repository");
        assertThat(sink.records).hasSize(50);
    }

    @Test
    void anOaiErrorThroughTheCatalogueKeepsWhatWasReadButNotANewState() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = Catalogue.builder(store).build();
        server.stubFor(firstPage(null).willReturn(xml("zdb-oai-broken-record.xml")));
        catalogue.load("zdb", source(zdbSpec()));
        String key = "harvest:zdb:" + zdbSpec();
        assertThat(store.states("harvest:")).containsExactly(Map.entry(key, "2012-08-02T12:49:17Z"));
        server.stubFor(firstPage("2012-08-02T12:49:17Z").willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).willReturn(xml("oai-cannotDisseminateFormat.xml")));

        assertThatThrownBy(() -> catalogue.load("zdb", source(zdbSpec())))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("cannotDisseminateFormat");

        assertThat(store.states("harvest:")).containsExactly(Map.entry(key, "2012-08-02T12:49:17Z"));
        assertThat(store.stats().records()).isEqualTo(50);   // the page before the error was stored
        assertThat(store.states("journal:")).isEmpty();
    }

    @Test
    void noRecordsMatchIsAnEmptyHarvestThatAdvancesTheState() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = Catalogue.builder(store).build();
        zdbList(null);
        catalogue.load("zdb", source(zdbSpec()));
        server.stubFor(firstPage("2012-08-02T12:49:17Z").willReturn(xml("oai-noRecordsMatch.xml")));

        IngestSummary second = catalogue.load("zdb", source(zdbSpec()));

        assertThat(second.read()).isZero();
        assertThat(store.states("harvest:")).containsValue("2012-08-02T12:49:18Z");
        assertThat(store.stats().records()).isEqualTo(57);
    }

    @Test
    void malformedXmlIsAClearCatalogueException() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        byte[] page = OaiFixtures.bytes("zdb-oai-marc.xml");
        int cut = 20_000;
        while (page[cut] < 0) {
            cut--; // cut between characters: the XML breaks off, its UTF-8 does not
        }
        server.stubFor(firstPage(null).willReturn(xml(Arrays.copyOf(page, cut))));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, sink))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("malformed response to " + url() + "?verb=ListRecords")
                .hasMessageContaining("must start and end within the same entity");
        assertThat(sink.records).isEmpty();
    }

    @Test
    void anHtmlPageOrAnHttpErrorIsNotTakenForOaiPmh() {
        server.stubFor(verb("Identify").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Koha</title></head><body>Moved</body></html>")));
        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, new RecordingSink()))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("not an OAI-PMH 2.0 response: root element html");

        server.stubFor(verb("Identify").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, new RecordingSink()))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverRead() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).willReturn(xml("oai-xxe.xml")));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, sink))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("DOCTYPE declaration is not allowed");
        assertThat(sink.records).isEmpty();
    }

    @Test
    void brokenMarcXmlInOneRecordIsDeliveredWithItsProblemsAndTheHarvestGoesOn() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).willReturn(xml("zdb-oai-broken-record.xml")));
        RecordingSink sink = new RecordingSink();

        source(zdbSpec()).read(null, NORMALISER, sink);

        assertThat(sink.records).hasSize(3);
        ReadResult broken = sink.records.get(1).result();
        assertThat(broken.position()).isEqualTo(2);
        assertThat(broken.problems()).extracting(RecordProblem::kind).contains(ProblemKind.BAD_LEADER, ProblemKind.BAD_FIELD);
        assertThat(broken.problems()).allMatch(p -> p.position() == 2);
        assertThat(sink.records.get(0).result().problems()).noneMatch(p -> p.kind() == ProblemKind.BAD_LEADER);
        assertThat(sink.records.get(2).result().readable()).isTrue();
        assertThat(sink.records.get(2).localId()).isEqualTo("oai:d-nb.de/zdb/1024794741");
    }

    @Test
    void aMarcxchangeRepositoryWithDayGranularityGivesItsRecordsWithTheirHoldings() {
        identify("YYYY-MM-DD");
        server.stubFor(verb("ListRecords").withQueryParam("metadataPrefix", equalTo("marcxchange"))
                .withQueryParam("set", absent()).withQueryParam("from", equalTo("2015-07-11"))
                .willReturn(xml("oaipmh-bibsys.xml")));
        RecordingSink sink = new RecordingSink();

        String state = source("oai:" + url() + "#prefix=marcxchange").read("2015-07-11", NORMALISER, sink);

        assertThat(state).isEqualTo("2015-07-12");
        assertThat(sink.records).hasSize(7).allMatch(d -> d.result().readable());
        assertThat(sink.records.get(0).localId()).isEqualTo("oai:bibsys.no:collection:biblioholding:98218834x");
        assertThat(sink.records.get(0).result().record().marc().get().controlNumber().orElseThrow()).isEqualTo("98218834x");
        assertThat(sink.records.get(0).result().record().holdings()).isNotEmpty();
    }

    @Test
    void oaiDcRecordsAreReadThroughTheNormalisersDublinCorePath() {
        identify("YYYY-MM-DD");
        server.stubFor(verb("ListRecords").withQueryParam("metadataPrefix", equalTo("oai_dc")).willReturn(xml("zebra-oai-dc.xml")));
        RecordingSink sink = new RecordingSink();

        String state = source("oai:" + url() + "#prefix=oai_dc").read(null, NORMALISER, sink);

        assertThat(state).isEqualTo("2026-11-30");
        assertThat(sink.localIds()).containsExactly("oai:zebra:marc21:3", "oai:zebra:marc21:4");
        ReadResult first = sink.records.get(0).result();
        assertThat(first.record().format()).isEqualTo(RecordFormat.DUBLIN_CORE);
        assertThat(first.record().title()).startsWith("Computer processing of dynamic images");
        assertThat(first.record().marc()).isEmpty();
    }

    @Test
    void aRepositoryThatRepeatsItsResumptionTokenIsStoppedBeforeThePageIsDeliveredTwice() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        server.stubFor(firstPage(null).willReturn(xml("zdb-oai-marc.xml")));
        server.stubFor(resumption(TOKEN).willReturn(xml("zdb-oai-marc.xml")));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source(zdbSpec()).read(null, NORMALISER, sink))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("resumptionToken '" + TOKEN + "' with the same token again");
        assertThat(sink.records).hasSize(50);
        assertThat(sink.localIds()).doesNotHaveDuplicates();
    }

    @Test
    void aZdbHarvestThroughTheCatalogueLoadsThenHarvestsIncrementally() {
        identify("YYYY-MM-DDThh:mm:ssZ");
        zdbList(null);
        server.stubFor(firstPage("2012-08-02T12:49:17Z").willReturn(xml("zdb-oai-deleted.xml")));
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = Catalogue.builder(store).build();

        IngestSummary first = catalogue.load("zdb", CatalogueSource.open("oai:" + url() + "#prefix=MARC21-xml&set=zdb"));

        assertThat(first.added()).isEqualTo(57);
        assertThat(first.problems()).isEmpty();
        assertThat(store.allMembers()).containsKey("zdb:" + FIRST_ID);
        assertThat(catalogue.sources()).containsExactly(Map.entry("zdb", List.of(zdbSpec())));

        List<IngestSummary> second = catalogue.harvest();

        assertThat(second).singleElement().satisfies(s -> {
            assertThat(s.deleted()).isEqualTo(3);
            assertThat(s.changed()).isEqualTo(1);
            assertThat(s.added()).isZero();
        });
        assertThat(store.allMembers()).doesNotContainKey("zdb:" + FIRST_ID).hasSize(54);
        assertThat(store.states("harvest:")).containsExactly(Map.entry("harvest:zdb:" + zdbSpec(), "2012-08-03T06:12:40Z"));
        assertThat(listRequests().get(2).queryParameter("from").firstValue()).isEqualTo("2012-08-02T12:49:17Z");
    }
}
