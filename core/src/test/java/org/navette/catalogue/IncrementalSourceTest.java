package org.navette.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.testing.InMemoryCatalogueStore;

/**
 * Incremental sources (how OAI-PMH and SRU harvests reach the catalogue): the state handed back,
 * deletions by local id, and a failing source that keeps the previous state. The source is a
 * scripted stand-in for the pipeline's own logic; real harvesters are tested in their modules.
 */
class IncrementalSourceTest {

    /** Scripts by spec, so {@link Catalogue#harvest()} can open the same source again through the factory. */
    static final Map<String, List<Step>> SCRIPTS = new ConcurrentHashMap<>();

    /** One read: the state it expects, the records (by index into the file) with local ids, deletions, and whether it fails. */
    record Step(@Nullable String expectedState, List<Integer> records, List<String> deletions, boolean fails, String next) {
    }

    public static final class ScriptedFactory implements CatalogueSourceFactory {
        @Override
        public String scheme() {
            return "scripted";
        }

        @Override
        public CatalogueSource open(String spec) {
            return new Scripted(spec);
        }
    }

    static final class Scripted implements CatalogueSource {
        private final String spec;

        Scripted(String spec) {
            this.spec = spec;
        }

        @Override
        public String spec() {
            return spec;
        }

        @Override
        public boolean fullExport() {
            return false;
        }

        @Override
        public String read(@Nullable String state, Normaliser normaliser, SourceSink sink) {
            Step step = SCRIPTS.get(spec).remove(0);
            assertEquals(step.expectedState(), state);
            List<ReadResult> all = records(normaliser);
            for (int i : step.records()) {
                sink.record(all.get(i), "oai:" + i);
            }
            step.deletions().forEach(sink::deleted);
            if (step.fails()) {
                throw new CatalogueException("scripted failure of " + spec);
            }
            return step.next();
        }
    }

    static List<ReadResult> records(Normaliser normaliser) {
        List<ReadResult> out = new ArrayList<>();
        try (InputStream in = IncrementalSourceTest.class.getResourceAsStream(
                "/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_100.mrc");
                MarcFileReader r = MarcFileReader.open(in, "lul", normaliser)) {
            r.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void harvestsAddChangeDeleteAndKeepTheStateOfTheLastCompleteRead() {
        String spec = "scripted:koha#" + System.nanoTime();
        SCRIPTS.put(spec, new ArrayList<>(List.of(
                new Step(null, List.of(0, 1, 2, 3, 4), List.of(), false, "2026-12-01"),
                new Step("2026-12-01", List.of(5), List.of("oai:1", "oai:77"), false, "2026-12-02"),
                new Step("2026-12-02", List.of(6), List.of(), true, "never"),
                new Step("2026-12-02", List.of(), List.of("oai:2"), false, "2026-12-03"))));
        InMemoryCatalogueStore store = new InMemoryCatalogueStore();
        Catalogue catalogue = Catalogue.builder(store).batchSize(2).build();

        IngestSummary first = catalogue.load("koha", CatalogueSource.open(spec));
        assertEquals(5, first.added());
        assertTrue(store.allMembers().containsKey("koha:oai:3"), store.allMembers().keySet().toString());
        assertEquals(Map.of("koha", List.of(spec)), catalogue.sources());

        List<IngestSummary> second = catalogue.harvest();
        assertEquals(1, second.size());
        assertEquals(1, second.get(0).added());
        assertEquals(1, second.get(0).deleted(), "a deletion of a record never stored counts nothing");
        assertFalse(store.allMembers().containsKey("koha:oai:1"));
        assertEquals(5, store.stats().records());

        assertThrows(CatalogueException.class, catalogue::harvest);
        assertTrue(store.allMembers().containsKey("koha:oai:6"), "what the failing read delivered is kept");
        assertEquals(Map.of("harvest:koha:" + spec, "2026-12-02"), store.states("harvest:"));

        IngestSummary fourth = catalogue.harvest().get(0);
        assertEquals(1, fourth.deleted());
        assertEquals(Map.of("harvest:koha:" + spec, "2026-12-03"), store.states("harvest:"));
        assertEquals(5, store.stats().records());
        assertTrue(store.states("journal:").isEmpty());
    }
}
