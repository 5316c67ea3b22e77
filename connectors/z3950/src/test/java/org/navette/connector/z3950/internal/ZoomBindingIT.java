package org.navette.connector.z3950.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZtestPeer;

/** The JNA binding itself, used the synchronous way ZOOM's own examples do, with its object counts. */
@ExtendWith(Peers.class)
class ZoomBindingIT {
    private final ZoomLibrary zoom = ZoomLibrary.load(ZoomLibrary.DEFAULT_NAMES);

    @Test
    void aClonedRecordOutlivesItsResultSetAndIsCountedUntilDestroyed(ZtestPeer ztest) {
        ZoomConnection c = zoom.createConnection(Map.of("databaseName", "Default", "preferredRecordSyntax", "usmarc",
                "count", "2"));
        c.connect(ztest.host(), ztest.port()); // synchronous: no "async" option
        ZoomResultSet rs = c.searchPqf("2");
        ZoomRecord borrowed = rs.recordNow(0);
        byte[] original = borrowed.bytes("raw");

        ZoomRecord copy = borrowed.copy();
        rs.destroy();

        assertThat(zoom.counts().live(NativeCounts.Kind.RESULT_SET)).isZero();
        assertThat(zoom.counts().live(NativeCounts.Kind.RECORD)).isEqualTo(1);
        assertThat(copy.bytes("raw")).isEqualTo(original);
        assertThat(copy.text("syntax")).isEqualTo("USmarc");
        copy.destroy();
        copy.destroy(); // idempotent
        c.destroy();
        assertThat(zoom.counts().live()).isZero();
        assertThat(zoom.counts().createdSoFar(NativeCounts.Kind.OPTIONS)).isEqualTo(1);
    }

    @Test
    void aConnectionErrorCarriesItsDiagnosticSetAndAdditionalInformation(ZtestPeer ztest) {
        ZoomConnection c = zoom.createConnection(Map.of("databaseName", "nosuch"));
        c.connect(ztest.host(), ztest.port());

        ZoomResultSet rs = c.searchPqf("1");
        ZoomError e = c.error();

        assertThat(e).isEqualTo(new ZoomError(109, "Bib-1", "Database unavailable", "nosuch"));
        assertThat(zoom.message(109)).isEqualTo("Database unavailable");
        assertThat(zoom.message(10000)).isEqualTo("Connect failed");
        rs.destroy();
        c.destroy();
        assertThat(zoom.counts().live()).isZero();
    }
}
