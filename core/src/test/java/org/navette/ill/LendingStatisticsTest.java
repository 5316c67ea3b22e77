package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LendingStatisticsTest {

    private static LendingStatistics read(String csv) {
        return LendingStatistics.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "stats.csv");
    }

    private static PolicyFileException failure(String csv) {
        return catchThrowableOfType(PolicyFileException.class, () -> read(csv));
    }

    @Test
    void countsAreReadInAnyColumnOrderAndLookedUpIgnoringCase() {
        LendingStatistics stats = read("\uFEFFborrowed,Library,lent\r\n40,bib-dole,120\r\n\r\n0,\"bib-lons\",3\r\n");

        assertThat(stats.size()).isEqualTo(2);
        assertThat(stats.counts("BIB-DOLE")).isEqualTo(new LendingStatistics.Counts(120, 40));
        assertThat(stats.counts("bib-lons")).isEqualTo(new LendingStatistics.Counts(3, 0));
    }

    @Test
    void aLibraryTheFileDoesNotListHasLentAndBorrowedNothing() {
        assertThat(read("library,lent,borrowed\nbib-dole,1,2\n").counts("bib-unlisted")).isEqualTo(LendingStatistics.Counts.NONE);
        assertThat(LendingStatistics.empty().counts("bib-dole")).isEqualTo(new LendingStatistics.Counts(0, 0));
    }

    @Test
    void aBadCountIsReportedWithItsLineAndColumn() {
        PolicyFileException word = failure("library,lent,borrowed\nbib-dole,1,2\nbib-lons,many,2\n");
        PolicyFileException negative = failure("library,lent,borrowed\nbib-lons,1,-2\n");

        assertThat(word).hasMessage("stats.csv line 3 column 2: lent: 'many' is not a whole number of 0 or more");
        assertThat(word.line()).isEqualTo(3);
        assertThat(word.field()).contains("lent");
        assertThat(negative).hasMessage("stats.csv line 2 column 3: borrowed: '-2' is not a whole number of 0 or more");
    }

    @Test
    void aLibraryListedTwiceNamesBothLines() {
        PolicyFileException e = failure("library,lent,borrowed\nbib-dole,1,2\nbib-lons,0,0\nBIB-DOLE,3,4\n");

        assertThat(e).hasMessage("stats.csv line 4 column 1: library: library BIB-DOLE is already on line 2");
    }

    @Test
    void aBrokenHeaderOrRowIsRefusedWithItsLine() {
        assertThat(failure("library,lent,loans\n")).hasMessage(
                "stats.csv line 1 column 3: loans: unknown column (expected library,lent,borrowed)");
        assertThat(failure("library,lent\nbib-dole,1\n")).hasMessage(
                "stats.csv line 1: the header lacks borrowed (expected library,lent,borrowed)");
        assertThat(failure("library,lent,lent\n")).hasMessageContaining("column 3: lent: column given twice");
        assertThat(failure("library,lent,borrowed\nbib-dole,1\n")).hasMessage(
                "stats.csv line 2: 2 columns where the header has 3");
        assertThat(failure("library,lent,borrowed\n ,1,2\n")).hasMessage("stats.csv line 2 column 1: library: no library code");
        assertThat(failure("library,lent,borrowed\n\"bib-dole,1,2\n")).hasMessageContaining("line 2: unterminated quote");
        assertThat(failure("")).hasMessageContaining("no header row");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLine() {
        byte[] latin1 = "library,lent,borrowed\nbib-dole,1,2\nbib-b\u00e9ziers,1,2\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> LendingStatistics.read(new ByteArrayInputStream(latin1), "latin1.csv"))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("latin1.csv line 3").hasMessageContaining("not UTF-8");
    }

    @Test
    void aFileIsReadFromItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stats.csv");
        Files.writeString(file, "library,lent,borrowed\nbib-dole,5,6\n");

        assertThat(LendingStatistics.read(file).counts("bib-dole")).isEqualTo(new LendingStatistics.Counts(5, 6));
        assertThatThrownBy(() -> LendingStatistics.read(dir.resolve("none.csv"))).hasMessageContaining("cannot read");
    }

    @Test
    void countsInCodeAreValidated() {
        assertThatThrownBy(() -> new LendingStatistics.Counts(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LendingStatistics.of(Map.of("a", LendingStatistics.Counts.NONE, "A", LendingStatistics.Counts.NONE)))
                .hasMessageContaining("is given twice");
        assertThat(LendingStatistics.of(Map.of("Bib-X", new LendingStatistics.Counts(2, 1))).counts("bib-x").lent()).isEqualTo(2);
    }
}
