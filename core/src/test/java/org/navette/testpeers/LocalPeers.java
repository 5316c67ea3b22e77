package org.navette.testpeers;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the test suite's Zebra and yaz-ztest peers on fixed ports of 127.0.0.1 and keeps them
 * running until interrupted, so that the CLI can be tried by hand against real Z39.50 and SRU
 * servers with {@code examples/targets/local-peers.json}. Run through {@code scripts/peers.sh}:
 *
 * <pre>
 * scripts/peers.sh            # Zebra on 21300 (Z39.50 + SRU), yaz-ztest on 21210
 * scripts/peers.sh 9999 9998  # other ports
 * </pre>
 */
public final class LocalPeers {
    private LocalPeers() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int zebraPort = args.length > 0 ? Integer.parseInt(args[0]) : 21300;
        int ztestPort = args.length > 1 ? Integer.parseInt(args[1]) : 21210;
        ZebraPeer zebra = ZebraPeer.start(zebraPort);
        ZtestPeer ztest;
        try {
            ztest = ZtestPeer.start(ztestPort);
        } catch (IOException | RuntimeException e) {
            zebra.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ztest.close();
            zebra.close();
            stopped.countDown();
        }, "local-peers-stop"));
        System.out.printf("""
                Zebra     Z39.50 %s (databases %s: 70 LoC records, %s: 114 BSG + BNCF records)
                          SRU    %s
                yaz-ztest Z39.50 %s (a numeric term N gives N hits; database Default?search-delay=0.3 delays)
                Ctrl-C stops both.
                """, zebra.zurl(ZebraPeer.MARC21), ZebraPeer.MARC21, ZebraPeer.UNIMARC, zebra.sruUrl(ZebraPeer.MARC21),
                ztest.zurl("Default"));
        stopped.await();
    }
}
