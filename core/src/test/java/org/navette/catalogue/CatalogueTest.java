package org.navette.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.Record;
import org.navette.catalogue.internal.MarcXmlCodec;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.testing.InMemoryCatalogueStore;
import org.navette.testing.MarcFiles;

/** The ingest pipeline on real MARC21 and UNIMARC files, as libraries of one union catalogue. */
class CatalogueTest {
    private static final String CORPUS = "/org/navette/normalise/corpus/";
    private static final String LUL = CORPUS + "1-marc21/evergreen/lul_fre_100.mrc";
    private static final String UNIMARC = CORPUS + "2-unimarc/medialab-reference_manager/cotesMEL.mrc";

    private static List<byte[]> lul;

    @TempDir
    static Path dir;

    @BeforeAll
    static void split() throws IOException {
        lul = records(resource(LUL));
    }

    private static byte[] resource(String name) {
        return MarcFiles.resource(name);
    }

    /** ISO 2709 records of a file, as they are (split on the record terminator). */
    private static List<byte[]> records(byte[] file) {
        return MarcFiles.split(file);
    }

    private static Path file(String name, List<byte[]> records) {
        return MarcFiles.write(dir.resolve(name), records);
    }

    private static Path resourceFile(String name) throws IOException {
        Path p = dir.resolve(Path.of(name).getFileName());
        Files.write(p, resource(name));
        return p;
    }

    /** Record {@code from}'s content under record {@code idOf}'s 001 (marc4j keeps the bytes: no conversion). */
    private static byte[] contentUnderId(int from, int idOf) {
        Record source = new MarcStreamReader(new ByteArrayInputStream(lul.get(from))).next();
        Record target = new MarcStreamReader(new ByteArrayInputStream(lul.get(idOf))).next();
        ((ControlField) source.getVariableField("001")).setData(((ControlField) target.getVariableField("001")).getData());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter w = new MarcStreamWriter(out);
        w.write(source);
        w.close();
        return out.toByteArray();
    }

    private static Catalogue catalogue(CatalogueStore store, int batchSize) {
        return Catalogue.builder(store).batchSize(batchSize).build();
    }

    /** Every member names a stored cluster that lists it; every cluster has members, each naming it. */
    private static void assertConsistent(InMemoryCatalogueStore store) {
        Map<String, List<String>> clusters = store.clusters();
        Map<String, StoredMember> members = store.allMembers();
        for (StoredMember m : members.values()) {
            List<String> c = clusters.get(m.clusterId());
            assertTrue(c != null && c.contains(m.id()), m.id() + " names cluster " + m.clusterId() + " = " + c);
        }
        for (Map.Entry<String, List<String>> e : clusters.entrySet()) {
            assertFalse(e.getValue().isEmpty(), "cluster without members: " + e.getKey());
            for (String id : e.getValue()) {
                StoredMember m = members.get(id);
                assertTrue(m != null && m.clusterId().equals(e.getKey()), "cluster " + e.getKey() + " lists " + id);
            }
        }
        assertTrue(store.states("journal:").isEmpty(), "journal left: " + store.states("journal:"));
    }

    @Test
    void buildsFromMarc21AndUnimarcLibrariesAndReingestsNothing() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 30);
        Path a = resourceFile(LUL);
        Path u = resourceFile(UNIMARC);
        IngestSummary sa = catalogue.load("lul", FileSource.of(a));
        IngestSummary su = catalogue.load("mel", FileSource.of(u));
        assertEquals(lul.size(), sa.read());
        assertEquals(sa.read() - sa.problems().size(), sa.added());
        assertTrue(su.added() > 0, su.toString());
        CatalogueStats stats = store.stats();
        assertEquals(sa.added() + su.added(), stats.records());
        assertEquals(Map.of("lul", sa.added(), "mel", su.added()), stats.libraries());
        assertTrue(stats.clusters() <= stats.records() && stats.clusters() > 0);
        assertConsistent(store);
        assertEquals(Map.of("lul", List.of(a.toString()), "mel", List.of(u.toString())), catalogue.sources());

        int applies = store.applies();
        IngestSummary again = catalogue.load("lul", FileSource.of(a));
        assertEquals(0, again.added() + again.changed() + again.deleted(), again.toString());
        assertEquals(sa.added(), again.unchanged());
        assertEquals(stats, store.stats());
        // one change set: the source state with the last (empty) batch; no member or cluster written
        assertEquals(applies + 1, store.applies());
    }

    @Test
    void sameRecordsInTwoLibrariesFormOneClusterWithBothLibrariesHoldings() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 25);
        catalogue.load("a", FileSource.of(file("a.mrc", lul.subList(0, 60))));
        catalogue.load("b", FileSource.of(file("b.mrc", lul.subList(40, 100))));
        assertConsistent(store);
        long shared = store.clusters().keySet().stream().map(store::cluster)
                .filter(c -> c != null && c.origins().containsAll(List.of("a", "b"))).count();
        // the 20 records both libraries sent, at least (the file may hold duplicates of its own)
        assertTrue(shared >= 18, "clusters held by both libraries: " + shared);
        StoredMember b45 = store.members(List.of(memberId("b", 45))).get(0);
        Cluster c = store.cluster(b45.clusterId());
        assertTrue(c.origins().contains("a") && c.origins().contains("b"), c.toString());
        assertEquals(c.holdingsByLibrary().keySet(), c.origins().stream()
                .filter(o -> !c.holdingsByLibrary().getOrDefault(o, List.of()).isEmpty())
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** A bulk loader writing {@code StoredMember.of} gives what ingest stores: ingest then sees its members as unchanged. */
    @Test
    void aMemberMadeByStoredMemberOfIsTheOneIngestStores() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 25);
        Path a = file("a.mrc", lul.subList(0, 30));
        catalogue.load("a", FileSource.of(a));
        Map<String, StoredMember> stored = store.allMembers();
        int compared = 0;
        for (BibRecord r : org.navette.testing.MarcFiles.read(a)) {
            StoredMember ingested = stored.get("a:" + r.source().recordId());
            if (ingested == null) {
                continue;   // a record the file repeats under one id
            }
            BibRecord member = r.toBuilder(new org.navette.model.RecordSource("a", r.source().recordId())).build();
            StoredMember made = StoredMember.of(member, ingested.clusterId(), ingested.position(),
                    catalogue.matcher().keys(member), ingested.firstIndexed());
            assertEquals(ingested, made);
            compared++;
        }
        assertTrue(compared >= 25, "members compared: " + compared);
    }

    @Test
    void storedClustersANewLibraryDoesNotJoinAreNeitherReadAgainNorRewritten() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 50);
        catalogue.load("a", FileSource.of(file("ra.mrc", lul.subList(0, 80))));
        Map<String, List<String>> before = store.clusters();
        long read = store.originalsRead();
        int applies = store.applies();

        catalogue.load("b", FileSource.of(file("rb.mrc", lul.subList(60, 100))));

        assertConsistent(store);
        // the original records read again are exactly the stored members of the clusters b's records joined
        long joinedMembers = 0;
        long rewritten = 0;
        for (Map.Entry<String, List<String>> e : store.clusters().entrySet()) {
            boolean joined = e.getValue().stream().anyMatch(id -> id.startsWith("b:"));
            if (joined) {
                joinedMembers += e.getValue().stream().filter(id -> id.startsWith("a:")).count();
            } else if (!e.getValue().equals(before.get(e.getKey()))) {
                rewritten++;
            }
        }
        assertTrue(joinedMembers >= 18, "a's members in clusters b joined: " + joinedMembers);
        assertEquals(joinedMembers, store.originalsRead() - read, "original records read again");
        assertEquals(0, rewritten, "clusters without b's records that changed");
        assertTrue(store.applies() > applies);
    }

    @Test
    void aMemberJoiningAStoredWorkWritesNoDocumentOfTheMembersThatStayAsTheyWere() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 25);
        Path first40 = file("j40.mrc", lul.subList(0, 40));
        for (String library : List.of("a", "b")) {
            catalogue.load(library, FileSource.of(first40));   // works held by a and b, merged
        }
        Map<String, List<String>> pairs = store.clusters();
        long written = store.memberWrites();

        IngestSummary c = catalogue.load("c", FileSource.of(first40));

        assertConsistent(store);
        long grown = 0;
        for (Map.Entry<String, List<String>> e : store.clusters().entrySet()) {
            List<String> was = pairs.get(e.getKey());
            if (was != null && was.size() > 1 && e.getValue().size() == was.size() + 1) {
                grown++;
                assertEquals(was, e.getValue().subList(0, was.size()), "a grown work keeps its members in place");
            }
        }
        assertTrue(grown >= 30, "works of a and b that c joined: " + grown);
        // only c's own records are written: a's and b's members kept their cluster, place and merged state
        assertEquals(c.added(), store.memberWrites() - written, "member documents written by c's load");
    }

    private static String memberId(String library, int index) {
        Record r = new MarcStreamReader(new ByteArrayInputStream(lul.get(index))).next();
        return library + ":" + r.getControlNumber().strip();
    }

    @Test
    void aSmallerChangedExportDeletesAndMovesAndRemovingALibraryDissolvesItsShare() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 25);
        catalogue.load("a", FileSource.of(file("a2.mrc", lul.subList(0, 60))));
        IngestSummary first = catalogue.load("b", FileSource.of(file("b2.mrc", lul.subList(40, 100))));
        String moving = memberId("b", 45);
        String before = store.members(List.of(moving)).get(0).clusterId();
        assertEquals(before, store.members(List.of(memberId("a", 45))).get(0).clusterId());

        List<byte[]> smaller = new ArrayList<>(lul.subList(40, 80));   // 20 records gone
        smaller.set(5, contentUnderId(10, 45));                        // b's record 45 now describes record 10
        IngestSummary replaced = catalogue.load("b", FileSource.of(file("b2.mrc", smaller)));
        assertEquals(1, replaced.changed(), replaced.toString());
        assertEquals(first.added() - 40 + (replaced.deleted() - 20), first.added() - 40);
        assertEquals(20, replaced.deleted());
        assertConsistent(store);
        StoredMember moved = store.members(List.of(moving)).get(0);
        assertEquals(store.members(List.of(memberId("a", 10))).get(0).clusterId(), moved.clusterId());
        assertNotEquals(before, moved.clusterId());
        assertEquals(40, store.stats().libraries().get("b"));

        long aRecords = store.stats().libraries().get("a");
        IngestSummary removed = catalogue.removeLibrary("b");
        assertEquals(40, removed.deleted());
        assertConsistent(store);
        assertEquals(Map.of("a", aRecords), store.stats().libraries());
        assertTrue(store.clusters().keySet().stream().allMatch(id -> id.startsWith("a:")), store.clusters().keySet().toString());
        assertFalse(catalogue.sources().containsKey("b"));
    }

    @Test
    void exportGivesBackTheRecordsAsSentInFileOrder() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 40);
        Path u = resourceFile(UNIMARC);
        IngestSummary s = catalogue.load("mel", FileSource.of(u));
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(s.added(), catalogue.export("mel", out, format));
            List<String> exported = new ArrayList<>();
            try (MarcFileReader r = MarcFileReader.open(new ByteArrayInputStream(out.toByteArray()), "x",
                    Normaliser.ofDefaults())) {
                r.forEachRemaining(x -> exported.add(MarcXmlCodec.toXml(x.record().marc().orElseThrow())));
            }
            List<String> sent = new ArrayList<>();
            try (MarcFileReader r = MarcFileReader.open(u, Normaliser.ofDefaults())) {
                r.forEachRemaining(x -> {
                    if (x.readable() && !x.record().source().recordId().startsWith("#")) {
                        sent.add(MarcXmlCodec.toXml(x.record().marc().orElseThrow()));
                    }
                });
            }
            if (format == ExportFormat.ISO2709) {
                // lengths, base address and the character coding are ISO 2709's framing of UTF-8, not content
                sent.replaceAll(CatalogueTest::withoutLeader);
                exported.replaceAll(CatalogueTest::withoutLeader);
            }
            assertEquals(sent, exported, format.toString());
        }
    }

    @Test
    void anEmptyOrUnreadableExportKeepsTheLibrarysRecords() throws IOException {
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = catalogue(store, 10);
        catalogue.load("a", FileSource.of(file("good.mrc", lul.subList(0, 20))));
        int stored = store.allMembers().size();
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Path empty = Files.write(dir.resolve("empty.mrc"), new byte[0]);
        Path random = Files.write(dir.resolve("random.mrc"), junk);
        for (Path bad : List.of(empty, random)) {
            IngestSummary s = catalogue.load("a", FileSource.of(bad));
            assertEquals(0, s.deleted(), bad + ": " + s);
            assertEquals(stored, store.allMembers().size(), bad.toString());
            assertTrue(s.problems().stream().anyMatch(p -> p.message().contains("records are kept")), s.problems().toString());
        }
        assertConsistent(store);
        // a real, smaller export still replaces the contribution
        IngestSummary smaller = catalogue.load("a", FileSource.of(file("smaller.mrc", lul.subList(0, 15))));
        assertEquals(5, smaller.deleted(), smaller.toString());
        assertEquals(stored - 5, store.allMembers().size());
    }

    private static String withoutLeader(String xml) {
        return xml.replaceAll("<marc:leader>[^<]*</marc:leader>", "");
    }

    @Test
    void aBrokenRecordIsReportedWithItsPositionAndTheRestLoads() throws IOException {
        List<byte[]> records = new ArrayList<>(lul.subList(0, 20));
        byte[] broken = records.get(2).clone();
        Arrays.fill(broken, 12, 17, (byte) 'x');          // base address of data: not digits
        Arrays.fill(broken, 24, Math.min(broken.length - 1, 60), (byte) 0x1E);   // directory destroyed
        records.set(2, broken);
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        List<org.navette.model.RecordProblem> heard = new ArrayList<>();
        Catalogue catalogue = Catalogue.builder(store).batchSize(7).listener(new IngestListener() {
            @Override
            public void problem(org.navette.model.RecordProblem problem) {
                heard.add(problem);
            }
        }).build();
        Path f = file("broken.mrc", records);
        IngestSummary s = catalogue.load("a", FileSource.of(f));
        assertEquals(20, s.read());
        // record 9 of the file has no 001 of its own and is reported too
        assertEquals(List.of(3L, 9L), s.problems().stream().map(org.navette.model.RecordProblem::position).toList(),
                s.problems().toString());
        assertEquals(18, s.added(), s.toString());
        assertTrue(s.problems().stream().allMatch(p -> p.file().endsWith("broken.mrc")), s.problems().toString());
        assertEquals(s.problems(), heard);
        assertFalse(store.allMembers().containsKey(memberId("a", 2)));
        assertConsistent(store);
    }

    @Test
    void aCrashInTheMiddleOfAChangeSetIsRepairedByRunningTheSameLoadAgain() throws IOException {
        Path a = file("ca.mrc", lul.subList(0, 70));
        Path b = file("cb.mrc", lul.subList(30, 100));
        InMemoryCatalogueStore clean = new InMemoryCatalogueStore();
        Catalogue reference = catalogue(clean, 20);
        reference.load("a", FileSource.of(a));
        reference.load("b", FileSource.of(b));

        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        catalogue(store, 20).load("a", FileSource.of(a));
        // b's second batch: journal (3rd apply), then its change set (4th) torn after 13 writes
        store.crashDuring(4, 13);
        assertThrows(CatalogueException.class, () -> catalogue(store, 20).load("b", FileSource.of(b)));
        assertFalse(store.states("journal:").isEmpty());

        catalogue(store, 20).load("b", FileSource.of(b));
        assertConsistent(store);
        assertEquals(clean.stats(), store.stats());
        assertEquals(clean.allMembers().keySet(), store.allMembers().keySet());
    }

    @Test
    void readableRecordsWithoutAnIdOrWithARepeatedIdAreReported() throws IOException {
        List<byte[]> records = new ArrayList<>(lul.subList(0, 5));
        records.add(lul.get(1));
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        IngestSummary s = catalogue(store, 10).load("a", FileSource.of(file("dup.mrc", records)));
        assertEquals(5, s.added());
        assertEquals(1, s.problems().size());
        assertEquals(6, s.problems().get(0).position());
        assertTrue(s.problems().get(0).message().contains("first record"), s.problems().toString());
    }

    @Test
    void readResultPositionsAreOneBased() throws IOException {
        try (MarcFileReader r = MarcFileReader.open(file("one.mrc", lul.subList(0, 1)), Normaliser.ofDefaults())) {
            ReadResult first = r.next();
            assertEquals(1, first.position());
        }
    }
}
