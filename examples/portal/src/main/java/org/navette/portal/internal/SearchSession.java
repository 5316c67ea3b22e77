package org.navette.portal.internal;

import java.time.Instant;
import java.util.Objects;
import org.navette.federation.FederatedSearch;

/**
 * One search a portal user started: the portal's unguessable id for it, the running or finished
 * {@link FederatedSearch}, and when it was last asked about (it expires that long after).
 *
 * <pre>{@code
 * SearchSession s = registry.start(() -> federation.search(query, options));
 * s.id();               // "kM3v0c9aR1u2xQ7yZp4t8w"
 * s.search().snapshot();
 * }</pre>
 *
 * <p>Thread-safety: safe; the last access is a volatile stamp.
 */
public final class SearchSession {
    private final String id;
    private final FederatedSearch search;
    private final Instant created;
    private volatile Instant lastAccess;

    SearchSession(String id, FederatedSearch search, Instant created) {
        this.id = Objects.requireNonNull(id, "id");
        this.search = Objects.requireNonNull(search, "search");
        this.created = Objects.requireNonNull(created, "created");
        this.lastAccess = created;
    }

    public String id() {
        return id;
    }

    public FederatedSearch search() {
        return search;
    }

    public Instant created() {
        return created;
    }

    Instant lastAccess() {
        return lastAccess;
    }

    void touch(Instant now) {
        lastAccess = now;
    }
}
