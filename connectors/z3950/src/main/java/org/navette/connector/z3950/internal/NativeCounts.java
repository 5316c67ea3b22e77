package org.navette.connector.z3950.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many ZOOM objects of each kind are alive (created and not yet destroyed) through one
 * {@link ZoomLibrary}: the proof, in tests and in production metrics, that searches release every
 * native object whatever happens to them.
 *
 * <pre>{@code
 * NativeCounts counts = zoom.counts();
 * counts.live();                          // 0 once every connector is closed
 * counts.live(NativeCounts.Kind.CONNECTION);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class NativeCounts {
    /** The kinds of native object counted. */
    public enum Kind { OPTIONS, CONNECTION, QUERY, RESULT_SET, RECORD }

    private final AtomicLongArray live = new AtomicLongArray(Kind.values().length);
    private final AtomicLongArray created = new AtomicLongArray(Kind.values().length);

    void onCreated(Kind kind) {
        live.incrementAndGet(kind.ordinal());
        created.incrementAndGet(kind.ordinal());
    }

    void onDestroyed(Kind kind) {
        live.decrementAndGet(kind.ordinal());
    }

    /** Objects of this kind alive now. */
    public long live(Kind kind) {
        return live.get(kind.ordinal());
    }

    /** Objects of every kind alive now. */
    public long live() {
        long sum = 0;
        for (Kind k : Kind.values()) {
            sum += live(k);
        }
        return sum;
    }

    /** Objects of this kind created since the library was loaded. */
    public long createdSoFar(Kind kind) {
        return created.get(kind.ordinal());
    }

    /** A snapshot of the live counts, for messages. */
    public Map<Kind, Long> snapshot() {
        Map<Kind, Long> m = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            m.put(k, live(k));
        }
        return m;
    }

    @Override
    public String toString() {
        return "NativeCounts" + snapshot();
    }
}
