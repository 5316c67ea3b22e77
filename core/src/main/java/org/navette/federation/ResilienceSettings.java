package org.navette.federation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.navette.target.TargetConfig;

/**
 * How a {@link Federation} protects itself and each target, with Resilience4j: a circuit breaker
 * (a dead target is skipped at once after repeated failures and probed again later), a cap on
 * concurrent searches of the target (bulkhead), a retry of connect-level failures only, and an
 * optional rate limit on searches. One set of these objects per target, shared by every search of
 * the federation. The per-target timeout is the target's {@code timeout} setting (else the
 * federation's).
 *
 * <p>In a targets file, the {@code "resilience"} object of a target overrides the defaults key by key:
 * <pre>{@code
 * {"id": "slow-opac", "protocol": "opac", ...,
 *  "resilience": {"failureRateThreshold": 50, "slidingWindow": 10, "minimumCalls": 5, "openDuration": "30s",
 *                 "halfOpenCalls": 1, "maxConcurrent": 4, "retries": 1, "retryBackoff": "200ms",
 *                 "rateLimit": "2/1s"}}
 * }</pre>
 * and in code:
 * <pre>{@code
 * ResilienceSettings r = ResilienceSettings.builder().minimumCalls(3).openDuration(Duration.ofMinutes(1)).build();
 * Federation f = Federation.builder().targets(list).defaultResilience(r).build();
 * }</pre>
 *
 * <p>Keys:
 * <ul>
 *   <li>{@code circuitBreaker} (true): false disables the breaker for the target;</li>
 *   <li>{@code failureRateThreshold} (50): percentage of failed searches, among the last
 *       {@code slidingWindow} (10), from which the circuit opens — once at least {@code minimumCalls}
 *       (5) searches were recorded;</li>
 *   <li>{@code openDuration} (30 s): how long an open circuit skips the target before letting
 *       {@code halfOpenCalls} (1) probe searches through, measured with the federation's clock;</li>
 *   <li>{@code maxConcurrent} (16): searches of this target running at once, across all searches of
 *       the federation; more wait, queued, until a slot frees or the search's deadline passes;</li>
 *   <li>{@code retries} (1): extra attempts, after {@code retryBackoff} (200 ms), for failures the
 *       connector marks retryable (connect-level: nothing reached the target, so nothing can be done
 *       twice); 0 disables;</li>
 *   <li>{@code rateLimit} (off, except "2/1s" for scraped OPACs): at most N searches per period
 *       ({@code "2/1s"}, {@code "30/1m"}) for the target; {@code false} or {@code "off"} disables. This
 *       paces whole searches; the OPAC connector paces the HTTP requests of each search per host on its
 *       own, so the two limits measure different things and do not add up to a double wait. A search
 *       whose turn would come after the target's timeout fails at once as {@code RATE_LIMITED}. Rate
 *       periods run on real time (Resilience4j's limiter takes no clock), unlike the breaker's wait.</li>
 * </ul>
 * What counts as a failure for the breaker: connection failures, timeouts, HTTP errors, bad
 * responses, unknown databases, refused logins. A target that answered but refused the query
 * (syntax, unsupported index) is alive and counts as a success; cancelled searches are not counted.
 *
 * <p>Thread-safety: immutable.
 */
public final class ResilienceSettings {
    /** The keys a target's {@code "resilience"} object may hold. */
    public static final Set<String> KEYS = Set.of("circuitBreaker", "failureRateThreshold", "slidingWindow",
            "minimumCalls", "openDuration", "halfOpenCalls", "maxConcurrent", "retries", "retryBackoff", "rateLimit");

    /** The rate limit scraped OPACs get when nothing else is configured: 2 searches per second. */
    public static final RateLimit OPAC_RATE_LIMIT = new RateLimit(2, Duration.ofSeconds(1));

    private static final ResilienceSettings DEFAULTS = builder().build();
    private static final Pattern RATE = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(.+)");

    private final boolean circuitBreaker;
    private final int failureRateThreshold;
    private final int slidingWindow;
    private final int minimumCalls;
    private final Duration openDuration;
    private final int halfOpenCalls;
    private final int maxConcurrent;
    private final int retries;
    private final Duration retryBackoff;
    private final RateLimit rateLimit;

    /**
     * At most {@code searches} searches per {@code period}.
     *
     * @param searches searches allowed per period, 1..1000000
     * @param period   the period, positive
     */
    public record RateLimit(int searches, Duration period) {
        public RateLimit {
            if (searches < 1 || searches > 1_000_000) {
                throw new IllegalArgumentException("rateLimit searches must be within 1..1000000, was " + searches);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("rateLimit period must be positive, was " + period);
            }
        }

        @Override
        public String toString() {
            return searches + "/" + period.toMillis() + "ms";
        }
    }

    private ResilienceSettings(Builder b) {
        circuitBreaker = b.circuitBreaker;
        failureRateThreshold = b.failureRateThreshold;
        slidingWindow = b.slidingWindow;
        minimumCalls = Math.min(b.minimumCalls, b.slidingWindow);
        openDuration = b.openDuration;
        halfOpenCalls = b.halfOpenCalls;
        maxConcurrent = b.maxConcurrent;
        retries = b.retries;
        retryBackoff = b.retryBackoff;
        rateLimit = b.rateLimit;
    }

    /** The defaults listed in the class comment (no rate limit). */
    public static ResilienceSettings ofDefaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.circuitBreaker = circuitBreaker;
        b.failureRateThreshold = failureRateThreshold;
        b.slidingWindow = slidingWindow;
        b.minimumCalls = minimumCalls;
        b.openDuration = openDuration;
        b.halfOpenCalls = halfOpenCalls;
        b.maxConcurrent = maxConcurrent;
        b.retries = retries;
        b.retryBackoff = retryBackoff;
        b.rateLimit = rateLimit;
        return b;
    }

    /**
     * The settings of one target: {@code defaults}, then the OPAC rate limit for protocol {@code opac}
     * when the defaults set none, then the target's {@code "resilience"} object key by key.
     *
     * @throws IllegalArgumentException naming the target, the key and the bad value (unknown keys too)
     */
    public static ResilienceSettings forTarget(TargetConfig target, ResilienceSettings defaults) {
        Objects.requireNonNull(target, "target");
        Builder b = Objects.requireNonNull(defaults, "defaults").toBuilder();
        if ("opac".equals(target.protocol()) && defaults.rateLimit == null) {
            b.rateLimit = OPAC_RATE_LIMIT;
        }
        Map<String, Object> map = target.map("resilience");
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("target " + target.id() + ": unknown resilience key(s) " + unknown
                    + "; known keys are " + new TreeSet<>(KEYS));
        }
        for (Map.Entry<String, Object> e : new LinkedHashMap<>(map).entrySet()) {
            Object v = e.getValue();
            String key = e.getKey();
            if (v == null) {
                continue;
            }
            try {
                switch (key) {
                    case "circuitBreaker" -> b.circuitBreaker(asBoolean(v));
                    case "failureRateThreshold" -> b.failureRateThreshold(asInt(v));
                    case "slidingWindow" -> b.slidingWindow(asInt(v));
                    case "minimumCalls" -> b.minimumCalls(asInt(v));
                    case "openDuration" -> b.openDuration(TargetConfig.parseDuration(v));
                    case "halfOpenCalls" -> b.halfOpenCalls(asInt(v));
                    case "maxConcurrent" -> b.maxConcurrent(asInt(v));
                    case "retries" -> b.retries(asInt(v));
                    case "retryBackoff" -> b.retryBackoff(TargetConfig.parseDuration(v));
                    case "rateLimit" -> b.rateLimit(parseRateLimit(v).orElse(null));
                    default -> throw new IllegalStateException("unhandled resilience key " + key);
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("target " + target.id() + ": resilience." + key + " " + ex.getMessage()
                        + " (value " + v + ")", ex);
            }
        }
        return b.build();
    }

    /** Parses "2/1s", "30/1m", {"searches": 2, "per": "1s"}; false or "off" give empty. */
    static Optional<RateLimit> parseRateLimit(Object v) {
        if (Boolean.FALSE.equals(v) || "off".equals(v)) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            Matcher m = RATE.matcher(s);
            if (m.matches()) {
                return Optional.of(new RateLimit(Integer.parseInt(m.group(1)), TargetConfig.parseDuration(m.group(2).trim())));
            }
        }
        if (v instanceof Map<?, ?> m && m.keySet().equals(Set.of("searches", "per"))) {
            return Optional.of(new RateLimit(asInt(m.get("searches")), TargetConfig.parseDuration(m.get("per"))));
        }
        throw new IllegalArgumentException("must be \"N/period\" such as \"2/1s\", {\"searches\": N, \"per\": \"1s\"}, "
                + "false or \"off\"");
    }

    private static int asInt(Object v) {
        if (v instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw new IllegalArgumentException("must be an integer");
    }

    private static boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    public boolean circuitBreaker() { return circuitBreaker; }
    public int failureRateThreshold() { return failureRateThreshold; }
    public int slidingWindow() { return slidingWindow; }
    public int minimumCalls() { return minimumCalls; }
    public Duration openDuration() { return openDuration; }
    public int halfOpenCalls() { return halfOpenCalls; }
    public int maxConcurrent() { return maxConcurrent; }
    public int retries() { return retries; }
    public Duration retryBackoff() { return retryBackoff; }
    /** The rate limit on searches of the target, if any. */
    public Optional<RateLimit> rateLimit() { return Optional.ofNullable(rateLimit); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResilienceSettings r && circuitBreaker == r.circuitBreaker
                && failureRateThreshold == r.failureRateThreshold && slidingWindow == r.slidingWindow
                && minimumCalls == r.minimumCalls && openDuration.equals(r.openDuration)
                && halfOpenCalls == r.halfOpenCalls && maxConcurrent == r.maxConcurrent && retries == r.retries
                && retryBackoff.equals(r.retryBackoff) && Objects.equals(rateLimit, r.rateLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(circuitBreaker, failureRateThreshold, slidingWindow, minimumCalls, openDuration,
                halfOpenCalls, maxConcurrent, retries, retryBackoff, rateLimit);
    }

    @Override
    public String toString() {
        return "ResilienceSettings[circuitBreaker=" + circuitBreaker + ", failureRateThreshold=" + failureRateThreshold
                + ", slidingWindow=" + slidingWindow + ", minimumCalls=" + minimumCalls + ", openDuration="
                + openDuration + ", halfOpenCalls=" + halfOpenCalls + ", maxConcurrent=" + maxConcurrent
                + ", retries=" + retries + ", retryBackoff=" + retryBackoff + ", rateLimit=" + rateLimit + "]";
    }

    /** Builds {@link ResilienceSettings}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private boolean circuitBreaker = true;
        private int failureRateThreshold = 50;
        private int slidingWindow = 10;
        private int minimumCalls = 5;
        private Duration openDuration = Duration.ofSeconds(30);
        private int halfOpenCalls = 1;
        private int maxConcurrent = 16;
        private int retries = 1;
        private Duration retryBackoff = Duration.ofMillis(200);
        private RateLimit rateLimit;

        private Builder() {
        }

        private static int within(String name, int v, int min, int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + v);
            }
            return v;
        }

        private static Duration positive(String name, Duration v) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + v);
            }
            return v;
        }

        public Builder circuitBreaker(boolean circuitBreaker) { this.circuitBreaker = circuitBreaker; return this; }

        /** @throws IllegalArgumentException unless within 1..100 (percent) */
        public Builder failureRateThreshold(int failureRateThreshold) { this.failureRateThreshold = within("failureRateThreshold", failureRateThreshold, 1, 100); return this; }

        /** @throws IllegalArgumentException unless within 1..1000 */
        public Builder slidingWindow(int slidingWindow) { this.slidingWindow = within("slidingWindow", slidingWindow, 1, 1000); return this; }

        /** @throws IllegalArgumentException unless within 1..1000 */
        public Builder minimumCalls(int minimumCalls) { this.minimumCalls = within("minimumCalls", minimumCalls, 1, 1000); return this; }

        /** @throws IllegalArgumentException unless positive */
        public Builder openDuration(Duration openDuration) { this.openDuration = positive("openDuration", openDuration); return this; }

        /** @throws IllegalArgumentException unless within 1..100 */
        public Builder halfOpenCalls(int halfOpenCalls) { this.halfOpenCalls = within("halfOpenCalls", halfOpenCalls, 1, 100); return this; }

        /** @throws IllegalArgumentException unless within 1..10000 */
        public Builder maxConcurrent(int maxConcurrent) { this.maxConcurrent = within("maxConcurrent", maxConcurrent, 1, 10_000); return this; }

        /** @throws IllegalArgumentException unless within 0..10 */
        public Builder retries(int retries) { this.retries = within("retries", retries, 0, 10); return this; }

        /** @throws IllegalArgumentException unless positive */
        public Builder retryBackoff(Duration retryBackoff) { this.retryBackoff = positive("retryBackoff", retryBackoff); return this; }

        /** At most this many searches per period; null for no limit. */
        public Builder rateLimit(RateLimit rateLimit) { this.rateLimit = rateLimit; return this; }

        /** Builds the settings; a {@code minimumCalls} above {@code slidingWindow} is read as the window size. */
        public ResilienceSettings build() {
            return new ResilienceSettings(this);
        }
    }
}
