package org.navette.federation.internal;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.navette.federation.CircuitState;
import org.navette.federation.ResilienceSettings;
import org.navette.federation.TargetState;
import org.navette.spi.Connector;
import org.navette.target.DiagnosticKind;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target of a federation with its connector and its Resilience4j guards, shared by every
 * search: the circuit breaker decides whether the target is asked at all, the bulkhead caps its
 * concurrent searches (more wait in a queue, holding no thread), the federation's
 * {@link AdmissionQueue} caps searches in flight overall, the rate limiter paces searches, the
 * retry repeats connect-level failures and the time limiter ends a search that overruns the
 * target's timeout.
 *
 * <pre>{@code
 * TargetGuard guard = new TargetGuard(config, connector, null, settings, Duration.ofSeconds(10), context);
 * guard.start(run);
 * }</pre>
 *
 * <p>Slots (bulkhead, admission) are given back when the connector's call has really returned,
 * not when the time limiter gives up on it, so the caps hold even for targets that are slow to
 * notice a cancellation.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class TargetGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetGuard.class);
    /** How long after the search's deadline a connector's own timer may end a target the deadline has already ended. */
    private static final Duration DEADLINE_BACKSTOP = Duration.ofMillis(500);

    private final TargetConfig config;
    /** The library the target is the catalogue of ({@code library} key), or null. */
    private final String library;
    private final String name;
    private final Connector connector;
    private final TargetDiagnostic unavailable;
    private final ResilienceSettings resilience;
    private final Duration timeout;
    private final EngineContext ctx;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final RateLimiter limiter;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final ArrayDeque<TargetRun> waiting = new ArrayDeque<>(); // guarded by this

    /**
     * @param connector   the target's connector, or null when it could not be created
     * @param unavailable why there is no connector (e.g. libyaz missing); every search then fails at once with it
     * @param timeout     the per-target time budget
     */
    public TargetGuard(TargetConfig config, Connector connector, TargetDiagnostic unavailable,
                       ResilienceSettings resilience, Duration timeout, EngineContext ctx) {
        if ((connector == null) == (unavailable == null)) {
            throw new IllegalArgumentException("target " + config.id() + ": give a connector or the reason there is none");
        }
        this.config = config;
        this.name = config.string("name", config.id());
        this.library = config.string("library").map(String::strip).orElse(null);
        if (library != null && library.isEmpty()) {
            throw new IllegalArgumentException("target " + config.id() + ": 'library' must not be blank; leave it out"
                    + " when the target is not one library's catalogue");
        }
        this.connector = connector;
        this.unavailable = unavailable;
        this.resilience = resilience;
        this.timeout = timeout;
        this.ctx = ctx;
        String id = config.id();
        this.breaker = resilience.circuitBreaker() ? CircuitBreaker.of(id, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.slidingWindow())
                .minimumNumberOfCalls(resilience.minimumCalls())
                .failureRateThreshold(resilience.failureRateThreshold())
                .waitDurationInOpenState(resilience.openDuration())
                .permittedNumberOfCallsInHalfOpenState(resilience.halfOpenCalls())
                // no timer thread: an open circuit half-opens on the first search after openDuration (by the clock)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(ctx.clock())
                .writableStackTraceEnabled(false)
                .build()) : null;
        this.bulkhead = Bulkhead.of(id, BulkheadConfig.custom()
                .maxConcurrentCalls(resilience.maxConcurrent())
                .maxWaitDuration(Duration.ZERO) // never block a thread: waiters queue here instead
                .build());
        this.limiter = resilience.rateLimit().map(r -> RateLimiter.of(id, RateLimiterConfig.custom()
                .limitForPeriod(r.searches())
                .limitRefreshPeriod(r.period())
                .timeoutDuration(timeout) // a reservation further out than the target's budget is refused
                .build())).orElse(null);
        this.retry = resilience.retries() == 0 ? null : Retry.of(id, RetryConfig.custom()
                .maxAttempts(resilience.retries() + 1)
                .waitDuration(resilience.retryBackoff())
                .retryOnException(TargetGuard::retryable)
                .failAfterMaxAttempts(false)
                .build());
        this.timeLimiter = TimeLimiter.of(id, TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(false) // the cancellation signal stops the connector; see launch
                .build());
        if (breaker != null) {
            ctx.metrics().breakerCreated(id, breaker);
            // rare and worth an operator's attention: a target going dark or coming back
            breaker.getEventPublisher().onStateTransition(e -> LOG.info("target {}: circuit {}", id,
                    e.getStateTransition().getToState().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    public String id() {
        return config.id();
    }

    public String name() {
        return name;
    }

    public TargetConfig config() {
        return config;
    }

    /** The code of the library whose catalogue this target is ({@code library} key); null when not set. */
    public String library() {
        return library;
    }

    public Duration timeout() {
        return timeout;
    }

    public ResilienceSettings resilience() {
        return resilience;
    }

    /** The breaker's state; {@code DISABLED} when the target has no breaker. */
    public CircuitState circuitState() {
        if (breaker == null) {
            return CircuitState.DISABLED;
        }
        // forced and metrics-only states are resilience4j's own; Navette never puts a breaker in them
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case CLOSED, METRICS_ONLY -> CircuitState.CLOSED;
            case DISABLED -> CircuitState.DISABLED;
        };
    }

    /** Records to fetch: the search's wish (else the federation default), capped by the target's {@code maxRecords}. */
    int maxRecords(Integer wanted, int federationDefault) {
        int own = config.integer("maxRecords", -1);
        if (own < 0) {
            return wanted != null ? wanted : federationDefault;
        }
        return wanted != null ? Math.min(wanted, own) : own;
    }

    /** Records per chunk: the target's {@code chunkSize}, else the federation's. */
    int chunkSize(int federationDefault) {
        return config.integer("chunkSize", federationDefault);
    }

    /** Starts one search of this target; everything after happens through callbacks. */
    void start(TargetRun run) {
        if (unavailable != null) {
            run.end(TargetState.FAILED, unavailable, OptionalLong.empty());
            run.released.complete(null);
            return;
        }
        if (breaker != null) {
            if (!breaker.tryAcquirePermission()) {
                LOG.debug("search {} target {}: circuit {}, skipped", run.search.id(), id(), circuitState());
                run.end(TargetState.SKIPPED, new TargetDiagnostic(DiagnosticKind.CIRCUIT_OPEN, null,
                        "skipped: the circuit breaker is open after repeated failures; probed again "
                                + resilience.openDuration().toSeconds() + " s after it opened", null, false),
                        OptionalLong.empty());
                run.released.complete(null);
                return;
            }
            run.breakerHeld.set(true);
        }
        run.signal.onCancel(() -> abandon(run));
        boolean granted;
        synchronized (this) {
            granted = waiting.isEmpty() && bulkhead.tryAcquirePermission();
            if (!granted) {
                waiting.add(run);
            }
        }
        if (granted) {
            run.bulkheadHeld.set(true);
            admitted(run);
        } else {
            LOG.debug("search {} target {}: queued, {} searches of the target running", run.search.id(), id(),
                    resilience.maxConcurrent());
        }
    }

    /** Holds a bulkhead slot; now waits for the federation-wide admission. */
    private void admitted(TargetRun run) {
        ctx.admission().acquire(run, () -> {
            run.admissionHeld.set(true);
            paced(run);
        });
    }

    /** Holds both slots; now waits for the rate limiter if there is one. */
    private void paced(TargetRun run) {
        if (limiter != null) {
            long waitNanos = limiter.reservePermission();
            if (waitNanos < 0) {
                if (run.launched.compareAndSet(false, true)) {
                    releaseBreaker(run, null);
                    run.end(TargetState.FAILED, new TargetDiagnostic(DiagnosticKind.RATE_LIMITED, null,
                            "rate limit of " + resilience.rateLimit().orElseThrow() + " searches reached; no turn within "
                                    + timeout.toMillis() + " ms", null, false), OptionalLong.empty());
                }
                releaseSlots(run);
                return;
            }
            if (waitNanos > 0) {
                try {
                    ctx.scheduler().schedule(() -> launch(run), waitNanos, TimeUnit.NANOSECONDS);
                    return;
                } catch (RejectedExecutionException e) {
                    // the federation is closing: launch now, the cancelled signal ends it at once
                }
            }
        }
        launch(run);
    }

    private void launch(TargetRun run) {
        if (!run.launched.compareAndSet(false, true)) {
            releaseSlots(run); // abandoned while it waited
            return;
        }
        run.running.set(true);
        Instant started = ctx.clock().instant();
        run.connecting();
        // When the search's deadline comes before the target's own timeout, the deadline ends the
        // target (with a status that says so) and cancels it; the connector's own timer is set a
        // little later only as a backstop, so that the two never race to describe the same end.
        Duration budget = run.search.remaining().plus(DEADLINE_BACKSTOP);
        if (budget.compareTo(timeout) > 0) {
            budget = timeout;
        }
        if (budget.toMillis() < 1) {
            budget = Duration.ofMillis(1);
        }
        SearchRequest request = SearchRequest.builder(run.search.query())
                .maxRecords(run.maxRecords)
                .chunkSize(run.chunkSize)
                .timeout(budget)
                .cancellation(run.signal)
                .build();
        Supplier<CompletionStage<SearchOutcome>> attempt = () -> attempt(run, request);
        CompletableFuture<SearchOutcome> call;
        try {
            call = (retry == null ? attempt.get() : retry.executeCompletionStage(ctx.scheduler(), attempt))
                    .toCompletableFuture();
        } catch (RejectedExecutionException e) {
            call = CompletableFuture.failedFuture(new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED,
                    "the federation is closed")));
        }
        call.whenComplete((o, t) -> {
            run.running.set(false);
            releaseSlots(run);
        });
        // the time limiter completes what it is given: give it a copy, so that the call's own
        // completion (and with it the release of the slots) still waits for the connector
        CompletableFuture<SearchOutcome> watched = call.copy();
        CompletionStage<SearchOutcome> limited;
        try {
            limited = timeLimiter.executeCompletionStage(ctx.scheduler(), () -> watched);
        } catch (RejectedExecutionException e) {
            limited = watched;
        }
        limited.whenComplete((outcome, failure) -> conclude(run, started, outcome, failure));
    }

    private CompletionStage<SearchOutcome> attempt(TargetRun run, SearchRequest request) {
        if (run.signal.isCancelled()) {
            return CompletableFuture.failedFuture(new TargetException(TargetDiagnostic.of(DiagnosticKind.CANCELLED,
                    "search cancelled")));
        }
        try {
            return connector.searchAsync(request, run.listener(), ctx.blocking());
        } catch (TargetException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR,
                    "connector failed to start the search: " + e), e));
        }
    }

    /** Turns the end of one target search into its final state and the breaker's record. */
    private void conclude(TargetRun run, Instant started, SearchOutcome outcome, Throwable failure) {
        Duration took = Duration.between(started, ctx.clock().instant());
        if (failure == null) {
            releaseBreaker(run, took);
            run.end(TargetState.DONE, null, OptionalLong.of(outcome.hits()), outcome.facets());
            return;
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException) {
            run.signal.cancel(); // abort the connector: its own timeout did not end it in time
            recordFailure(run, took, cause);
            run.end(TargetState.TIMED_OUT, new TargetDiagnostic(DiagnosticKind.TIMEOUT, null,
                    "no answer within the target's timeout of " + timeout.toMillis() + " ms", null, false),
                    OptionalLong.empty());
            return;
        }
        if (cause instanceof TargetException te) {
            TargetDiagnostic d = te.diagnostic();
            switch (d.kind()) {
                case CANCELLED -> {
                    if (run.breakerHeld.compareAndSet(true, false)) {
                        breaker.releasePermission(); // our decision, not the target's health
                    }
                    run.end(TargetState.CANCELLED, d, OptionalLong.empty());
                }
                case TIMEOUT -> {
                    recordFailure(run, took, te);
                    run.end(TargetState.TIMED_OUT, d, OptionalLong.empty());
                }
                case QUERY_REJECTED, UNSUPPORTED_SEARCH, RECORD_FAILED -> {
                    releaseBreaker(run, took); // the target answered: it is alive
                    run.end(TargetState.FAILED, d, OptionalLong.empty());
                }
                default -> {
                    recordFailure(run, took, te);
                    run.end(TargetState.FAILED, d, OptionalLong.empty());
                }
            }
            LOG.debug("search {} target {}: {} after {} ms", run.search.id(), id(), d, took.toMillis());
            return;
        }
        LOG.error("search {} target {}: unexpected failure", run.search.id(), id(), cause);
        recordFailure(run, took, cause);
        run.end(TargetState.FAILED, TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR, "internal error: " + cause),
                OptionalLong.empty());
    }

    private void releaseBreaker(TargetRun run, Duration took) {
        if (run.breakerHeld.compareAndSet(true, false)) {
            if (took == null) {
                breaker.releasePermission();
            } else {
                breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void recordFailure(TargetRun run, Duration took, Throwable cause) {
        if (run.breakerHeld.compareAndSet(true, false)) {
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, cause);
        }
    }

    /** The search gave up on a run (cancellation, deadline): withdraw it if it has not started. */
    private void abandon(TargetRun run) {
        if (!run.launched.compareAndSet(false, true)) {
            return; // running: the connector sees the cancellation itself and its completion releases the slots
        }
        synchronized (this) {
            waiting.remove(run);
        }
        ctx.admission().withdraw(run);
        if (run.breakerHeld.compareAndSet(true, false)) {
            breaker.releasePermission();
        }
        releaseSlots(run);
    }

    /** Gives back the run's slots (each once) and wakes the next waiter of this target. */
    private void releaseSlots(TargetRun run) {
        if (run.admissionHeld.compareAndSet(true, false)) {
            ctx.admission().release();
        }
        if (run.bulkheadHeld.compareAndSet(true, false)) {
            TargetRun next = null;
            synchronized (this) {
                bulkhead.onComplete();
                TargetRun head = waiting.peek();
                if (head != null && bulkhead.tryAcquirePermission()) {
                    next = waiting.poll();
                }
            }
            if (next != null) {
                next.bulkheadHeld.set(true);
                TargetRun admittedRun = next;
                try {
                    ctx.cpu().execute(() -> admitted(admittedRun));
                } catch (RejectedExecutionException e) {
                    admitted(admittedRun);
                }
            }
        }
        if (!run.running.get()) {
            run.released.complete(null);
        }
    }

    static boolean retryable(Throwable t) {
        TargetException te = Connector.targetFailure(t);
        return te != null && te.diagnostic().retryable();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Closes the connector (its pooled connections); searches still running end as the connector decides. */
    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (RuntimeException e) {
                LOG.warn("target {}: closing its connector failed", id(), e);
            }
        }
    }
}
