package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.navette.connector.z3950.internal.ZoomConnector;
import org.navette.target.TargetConfig;

/** The connectors a test opened, closed at the end with proof that nothing native was left behind. */
final class OpenedConnectors {
    private final Z3950ConnectorFactory factory;
    private final List<ZoomConnector> opened = new ArrayList<>();

    OpenedConnectors(Z3950ConnectorFactory factory) {
        this.factory = factory;
    }

    ZoomConnector open(TargetConfig config) {
        ZoomConnector c = (ZoomConnector) factory.create(config);
        opened.add(c);
        return c;
    }

    /** Closes every connector and checks that no ZOOM object and no pooled connection survived. */
    void closeAndCheckNothingLeaked() {
        opened.forEach(ZoomConnector::close);
        for (ZoomConnector c : opened) {
            assertThat(c.pool().open()).as("connections of %s after close", c.target().id()).isZero();
            assertThat(c.nativeCounts().live()).as("live native objects after close: %s", c.nativeCounts()).isZero();
        }
    }
}
