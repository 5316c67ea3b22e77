package org.navette.connector.z3950;

import java.time.Clock;
import java.util.List;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.connector.z3950.internal.ZoomLibrary;
import org.navette.query.Query;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;

/** Target configurations and factories for the tests, and searches with hand-written PQF. */
final class TestTargets {
    private TestTargets() {
    }

    /** The factory under test, with this multiplexer (or its own when null) and clock. */
    static Z3950ConnectorFactory factory(Z3950Multiplexer mux, Clock clock) {
        return new Z3950ConnectorFactory(ZoomLibrary.DEFAULT_NAMES, mux, clock);
    }

    static Z3950ConnectorFactory factory() {
        return factory(null, Clock.systemUTC());
    }

    static TargetConfig.Builder zebra(ZebraPeer zebra, String database) {
        return TargetConfig.builder("zebra-" + database, "z3950").set("host", zebra.host()).set("port", zebra.port())
                .set("database", database);
    }

    static TargetConfig.Builder ztest(ZtestPeer ztest, String database) {
        return TargetConfig.builder("ztest", "z3950").set("host", ztest.host()).set("port", ztest.port())
                .set("database", database);
    }

    static SearchRequest.Builder request() {
        return SearchRequest.builder(Query.any("unused: the tests pass PQF"));
    }

    static SearchOutcome search(ZoomConnector c, String pqf, SearchRequest request, SearchListener listener) {
        return c.searchPqf(pqf, List.of(), request, listener);
    }
}
