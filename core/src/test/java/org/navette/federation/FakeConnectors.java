package org.navette.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntFunction;
import org.navette.model.BibRecord;
import org.navette.spi.ConnectorFactory;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.TargetConfig;

/** A registry of {@link FakeTarget}s for protocol "fake"; close it to stop its scheduler. */
final class FakeConnectors implements ConnectorFactory, AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-targets");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, IntFunction<FakeTarget.Script>> scripts = new LinkedHashMap<>();
    private final Map<String, FakeTarget> created = new LinkedHashMap<>();
    private final Map<String, String> libraries = new LinkedHashMap<>();

    /** Every call of target {@code id} follows {@code script}. */
    FakeConnectors with(String id, FakeTarget.Script script) {
        scripts.put(id, n -> script);
        return this;
    }

    /** Call n (1-based) of target {@code id} follows {@code scripts.apply(n)}. */
    FakeConnectors withCalls(String id, IntFunction<FakeTarget.Script> byCall) {
        scripts.put(id, byCall);
        return this;
    }

    /** Target {@code id} is the catalogue of library {@code code} (its {@code library} key). */
    FakeConnectors library(String id, String code) {
        libraries.put(id, code);
        return this;
    }

    /** The target configs, in the order added. */
    List<TargetConfig> targets() {
        return scripts.keySet().stream().map(id -> {
            TargetConfig.Builder b = TargetConfig.builder(id, "fake");
            if (libraries.containsKey(id)) {
                b.set("library", libraries.get(id));
            }
            return b.build();
        }).toList();
    }

    ConnectorRegistry registry() {
        return ConnectorRegistry.of(this);
    }

    synchronized FakeTarget target(String id) {
        return created.get(id);
    }

    @Override
    public String protocol() {
        return "fake";
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of("note");
    }

    @Override
    public synchronized FakeTarget create(TargetConfig config) {
        IntFunction<FakeTarget.Script> s = scripts.get(config.id());
        if (s == null) {
            throw new IllegalArgumentException("no script for fake target " + config.id());
        }
        FakeTarget t = new FakeTarget(config, scheduler, s);
        created.put(config.id(), t);
        return t;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    static List<BibRecord> none() {
        return List.of();
    }
}
