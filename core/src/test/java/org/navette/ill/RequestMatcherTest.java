package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.FileSource;
import org.navette.catalogue.StoredMember;
import org.navette.model.BibRecord;
import org.navette.testing.DamagedRequests;
import org.navette.testing.InMemoryCatalogueStore;
import org.navette.testing.MarcFiles;

/**
 * Requests derived from real records with the damage real requests carry, matched against a union
 * catalogue built from real MARC21 and UNIMARC files as different libraries; requests for works the
 * catalogue does not hold must stay unmatched.
 */
class RequestMatcherTest {
    private static final String CORPUS = "/org/navette/normalise/corpus/";
    private static final String LUL = CORPUS + "1-marc21/evergreen/lul_fre_500.mrc";
    private static final String JAZZ = CORPUS + "1-marc21/evergreen/jazz_1k.mrc";
    private static final String UNIMARC = CORPUS + "2-unimarc/medialab-reference_manager/cotesMEL.mrc";

    @TempDir
    static Path dir;

    static InMemoryCatalogueStore store;
    static Catalogue catalogue;
    static List<BibRecord> lul;
    static List<BibRecord> jazz;
    static List<BibRecord> unimarc;

    @BeforeAll
    static void build() throws IOException {
        byte[] lulBytes = MarcFiles.resource(LUL);
        byte[] jazzBytes = MarcFiles.resource(JAZZ);
        List<byte[]> l = MarcFiles.split(lulBytes);
        List<byte[]> j = MarcFiles.split(jazzBytes);
        store = new InMemoryCatalogueStore();
        catalogue = Catalogue.builder(store).build();
        catalogue.load("bib-a", FileSource.of(MarcFiles.write(dir.resolve("a.mrc"), l.subList(0, 300))));
        catalogue.load("bib-b", FileSource.of(MarcFiles.write(dir.resolve("b.mrc"), l.subList(200, 500))));
        catalogue.load("jazz", FileSource.of(MarcFiles.write(dir.resolve("jazz.mrc"), j.subList(0, 500))));
        catalogue.load("mel", FileSource.of(MarcFiles.write(dir.resolve("mel.mrc"), MarcFiles.split(MarcFiles.resource(UNIMARC)))));
        lul = MarcFiles.read(MarcFiles.write(dir.resolve("lul-all.mrc"), l));
        jazz = MarcFiles.read(MarcFiles.write(dir.resolve("jazz-all.mrc"), j));
        unimarc = MarcFiles.read(MarcFiles.write(dir.resolve("mel-all.mrc"), MarcFiles.split(MarcFiles.resource(UNIMARC))));
    }

    @Test
    void damagedRequestsFindTheirWorkAndRequestsForAbsentWorksStayUnmatched() {
        Random rnd = new Random(1);
        int positives = 0;
        int right = 0;
        int wrong = 0;
        int ambiguous = 0;
        List<String> misses = new ArrayList<>();
        List<BibRecord> held = new ArrayList<>();
        List<String> libraries = new ArrayList<>();
        for (int i = 0; i < 500; i += 2) {
            held.add(lul.get(i));
            libraries.add(i < 300 ? "bib-a" : "bib-b");
        }
        for (BibRecord r : unimarc.subList(0, Math.min(60, unimarc.size()))) {
            held.add(r);
            libraries.add("mel");
        }
        Map<String, StoredMember> members = store.allMembers();
        for (int i = 0; i < held.size(); i++) {
            BibRecord r = held.get(i);
            StoredMember m = members.get(libraries.get(i) + ":" + r.source().recordId());
            if (m == null || r.titleProper() == null) {
                continue;
            }
            IllRequest q = DamagedRequests.damaged(r, i % DamagedRequests.KINDS, rnd);
            positives++;
            RequestMatch got = RequestMatcher.overCatalogue(catalogue).match(q);
            if (got.status() == RequestMatch.Status.MATCHED) {
                if (got.work().orElseThrow().id().equals(m.clusterId())) {
                    right++;
                } else {
                    wrong++;
                    misses.add("WRONG " + q + " -> " + got.work().get().title() + " " + got.reason());
                }
            } else {
                if (got.status() == RequestMatch.Status.AMBIGUOUS) {
                    ambiguous++;
                }
                misses.add(got.status() + " " + q + " " + got.reason());
            }
        }
        int negatives = 0;
        int falseMatches = 0;
        for (int i = 500; i < jazz.size(); i += 3) {
            BibRecord r = jazz.get(i);
            if (r.titleProper() == null) {
                continue;
            }
            negatives++;
            RequestMatch got = RequestMatcher.overCatalogue(catalogue).match(DamagedRequests.damaged(r, i % DamagedRequests.KINDS, rnd));
            if (got.status() == RequestMatch.Status.MATCHED) {
                // a jazz record repeated in the first half is a true match, not an error
                String title = got.work().orElseThrow().title();
                if (!title.equalsIgnoreCase(r.titleProper())) {
                    falseMatches++;
                    misses.add("FALSE " + r.titleProper() + " -> " + title + " " + got.reason());
                }
            }
        }
        double precision = right / (double) (right + wrong + falseMatches);
        double recall = right / (double) positives;
        System.out.printf(Locale.ROOT, "requests: %d positives, %d right, %d wrong, %d ambiguous; %d negatives, %d false matches; P=%.3f R=%.3f%n",
                positives, right, wrong, ambiguous, negatives, falseMatches, precision, recall);
        misses.stream().limit(40).forEach(System.out::println);
        assertThat(positives).isGreaterThan(250);
        assertThat(negatives).isGreaterThan(100);
        assertThat(precision).isGreaterThanOrEqualTo(0.98);
        assertThat(recall).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aFederatedSearchFallsBackToTheLongestTitleWordsThenTheAuthorAndNeverSearchesABodyBySurname() {
        List<org.navette.query.Query> typo = RequestMatcher.queries(IllRequest.builder("r").title("Reconsrtuction tomography in radiology")
                .author("Ter-Pogossian, Michel").build());
        assertThat(typo).hasSize(3);
        assertThat(typo.get(1).toString()).contains("Reconsrtuction", "tomography").doesNotContain("radiology");
        assertThat(typo.get(2).toString()).contains("Ter-Pogossian").doesNotContain("tomography");
        // one-letter words split off by an apostrophe are not searched
        assertThat(RequestMatcher.queries(IllRequest.builder("r").title("Danton's death").build()).get(0).toString())
                .contains("Danton death");
        List<org.navette.query.Query> body = RequestMatcher.queries(IllRequest.builder("r").title("A plan for college computers")
                .author("Washington (State). State Board for Community College Education").build());
        assertThat(body).hasSize(2).allSatisfy(q -> assertThat(q.toString()).doesNotContain("Education"));
        assertThat(org.navette.ill.internal.Citations.looksCorporate("Workshop on Standards for Image Pattern Recognition")).isTrue();
        assertThat(org.navette.ill.internal.Citations.looksCorporate("United States. Office of Education")).isTrue();
        assertThat(org.navette.ill.internal.Citations.looksCorporate("FEDLINK (Network)")).isTrue();
        assertThat(org.navette.ill.internal.Citations.looksCorporate("W. Chapman")).isFalse();
        assertThat(org.navette.ill.internal.Citations.looksCorporate("Victor Hugo")).isFalse();
        assertThat(org.navette.ill.internal.Citations.looksCorporate("Institut national de la statistique, France")).isFalse();
    }
}
