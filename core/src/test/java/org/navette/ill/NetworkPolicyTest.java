package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.model.Availability;
import org.navette.model.Holding;

class NetworkPolicyTest {

    private static NetworkPolicy read(String json) {
        return NetworkPolicy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static PolicyFileException failure(String json) {
        return catchThrowableOfType(PolicyFileException.class, () -> read(json));
    }

    private static NetworkPolicy sample() throws Exception {
        try (InputStream in = NetworkPolicyTest.class.getResourceAsStream("policies.json")) {
            return NetworkPolicy.read(in, "policies.json");
        }
    }

    @Test
    void theSampleFileReadsEveryKeyOfALibrary() throws Exception {
        NetworkPolicy network = sample();

        assertThat(network.proximity()).isEqualTo(NetworkPolicy.Proximity.TIERS);
        assertThat(network.libraries()).hasSize(11).first().extracting(LenderPolicy::library).isEqualTo("bib-dole");
        LenderPolicy dole = network.listed("BIB-DOLE").orElseThrow();
        assertThat(dole.agency()).contains(AgencyId.parse("ISIL:FR-39198"));
        assertThat(dole.loanPeriodDays()).isEqualTo(28);
        assertThat(dole.town()).contains("Dole");
        assertThat(dole.department()).contains("Jura");
        assertThat(dole.region()).contains("Bourgogne-Franche-Comté");
        assertThat(dole.country()).contains("FR");
        assertThat(dole.latitude()).contains(47.0925);
        assertThat(dole.longitude()).contains(5.4897);
        assertThat(dole.endpoint()).contains(URI.create("https://ill.dole.example/iso18626"));
        LenderPolicy champagnole = network.policyFor("bib-champagnole");
        assertThat(champagnole.suspendedFrom()).contains(LocalDate.of(2026, 12, 1));
        assertThat(champagnole.suspendedTo()).contains(LocalDate.of(2027, 1, 10));
        LenderPolicy saintClaude = network.policyFor("bib-saint-claude");
        assertThat(saintClaude.materialTypes()).containsExactly("book");
        assertThat(saintClaude.notLoanableStatuses()).containsExactly("exclu du prêt");
        assertThat(network.policyFor("bib-morez").lendsLoans()).isFalse();
        assertThat(network.policyFor("bib-dijon").lendsCopies()).isFalse();
    }

    @Test
    void listedLibrariesStartFromTheDefaultsAndUnlistedOnesAreTheDefaults() throws Exception {
        NetworkPolicy network = sample();

        assertThat(network.defaults().loanPeriodDays()).isEqualTo(21);
        assertThat(network.policyFor("bib-lons").loanPeriodDays()).isEqualTo(21);
        LenderPolicy unlisted = network.policyFor("bib-elsewhere");
        assertThat(network.listed("bib-elsewhere")).isEmpty();
        assertThat(unlisted.loanPeriodDays()).isEqualTo(21);
        assertThat(unlisted.lendsLoans()).isTrue();
        assertThat(unlisted.town()).isEmpty();

        NetworkPolicy strict = read("""
                {"defaults": {"lendsLoans": false, "materialTypes": ["Book"]},
                 "libraries": [{"library": "a"}, {"library": "b", "lendsLoans": true, "materialTypes": []}]}
                """);
        assertThat(strict.policyFor("a").lendsLoans()).isFalse();
        assertThat(strict.policyFor("a").materialTypes()).containsExactly("book");
        assertThat(strict.policyFor("b").lendsLoans()).isTrue();
        assertThat(strict.policyFor("b").materialTypes()).isEmpty();
        assertThat(strict.policyFor("z").lendsLoans()).isFalse();
        assertThat(strict.policyFor("z").lendsCopies()).isTrue();
    }

    @Test
    void theExampleInPolicyMdIsAValidPolicyFile() throws Exception {
        String doc = Files.readString(Path.of("POLICY.md"));
        int from = doc.indexOf("```json", doc.indexOf("### An example")) + "```json".length();
        String example = doc.substring(from, doc.indexOf("```", from));

        NetworkPolicy network = read(example);

        assertThat(network.libraries()).extracting(LenderPolicy::library)
                .containsExactly("bib-dole", "bib-saint-claude", "bib-champagnole", "bib-morez");
        assertThat(network.policyFor("bib-morez").lendsLoans()).isFalse();
    }

    @Test
    void theOpenDefaultLetsEveryoneLendEverythingWithNoLocation() {
        NetworkPolicy open = NetworkPolicy.openDefault();

        LenderPolicy anyone = open.policyFor("bib-x");
        assertThat(open.proximity()).isEqualTo(NetworkPolicy.Proximity.TIERS);
        assertThat(open.libraries()).isEmpty();
        assertThat(anyone.serves(ServiceType.LOAN)).isTrue();
        assertThat(anyone.serves(ServiceType.COPY)).isTrue();
        assertThat(anyone.lendsMaterial("dvd")).isTrue();
        assertThat(anyone.suspendedOn(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(anyone.town()).isEmpty();
    }

    @Test
    void aLibraryIsFoundByItsAgencyOrByItsCode() throws Exception {
        NetworkPolicy network = sample();

        assertThat(network.policyOf(AgencyId.parse("ISIL:FR-39300"))).map(LenderPolicy::library).contains("bib-lons");
        assertThat(network.policyOf(AgencyId.parse("bib-dole-iut"))).map(LenderPolicy::library).contains("bib-dole-iut");
        assertThat(network.policyOf(AgencyId.parse("ISIL:FR-00000"))).isEmpty();
    }

    @Test
    void readingFromAPathNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.json");
        Files.writeString(file, "{\"proximity\": \"distance\"}");
        assertThat(NetworkPolicy.read(file).proximity()).isEqualTo(NetworkPolicy.Proximity.DISTANCE);

        Files.writeString(file, "{\"proximity\": \"near\"}");
        assertThatThrownBy(() -> NetworkPolicy.read(file)).isInstanceOf(PolicyFileException.class)
                .hasMessage(file + " line 1 column 15: proximity: 'near' is neither \"tiers\" nor \"distance\"");
        assertThatThrownBy(() -> NetworkPolicy.read(dir.resolve("missing.json")))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("cannot read");
    }

    @Test
    void anUnknownKeyIsReportedWithItsLineColumnAndField() {
        PolicyFileException e = failure("""
                {
                  "libraries": [
                    {"library": "a"},
                    {"library": "b",
                     "twon": "Dole"}
                  ]
                }
                """);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.field()).contains("libraries[1].twon");
        assertThat(e).hasMessageStartingWith("test.json line 5 column 6: libraries[1].twon: unknown key (known here: library, agency,");
    }

    @Test
    void anUnknownTopLevelKeyIsReported() {
        PolicyFileException e = failure("{\n  \"proximity\": \"tiers\",\n  \"libaries\": []\n}");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).contains("libaries");
        assertThat(e).hasMessageContaining("known here: proximity, defaults, libraries, comment");

        PolicyFileException place = failure("{\"defaults\": {\"town\": \"Dole\"}}");
        assertThat(place.field()).contains("defaults.town");
        assertThat(place).hasMessageContaining("unknown key (known here: lendsLoans, lendsCopies, materialTypes, loanPeriodDays, notLoanableStatuses, comment)");
        assertThat(failure("{\"libraries\": [{\"library\": \" \"}]}")).hasMessageContaining("libraries[0].library: library must not be blank");
    }

    @Test
    void aBadDateIsReportedAtItsValue() {
        PolicyFileException e = failure("""
                {"libraries": [
                  {"library": "a",
                   "suspendedFrom": "2027-02-30"}
                ]}
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.field()).contains("libraries[0].suspendedFrom");
        assertThat(e).hasMessageContaining("'2027-02-30' is not a date; write it YYYY-MM-DD");
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatWasExpected() {
        PolicyFileException bool = failure("{\"libraries\": [{\"library\": \"a\",\n \"lendsLoans\": \"yes\"}]}");
        PolicyFileException list = failure("{\"defaults\": {\"materialTypes\": \"book\"}}");
        PolicyFileException whole = failure("{\"defaults\": {\"loanPeriodDays\": 2.5}}");
        PolicyFileException text = failure("{\"libraries\": [{\"library\": 12}]}");
        PolicyFileException top = failure("[]");

        assertThat(bool).hasMessage("test.json line 2 column 16: libraries[0].lendsLoans: expected true or false, found the text \"yes\"");
        assertThat(list.field()).contains("defaults.materialTypes");
        assertThat(list).hasMessageContaining("expected a list of texts, e.g. [\"book\", \"score\"], found the text \"book\"");
        assertThat(whole).hasMessageContaining("defaults.loanPeriodDays: expected a whole number, found 2.5");
        assertThat(text).hasMessageContaining("libraries[0].library: expected a text in double quotes, found 12");
        assertThat(top).hasMessageContaining("line 1 column 1: a policy file is one JSON object");
    }

    @Test
    void aLibraryListedTwiceIgnoringCaseIsReportedAtTheSecond() {
        PolicyFileException e = failure("""
                {"libraries": [
                  {"library": "bib-dole"},
                  {"library": "bib-lons"},
                  {"library": "BIB-DOLE"}
                ]}
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).contains("libraries[2].library");
        assertThat(e).hasMessageContaining("library BIB-DOLE is listed twice");
    }

    @Test
    void twoLibrariesWithOneAgencyAreRefused() {
        PolicyFileException e = failure("""
                {"libraries": [
                  {"library": "a", "agency": "ISIL:FR-1"},
                  {"library": "b", "agency": "ISIL:FR-1"}
                ]}
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("agency ISIL:FR-1 of library b is already the agency of library a");
    }

    @Test
    void aKeyGivenTwiceInOneLibraryIsRefused() {
        PolicyFileException e = failure("{\"libraries\": [{\"library\": \"a\",\n \"town\": \"Dole\", \"town\": \"Lons\"}]}");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(18);
        assertThat(e).hasMessageContaining("libraries[0].town: given twice");
    }

    @Test
    void validationOfTheBuilderIsReportedWithTheFileLocation() {
        PolicyFileException late = failure("""
                {"libraries": [
                  {"library": "a", "suspendedFrom": "2027-01-10", "suspendedTo": "2027-01-01"}
                ]}
                """);
        PolicyFileException half = failure("{\"libraries\": [\n {\"library\": \"a\", \"latitude\": 47.1}]}");
        PolicyFileException far = failure("{\"libraries\": [\n {\"library\": \"a\", \"latitude\": 91, \"longitude\": 0}]}");
        PolicyFileException ftp = failure("{\"libraries\": [\n {\"library\": \"a\", \"endpoint\": \"ftp://x.example/\"}]}");
        PolicyFileException nameless = failure("{\"libraries\": [\n {\"town\": \"Dole\"}]}");
        PolicyFileException period = failure("{\"defaults\": {\n \"loanPeriodDays\": 0}}");

        assertThat(late.line()).isEqualTo(2);
        assertThat(late).hasMessageContaining("suspendedTo 2027-01-01 is before suspendedFrom 2027-01-10");
        assertThat(half).hasMessageContaining("line 2").hasMessageContaining("give both latitude and longitude");
        assertThat(far.field()).contains("libraries[0].latitude");
        assertThat(far).hasMessageContaining("latitude must be between -90 and 90: 91.0");
        assertThat(ftp).hasMessageContaining("endpoint must be an absolute http or https URI: ftp://x.example/");
        assertThat(nameless).hasMessageContaining("line 2 column 2: libraries[0]: every library needs its \"library\" code");
        assertThat(period.line()).isEqualTo(2);
        assertThat(period.field()).contains("defaults.loanPeriodDays");
        assertThat(period).hasMessageContaining("loanPeriodDays must be between 1 and 366: 0");
    }

    @Test
    void brokenJsonIsReportedWithItsLine() {
        PolicyFileException e = failure("{\n  \"proximity\": \"tiers\"\n  \"libraries\": []\n}");
        PolicyFileException trailing = failure("{}\n{}");
        PolicyFileException empty = failure("  ");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("not valid JSON");
        assertThat(trailing.line()).isEqualTo(2);
        assertThat(trailing).hasMessageContaining("text after the end of the policy object");
        assertThat(empty).hasMessageContaining("the file is empty");
    }

    @Test
    void nullMeansNotSetAndCommentsAreIgnored() {
        NetworkPolicy network = read("""
                {"comment": "x", "proximity": null,
                 "libraries": [{"library": "a", "comment": "y", "town": null, "suspendedTo": null}]}
                """);

        assertThat(network.proximity()).isEqualTo(NetworkPolicy.Proximity.TIERS);
        assertThat(network.policyFor("a").town()).isEmpty();
        assertThat(network.policyFor("a").suspendedOn(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void anOpenEndedSuspensionCoversEveryDayOnItsOpenSide() {
        LenderPolicy untilFurtherNotice = LenderPolicy.builder("a").suspendedFrom(LocalDate.of(2027, 1, 1)).build();
        LenderPolicy untilThen = LenderPolicy.builder("b").suspendedTo(LocalDate.of(2027, 1, 1)).build();

        assertThat(untilFurtherNotice.suspendedOn(LocalDate.of(2030, 6, 1))).isTrue();
        assertThat(untilFurtherNotice.suspendedOn(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(untilThen.suspendedOn(LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(untilThen.suspendedOn(LocalDate.of(2027, 1, 2))).isFalse();
    }

    @Test
    void notLoanableStatusesAreMatchedIgnoringCaseOnTopOfTheAvailability() {
        LenderPolicy p = LenderPolicy.builder("a").notLoanableStatuses(List.of("Salle de lecture ")).build();

        assertThat(p.loanable(Holding.builder().library("a").status("SALLE DE LECTURE").availability(Availability.AVAILABLE).build())).isFalse();
        assertThat(p.loanable(Holding.builder().library("a").status("Disponible").availability(Availability.AVAILABLE).build())).isTrue();
        assertThat(p.loanable(Holding.builder().library("a").availability(Availability.NOT_FOR_LOAN).build())).isFalse();
        assertThat(p.loanable(Holding.builder().library("a").availability(Availability.UNAVAILABLE).build())).isFalse();
        assertThat(p.loanable(Holding.builder().library("a").availability(Availability.ON_LOAN).build())).isTrue();
    }

    @Test
    void builderSettingsAreValidatedAtOnceWithTheBadValue() {
        assertThatThrownBy(() -> LenderPolicy.builder(" ")).hasMessage("library must not be blank");
        assertThatThrownBy(() -> LenderPolicy.builder("a").loanPeriodDays(400)).hasMessage("loanPeriodDays must be between 1 and 366: 400");
        assertThatThrownBy(() -> LenderPolicy.builder("a").longitude(-181.0)).hasMessage("longitude must be between -180 and 180: -181.0");
        assertThatThrownBy(() -> LenderPolicy.builder("a").materialTypes(List.of("book", " ")))
                .hasMessageContaining("materialTypes must not hold a blank entry");
        assertThatThrownBy(() -> new NetworkPolicy.Defaults(true, true, Set.of(), 0, Set.of()))
                .hasMessage("loanPeriodDays must be between 1 and 366: 0");
        assertThatThrownBy(() -> NetworkPolicy.builder().library(LenderPolicy.builder("a").build())
                .library(LenderPolicy.builder("A").build())).hasMessage("library A is listed twice");
        LenderPolicy p = LenderPolicy.builder("a").town("Dole").coordinates(47, 5).build();
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }
}
