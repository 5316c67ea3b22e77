package org.navette.portal.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.navette.federation.FederatedSearch;

/**
 * The searches a portal keeps, bounded twice: at most {@code maxRunning} searches run at once
 * (one more is refused with 429), and at most {@code maxKept} are kept, running or finished (when
 * full, the finished search asked about least recently makes room). A search not asked about for {@code expiry} is cancelled
 * and dropped by {@link #sweep()}, which the server runs on a timer.
 *
 * <pre>{@code
 * SearchRegistry searches = new SearchRegistry(8, 200, Duration.ofMinutes(10), Clock.systemUTC());
 * SearchSession s = searches.start(() -> federation.search(query));
 * searches.get(s.id());     // Optional[s], and it is fresh again
 * }</pre>
 *
 * <p>Thread-safety: safe; every operation holds the registry's lock briefly (starting a search
 * only asks the federation to begin, which returns at once).
 */
public final class SearchRegistry implements AutoCloseable {
    private final int maxRunning;
    private final int maxKept;
    private final Duration expiry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SearchSession> sessions = new LinkedHashMap<>();
    private boolean closed;

    public SearchRegistry(int maxRunning, int maxKept, Duration expiry, Clock clock) {
        if (maxRunning < 1 || maxKept < maxRunning) {
            throw new IllegalArgumentException("need 1 <= maxRunning <= maxKept, were " + maxRunning + " and " + maxKept);
        }
        this.maxRunning = maxRunning;
        this.maxKept = maxKept;
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a search through {@code starter} when the limits allow it and keeps it.
     *
     * @throws LimitExceeded 429 when {@code maxRunning} searches run
     * @throws IllegalStateException when the registry is closed
     */
    public synchronized SearchSession start(Supplier<FederatedSearch> starter) {
        if (closed) {
            throw new IllegalStateException("the portal is shutting down");
        }
        sweep();
        int running = running();
        if (running >= maxRunning) {
            throw new LimitExceeded(429, running + " searches are running, the most this portal runs at once; try again in a few seconds");
        }
        if (sessions.size() >= maxKept) {
            // fewer than maxRunning of them run (checked above) and maxKept >= maxRunning, so one is finished
            dropLeastRecentFinished();
        }
        FederatedSearch search = starter.get();
        SearchSession s = new SearchSession(newId(), search, clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The session with this id, marked as asked about now; empty when unknown or expired. */
    public synchronized Optional<SearchSession> get(String id) {
        sweep();
        SearchSession s = sessions.get(id);
        if (s != null) {
            s.touch(clock.instant());
        }
        return Optional.ofNullable(s);
    }

    /** The sessions, most recently started first (to find a cluster in the searches a user just ran). */
    public synchronized List<SearchSession> newestFirst() {
        List<SearchSession> out = new ArrayList<>(sessions.values());
        java.util.Collections.reverse(out);
        return out;
    }

    /** Cancels and drops a session; false when it was not kept. */
    public synchronized boolean remove(String id) {
        SearchSession s = sessions.remove(id);
        if (s != null) {
            s.search().cancel();
        }
        return s != null;
    }

    /** Cancels and drops the sessions not asked about for the expiry time; how many were dropped. */
    public synchronized int sweep() {
        Instant oldest = clock.instant().minus(expiry);
        List<String> expired = new ArrayList<>();
        sessions.forEach((id, s) -> {
            if (s.lastAccess().isBefore(oldest)) {
                expired.add(id);
            }
        });
        expired.forEach(this::remove);
        return expired.size();
    }

    /** Sessions kept, running or finished. */
    public synchronized int size() {
        return sessions.size();
    }

    /** Kept searches still running. */
    public synchronized int running() {
        return (int) sessions.values().stream().filter(s -> !s.search().isDone()).count();
    }

    private void dropLeastRecentFinished() {
        sessions.values().stream().filter(s -> s.search().isDone()).min(Comparator.comparing(SearchSession::lastAccess))
                .ifPresent(s -> remove(s.id()));
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Cancels every search and forgets them; later starts are refused. */
    @Override
    public synchronized void close() {
        closed = true;
        new ArrayList<>(sessions.keySet()).forEach(this::remove);
    }
}
