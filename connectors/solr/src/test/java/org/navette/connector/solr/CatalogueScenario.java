package org.navette.connector.solr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.Record;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.CatalogueStats;
import org.navette.catalogue.CatalogueStore;
import org.navette.catalogue.ExportFormat;
import org.navette.catalogue.FileSource;
import org.navette.catalogue.IngestSummary;
import org.navette.catalogue.StoredMember;
import org.navette.testing.MarcFiles;

/**
 * One union-catalogue scenario on real files, run the same way on any store so that stores can be
 * compared: three libraries (two MARC21 exports that overlap by 20 records, one UNIMARC file), the
 * same export again, a smaller changed export of one library (deletes, a record that moves to
 * another cluster), that library removed, an export, and the library's first export loaded again.
 */
final class CatalogueScenario {
    static final String CORPUS = "/org/navette/normalise/corpus/";
    static final String LUL = CORPUS + "1-marc21/evergreen/lul_fre_100.mrc";
    static final String UNIMARC = CORPUS + "2-unimarc/medialab-reference_manager/cotesMEL.mrc";

    /** What a store holds, in terms every store must agree on. */
    record Snapshot(CatalogueStats stats, Map<String, String> memberFingerprints, Set<Set<String>> clusters,
            Map<String, String> sourceStates) {
    }

    /** What the scenario saw at each step. */
    record Outcome(Map<String, Snapshot> steps, Map<String, IngestSummary> summaries, byte[] exportedMel,
            String movingMember, String movedTo) {
    }

    private final Path dir;
    private final List<byte[]> lul;

    CatalogueScenario(Path dir) throws IOException {
        this.dir = dir;
        this.lul = records(resource(LUL));
    }

    static byte[] resource(String name) {
        return MarcFiles.resource(name);
    }

    /** ISO 2709 records of a file, as they are (split on the record terminator). */
    static List<byte[]> records(byte[] file) {
        return MarcFiles.split(file);
    }

    Path file(String name, List<byte[]> records) {
        return MarcFiles.write(dir.resolve(name), records);
    }

    String memberId(String library, int index) {
        Record r = new MarcStreamReader(new ByteArrayInputStream(lul.get(index))).next();
        return library + ":" + r.getControlNumber().strip();
    }

    /** Record {@code from}'s content under record {@code idOf}'s 001. */
    private byte[] contentUnderId(int from, int idOf) {
        Record source = new MarcStreamReader(new ByteArrayInputStream(lul.get(from))).next();
        Record target = new MarcStreamReader(new ByteArrayInputStream(lul.get(idOf))).next();
        ((ControlField) source.getVariableField("001")).setData(((ControlField) target.getVariableField("001")).getData());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter w = new MarcStreamWriter(out);
        w.write(source);
        w.close();
        return out.toByteArray();
    }

    Outcome run(CatalogueStore store) throws IOException {
        Path a = file("a.mrc", lul.subList(0, 60));
        Path b = file("b.mrc", lul.subList(40, 100));
        Path mel = dir.resolve("cotesMEL.mrc");
        Files.write(mel, resource(UNIMARC));
        List<byte[]> smaller = new ArrayList<>(lul.subList(40, 80));   // 20 records gone
        smaller.set(5, contentUnderId(10, 45));                        // b's record 45 now describes record 10
        Path bSmaller = file("b-smaller.mrc", smaller);

        Catalogue catalogue = Catalogue.builder(store).batchSize(25).build();
        Map<String, Snapshot> steps = new LinkedHashMap<>();
        Map<String, IngestSummary> summaries = new LinkedHashMap<>();
        summaries.put("a", catalogue.load("a", FileSource.of(a)));
        summaries.put("b", catalogue.load("b", FileSource.of(b)));
        summaries.put("mel", catalogue.load("mel", FileSource.of(mel)));
        steps.put("built", snapshot(store, List.of("a", "b", "mel")));
        summaries.put("a again", catalogue.load("a", FileSource.of(a)));
        steps.put("a again", snapshot(store, List.of("a", "b", "mel")));
        summaries.put("b smaller", catalogue.load("b", FileSource.of(bSmaller)));
        steps.put("b smaller", snapshot(store, List.of("a", "b", "mel")));
        String moving = memberId("b", 45);
        String movedTo = store.members(List.of(moving)).get(0).clusterId();
        summaries.put("b removed", catalogue.removeLibrary("b"));
        steps.put("b removed", snapshot(store, List.of("a", "b", "mel")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        catalogue.export("mel", out, ExportFormat.MARCXML);
        summaries.put("b back", catalogue.load("b", FileSource.of(b)));
        steps.put("b back", snapshot(store, List.of("a", "b", "mel")));
        return new Outcome(steps, summaries, out.toByteArray(), moving, movedTo);
    }

    static Snapshot snapshot(CatalogueStore store, List<String> libraries) {
        Map<String, String> fingerprints = new TreeMap<>();
        Map<String, Set<String>> byCluster = new TreeMap<>();
        for (String library : libraries) {
            store.forEachMember(library, m -> {
                fingerprints.put(m.id(), m.fingerprint());
                byCluster.computeIfAbsent(m.clusterId(), k -> new TreeSet<>()).add(m.id());
            });
        }
        // every member read through membersOfClusters is where forEachMember said it is
        for (StoredMember m : store.membersOfClusters(byCluster.keySet())) {
            if (!byCluster.get(m.clusterId()).contains(m.id())) {
                throw new AssertionError(m.id() + " in " + m.clusterId() + " only by membersOfClusters");
            }
        }
        Map<String, String> sources = new TreeMap<>(store.states("source:"));
        return new Snapshot(store.stats(), fingerprints, Set.copyOf(byCluster.values()), sources);
    }
}
