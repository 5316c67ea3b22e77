package org.navette.federation;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of engine tests: fake targets and the federation built over them, both closed after
 * each test. Register with {@code @RegisterExtension final FakeFederation fixture = new FakeFederation();}.
 */
final class FakeFederation implements AfterEachCallback {
    final FakeConnectors fakes = new FakeConnectors();
    private Federation federation;

    /** A builder over the fakes' registry and targets. */
    Federation.Builder builder() {
        return Federation.builder().registry(fakes.registry()).targets(fakes.targets());
    }

    /** Keeps {@code f} to close after the test, and returns it. */
    Federation use(Federation f) {
        if (federation != null) {
            federation.close();
        }
        federation = f;
        return f;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (federation != null) {
            federation.close();
        }
        fakes.close();
    }
}
