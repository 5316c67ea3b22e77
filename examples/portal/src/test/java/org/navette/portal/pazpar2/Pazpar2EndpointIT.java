package org.navette.portal.pazpar2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.navette.federation.Federation;
import org.navette.target.TargetConfig;
import org.navette.testpeers.ZebraPeer;
import org.w3c.dom.Element;

/**
 * The request sequence pz2.js sends, replayed against the endpoint over a federation of real Zebra
 * (Z39.50 and SRU, the same 10 records for title "computer") and one dead port, every answer read
 * as XML and checked against pazpar2's protocol: element names and order, counts that agree, the
 * targets' states.
 */
class Pazpar2EndpointIT {
    private static final String WINDOW = "pz2window";
    private static ZebraPeer zebra;
    private static Federation federation;
    private static Pazpar2Endpoint endpoint;
    private static Pz2Client client;

    @BeforeAll
    static void start() throws Exception {
        zebra = ZebraPeer.start();
        federation = Federation.builder()
                .target(TargetConfig.fromMap(Map.of("id", "zebra", "name", "Zebra over Z39.50", "protocol", "z3950",
                        "host", "127.0.0.1", "port", zebra.port(), "database", ZebraPeer.MARC21, "syntax", "usmarc",
                        "format", "marc21")))
                .target(TargetConfig.fromMap(Map.of("id", "zebra-sru", "name", "Zebra over SRU", "protocol", "sru",
                        "url", zebra.sruUrl(ZebraPeer.MARC21), "version", "1.2", "recordSchema", "marcxml",
                        "indexes", Map.of("title", "dc.title"))))
                .target(Pazpar2EndpointTest.deadTarget())
                .deadline(Duration.ofSeconds(20))
                .build();
        endpoint = Pazpar2Endpoint.builder(federation).blockTimeout(Duration.ofSeconds(5)).build();
        client = new Pz2Client(endpoint);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (federation != null) {
            federation.close();
        }
        if (zebra != null) {
            zebra.close();
        }
    }

    @Test
    void thePz2jsSequenceSearchesPollsPagesAndFetchesARecordAsPazpar2Answers() throws Exception {
        // init, as pz2.js sends it
        Element init = client.get("command", "init").root();
        assertThat(Pz2Xml.text(init, "status")).isEqualTo("OK");
        assertThat(Pz2Xml.text(init, "protocol")).isEqualTo("1");
        String session = Pz2Xml.text(init, "session");

        // search: pz2.js's parameters, in its order
        Element search = client.get("command", "search", "query", "ti=computer", "session", session, "windowid", WINDOW)
                .root();
        assertThat(search.getTagName()).isEqualTo("search");
        assertThat(Pz2Xml.childNames(search)).containsExactly("status");
        assertThat(Pz2Xml.text(search, "status")).isEqualTo("OK");

        // the polling pz2.js does after a search: show (block=1), stat, termlist, bytarget (block=1), until no client is active
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int rounds = 0;
        Element show;
        Element stat;
        while (true) {
            rounds++;
            show = client.get("command", "show", "session", session, "start", "0", "num", "20", "sort", "relevance",
                    "block", "1", "type", "xml", "windowid", WINDOW).root();
            checkShow(show, 0);
            stat = client.get("command", "stat", "session", session, "windowid", WINDOW).root();
            checkStat(stat);
            checkTermlist(client.get("command", "termlist", "session", session, "name", "xtargets,subject,author,date,medium",
                    "windowid", WINDOW, "version", "undefined").root());
            Element bytarget = client.get("command", "bytarget", "session", session, "block", "1", "windowid", WINDOW,
                    "version", "undefined").root();
            checkBytarget(bytarget);
            if (Pz2Xml.number(stat, "activeclients") == 0 && Pz2Xml.number(show, "activeclients") == 0) {
                break;
            }
            assertThat(System.nanoTime()).as("the search ends within 60 s").isLessThan(deadline);
        }
        assertThat(rounds).isGreaterThanOrEqualTo(1);

        // the end: every target finished; Zebra's 10 hits twice (Z39.50 and SRU), the dead port none
        assertThat(Pz2Xml.number(stat, "clients")).isEqualTo(3);
        assertThat(Pz2Xml.number(stat, "hits")).isEqualTo(20);
        assertThat(Pz2Xml.number(stat, "idle")).isEqualTo(2);
        assertThat(Pz2Xml.number(stat, "failed") + Pz2Xml.number(stat, "error")).isEqualTo(1);
        assertThat(Pz2Xml.text(stat, "progress")).isEqualTo("1.00");
        show = client.get("command", "show", "session", session, "start", "0", "num", "20", "sort", "relevance",
                "block", "1").root();
        long merged = Pz2Xml.number(show, "merged");
        assertThat(merged).isBetween(1L, 20L);
        assertThat(Pz2Xml.children(show, "hit")).hasSize((int) Math.min(20, merged));
        // the same record over Z39.50 and SRU is one hit with two locations
        Element best = Pz2Xml.children(show, "hit").get(0);
        assertThat(Pz2Xml.text(best, "md-title").toLowerCase(java.util.Locale.ROOT)).contains("computer");
        Set<String> locations = new HashSet<>();
        Pz2Xml.children(best, "location").forEach(l -> locations.add(l.getAttribute("id")));
        assertThat(locations).containsExactlyInAnyOrder("zebra", "zebra-sru");

        Element bytarget = client.get("command", "bytarget", "session", session, "block", "1").root();
        Map<String, Element> byId = new java.util.HashMap<>();
        Pz2Xml.children(bytarget, "target").forEach(t -> byId.put(Pz2Xml.text(t, "id"), t));
        assertThat(byId).containsOnlyKeys("zebra", "zebra-sru", "dead");
        for (String live : List.of("zebra", "zebra-sru")) {
            assertThat(Pz2Xml.text(byId.get(live), "state")).isEqualTo("Client_Idle");
            assertThat(Pz2Xml.number(byId.get(live), "hits")).isEqualTo(10);
            assertThat(Pz2Xml.number(byId.get(live), "records")).isEqualTo(10);
            assertThat(Pz2Xml.number(byId.get(live), "diagnostic")).isZero();
        }
        Element dead = byId.get("dead");
        assertThat(Pz2Xml.text(dead, "name")).isEqualTo("Nobody home");
        assertThat(Pz2Xml.text(dead, "state")).isIn("Client_Failed", "Client_Error");
        assertThat(Pz2Xml.number(dead, "diagnostic")).isPositive();
        assertThat(Pz2Xml.childNames(dead)).containsExactly("id", "name", "hits", "diagnostic", "message", "addinfo",
                "records", "filtered", "state");

        Element xtargets = Pz2Xml.children(client.get("command", "termlist", "session", session, "name", "xtargets").root(),
                "list").get(0);
        assertThat(Pz2Xml.children(xtargets, "term")).extracting(t -> Pz2Xml.text(t, "id"))
                .containsExactlyInAnyOrder("zebra", "zebra-sru");
        assertThat(Pz2Xml.children(xtargets, "term")).allSatisfy(t -> assertThat(Pz2Xml.number(t, "frequency")).isEqualTo(10));

        // record: the merged record of a hit, then one of its records raw (MARCXML)
        String recid = Pz2Xml.text(best, "recid");
        Element record = client.get("command", "record", "session", session, "id", recid, "windowid", WINDOW).root();
        assertThat(record.getTagName()).isEqualTo("record");
        assertThat(Pz2Xml.childNames(record).subList(0, 2)).containsExactly("recid", "activeclients");
        assertThat(Pz2Xml.text(record, "recid")).isEqualTo(recid);
        assertThat(Pz2Xml.text(record, "md-title")).isEqualTo(Pz2Xml.text(best, "md-title"));
        assertThat(Pz2Xml.children(record, "location")).hasSize((int) Pz2Xml.number(best, "count"));
        Element raw = client.get("command", "record", "session", session, "id", recid, "offset", "0").root();
        assertThat(raw.getLocalName()).isEqualTo("record");
        assertThat(raw.getNamespaceURI()).isEqualTo("http://www.loc.gov/MARC21/slim");
        assertThat(Pz2Xml.children(raw, "leader")).hasSize(1);
        assertThat(Pz2Xml.children(raw, "datafield")).isNotEmpty();
        Pz2Client.Answer beyond = client.get("command", "record", "session", session, "id", recid, "offset", "99");
        assertThat(beyond.root().getAttribute("code")).isEqualTo("10");
        Pz2Client.Answer unknown = client.get("command", "record", "session", session, "id", "no-such-recid");
        assertThat(unknown.status()).isEqualTo(417);
        assertThat(unknown.root().getAttribute("code")).isEqualTo("7");
        assertThat(unknown.root().getTextContent()).isEqualTo("no-such-recid");

        // paging and sorting as pz2.js's showPage/showNext send them
        List<String> allByTitle = recids(client.get("command", "show", "session", session, "start", "0", "num",
                Long.toString(merged), "sort", "title:1", "block", "1").root());
        assertThat(allByTitle).hasSize((int) merged).doesNotHaveDuplicates();
        Element page = client.get("command", "show", "session", session, "start", "2", "num", "3", "sort", "title:1").root();
        checkShow(page, 2);
        assertThat(Pz2Xml.number(page, "num")).isEqualTo(Math.max(0, Math.min(3, merged - 2)));
        assertThat(recids(page)).containsExactlyElementsOf(allByTitle.subList((int) Math.min(2, merged),
                (int) Math.min(5, merged)));
        List<String> titles = Pz2Xml.children(client.get("command", "show", "session", session, "start", "0", "num", "100",
                "sort", "title:1").root(), "hit").stream().map(h -> Pz2Xml.text(h, "md-title")).toList();
        assertThat(titles).hasSize((int) merged);
        List<String> reversed = recids(client.get("command", "show", "session", session, "start", "0", "num", "100",
                "sort", "title:0").root());
        List<String> expectedReversed = new ArrayList<>(allByTitle);
        java.util.Collections.reverse(expectedReversed);
        assertThat(reversed).containsExactlyElementsOf(expectedReversed);
        List<Integer> newestFirst = Pz2Xml.children(client.get("command", "show", "session", session, "num", "100",
                "sort", "date:0").root(), "hit").stream().filter(h -> !Pz2Xml.children(h, "md-date").isEmpty())
                .map(h -> Integer.parseInt(Pz2Xml.text(h, "md-date").replaceAll("-.*", ""))).toList();
        assertThat(newestFirst).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Element past = client.get("command", "show", "session", session, "start", "500", "num", "20").root();
        assertThat(Pz2Xml.number(past, "num")).isZero();
        assertThat(Pz2Xml.children(past, "hit")).isEmpty();

        // keep-alive, as pz2.js's timer sends it
        Element ping = client.get("command", "ping", "session", session, "windowid", WINDOW).root();
        assertThat(Pz2Xml.text(ping, "status")).isEqualTo("OK");
    }

    @Test
    void aSecondSearchInTheSessionReplacesTheFirstAndAPostedFormWorksLikeAGet() throws Exception {
        String session = Pz2Xml.text(client.post("command", "init").root(), "session");
        client.post("command", "search", "session", session, "query", "ti=nosuchwordanywhere");
        Element search = client.post("command", "search", "session", session, "query", "ti=computer", "filter",
                "pz:id=zebra").root();
        assertThat(Pz2Xml.text(search, "status")).isEqualTo("OK");

        Element bytarget = awaitEnd(session);
        assertThat(Pz2Xml.children(bytarget, "target")).extracting(t -> Pz2Xml.text(t, "id")).containsExactly("zebra");
        Element show = client.post("command", "show", "session", session, "num", "5").root();
        assertThat(Pz2Xml.number(show, "total")).isEqualTo(10);
        assertThat(Pz2Xml.children(show, "hit")).hasSize(5).allSatisfy(h -> assertThat(Pz2Xml.children(h, "location"))
                .extracting(l -> l.getAttribute("id")).containsOnly("zebra"));
        Element termlist = client.post("command", "termlist", "session", session).root();
        assertThat(Pz2Xml.children(termlist, "list")).extracting(l -> l.getAttribute("name"))
                .containsExactly("xtargets", "author", "subject", "date", "medium", "language");
        Element medium = Pz2Xml.children(termlist, "list").get(4);
        assertThat(Pz2Xml.children(medium, "term")).extracting(t -> Pz2Xml.text(t, "name")).contains("book");
    }

    @Test
    void sessionsSearchingAtOnceEachSeeTheirOwnCompleteResult() throws Exception {
        int users = 6;
        java.util.concurrent.ExecutorService browsers = java.util.concurrent.Executors.newFixedThreadPool(users);
        try {
            List<java.util.concurrent.Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String query = i % 2 == 0 ? "ti=computer" : "ti=nosuchwordanywhere";
                results.add(browsers.submit(() -> {
                    String session = Pz2Xml.text(client.get("command", "init").root(), "session");
                    client.get("command", "search", "session", session, "query", query, "filter", "pz:id=zebra|zebra-sru");
                    awaitEnd(session);
                    Element show = client.get("command", "show", "session", session, "num", "100").root();
                    return new long[] {Pz2Xml.number(show, "total"), Pz2Xml.children(show, "hit").size(),
                            Pz2Xml.number(show, "merged")};
                }));
            }
            for (int i = 0; i < users; i++) {
                long[] r = results.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat(r[0]).as("user %d total", i).isEqualTo(20);
                    assertThat(r[1]).as("user %d hits", i).isEqualTo(r[2]).isPositive();
                } else {
                    assertThat(r).as("user %d", i).containsExactly(0, 0, 0);
                }
            }
        } finally {
            browsers.shutdownNow();
        }
    }

    /** Polls bytarget with block=1, as pz2.js does, until no target is working. */
    private static Element awaitEnd(String session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Element b = client.get("command", "bytarget", "session", session, "block", "1").root();
            boolean working = Pz2Xml.children(b, "target").stream().map(t -> Pz2Xml.text(t, "state"))
                    .anyMatch(s -> s.equals("Client_Working") || s.equals("Client_Connecting"));
            if (!working) {
                return b;
            }
            assertThat(System.nanoTime()).as("the search ends within 60 s").isLessThan(deadline);
        }
    }

    private static List<String> recids(Element show) {
        return Pz2Xml.children(show, "hit").stream().map(h -> Pz2Xml.text(h, "recid")).toList();
    }

    private static void checkShow(Element show, long start) {
        assertThat(show.getTagName()).isEqualTo("show");
        List<String> names = Pz2Xml.childNames(show);
        assertThat(names.subList(0, 6)).containsExactly("status", "activeclients", "merged", "total", "start", "num");
        assertThat(names.subList(6, names.size())).containsOnly("hit");
        assertThat(Pz2Xml.text(show, "status")).isEqualTo("OK");
        long merged = Pz2Xml.number(show, "merged");
        long total = Pz2Xml.number(show, "total");
        assertThat(merged).isLessThanOrEqualTo(total);
        assertThat(Pz2Xml.number(show, "start")).isEqualTo(start);
        List<Element> hits = Pz2Xml.children(show, "hit");
        assertThat(Pz2Xml.number(show, "num")).isEqualTo(hits.size());
        for (Element hit : hits) {
            List<String> h = Pz2Xml.childNames(hit);
            assertThat(h).allMatch(n -> n.startsWith("md-") || n.equals("location") || n.equals("count")
                    || n.equals("relevance") || n.equals("recid"));
            assertThat(h.get(h.size() - 1)).isEqualTo("recid");
            assertThat(h).containsOnlyOnce("count", "recid").contains("md-title");
            assertThat(h.indexOf("count")).isGreaterThan(h.lastIndexOf("location"));
            List<Element> locations = Pz2Xml.children(hit, "location");
            assertThat(Pz2Xml.number(hit, "count")).isEqualTo(locations.size()).isPositive();
            for (Element l : locations) {
                assertThat(l.getAttribute("id")).isIn("zebra", "zebra-sru");
                assertThat(l.getAttribute("name")).isIn("Zebra over Z39.50", "Zebra over SRU");
                assertThat(Pz2Xml.childNames(l)).allMatch(n -> n.startsWith("md-"));
            }
        }
    }

    private static void checkStat(Element stat) {
        assertThat(stat.getTagName()).isEqualTo("stat");
        assertThat(Pz2Xml.childNames(stat)).containsExactly("activeclients", "hits", "records", "clients", "unconnected",
                "connecting", "working", "idle", "failed", "error", "progress");
        long sum = 0;
        for (String n : List.of("unconnected", "connecting", "working", "idle", "failed", "error")) {
            sum += Pz2Xml.number(stat, n);
        }
        assertThat(sum).isEqualTo(Pz2Xml.number(stat, "clients"));
        assertThat(Pz2Xml.number(stat, "activeclients"))
                .isEqualTo(Pz2Xml.number(stat, "connecting") + Pz2Xml.number(stat, "working"));
    }

    private static void checkTermlist(Element termlist) {
        assertThat(termlist.getTagName()).isEqualTo("termlist");
        assertThat(Pz2Xml.childNames(termlist)).containsExactly("activeclients", "list", "list", "list", "list", "list");
        assertThat(Pz2Xml.children(termlist, "list")).extracting(l -> l.getAttribute("name"))
                .containsExactly("xtargets", "subject", "author", "date", "medium");
        for (Element list : Pz2Xml.children(termlist, "list")) {
            for (Element term : Pz2Xml.children(list, "term")) {
                assertThat(Pz2Xml.text(term, "name")).isNotBlank();
                assertThat(Pz2Xml.number(term, "frequency")).isPositive();
            }
            if (list.getAttribute("name").equals("xtargets")) {
                for (Element term : Pz2Xml.children(list, "term")) {
                    assertThat(Pz2Xml.childNames(term)).containsExactly("id", "name", "frequency", "state", "diagnostic");
                }
            }
        }
    }

    private static void checkBytarget(Element bytarget) {
        assertThat(bytarget.getTagName()).isEqualTo("bytarget");
        assertThat(Pz2Xml.text(bytarget, "status")).isEqualTo("OK");
        List<Element> targets = Pz2Xml.children(bytarget, "target");
        assertThat(targets).extracting(t -> Pz2Xml.text(t, "id")).containsExactly("zebra", "zebra-sru", "dead");
        for (Element t : targets) {
            assertThat(Pz2Xml.text(t, "state")).isIn("Client_Connecting", "Client_Idle", "Client_Working", "Client_Error",
                    "Client_Failed", "Client_Disconnected");
            assertThat(Pz2Xml.number(t, "hits")).isNotNegative();
            assertThat(Pz2Xml.number(t, "records")).isNotNegative();
        }
    }
}
