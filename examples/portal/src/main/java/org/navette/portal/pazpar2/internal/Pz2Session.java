package org.navette.portal.pazpar2.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.navette.federation.FederatedSearch;

/**
 * One pazpar2 session: its id, when it was last used, and its current search (a new
 * {@code search} cancels the one before, as in pazpar2). Remembers, per command, which change of
 * the search it last answered, so that {@code block=1} waits for news rather than repeating itself.
 *
 * <pre>{@code
 * Pz2Session s = registry.create();
 * s.startSearch(federatedSearch, watch);
 * s.current();   // the search and its watch
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use (a browser sends several commands of one session at once).
 */
public final class Pz2Session {
    /** A running or ended search and the watch counting its changes. */
    public record Current(FederatedSearch search, SearchWatch watch) {
        public Current {
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(watch, "watch");
        }
    }

    private final String id;
    private volatile Instant lastUsed;
    private volatile @Nullable Current current;
    private final Map<String, Long> answered = new ConcurrentHashMap<>();

    Pz2Session(String id, Instant now) {
        this.id = id;
        this.lastUsed = now;
    }

    public String id() {
        return id;
    }

    public Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    /** The current search, or null before the first {@code search}. */
    public @Nullable Current current() {
        return current;
    }

    /** Makes {@code search} the current one and cancels the one it replaces. */
    public synchronized void startSearch(FederatedSearch search, SearchWatch watch) {
        Current old = current;
        current = new Current(search, watch);
        answered.clear();
        if (old != null) {
            old.search().cancel();
        }
    }

    /** The change of the current search {@code command} last answered, -1 when none. */
    public long answered(String command) {
        return answered.getOrDefault(command, -1L);
    }

    public void markAnswered(String command, long version) {
        answered.put(command, version);
    }

    /** Cancels the current search: the session ends. */
    synchronized void end() {
        Current c = current;
        if (c != null) {
            c.search().cancel();
        }
    }

    @Override
    public String toString() {
        return "Pz2Session[" + id + "]";
    }
}
