package org.navette.connector.opac.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookies of one search: many OPACs keep the result list in a server session (Bibliotheca's
 * {@code index.asp?detmediennr=3} means "the 4th hit of this session's last search"), so a
 * search must keep its session cookie from the first page to the last detail page, and two
 * concurrent searches of one target must not share one.
 *
 * <p>Thread-safety: safe for concurrent use (OkHttp may call it from its own threads).
 */
final class SessionCookieJar implements CookieJar {
    private final Clock clock;
    private final List<Cookie> cookies = new ArrayList<>();

    SessionCookieJar(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        long now = clock.millis();
        for (Cookie c : received) {
            cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain())
                    && old.path().equals(c.path()));
            if (c.expiresAt() > now) {
                cookies.add(c);
            }
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        long now = clock.millis();
        cookies.removeIf(c -> c.expiresAt() <= now);
        List<Cookie> out = new ArrayList<>();
        for (Cookie c : cookies) {
            if (c.matches(url)) {
                out.add(c);
            }
        }
        return out;
    }
}
