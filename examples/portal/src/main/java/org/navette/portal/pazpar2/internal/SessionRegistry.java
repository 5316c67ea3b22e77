package org.navette.portal.pazpar2.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one endpoint: at most {@code maxSessions} at once, each ending after
 * {@code idleTimeout} without a command (its search is cancelled then). Expired sessions are
 * removed when they are next asked for and whenever a new session is made, so there is no
 * sweeper thread and an idle endpoint holds nothing but the map.
 *
 * <pre>{@code
 * SessionRegistry r = new SessionRegistry(1000, Duration.ofSeconds(60), Clock.systemUTC());
 * Pz2Session s = r.create();          // empty when the cap is reached
 * r.find(s.id());                     // refreshes its idle time
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class SessionRegistry implements AutoCloseable {
    private final Map<String, Pz2Session> sessions = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final Duration idleTimeout;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Object creating = new Object();

    public SessionRegistry(int maxSessions, Duration idleTimeout, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be >= 1, was " + maxSessions);
        }
        this.maxSessions = maxSessions;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A new session, or empty when {@code maxSessions} live sessions exist. */
    public Optional<Pz2Session> create() {
        synchronized (creating) {
            removeExpired();
            if (sessions.size() >= maxSessions) {
                return Optional.empty();
            }
            String id;
            do {
                // pazpar2 session ids are positive decimal integers; front ends keep them as text
                id = Integer.toString(1 + random.nextInt(Integer.MAX_VALUE - 1));
            } while (sessions.containsKey(id));
            Pz2Session s = new Pz2Session(id, clock.instant());
            sessions.put(id, s);
            return Optional.of(s);
        }
    }

    /** The live session with this id, its idle time refreshed; empty when unknown or expired. */
    public Optional<Pz2Session> find(String id) {
        Pz2Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            if (sessions.remove(id, s)) {
                s.end();
            }
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    /** Live sessions (expired ones not yet removed are not counted). */
    public int size() {
        Instant now = clock.instant();
        return (int) sessions.values().stream().filter(s -> !expired(s, now)).count();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private boolean expired(Pz2Session s, Instant now) {
        return !now.isBefore(s.lastUsed().plus(idleTimeout));
    }

    private void removeExpired() {
        Instant now = clock.instant();
        for (Iterator<Pz2Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Pz2Session s = it.next();
            if (expired(s, now)) {
                it.remove();
                s.end();
            }
        }
    }

    /** Ends every session (their searches are cancelled). */
    @Override
    public void close() {
        for (Iterator<Pz2Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Pz2Session s = it.next();
            it.remove();
            s.end();
        }
    }
}
