package org.navette.testpeers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * YAZ's GFS test server ({@code yaz-ztest}, Debian's {@code yaz}) on 127.0.0.1: Z39.50 and SRU on one
 * port, CQL→RPN enabled. Its knobs make faults reproducible:
 * <ul>
 *   <li>a numeric term N gives N hits;</li>
 *   <li>database {@code Default?search-delay=0.1:0.5&present-delay=0.05&seed=1} delays search and present
 *       (seconds, fixed or random range; Z39.50 only) — see {@link #delayedDatabase};</li>
 *   <li>database {@code SlowN} sleeps N seconds;</li>
 *   <li>an unknown database gives diagnostic 109.</li>
 * </ul>
 *
 * <pre>{@code
 * try (ZtestPeer ztest = ZtestPeer.start()) {
 *     String zurl = ztest.zurl(ZtestPeer.delayedDatabase("0.1:0.5", "0.05", 1));
 * }
 * }</pre>
 */
public final class ZtestPeer implements AutoCloseable {
    private final PeerProcess process;

    private ZtestPeer(PeerProcess process) {
        this.process = process;
    }

    /** Starts yaz-ztest on a free port in a fresh temporary directory. */
    public static ZtestPeer start() throws IOException {
        return start(0);
    }

    /** As {@link #start()}, on {@code fixedPort} of 127.0.0.1 (0: a free port). */
    public static ZtestPeer start(int fixedPort) throws IOException {
        Path ztest = PeerProcess.requireBinary("yaz-ztest", "yaz");
        Path dir = Files.createTempDirectory("navette-ztest-");
        try {
            IOException last = null;
            for (int attempt = 0; attempt < (fixedPort == 0 ? 3 : 1); attempt++) {
                int port = fixedPort == 0 ? PeerProcess.freePort() : fixedPort;
                Files.writeString(dir.resolve("ztest-gfs.xml"), """
                        <yazgfs>
                          <listen id="l1">tcp:127.0.0.1:%d</listen>
                          <server id="ztest" listenref="l1"><cql2rpn>/usr/share/yaz/etc/pqf.properties</cql2rpn></server>
                        </yazgfs>
                        """.formatted(port));
                try {
                    return new ZtestPeer(PeerProcess.start(List.of(ztest.toString(), "-T", "-f", "ztest-gfs.xml",
                            "-l", "ztest.log"), port, dir, dir.resolve("ztest.out")));
                } catch (IOException e) {
                    last = e;
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            PeerProcess.deleteTree(dir);
            throw e;
        }
    }

    /**
     * The database name that makes yaz-ztest delay: {@code Default?search-delay=S&present-delay=P&seed=N}.
     *
     * @param searchDelay  seconds, fixed ("0.3") or a random range ("0.1:0.5"); null for none
     * @param presentDelay seconds, fixed or range; null for none
     * @param seed         random seed for reproducible delays; null for none
     */
    public static String delayedDatabase(String searchDelay, String presentDelay, Integer seed) {
        StringBuilder sb = new StringBuilder("Default");
        String sep = "?";
        if (searchDelay != null) {
            sb.append(sep).append("search-delay=").append(searchDelay);
            sep = "&";
        }
        if (presentDelay != null) {
            sb.append(sep).append("present-delay=").append(presentDelay);
            sep = "&";
        }
        if (seed != null) {
            sb.append(sep).append("seed=").append(seed);
        }
        return sb.toString();
    }

    public String host() {
        return PeerProcess.LOOPBACK;
    }

    public int port() {
        return process.port();
    }

    public String zurl(String database) {
        return "tcp:" + host() + ":" + port() + "/" + database;
    }

    public String sruUrl(String database) {
        return "http://" + host() + ":" + port() + "/" + database;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
