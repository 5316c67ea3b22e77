package org.navette.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.navette.federation.Federation;
import org.navette.ill.NetworkPolicy;
import org.navette.target.TargetConfig;
import org.navette.testpeers.ZebraPeer;
import org.navette.testpeers.ZtestPeer;

/**
 * The real peers of the portal's tests and the targets over them: Zebra over Z39.50
 * ({@code zebra}, library {@code bib-zebra}) and over SRU ({@code zebra-sru}, {@code bib-sru}),
 * a yaz-ztest that takes {@link #SLOW_SECONDS} seconds to search ({@code slow}), and a loopback port
 * where connections are refused ({@code dead}). The test network policy lends from the two Zebra
 * libraries.
 */
final class PortalPeers implements AutoCloseable {
    /** How long the slow target takes to search, unless a test asks otherwise. */
    static final String SLOW_SECONDS = "2";
    final ZebraPeer zebra;
    final ZtestPeer ztest;
    private final Socket reserved;

    private PortalPeers(ZebraPeer zebra, ZtestPeer ztest, Socket reserved) {
        this.zebra = zebra;
        this.ztest = ztest;
        this.reserved = reserved;
    }

    static PortalPeers start() throws IOException {
        ZebraPeer zebra = ZebraPeer.start();
        ZtestPeer ztest;
        try {
            ztest = ZtestPeer.start();
        } catch (IOException | RuntimeException e) {
            zebra.close();
            throw e;
        }
        // bound without listening, held for the fixture's life: connections to it are refused,
        // and no other process can take the port meanwhile
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new PortalPeers(zebra, ztest, s);
    }

    List<TargetConfig> targets() {
        return targets(SLOW_SECONDS);
    }

    /** The four targets, the slow one taking {@code slowSeconds} to search. */
    List<TargetConfig> targets(String slowSeconds) {
        return List.of(
                TargetConfig.builder("zebra", "z3950").set("name", "Zebra (Z39.50)").set("library", "bib-zebra")
                        .set("host", zebra.host()).set("port", zebra.port()).set("database", ZebraPeer.MARC21)
                        .set("syntax", "usmarc").set("format", "marc21").build(),
                TargetConfig.builder("zebra-sru", "sru").set("name", "Zebra (SRU)").set("library", "bib-sru")
                        .set("url", zebra.sruUrl(ZebraPeer.MARC21)).set("version", "1.2").set("recordSchema", "marcxml")
                        .set("format", "marc21").build(),
                TargetConfig.builder("slow", "z3950").set("name", "Slow test server").set("library", "bib-slow")
                        .set("host", ztest.host()).set("port", ztest.port())
                        .set("database", ZtestPeer.delayedDatabase(slowSeconds, null, null)).build(),
                TargetConfig.builder("dead", "z3950").set("name", "Closed library").set("host", "127.0.0.1")
                        .set("port", reserved.getLocalPort()).build());
    }

    Federation federation(Duration deadline) {
        return Federation.builder().targets(targets()).deadline(deadline).targetTimeout(deadline).maxRecordsPerTarget(20)
                .build();
    }

    static NetworkPolicy policy() {
        try (InputStream in = PortalPeers.class.getResourceAsStream("test-network.json")) {
            return NetworkPolicy.read(in, "test-network.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reserved.close();
            ztest.close();
        } finally {
            zebra.close();
        }
    }
}
