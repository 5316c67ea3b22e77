package org.navette.connector.sru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;
import org.navette.model.RawRecord;
import org.navette.normalise.Normaliser;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.query.CqlParser;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;
import org.navette.testing.RecordingListener;

/**
 * The SRU connector against a real Zebra 2.2 (Debian's idzebra-2.0) on loopback. The counts agree
 * with the Z39.50 ones known for the same database: title computer 10, author collins 2, ISBN
 * 0836968433 1, any opera 4 (Bib-1 use 1016); SRU "computer" (cql.serverChoice) gives 13.
 */
@ExtendWith(Peers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SruZebraIT {
    private final OkHttpClient http = new OkHttpClient();
    private final SruConnectorFactory factory = SruConnectorFactory.builder().httpClient(http).build();
    private ZebraPeer zebra;

    @BeforeAll
    void startZebra(ZebraPeer peer) {
        zebra = peer;
    }

    @AfterAll
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private SruConnector connector(String database, Map<String, Object> settings) {
        TargetConfig.Builder b = TargetConfig.builder("zebra-sru", "sru").set("url", zebra.sruUrl(database));
        settings.forEach(b::set);
        return factory.create(b.build());
    }

    private SruConnector marc21() {
        return connector(ZebraPeer.MARC21, Map.of());
    }

    private static SearchRequest upTo(int max) {
        return SearchRequest.builder(Query.any("unused")).maxRecords(max).chunkSize(10)
                .timeout(Duration.ofSeconds(20)).build();
    }

    private record Result(SearchOutcome outcome, RecordingListener listener) {
        List<MarcXmlProbe> probes() {
            return MarcXmlProbe.all(listener.records());
        }
    }

    private Result search(SruConnector c, String cql, int max) {
        RecordingListener listener = new RecordingListener();
        SearchOutcome outcome = c.searchCql(cql, upTo(max), listener);
        return new Result(outcome, listener);
    }

    @ParameterizedTest(name = "{0} -> {1} hits")
    @CsvSource(delimiter = '|', value = {
            "computer|13",
            "opera|4",
            "dc.title=computer|10",
            "dc.creator=collins|2",
            "bath.isbn=0836968433|1",
            "dc.subject=opera|1",
            "dc.title=computer and dc.creator=collins|2",
            "dc.title=computer or dc.title=opera|12",
            "dc.title=computer not dc.creator=collins|8",
            "dc.title=\"program a computer\"|2",
            "dc.title=\"computer program\"|0",
            "dc.title all \"computer program\"|2",
            "dc.title=comput*|10",
    })
    void zebraCountsAreReportedAndEveryHitIsFetched(String cql, long hits) {
        try (SruConnector c = marc21()) {
            Result r = search(c, cql, 50);

            assertThat(r.outcome().hits()).isEqualTo(hits);
            assertThat(r.outcome().fetched()).isEqualTo((int) hits);
            assertThat(r.listener.records()).hasSize((int) hits).allSatisfy(raw -> {
                assertThat(raw.syntax()).isEqualTo(RecordSyntax.MARCXML);
                assertThat(raw.formatHint()).isEqualTo(RecordFormat.MARC21);
                assertThat(raw.origin()).isEqualTo("zebra-sru");
                assertThat(raw.charsetHint()).isEqualTo("UTF-8");
            });
            assertThat(r.outcome().warnings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} -> {1} hits")
    @CsvSource(delimiter = '|', value = {
            "title=computer|10",
            "author=collins|2",
            "isbn=0836968433|1",
            "subject=opera|1",
            "opera|4",
            "computer|13",
            "title=computer and author=collins|2",
            "title=computer or title=opera|12",
            "title=computer not author=collins|8",
            "title=\"program a computer\"|2",
            "title adj \"computer program\"|0",
            "title all \"computer program\"|2",
            "title=comput*|10",
            "dc.title=computer and dc.creator=collins|2",
            "(title=computer or title=opera) and author=collins|2",
    })
    void userQueriesAreTranslatedToZebrasCql(String userQuery, long hits) {
        try (SruConnector c = marc21()) {
            RecordingListener listener = new RecordingListener();
            SearchOutcome out = c.search(SearchRequest.builder(CqlParser.parse(userQuery)).maxRecords(20)
                    .timeout(Duration.ofSeconds(20)).build(), listener);

            assertThat(out.hits()).isEqualTo(hits);
            assertThat(out.fetched()).isEqualTo((int) hits);
            assertThat(out.warnings()).isEmpty();
        }
    }

    @Test
    void queriesBuiltInCodeFindTheSameRecordsAsynchronously() throws Exception {
        Query q = Query.phrase(Field.TITLE, "program a computer").and(Query.author("collins"));
        try (SruConnector c = marc21()) {
            RecordingListener listener = new RecordingListener();
            SearchOutcome out = c.searchAsync(SearchRequest.builder(q).timeout(Duration.ofSeconds(20)).build(),
                    listener, Runnable::run).get(30, TimeUnit.SECONDS);

            assertThat(out.hits()).isEqualTo(2);
            assertThat(MarcXmlProbe.all(listener.records())).extracting(m -> m.subfield("245", "a"))
                    .containsOnly("How to program a computer");
        }
    }

    @Test
    void aFieldZebraCannotSearchIsReportedByZebra() {
        try (SruConnector c = marc21()) {
            assertThatThrownBy(() -> c.search(SearchRequest.builder(Query.year(1991)).build(), new RecordingListener()))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
                        assertThat(e.diagnostic().code()).isEqualTo("info:srw/diagnostic/1/16");
                    });
        }
    }

    @Test
    void aFieldConfiguredAsUnsupportedIsRefusedBeforeAnyRequest() {
        Map<String, Object> noYear = Map.of("indexes", Map.of("year", ""));
        try (SruConnector c = connector(ZebraPeer.MARC21, noYear)) {
            assertThatThrownBy(() -> c.search(SearchRequest.builder(Query.title("computer").and(Query.year(1991)))
                    .build(), new RecordingListener()))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
                        assertThat(e.diagnostic().code()).isNull();
                    });
        }
    }

    @Test
    void aFieldConfiguredToFallBackToAnyIsSearchedAsAnyWithAWarning() {
        Map<String, Object> isbnAsAny = Map.of("indexes", Map.of("isbn", ""), "unsupportedFields", "any");
        try (SruConnector c = connector(ZebraPeer.MARC21, isbnAsAny)) {
            RecordingListener listener = new RecordingListener();
            SearchOutcome out = c.search(SearchRequest.builder(Query.isbn("0836968433")).build(), listener);

            assertThat(out.hits()).isEqualTo(1);
            assertThat(out.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH));
            assertThat(listener.warnings).isEqualTo(out.warnings());
        }
    }

    @Test
    void theTargetsOwnIndexNamesAreUsed() {
        Map<String, Object> indexes = Map.of("indexes", Map.of("title", "dc.title", "author", "dc.author"));
        try (SruConnector c = connector(ZebraPeer.MARC21, indexes)) {
            Query q = Query.title("computer").and(Query.author("collins"));

            assertThat(c.translate(q).text()).contains("dc.title", "dc.author").doesNotContain("dc.creator");
            assertThat(c.search(SearchRequest.builder(q).build(), new RecordingListener()).hits()).isEqualTo(2);
        }
    }

    @Test
    void recordsNormaliseIntoTheBibRecordsTheyDescribe() {
        Normaliser normaliser = Normaliser.ofDefaults();
        try (SruConnector marc = marc21();
             SruConnector dc = connector(ZebraPeer.MARC21, Map.of("recordSchema", "dc"));
             SruConnector uni = connector(ZebraPeer.UNIMARC, Map.of("recordSchema", "unimarcxml", "format", "unimarc"))) {
            BibRecord isbn = normaliser.normalise(search(marc, "bath.isbn=0836968433", 1).listener.records().get(0)).record();
            BibRecord collins = normaliser.normalise(search(dc, "dc.creator=collins", 1).listener.records().get(0)).record();
            BibRecord paris = normaliser.normalise(search(uni, "dc.title=paris", 1).listener.records().get(0)).record();

            assertThat(isbn.format()).isEqualTo(RecordFormat.MARC21);
            assertThat(isbn.title()).startsWith("The religious teachers of Greece");
            assertThat(isbn.isbns()).extracting(Isbn::isbn10).contains("0836968433");
            assertThat(collins.format()).isEqualTo(RecordFormat.DUBLIN_CORE);
            assertThat(collins.title()).isEqualTo("How to program a computer");
            assertThat(paris.format()).isEqualTo(RecordFormat.UNIMARC);
            assertThat(paris.title()).startsWith("Paris, Londres, Bruxelles");
        }
    }

    @Test
    void titleSearchRecordsAllHaveTheWordInTheirTitle() {
        try (SruConnector c = marc21()) {
            Result r = search(c, "dc.title=computer", 50);

            assertThat(r.probes()).hasSize(10)
                    .allSatisfy(m -> assertThat(m.field("245").toLowerCase()).contains("computer"));
        }
    }

    @Test
    void authorSearchFindsJackCollinsTwice() {
        try (SruConnector c = marc21()) {
            Result r = search(c, "dc.creator=collins", 50);

            assertThat(r.probes()).extracting(m -> m.subfield("100", "a")).containsExactly("Jack Collins", "Jack Collins");
            assertThat(r.probes()).extracting(m -> m.subfield("245", "a"))
                    .containsOnly("How to program a computer");
        }
    }

    @Test
    void isbnSearchFindsTheReligiousTeachersOfGreece() {
        try (SruConnector c = marc21()) {
            MarcXmlProbe record = search(c, "bath.isbn=0836968433", 5).probes().get(0);

            assertThat(record.subfield("020", "a")).isEqualTo("0836968433");
            assertThat(record.subfield("100", "a")).isEqualTo("Adam, James,");
            assertThat(record.subfield("245", "a")).isEqualTo("The religious teachers of Greece.");
        }
    }

    @Test
    void subjectSearchRecordKeepsItsUtf8CombiningDiaeresis() {
        try (SruConnector c = marc21()) {
            MarcXmlProbe record = search(c, "dc.subject=opera", 5).probes().get(0);

            assertThat(record.controlField("001")).isEqualTo("7730987");
            assertThat(record.subfield("245", "a")).startsWith("Die Instrumental-Stu\u0308cke des \"Orfeo\"");
        }
    }

    @ParameterizedTest(name = "SRU {0}")
    @ValueSource(strings = {"1.1", "1.2", "2.0"})
    void everyVersionGivesTheSameHitsAndRecords(String version) {
        List<String> expectedIds;
        try (SruConnector c = marc21()) {
            expectedIds = search(c, "computer", 13).probes().stream().map(m -> m.controlField("001")).toList();
        }
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("version", version))) {
            Result r = search(c, "computer", 13);

            assertThat(r.outcome().hits()).isEqualTo(13);
            assertThat(r.probes()).extracting(m -> m.controlField("001")).containsExactlyElementsOf(expectedIds);
        }
    }

    @ParameterizedTest(name = "SRU {0}")
    @ValueSource(strings = {"1.1", "1.2", "2.0"})
    void dublinCoreRecordsArriveAsDublinCore(String version) {
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("recordSchema", "dc", "version", version))) {
            Result r = search(c, "dc.creator=collins", 5);

            assertThat(r.listener.records()).hasSize(2).allSatisfy(raw -> {
                assertThat(raw.syntax()).isEqualTo(RecordSyntax.DUBLIN_CORE_XML);
                assertThat(raw.formatHint()).isEqualTo(RecordFormat.DUBLIN_CORE);
            });
            assertThat(r.probes()).extracting(m -> m.dc("title")).containsOnly("How to program a computer");
            assertThat(r.probes()).extracting(m -> m.dc("creator")).containsOnly("Jack Collins");
        }
    }

    @ParameterizedTest(name = "SRU {0}")
    @ValueSource(strings = {"1.1", "1.2", "2.0"})
    void recordsPackedAsStringsEqualRecordsPackedAsXml(String version) {
        List<RawRecord> asXml;
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("version", version))) {
            asXml = search(c, "opera", 4).listener.records();
        }
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("version", version, "recordPacking", "string"))) {
            List<RawRecord> asString = search(c, "opera", 4).listener.records();

            assertThat(asString).hasSize(4);
            for (int i = 0; i < 4; i++) {
                MarcXmlProbe s = MarcXmlProbe.of(asString.get(i).bytes());
                MarcXmlProbe x = MarcXmlProbe.of(asXml.get(i).bytes());
                assertThat(s.controlField("001")).isEqualTo(x.controlField("001"));
                assertThat(s.field("245")).isEqualTo(x.field("245"));
                assertThat(s.count("datafield")).isEqualTo(x.count("datafield"));
            }
        }
    }

    @Test
    void theUnimarcDatabaseGivesUnimarcRecordsInUtf8() {
        try (SruConnector c = connector(ZebraPeer.UNIMARC, Map.of("recordSchema", "unimarcxml", "format", "unimarc"))) {
            Result r = search(c, "dc.title=paris", 10);

            assertThat(r.outcome().hits()).isEqualTo(3);
            assertThat(r.listener.records()).extracting(RawRecord::formatHint).containsOnly(RecordFormat.UNIMARC);
            assertThat(r.probes()).extracting(m -> m.subfield("200", "a")).containsExactly(
                    "Paris, Londres, Bruxelles",
                    "Ligne française anglo-belge par Watten, de Lille à la mer sur Calais et sur Dunkerque, et de Paris"
                            + " à Londres par Arras Béthune, Aire, Saint-Omer et Calais",
                    "Ligne de Paris au littoral de la Manche, reliant Paris, Londres et Bruxelles, 1843");
        }
    }

    @Test
    void theUnimarcSchemaNameAloneHintsUnimarc() {
        try (SruConnector c = connector(ZebraPeer.UNIMARC, Map.of("recordSchema", "unimarcxml"))) {
            Result r = search(c, "dc.creator=cordier", 10);

            assertThat(r.outcome().hits()).isEqualTo(5);
            assertThat(r.listener.records()).hasSize(5).extracting(RawRecord::formatHint)
                    .containsOnly(RecordFormat.UNIMARC);
        }
    }

    @Test
    void pagesAreFetchedInChunksUpToMaxRecords() {
        try (SruConnector c = marc21()) {
            RecordingListener listener = new RecordingListener();
            SearchRequest request = SearchRequest.builder(Query.any("x")).maxRecords(12).chunkSize(5)
                    .timeout(Duration.ofSeconds(20)).build();

            SearchOutcome out = c.searchCql("computer", request, listener);

            assertThat(out.hits()).isEqualTo(13);
            assertThat(out.fetched()).isEqualTo(12);
            assertThat(listener.chunkSizes()).containsExactly(5, 5, 2);
            assertThat(listener.phases).containsExactly(Phase.SEARCHING, Phase.FETCHING, Phase.FETCHING);
            assertThat(listener.hits).containsExactly(13L);
            assertThat(MarcXmlProbe.all(listener.records()).stream().map(m -> m.controlField("001")).distinct()).hasSize(12);
        }
    }

    @Test
    void pagingStopsAtTheHitCount() {
        try (SruConnector c = marc21()) {
            RecordingListener listener = new RecordingListener();
            SearchRequest request = SearchRequest.builder(Query.any("x")).startRecord(9).maxRecords(100).chunkSize(3)
                    .timeout(Duration.ofSeconds(20)).build();

            SearchOutcome out = c.searchCql("computer", request, listener);

            assertThat(out.fetched()).isEqualTo(5);
            assertThat(listener.chunkSizes()).containsExactly(3, 2);
        }
    }

    @Test
    void theSamePagesGiveTheSameRecordsAsOneBigPage() {
        try (SruConnector c = marc21()) {
            List<String> oneRequest = search(c, "computer", 13).probes().stream().map(m -> m.controlField("001")).toList();
            RecordingListener paged = new RecordingListener();
            c.searchCql("computer", SearchRequest.builder(Query.any("x")).maxRecords(13).chunkSize(4)
                    .timeout(Duration.ofSeconds(20)).build(), paged);

            assertThat(MarcXmlProbe.all(paged.records())).extracting(m -> m.controlField("001")).containsExactlyElementsOf(oneRequest);
        }
    }

    @Test
    void maxRecordsZeroOnlyCounts() {
        try (SruConnector c = marc21()) {
            Result r = search(c, "computer", 0);

            assertThat(r.outcome().hits()).isEqualTo(13);
            assertThat(r.outcome().fetched()).isZero();
            assertThat(r.listener.chunks).isEmpty();
        }
    }

    @Test
    void aStartBeyondTheHitsGivesTheCountAndNoRecords() {
        try (SruConnector c = marc21()) {
            RecordingListener listener = new RecordingListener();
            SearchOutcome out = c.searchCql("computer", SearchRequest.builder(Query.any("x")).startRecord(20)
                    .maxRecords(5).timeout(Duration.ofSeconds(20)).build(), listener);

            assertThat(out.hits()).isEqualTo(13);
            assertThat(out.fetched()).isZero();
            assertThat(out.warnings()).isEmpty();
        }
    }

    @Test
    void asynchronousSearchGivesWhatTheBlockingSearchGives() throws Exception {
        try (SruConnector c = marc21()) {
            Result blocking = search(c, "dc.title=computer", 10);
            RecordingListener listener = new RecordingListener();

            SearchOutcome out = c.searchCqlAsync("dc.title=computer", SearchRequest.builder(Query.any("x"))
                    .maxRecords(10).chunkSize(3).timeout(Duration.ofSeconds(20)).build(), listener)
                    .get(30, TimeUnit.SECONDS);

            assertThat(out.hits()).isEqualTo(10);
            assertThat(listener.chunkSizes()).containsExactly(3, 3, 3, 1);
            assertThat(MarcXmlProbe.all(listener.records())).extracting(m -> m.controlField("001"))
                    .containsExactlyElementsOf(blocking.probes().stream().map(m -> m.controlField("001")).toList());
        }
    }

    @Test
    void postGivesWhatGetGives() {
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("method", "post"))) {
            Result r = search(c, "dc.title=computer and dc.creator=collins", 10);

            assertThat(r.outcome().hits()).isEqualTo(2);
            assertThat(r.probes()).extracting(m -> m.subfield("100", "a")).containsOnly("Jack Collins");
        }
    }

    @Test
    void aQueryTooLongForAUrlIsPostedAndStillAnswered() {
        String longQuery = "computer" + " or dc.title=computer".repeat(150);
        try (SruConnector c = marc21()) {
            Result r = search(c, longQuery, 0);

            assertThat(longQuery.length()).isGreaterThan(3000);
            assertThat(r.outcome().hits()).isEqualTo(13);
        }
    }

    @ParameterizedTest(name = "SRU {0}")
    @ValueSource(strings = {"1.1", "1.2", "2.0"})
    void explainListsZebrasIndexesSchemasAndLimits(String version) {
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("version", version))) {
            SruExplain explain = c.explain();

            assertThat(explain.version()).isEqualTo(version);
            assertThat(explain.host()).isEqualTo("127.0.0.1");
            assertThat(explain.port()).isEqualTo(zebra.port());
            assertThat(explain.database()).isEqualTo("marc21");
            assertThat(explain.title()).isEqualTo("Navette test catalogue");
            assertThat(explain.indexes()).extracting(SruExplain.Index::name).containsExactly("cql.serverChoice",
                    "dc.title", "dc.creator", "dc.subject", "dc.publisher", "bath.isbn", "bath.issn");
            assertThat(explain.schemas()).extracting(SruExplain.Schema::name).containsExactly("marcxml", "dc", "unimarcxml");
            assertThat(explain.supportsSchema("info:srw/schema/1/dc-v1.1")).isTrue();
            assertThat(explain.defaultNumberOfRecords()).hasValue(0);
            assertThat(explain.maximumRecords()).hasValue(1000);
            assertThat(explain.suggestedIndexes()).containsEntry(Field.ANY, "cql.serverChoice")
                    .containsEntry(Field.TITLE, "dc.title").containsEntry(Field.AUTHOR, "dc.creator")
                    .containsEntry(Field.ISBN, "bath.isbn").containsEntry(Field.PUBLISHER, "dc.publisher")
                    .doesNotContainKey(Field.YEAR);
        }
    }

    @Test
    void theSuggestedIndexesReallySearchZebra() {
        Map<Field, String> indexes;
        try (SruConnector c = marc21()) {
            indexes = c.explain().suggestedIndexes();
        }
        try (SruConnector c = marc21()) {
            assertThat(search(c, indexes.get(Field.TITLE) + "=computer", 0).outcome().hits()).isEqualTo(10);
            assertThat(search(c, indexes.get(Field.AUTHOR) + "=collins", 0).outcome().hits()).isEqualTo(2);
            assertThat(search(c, indexes.get(Field.ISBN) + "=0836968433", 0).outcome().hits()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownDatabaseIsUnknownDatabaseNotAParseError() {
        try (SruConnector c = connector("nosuch", Map.of())) {
            assertThatThrownBy(() -> search(c, "computer", 5))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        TargetDiagnostic d = e.diagnostic();
                        assertThat(d.kind()).isEqualTo(DiagnosticKind.UNKNOWN_DATABASE);
                        assertThat(d.code()).isEqualTo("http:404");
                        assertThat(d.addInfo()).isEqualTo("nosuch");
                    });
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "dc.date=1991|UNSUPPORTED_SEARCH|info:srw/diagnostic/1/16",
            "foo.bar=x|UNSUPPORTED_SEARCH|info:srw/diagnostic/1/15",
            "(computer|QUERY_REJECTED|info:srw/diagnostic/1/10",
    })
    void zebraDiagnosticsBecomeTypedFailures(String cql, DiagnosticKind kind, String code) {
        try (SruConnector c = marc21()) {
            assertThatThrownBy(() -> search(c, cql, 5)).isInstanceOfSatisfying(TargetException.class, e -> {
                assertThat(e.diagnostic().kind()).isEqualTo(kind);
                assertThat(e.diagnostic().code()).isEqualTo(code);
                assertThat(e.diagnostic().message()).isNotBlank();
            });
        }
    }

    @Test
    void anUnknownSchemaFailsWithZebrasDiagnostic() {
        try (SruConnector c = connector(ZebraPeer.MARC21, Map.of("recordSchema", "mods"))) {
            assertThatThrownBy(() -> search(c, "computer", 5)).isInstanceOfSatisfying(TargetException.class, e -> {
                assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.TARGET_DIAGNOSTIC);
                assertThat(e.diagnostic().code()).isEqualTo("info:srw/diagnostic/1/66");
                assertThat(e.diagnostic().addInfo()).isEqualTo("mods");
            });
        }
    }

    @Test
    void theFactorysOwnClientCallsBackOnDaemonThreads() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Thread> callback = new java.util.concurrent.atomic.AtomicReference<>();
        RecordingListener listener = new RecordingListener() {
            @Override
            public void onRecords(List<RawRecord> chunk) {
                callback.set(Thread.currentThread());
            }
        };
        try (SruConnector c = new SruConnectorFactory().create(TargetConfig.builder("z", "sru")
                .set("url", zebra.sruUrl(ZebraPeer.MARC21)).build())) {
            c.searchCqlAsync("computer", upTo(1), listener).get(30, TimeUnit.SECONDS);
        }

        assertThat(callback.get().isDaemon()).isTrue(); // OkHttp renames the thread per call: only this shows
    }

    @Test
    void theConnectorIsFoundThroughTheServiceLoader() {
        org.navette.spi.ConnectorRegistry registry = org.navette.spi.ConnectorRegistry.fromClassPath();
        try (org.navette.spi.Connector c = registry.create(TargetConfig.builder("z", "sru")
                .set("url", zebra.sruUrl(ZebraPeer.MARC21)).build())) {
            assertThat(registry.protocols()).contains("sru");
            assertThat(((SruConnector) c).searchCql("computer", upTo(1), new RecordingListener()).hits()).isEqualTo(13);
        }
    }
}
