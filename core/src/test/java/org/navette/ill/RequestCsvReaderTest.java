package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestCsvReaderTest {

    private static RequestBatch fixture() {
        InputStream in = RequestCsvReaderTest.class.getResourceAsStream("requests.csv");
        return RequestCsvReader.read(in, "requests.csv");
    }

    @Test
    void everyGoodRowIsARequestAndEveryBadOneAProblemWithItsLine() {
        RequestBatch b = fixture();
        assertThat(b.requests()).extracting(IllRequest::id).containsExactly("r1", "r2", "r6");
        IllRequest r1 = b.requests().get(0);
        assertThat(r1.title()).contains("Le petit prince : roman");
        assertThat(r1.year()).contains(1946);
        assertThat(r1.isbns()).containsExactly("2070612759", "978-2-07-061275-8");
        assertThat(r1.requester()).contains(new AgencyId("ISIL", "FR-39001"));
        assertThat(r1.needBefore()).contains(LocalDate.of(2027, 1, 15));
        assertThat(b.requests().get(2).title()).contains("She said \"hi\"");
        assertThat(b.requests().get(2).year()).contains(1998);
        assertThat(b.requests().get(2).service()).isEqualTo(ServiceType.COPY_OR_LOAN);

        // r2 is kept without its bad year, service and date
        IllRequest r2 = b.requests().get(1);
        assertThat(r2.year()).isEmpty();
        assertThat(r2.needBefore()).isEmpty();
        assertThat(r2.requester()).contains(AgencyId.parse("bib-lons"));
        assertThat(b.problemsFor("r2")).extracting(RequestProblem::line).containsOnly(3);
        assertThat(b.problemsFor("r2")).extracting(RequestProblem::message)
                .anySatisfy(m -> assertThat(m).contains("year 'soon'"))
                .anySatisfy(m -> assertThat(m).contains("service 'copie'"))
                .anySatisfy(m -> assertThat(m).contains("needBefore 'tomorrow'"));

        assertThat(b.problems()).anySatisfy(p -> assertThat(p.message()).contains("unknown column 'shelf'"));
        List<RequestProblem> rejected = b.rejected();
        assertThat(rejected).extracting(RequestProblem::line).containsExactly(4, 5, 6, 8);
        assertThat(rejected.get(0).message()).contains("no id");
        assertThat(rejected.get(1).message()).contains("duplicate id r1");
        assertThat(rejected.get(2).message()).contains("2 columns");
        assertThat(rejected.get(3).requestId()).isEqualTo("r5");
    }

    @Test
    void aLatin1FileIsRefusedWithTheLine() {
        byte[] latin1 = "id,title\nr1,ok\nr2,Mis\u00e9rables\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RequestCsvReader.read(new ByteArrayInputStream(latin1), "latin1.csv"))
                .isInstanceOf(RequestCsvException.class)
                .hasMessageContaining("line 3").hasMessageContaining("not UTF-8");
    }

    @Test
    void aFileWithoutAnIdColumnIsRefused() {
        byte[] csv = "title,author\nx,y\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RequestCsvReader.read(new ByteArrayInputStream(csv), "noid.csv"))
                .isInstanceOf(RequestCsvException.class).hasMessageContaining("no 'id' column");
    }
}
