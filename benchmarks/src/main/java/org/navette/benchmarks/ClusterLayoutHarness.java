package org.navette.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.CoreContainer;

/**
 * Flat linked documents (what the Solr store writes: one document per member, one merged document
 * per cluster, linked by a cluster id) against Solr nested documents (one block per cluster: the
 * merged record as parent, the members as children) on the same synthetic clusters, in two embedded
 * Solr cores with the same minimal schema (plus {@code _root_} and {@code _nest_path_} for the nested
 * one). Measures the three operations the union catalogue does most: change one member of a
 * cluster, move a member to another cluster, and search (a page of works, then their members). Each
 * update batch is committed as the store commits (hard commit, new searcher); the load commits
 * every 2,000 documents in both layouts.
 *
 * <p>The documents are synthetic (a title of three words out of 500, a 2 KB stored "fullrecord"),
 * so the figures compare the two layouts, not a real catalogue's speed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.navette.benchmarks.ClusterLayoutHarness --clusters 10000 --members 4
 * </pre>
 *
 * <p>Thread-safety: a program; one thread.
 */
public final class ClusterLayoutHarness {
    private static final String SCHEMA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <schema name="layout" version="1.6">
              <uniqueKey>id</uniqueKey>
              <fieldType name="string" class="solr.StrField"/>
              <fieldType name="boolean" class="solr.BoolField"/>
              <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
              <fieldType name="nest_path" class="solr.NestPathField"/>
              <fieldType name="text" class="solr.TextField"><analyzer><tokenizer class="solr.StandardTokenizerFactory"/>
                <filter class="solr.LowerCaseFilterFactory"/></analyzer></fieldType>
              <field name="_version_" type="plong" indexed="false" stored="false"/>
              NESTED_FIELDS
              <field name="id" type="string" indexed="true" stored="true" required="true"/>
              <field name="doc_type" type="string" indexed="true" stored="true"/>
              <field name="cluster_id" type="string" indexed="true" stored="true"/>
              <field name="merged_child_boolean" type="boolean" indexed="true" stored="true"/>
              <field name="title" type="text" indexed="true" stored="true"/>
              <field name="building" type="string" indexed="true" stored="true" multiValued="true"/>
              <field name="fullrecord" type="string" indexed="false" stored="true"/>
            </schema>
            """;
    private static final String CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config>
              <luceneMatchVersion>9.12</luceneMatchVersion>
              <dataDir>${solr.data.dir:}</dataDir>
              <schemaFactory class="ClassicIndexSchemaFactory"/>
              <indexConfig><ramBufferSizeMB>128</ramBufferSizeMB></indexConfig>
              <updateHandler class="solr.DirectUpdateHandler2"><updateLog><str name="dir">${solr.ulog.dir:}</str></updateLog></updateHandler>
              <query><filterCache size="512" initialSize="128" autowarmCount="0"/></query>
              <requestHandler name="/select" class="solr.SearchHandler"/>
              <requestHandler name="/update" class="solr.UpdateRequestHandler"/>
            </config>
            """;
    private static final int WORDS = 500;
    private static final int BATCH = 200;

    private final int clusters;
    private final int members;
    private final List<String> fillers = new ArrayList<>();
    /** cluster -> its member numbers (globally unique), as they are after the moves so far. */
    private final List<List<Integer>> layout = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();

    private ClusterLayoutHarness(int clusters, int members) {
        this.clusters = clusters;
        this.members = members;
        Random r = new Random(42);
        for (int i = 0; i < 1000; i++) {
            StringBuilder b = new StringBuilder(2048);
            while (b.length() < 2048) {
                b.append((char) ('a' + r.nextInt(26)));
                if (r.nextInt(6) == 0) {
                    b.append(' ');
                }
            }
            fillers.add(b.toString());
        }
        int next = 0;
        for (int c = 0; c < clusters; c++) {
            List<Integer> m = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                m.add(next++);
            }
            layout.add(m);
            titles.add("w" + r.nextInt(WORDS) + " w" + r.nextInt(WORDS) + " w" + r.nextInt(WORDS));
        }
    }

    public static void main(String[] args) throws Exception {
        int clusters = 20_000;
        int members = 4;
        int changes = 2_000;
        int queries = 500;
        int rounds = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--clusters" -> clusters = v;
                case "--members" -> members = v;
                case "--changes" -> changes = v;
                case "--queries" -> queries = v;
                case "--rounds" -> rounds = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --clusters, --members, --changes, --queries, --rounds)");
            }
        }
        if (members < 2 || clusters < 3 * changes) {
            throw new IllegalArgumentException("--members must be >= 2 and --clusters >= 3 x --changes");
        }
        System.out.printf(Locale.ROOT, "%d clusters x %d members, %d changes, %d moves, %d searches, batches of %d%n",
                clusters, members, changes, changes, queries, BATCH);
        // the first round warms the JVM up; compare the later ones
        for (int round = 1; round <= rounds; round++) {
            System.out.println("round " + round);
            // alternate which layout runs first, so neither always gets the warmer JVM
            for (boolean nested : round % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                new ClusterLayoutHarness(clusters, members).run(nested, changes, queries);
            }
        }
    }

    private void run(boolean nested, int changes, int queries) throws Exception {
        Path home = Files.createTempDirectory("navette-layout-");
        Path conf = Files.createDirectories(home.resolve("layout/conf"));
        Files.writeString(home.resolve("solr.xml"), "<solr/>");
        Files.writeString(home.resolve("layout/core.properties"), "name=layout\n");
        // the flat core has no _root_/_nest_path_, as the store's own schema: with _root_ declared,
        // Solr would update every document by its block
        Files.writeString(conf.resolve("schema.xml"), SCHEMA.replace("NESTED_FIELDS", nested
                ? "<field name=\"_root_\" type=\"string\" indexed=\"true\" stored=\"false\"/>"
                        + "<field name=\"_nest_path_\" type=\"nest_path\"/>"
                : ""));
        Files.writeString(conf.resolve("solrconfig.xml"), CONFIG);
        CoreContainer container = CoreContainer.createAndLoad(home);
        String name = nested ? "nested" : "flat  ";
        try (SolrClient solr = new EmbeddedSolrServer(container, "layout")) {
            // load
            long t0 = System.nanoTime();
            long sent = 0;
            List<SolrInputDocument> docs = new ArrayList<>();
            long committed = 0;
            for (int c = 0; c < clusters; c++) {
                sent += cluster(c, nested, docs);
                if (sent - committed >= 2000) {     // counted in documents, children included
                    commit(solr, docs);
                    committed = sent;
                }
            }
            commit(solr, docs);
            report(name, "load", clusters, sent, t0);

            // change one member in each of `changes` clusters
            t0 = System.nanoTime();
            sent = 0;
            int pending = 0;
            for (int c = 0; c < changes; c++) {
                if (nested) {
                    sent += cluster(c, true, docs);     // the block, whole
                } else {
                    docs.add(member(c, layout.get(c).get(0), "changed"));
                    docs.add(merged(c));
                    sent += 2;
                }
                if (++pending == BATCH) {
                    commit(solr, docs);
                    pending = 0;
                }
            }
            commit(solr, docs);
            report(name, "change", changes, sent, t0);

            // move one member from cluster A to cluster B for `changes` pairs
            t0 = System.nanoTime();
            sent = 0;
            pending = 0;
            for (int i = 0; i < changes; i++) {
                int from = changes + 2 * i;
                int to = from + 1;
                Integer moving = layout.get(from).remove(layout.get(from).size() - 1);
                layout.get(to).add(moving);
                if (nested) {
                    // a child cannot leave its block: both blocks are sent again (each replaces its old block)
                    sent += cluster(from, true, docs) + cluster(to, true, docs);
                } else {
                    docs.add(member(to, moving, "moved"));
                    docs.add(merged(from));
                    docs.add(merged(to));
                    sent += 3;
                }
                if (++pending == BATCH) {
                    commit(solr, docs);
                    pending = 0;
                }
            }
            commit(solr, docs);
            report(name, "move", changes, sent, t0);
            checkLayout(solr, nested);

            // search: a page of 10 works by a title word, with their members
            Random r = new Random(7);
            long requests = 0;
            long found = 0;
            t0 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                String word = "w" + r.nextInt(WORDS);
                if (nested) {
                    SolrQuery q = new SolrQuery("title:" + word).addFilterQuery("doc_type:cluster").setRows(10)
                            // children take the top-level field list (a child fl here came back as ids only), so the
                            // parents' building and fullrecord are read too: a small handicap for this layout
                            .setFields("id", "building", "fullrecord", "members", "[child limit=-1]");
                    QueryResponse resp = solr.query(q);
                    requests++;
                    for (SolrDocument d : resp.getResults()) {
                        Object children = d.getFieldValue("members");
                        found += children instanceof java.util.Collection<?> list ? list.size() : children == null ? 0 : 1;
                    }
                } else {
                    SolrQuery q = new SolrQuery("title:" + word).addFilterQuery("-merged_child_boolean:true")
                            .setRows(10).setFields("id", "cluster_id");
                    QueryResponse resp = solr.query(q);
                    requests++;
                    List<String> ids = new ArrayList<>();
                    resp.getResults().forEach(d -> ids.add(d.getFirstValue("cluster_id").toString()));
                    if (!ids.isEmpty()) {
                        SolrQuery m = new SolrQuery("{!terms f=cluster_id}" + String.join(",", ids))
                                .addFilterQuery("doc_type:member").setRows(10 * members * 2)
                                .setFields("id", "building", "fullrecord");
                        found += solr.query(m).getResults().size();
                        requests++;
                    }
                }
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "%s search  %6d searches  %6d requests  %7d members read  %8.0f ms  %6.2f ms/search%n",
                    name, queries, requests, found, ms, ms / queries);
            System.out.printf(Locale.ROOT, "%s index   %6.1f MB on disk%n", name, size(home) / 1e6);
        } finally {
            container.shutdown();
            delete(home);
        }
    }

    /** Appends cluster {@code c}'s documents; returns how many. */
    private int cluster(int c, boolean nested, List<SolrInputDocument> out) {
        List<Integer> m = layout.get(c);
        SolrInputDocument parent = merged(c);
        if (nested) {
            List<SolrInputDocument> children = new ArrayList<>();
            for (Integer id : m) {
                children.add(member(c, id, "v"));
            }
            parent.setField("members", children);
            out.add(parent);
        } else {
            for (Integer id : m) {
                out.add(member(c, id, "v"));
            }
            out.add(parent);
        }
        return m.size() + 1;
    }

    private SolrInputDocument merged(int c) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", "cluster!" + c);
        d.setField("doc_type", "cluster");
        d.setField("cluster_id", "c" + c);
        d.setField("merged_child_boolean", false);
        d.setField("title", titles.get(c));
        List<String> libraries = new ArrayList<>();
        layout.get(c).forEach(m -> libraries.add("lib" + (m % 30)));
        d.setField("building", libraries);
        d.setField("fullrecord", fillers.get(c % fillers.size()));
        return d;
    }

    private SolrInputDocument member(int c, int m, String version) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", "m" + m);
        d.setField("doc_type", "member");
        d.setField("cluster_id", "c" + c);
        d.setField("merged_child_boolean", true);
        d.setField("title", titles.get(c) + " " + version);
        d.setField("building", List.of("lib" + (m % 30)));
        d.setField("fullrecord", fillers.get((int) ((m * 7919L) % fillers.size())));
        return d;
    }

    /** Both layouts must end with every member once, in the cluster it was moved to. */
    private void checkLayout(SolrClient solr, boolean nested) throws Exception {
        long expected = (long) clusters * members;
        long stored = solr.query(new SolrQuery("doc_type:member").setRows(0)).getResults().getNumFound();
        int probe = layout.size() - 1;
        for (int c = 0; c < layout.size(); c++) {
            if (layout.get(c).size() > members) {
                probe = c;
                break;
            }
        }
        String q = nested ? "{!child of=doc_type:cluster}id:cluster\\!" + probe : "cluster_id:c" + probe;
        long inProbe = solr.query(new SolrQuery(q).addFilterQuery("doc_type:member").setRows(0)).getResults().getNumFound();
        if (stored != expected || inProbe != layout.get(probe).size()) {
            throw new IllegalStateException((nested ? "nested" : "flat") + ": " + stored + " members stored (expected "
                    + expected + "), cluster " + probe + " has " + inProbe + " (expected " + layout.get(probe).size() + ")");
        }
    }

    private static void commit(SolrClient solr, List<SolrInputDocument> docs) throws Exception {
        if (docs.isEmpty()) {
            return;
        }
        UpdateRequest u = new UpdateRequest();
        u.add(new ArrayList<>(docs));
        u.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        u.process(solr);
        docs.clear();
    }

    private static void report(String name, String what, int n, long sent, long t0) {
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%s %-7s %6d operations  %7d docs sent  %8.0f ms  %6.3f ms/operation%n",
                name, what, n, sent, ms, ms / n);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().contains("/index/") && Files.isRegularFile(p)).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
