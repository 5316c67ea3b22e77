package org.navette.ill.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.AgencyId;
import org.navette.ill.IllPlan;
import org.navette.ill.IllRequest;
import org.navette.ill.LenderPlan;
import org.navette.ill.PlannedRequest;
import org.navette.ill.RequestBatch;
import org.navette.ill.RequestMatch;
import org.navette.ill.RequestProblem;
import org.navette.model.BibRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/** A folder of mixed request files read with each broken file costing only itself; plans written as request messages. */
class RequestFilesTest {
    private static final String FIXTURES = "/org/navette/ill/iso18626/";

    @TempDir
    Path dir;

    private void copy(String resource, Path to) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(FIXTURES + resource)) {
            Files.write(to, in.readAllBytes());
        }
    }

    @Test
    void aFolderOfCsvAndMessagesIsOneBatchAndABrokenFileIsAProblemNamingIt() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "id,title,author\nr1,Germinal,Zola\ndole-0155,Le petit prince,Saint-Exupéry\n",
                StandardCharsets.UTF_8);
        copy("crosslink-request.xml", in.resolve("b-crosslink.xml"));
        copy("reshare-request.xml", in.resolve("c-reshare.xml"));
        copy("hostile/misspelled-element.xml", in.resolve("d-broken.xml"));
        copy("crosslink-supplying-agency-message.xml", in.resolve("e-not-a-request.xml"));
        Files.writeString(in.resolve("notes.txt"), "not read");

        RequestBatch batch = RequestFiles.read(in);
        assertThat(batch.requests()).extracting(IllRequest::id).containsExactly("r1", "dole-0155", "dole-0201");
        assertThat(batch.requests().get(2).title()).contains("Annales de Bretagne");
        assertThat(batch.rejected()).extracting(RequestProblem::source)
                .containsExactly("b-crosslink.xml", "d-broken.xml", "e-not-a-request.xml");
        assertThat(batch.rejected().get(0).message()).contains("dole-0155", "earlier file");
        assertThat(batch.rejected().get(1).message()).contains("titel");
        assertThat(batch.rejected().get(1).line()).isGreaterThan(1);
        assertThat(batch.rejected().get(2).message()).contains("supplyingAgencyMessage", "not a request");
        // the plan names a broken file's line by its file
        assertThat(PlannedRequest.Status.INVALID.word()).isEqualTo("invalid");
        assertThat(batch.rejected().get(1).toString()).startsWith("d-broken.xml line ");
    }

    @Test
    void aPlansMatchedRequestsBecomeValidMessagesToTheirFirstLender() throws IOException {
        AgencyId dole = AgencyId.parse("ISIL:FR-39198");
        AgencyId lons = AgencyId.parse("ISIL:FR-39300");
        IllRequest r = IllRequest.builder("req/7 é").title("Germinal").author("Zola, Émile").year(1885).requester(dole).build();
        RequestMatch m = new RequestMatch(r, RequestMatch.Status.MATCHED, Optional.of(new RequestMatch.Work("c1", List.of(
                        BibRecord.builder(new RecordSource("dole", "0007"), RecordFormat.MARC21).titleProper("Germinal").build(),
                        BibRecord.builder(new RecordSource("lons", "0042"), RecordFormat.MARC21).titleProper("Germinal").build()), "Germinal")),
                0.97, "identifier", List.of());
        LenderPlan lenders = new LenderPlan(r.id(), List.of(new LenderPlan.Lender("lons", lons, Optional.empty(), "same department")), List.of());
        PlannedRequest matched = new PlannedRequest(r.id(), PlannedRequest.Status.MATCHED, Optional.of(m), Optional.of(lenders), List.of(), "ok");
        IllRequest u = IllRequest.builder("req-8").title("Nothing").build();
        PlannedRequest unmatched = new PlannedRequest("req-8", PlannedRequest.Status.UNMATCHED,
                Optional.of(new RequestMatch(u, RequestMatch.Status.UNMATCHED, Optional.empty(), 0, "none", List.of())),
                Optional.empty(), List.of(), "none");
        Path out = dir.resolve("out");
        assertThat(RequestFiles.writeRequestMessages(new IllPlan("t", List.of(matched, unmatched)), out,
                Instant.parse("2026-12-07T10:00:00Z"))).isEqualTo(1);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(n -> assertThat(n).matches("req_7__-[0-9a-f]+\\.xml"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Request> back = RequestFiles.readRequestMessages(out, problems);
        assertThat(problems).isEmpty();
        Request sent = back.get("req/7 é");
        assertThat(sent.header().supplyingAgencyId()).isEqualTo(lons);
        assertThat(sent.header().requestingAgencyId()).isEqualTo(dole);
        assertThat(sent.toIllRequest().title()).contains("Germinal");
        assertThat(sent.toIllRequest().year()).contains(1885);
        // the lender's own record of the work is named for its staff
        assertThat(sent.bibliographicInfo().supplierUniqueRecordId()).isEqualTo("0042");
    }
}
