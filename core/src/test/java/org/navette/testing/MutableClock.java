package org.navette.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand (circuit breaker waits, pool idle times), shared through core's test-jar.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.atEpoch();
 * clock.advance(Duration.ofSeconds(31));
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at 2026-01-01T00:00:00Z. */
    public static MutableClock atEpoch() {
        return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
