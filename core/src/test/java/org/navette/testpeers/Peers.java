package org.navette.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts the real protocol peers once per test JVM, on first use, and stops
 * them when the whole run ends. Test methods, constructors and {@code @BeforeAll} methods declare a
 * {@link ZebraPeer} or {@link ZtestPeer} parameter to get them.
 *
 * <pre>{@code
 * @ExtendWith(Peers.class)
 * class ZebraSearchTest {
 *     @Test
 *     void findsTenComputerTitles(ZebraPeer zebra) { ... }
 * }
 * }</pre>
 */
public final class Peers implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ZebraPeer.class || type == ZtestPeer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(Peers.class));
        Closing<?> holder = store.getOrComputeIfAbsent(type, t -> start((Class<?>) t), Closing.class);
        return holder.peer;
    }

    private static Closing<?> start(Class<?> type) {
        try {
            return type == ZebraPeer.class ? new Closing<>(ZebraPeer.start()) : new Closing<>(ZtestPeer.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + type.getSimpleName(), e);
        }
    }

    /** Stops the peer when JUnit closes the root store at the end of the run. */
    private static final class Closing<T extends AutoCloseable>
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final T peer;

        Closing(T peer) {
            this.peer = peer;
        }

        @Override
        public void close() throws Exception {
            peer.close();
        }
    }
}
