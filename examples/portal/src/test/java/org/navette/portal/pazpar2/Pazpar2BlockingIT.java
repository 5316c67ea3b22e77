package org.navette.portal.pazpar2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.navette.federation.Federation;
import org.navette.target.TargetConfig;
import org.navette.testpeers.ZtestPeer;
import org.w3c.dom.Element;

/**
 * {@code block=1} against yaz-ztest answering late: {@code show} waits for the first records (not
 * for the block timeout), and gives up after the block timeout when none come.
 */
class Pazpar2BlockingIT {
    private static ZtestPeer ztest;

    @BeforeAll
    static void start() throws Exception {
        ztest = ZtestPeer.start();
    }

    @AfterAll
    static void stop() {
        if (ztest != null) {
            ztest.close();
        }
    }

    private static Federation federation(String database) {
        return Federation.builder().target(TargetConfig.fromMap(Map.of("id", "ztest", "protocol", "z3950", "host", "127.0.0.1",
                "port", ztest.port(), "database", database, "timeout", "30s"))).deadline(Duration.ofSeconds(30)).build();
    }

    @Test
    void showWithBlockWaitsForTheFirstRecordsOfATargetThatAnswersLate() throws Exception {
        try (Federation f = federation(ZtestPeer.delayedDatabase("1", null, null));
             Pazpar2Endpoint endpoint = Pazpar2Endpoint.builder(f).blockTimeout(Duration.ofSeconds(60)).build();
             Pz2Client client = new Pz2Client(endpoint)) {
            String session = Pz2Xml.text(client.get("command", "init").root(), "session");
            client.get("command", "search", "session", session, "query", "7");

            // the target answers a second after the search: a show that did not wait would have no hit
            Element show = client.get("command", "show", "session", session, "block", "1").root();
            assertThat(Pz2Xml.number(show, "num")).isPositive();
            assertThat(Pz2Xml.number(show, "total")).isEqualTo(7);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Pz2Xml.number(show, "activeclients") > 0) {
                show = client.get("command", "show", "session", session, "block", "1").root();
                assertThat(System.nanoTime()).as("the search ends within 60 s").isLessThan(deadline);
            }
            assertThat(Pz2Xml.number(show, "num")).isEqualTo(7);

            // once the search has ended, block=1 has nothing to wait for
            long before = System.nanoTime();
            client.get("command", "show", "session", session, "block", "1");
            client.get("command", "bytarget", "session", session, "block", "1");
            client.get("command", "bytarget", "session", session, "block", "1");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void showWithBlockGivesUpAfterTheBlockTimeoutWhenNoRecordsCome() throws Exception {
        try (Federation f = federation("Slow5");
             Pazpar2Endpoint endpoint = Pazpar2Endpoint.builder(f).blockTimeout(Duration.ofMillis(300)).build();
             Pz2Client client = new Pz2Client(endpoint)) {
            String session = Pz2Xml.text(client.get("command", "init").root(), "session");
            client.get("command", "search", "session", session, "query", "7");

            Element show = client.get("command", "show", "session", session, "block", "1").root();

            assertThat(Pz2Xml.text(show, "status")).isEqualTo("OK");
            assertThat(Pz2Xml.number(show, "activeclients")).isEqualTo(1);
            assertThat(Pz2Xml.number(show, "num")).isZero();
            Element stop = client.get("command", "stop", "session", session).root();
            assertThat(Pz2Xml.text(stop, "status")).isEqualTo("OK");
        }
    }
}
