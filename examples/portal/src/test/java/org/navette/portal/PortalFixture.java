package org.navette.portal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.navette.federation.Federation;

/**
 * A portal over the real peers of {@link PortalPeers}, with a borrow desk on the test network
 * policy; closes everything it started, in order.
 */
final class PortalFixture implements AutoCloseable {
    final PortalPeers peers;
    final Federation federation;
    final BorrowDesk desk;
    final PortalServer portal;

    private PortalFixture(PortalPeers peers, Federation federation, BorrowDesk desk, PortalServer portal) {
        this.peers = peers;
        this.federation = federation;
        this.desk = desk;
        this.portal = portal;
    }

    /**
     * Starts the peers, a federation whose slow target takes {@code slowSeconds}, a desk keeping its
     * requests in {@code data}, and a portal on a free port set up further by {@code settings}.
     */
    static PortalFixture start(String slowSeconds, Duration deadline, Path data, UnaryOperator<PortalServer.Builder> settings)
            throws Exception {
        PortalPeers peers = PortalPeers.start();
        Federation federation = null;
        BorrowDesk desk = null;
        try {
            federation = Federation.builder().targets(peers.targets(slowSeconds)).deadline(deadline).targetTimeout(deadline)
                    .maxRecordsPerTarget(20).build();
            desk = BorrowDesk.builder(PortalPeers.policy()).dataDir(data).build();
            PortalServer portal = settings.apply(PortalServer.builder().federation(federation).port(0).borrowDesk(desk)
                    .slowAfter(Duration.ofMillis(500))).start();
            return new PortalFixture(peers, federation, desk, portal);
        } catch (Exception | Error e) {
            if (desk != null) {
                desk.close();
            }
            if (federation != null) {
                federation.close();
            }
            peers.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            portal.close();
        } finally {
            try {
                desk.close();
                federation.close();
            } finally {
                peers.close();
            }
        }
    }
}
