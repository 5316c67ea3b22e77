package org.navette.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.model.Author;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

class ClustererTest {

    private static BibRecord book(String origin, String id, String title, String author, int year, String isbn) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, id), RecordFormat.MARC21)
                .titleProper(title).addAuthor(Author.personal(author)).year(year).materialType(MaterialType.BOOK);
        if (isbn != null) {
            b.addIsbn(Isbn.parse(isbn).orElseThrow());
        }
        return b.build();
    }

    @Test
    void recordsOfOneEditionFromSeveralTargetsFormOneClusterWithAStableId() {
        Clusterer clusterer = Clusterer.create();

        ClusterUpdate first = clusterer.add(book("zebra", "12", "The computer bible", "Collins, J.", 1990, "0836968433"));
        ClusterUpdate second = clusterer.add(book("koha", "99", "Computer bible", "J. Collins", 1990, "9780836968439"));
        ClusterUpdate other = clusterer.add(book("koha", "100", "Gödel, Escher, Bach", "Hofstadter, Douglas", 1979, null));

        assertThat(first.created()).isTrue();
        assertThat(first.clusterId()).isEqualTo("zebra:12");
        assertThat(second.created()).isFalse();
        assertThat(second.clusterId()).isEqualTo("zebra:12");
        assertThat(second.explanation()).hasValueSatisfying(e -> assertThat(e.decisiveRules())
                .extracting(MatchRule::name).contains("isbn"));
        assertThat(other.created()).isTrue();
        assertThat(clusterer.clusters()).extracting(Cluster::id).containsExactly("zebra:12", "koha:100");
        assertThat(clusterer.assignments()).containsExactly("zebra:12", "zebra:12", "koha:100");
    }

    @Test
    void aChainDoesNotPullTwoUnrelatedRecordsTogether() {
        // B looks like A (same ISBN, weak title) and like C (same title, author, year), but A and C
        // are different books: C must not join the A+B cluster through B.
        BibRecord a = book("t1", "a", "Handbook of chemistry", "Smith, Ann", 2001, "0836968433");
        BibRecord b = book("t2", "b", "Handbook of physics", "Smith, Ann", 2001, "0836968433");
        BibRecord c = book("t3", "c", "Handbook of physics", "Smith, Ann", 2001, null);
        Matcher m = Matcher.ofDefaults();
        assertThat(m.matches(a, b)).as("a~b").isTrue();
        assertThat(m.matches(b, c)).as("b~c").isTrue();
        assertThat(m.matches(a, c)).as("a~c").isFalse();

        Clusterer clusterer = Clusterer.create(m);
        clusterer.addAll(List.of(a, b, c));

        assertThat(clusterer.clusters()).hasSize(2);
        assertThat(clusterer.assignments()).containsExactly("t1:a", "t1:a", "t3:c");
    }

    private static BibRecord.Builder hitler(String origin, String id) {
        return BibRecord.builder(new RecordSource(origin, id), RecordFormat.MARC21).titleProper("Adolf Hitler")
                .addAuthor(Author.personal("Grünberg, Karol")).year(1994).extent("350 s.").materialType(MaterialType.BOOK);
    }

    @Test
    void aRecordBridgingTwoCompatibleClustersMergesThemUnderTheOlderId() {
        // with one record per blocking key, the score fills the title blocks: X and Y never meet,
        // until Z arrives carrying both X's ISBN and Y's OCLC number
        Clusterer clusterer = Clusterer.create(Matcher.of(MatchSettings.builder().maxBlockSize(1).build()));
        BibRecord score = hitler("t0", "0").materialType(MaterialType.SCORE).build();
        BibRecord x = hitler("t1", "1").addIsbn(Isbn.parse("8085194759").orElseThrow()).build();
        BibRecord y = hitler("t2", "2").addIdentifier(new Identifier(IdentifierScheme.OCLC, "123456")).build();
        BibRecord z = hitler("t3", "3").addIsbn(Isbn.parse("8085194759").orElseThrow())
                .addIdentifier(new Identifier(IdentifierScheme.OCLC, "ocm00123456")).build();
        clusterer.addAll(List.of(score, x, y));
        assertThat(clusterer.clusters()).as("x and y never compared").hasSize(3);

        ClusterUpdate u = clusterer.add(z);

        assertThat(clusterer.clusters()).extracting(Cluster::id).containsExactly("t0:0", "t1:1");
        assertThat(u.clusterId()).isEqualTo("t1:1");
        assertThat(u.absorbedClusterIds()).containsExactly("t2:2");
        assertThat(clusterer.assignments()).containsExactly("t0:0", "t1:1", "t1:1", "t1:1");
        assertThat(clusterer.clusters().get(1).members()).containsExactly(x, y, z);
    }

    @Test
    void snapshotsAreImmutableAndReuseUnchangedClusters() {
        Clusterer clusterer = Clusterer.create();
        clusterer.add(book("a", "1", "The computer bible", "Collins, J.", 1990, "0836968433"));
        clusterer.add(book("a", "2", "Gödel, Escher, Bach", "Hofstadter, Douglas", 1979, null));
        List<Cluster> before = clusterer.clusters();

        clusterer.add(book("b", "7", "Gödel, Escher, Bach", "Hofstadter, D.", 1979, null));
        List<Cluster> after = clusterer.clusters();

        assertThat(before).hasSize(2);
        assertThat(before.get(1).size()).isEqualTo(1);
        assertThat(after.get(0)).isSameAs(before.get(0));
        assertThat(after.get(1)).isNotSameAs(before.get(1));
        assertThat(after.get(1).size()).isEqualTo(2);
        assertThat(clusterer.clusters()).isSameAs(after);
    }

    @Test
    void theMergedViewUnitesIdentifiersAndHoldingsAndPrefersTheRicherOrPreferredRecord() {
        BibRecord thin = BibRecord.builder(new RecordSource("opac", "x"), RecordFormat.HTML)
                .titleProper("The computer bible").addAuthor(Author.personal("Collins, J.")).year(1990)
                .addIsbn(Isbn.parse("0836968433").orElseThrow())
                .addHolding(Holding.builder().callNumber("QA 76").availability(Availability.AVAILABLE).build()).build();
        BibRecord rich = BibRecord.builder(new RecordSource("zebra", "12"), RecordFormat.MARC21)
                .titleProper("The computer bible").addAuthor(Author.personal("Collins, J.")).year(1990)
                .publisher("Ventura").extent("512 p.").addSubject("Computers").materialType(MaterialType.BOOK)
                .addIsbn(Isbn.parse("0836968433").orElseThrow())
                .addIdentifier(new Identifier(IdentifierScheme.LCCN, "89012345"))
                .addHolding(Holding.builder().library("BSG").callNumber("8 Z 1").build())
                .addHolding(Holding.builder().library("BSG").callNumber("8 Z 2").build()).build();
        Clusterer clusterer = Clusterer.create();
        clusterer.addAll(List.of(thin, rich));
        Cluster c = clusterer.clusters().get(0);

        assertThat(c.representative()).isSameAs(rich);
        assertThat(c.isbns()).extracting(Isbn::isbn13).containsExactly("9780836968439");
        assertThat(c.identifiers()).contains(new Identifier(IdentifierScheme.LCCN, "89012345"));
        assertThat(c.holdingsByLibrary()).containsOnlyKeys("opac", "BSG");
        assertThat(c.holdingsByLibrary().get("BSG")).hasSize(2);
        assertThat(c.origins()).containsExactly("opac", "zebra");

        Clusterer preferring = Clusterer.create(Matcher.of(MatchSettings.builder().sourcePriority(List.of("opac")).build()));
        preferring.addAll(List.of(rich, thin));
        assertThat(preferring.clusters().get(0).representative()).isSameAs(thin);
    }

    @Test
    void recordsAddedFromSeveralThreadsAreEachPlacedOnce() throws Exception {
        Clusterer clusterer = Clusterer.create();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ClusterUpdate>> updates = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                // forty works, five copies each, from five "targets" answering at once
                updates.add(pool.submit(() -> clusterer.add(book("target" + n % 5, "r" + n,
                        "Work number " + (n % 40) + " of the collected series", "Author" + (n % 40) + ", A.", 1950 + n % 40, null))));
            }
            for (java.util.concurrent.Future<ClusterUpdate> u : updates) {
                assertThat(u.get().clusterId()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(clusterer.size()).isEqualTo(200);
        assertThat(clusterer.clusters()).hasSize(40);
        assertThat(clusterer.clusters().stream().mapToInt(Cluster::size).sum()).isEqualTo(200);
    }

    @Test
    void aSecondRecordWithTheSameSourceGetsADistinctClusterId() {
        Clusterer clusterer = Clusterer.create();
        clusterer.add(book("f.mrc", "#1", "Alpha centauri", "Doe, J.", 2000, null));
        ClusterUpdate u = clusterer.add(book("f.mrc", "#1", "Beta lyrae", "Roe, K.", 1950, null));

        assertThat(u.clusterId()).isEqualTo("f.mrc:#1~2");
    }

    @Test
    void aSeededClusterStaysAsItIsAndLaterRecordsJoinItByItsStoredKeys() {
        Matcher m = Matcher.ofDefaults();
        BibRecord a = book("lib1", "1", "The computer bible", "Collins, J.", 1990, "0836968433");
        BibRecord b = book("lib2", "7", "Computer bible", "J. Collins", 1990, "9780836968439");
        // stored keys, as a union catalogue keeps them: decoded, not computed from the records
        MatchKeys ka = MatchKeys.fromCode(m.keys(a).toCode(), a.source()).orElseThrow();
        MatchKeys kb = MatchKeys.fromCode(m.keys(b).toCode(), b.source()).orElseThrow();
        Clusterer clusterer = Clusterer.create(m);
        clusterer.seed("lib1:1", List.of(ka.record(), kb.record()), List.of(ka, kb), m.keys(a).blockingKeys());
        clusterer.seed("lib3:5", List.of(book("lib3", "5", "Gödel, Escher, Bach", "Hofstadter, Douglas", 1979, null)),
                List.of(m.keys(book("lib3", "5", "Gödel, Escher, Bach", "Hofstadter, Douglas", 1979, null))), List.of("x"));

        ClusterUpdate joined = clusterer.add(book("lib4", "9", "The computer bible", "Collins, James", 1990, "0836968433"));
        ClusterUpdate apart = clusterer.add(book("lib4", "10", "Gödel, Escher, Bach", "Hofstadter, Douglas", 1979, null));

        assertThat(joined.clusterId()).isEqualTo("lib1:1");
        assertThat(joined.created()).isFalse();
        // the second seeded cluster gave no real blocking key: a twin cannot find it
        assertThat(apart.created()).isTrue();
        assertThat(clusterer.clusters()).extracting(Cluster::id).containsExactly("lib1:1", "lib3:5", "lib4:10");
        assertThat(clusterer.clusters().get(0).members()).extracting(r -> r.source().toString())
                .containsExactly("lib1:1", "lib2:7", "lib4:9");
        assertThat(clusterer.assignments()).containsExactly("lib1:1", "lib1:1", "lib3:5", "lib1:1", "lib4:10");
    }

    @Test
    void seedingRefusesATakenIdAndKeysThatAreNotTheFirstMembers() {
        Matcher m = Matcher.of(MatchSettings.builder().maxComparedMembers(1).build());
        BibRecord a = book("lib1", "1", "The computer bible", "Collins, J.", 1990, "0836968433");
        BibRecord b = book("lib2", "7", "Computer bible", "J. Collins", 1990, "9780836968439");
        Clusterer clusterer = Clusterer.create(m);
        clusterer.add(a);
        assertThatThrownBy(() -> clusterer.seed("lib1:1", List.of(b), List.of(m.keys(b)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> clusterer.seed("lib2:7", List.of(b, a), List.of(m.keys(b), m.keys(a)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first 1");
    }

    @Test
    void aCopyFromTheSourceOfAClustersMemberIsAssessedAfreshNotLikeItsEarlierCopies() {
        // the same record from t2, t3 and t4 is refused by t1:1 (another author); from t1 with t1:1's
        // own id it is t1:1 delivered again, whatever its copies were told
        Matcher m = Matcher.ofDefaults();
        BibRecord member = book("t1", "1", "Handbook of physics", "Smith, Ann", 2001, null);
        List<BibRecord> copies = List.of(book("t2", "1", "Handbook of physics", "Jones, Bob", 2001, null),
                book("t3", "1", "Handbook of physics", "Jones, Bob", 2001, null),
                book("t4", "1", "Handbook of physics", "Jones, Bob", 2001, null));
        BibRecord again = book("t1", "1", "Handbook of physics", "Jones, Bob", 2001, null);
        assertThat(m.matches(member, copies.get(0))).isFalse();
        assertThat(m.matches(member, again)).isTrue();

        Clusterer clusterer = Clusterer.create(m);
        clusterer.add(member);
        assertThat(copies).extracting(r -> clusterer.add(r).clusterId()).containsOnly("t2:1");
        assertThat(clusterer.add(again).clusterId()).isEqualTo("t1:1");
    }

    @Test
    void copiesOfRecordsFromManyTargetsClusterAsIfEachWereNew() {
        // the reference stream makes every record's keys unique by a statement of responsibility,
        // which the scorer reads only when a record has no author: no assessment can be reused there
        String[] titles = {"Handbook of physics", "Handbook of chemistry", "The computer bible", "Computer bible"};
        String[] authors = {"Smith, Ann", "Smith, A.", "Jones, Bob", "Collins, J."};
        java.util.Random random = new java.util.Random(7);
        List<BibRecord> stream = new java.util.ArrayList<>();
        List<BibRecord> unique = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String origin = "t" + random.nextInt(30);
            String id = Integer.toString(random.nextInt(4));
            String title = titles[random.nextInt(titles.length)];
            String author = authors[random.nextInt(authors.length)];
            int year = 2000 + random.nextInt(3);
            String isbn = random.nextBoolean() ? null : random.nextBoolean() ? "0836968433" : "9780262510875";
            BibRecord record = book(origin, id, title, author, year, isbn);
            stream.add(record);
            unique.add(record.toBuilder().responsibility("copy " + i).build());
        }
        Clusterer reused = Clusterer.create();
        Clusterer fresh = Clusterer.create();
        stream.forEach(reused::add);
        unique.forEach(fresh::add);

        assertThat(reused.clusters().size()).isGreaterThan(4);
        assertThat(reused.assignments()).isEqualTo(fresh.assignments());
    }
}
