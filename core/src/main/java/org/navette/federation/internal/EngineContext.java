package org.navette.federation.internal;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.navette.match.Matcher;
import org.navette.rank.Ranker;

/**
 * What every search and target of one federation shares: time, threads, the in-flight cap,
 * metrics, and the normalise / match / rank chain.
 *
 * @param clock            time for elapsed times and circuit breakers
 * @param cpu              the bounded pool for normalising, clustering and event delivery
 * @param blocking         the bounded pool where connectors without asynchronous I/O block
 * @param scheduler        timeouts, retry back-off, rate-limit waits, deadlines
 * @param admission        the federation-wide cap on target searches in flight
 * @param metrics          what is measured
 * @param decoder          raw record to {@code BibRecord} (the normaliser)
 * @param matcher          the matcher each search's clusterer uses
 * @param ranker           ranks and facets snapshots
 * @param subscriberBuffer events buffered per Flow subscriber
 *
 * <p>Thread-safety: immutable; the parts are thread-safe.
 */
public record EngineContext(Clock clock, Executor cpu, Executor blocking, ScheduledExecutorService scheduler,
                            AdmissionQueue admission, EngineMetrics metrics, RecordDecoder decoder, Matcher matcher,
                            Ranker ranker, int subscriberBuffer) {
}
