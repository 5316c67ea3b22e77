package org.navette.federation.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;
import org.navette.target.TargetConfig;

/** Target configurations for the real peers the tests start, and for the faulty ones they fake. */
final class PeerTargets {
    private PeerTargets() {
    }

    static TargetConfig zebra(ZebraPeer zebra, String id) {
        return TargetConfig.builder(id, "z3950").set("host", zebra.host()).set("port", zebra.port())
                .set("database", ZebraPeer.MARC21).set("syntax", "usmarc").set("format", "marc21").build();
    }

    static TargetConfig zebraSru(ZebraPeer zebra, String id) {
        return TargetConfig.builder(id, "sru").set("url", zebra.sruUrl(ZebraPeer.MARC21)).set("version", "1.2")
                .set("recordSchema", "marcxml").set("format", "marc21").build();
    }

    static TargetConfig zebraUnimarc(ZebraPeer zebra, String id) {
        return TargetConfig.builder(id, "z3950").set("host", zebra.host()).set("port", zebra.port())
                .set("database", ZebraPeer.UNIMARC).set("syntax", "unimarc").set("format", "unimarc").build();
    }

    static TargetConfig ztest(ZtestPeer ztest, String id, String database) {
        return TargetConfig.builder(id, "z3950").set("host", ztest.host()).set("port", ztest.port())
                .set("database", database).build();
    }

    static TargetConfig sru(String id, String url) {
        return TargetConfig.builder(id, "sru").set("url", url).set("version", "1.2").build();
    }

    /** A Z39.50 target on a loopback port nobody listens on. */
    static TargetConfig refused(String id) {
        return TargetConfig.builder(id, "z3950").set("host", "127.0.0.1").set("port", closedPort()).build();
    }

    /** A copy of {@code t} with more settings. */
    static TargetConfig with(TargetConfig t, Map<String, Object> more) {
        TargetConfig.Builder b = TargetConfig.builder(t.id(), t.protocol());
        t.settings().forEach(b::set);
        more.forEach(b::set);
        return b.build();
    }

    /**
     * A loopback port where connections are refused: a socket of this JVM is bound to it without
     * listening, for the JVM's whole life — so that no other process (another test's server) can take
     * the port, and no outgoing connection can pick it as its own port and connect to itself.
     */
    static int closedPort() {
        return ReservedPort.PORT;
    }

    private static final class ReservedPort {
        static final int PORT = reserve();

        @SuppressWarnings("resource") // held open until the JVM exits, on purpose
        private static int reserve() {
            try {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
