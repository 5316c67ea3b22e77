package org.navette.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.navette.federation.SearchEvent;

/**
 * One server-sent event stream of one search, written on the HTTP thread that answers it until
 * the search ends or the client goes away — never longer: the search's deadline bounds it, and
 * a write that fails (the client left) ends it at the next event or heartbeat.
 *
 * <p>Events: {@code snapshot} (the whole snapshot: once at the start, then after new records,
 * at most every {@code snapshotEvery}), {@code target} (one target's status changed) and
 * {@code finished} (the final snapshot; the stream then ends). A comment line every
 * {@code heartbeat} keeps proxies from closing a quiet stream and finds clients that left.
 *
 * <pre>{@code
 * new EventStream(json, Duration.ofMillis(250), Duration.ofSeconds(15), clock).run(exchange, session);
 * }</pre>
 *
 * <p>Thread-safety: immutable; each {@link #run} has its own subscriber.
 */
public final class EventStream {
    /** Events asked of the search ahead of writing them; the search buffers (or drops record events) beyond. */
    private static final int WINDOW = 32;
    private static final Object COMPLETE = new Object();

    private final SearchJson json;
    private final Duration snapshotEvery;
    private final Duration heartbeat;
    private final Clock clock;

    /** {@code clock}: the registry's, to mark a followed search as asked about (it does not expire while streamed). */
    public EventStream(SearchJson json, Duration snapshotEvery, Duration heartbeat, Clock clock) {
        this.json = json;
        this.snapshotEvery = snapshotEvery;
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    /** Streams {@code session}'s events to {@code ex} until the search ends, the client leaves or the thread is interrupted. */
    public void run(HttpExchange ex, SearchSession session) throws IOException {
        Exchanges.secure(ex);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        Queue queue = new Queue();
        session.search().subscribe(queue);
        try (OutputStream out = ex.getResponseBody()) {
            // the client reconnects after this long if the stream breaks before "finished"
            write(out, "retry: 3000\n\n");
            event(out, "snapshot", json.snapshot(session.id(), session.search().snapshot()));
            long lastSnapshot = System.nanoTime();
            boolean dirty = false;
            while (true) {
                long wait = dirty ? Math.max(0, snapshotEvery.toNanos() - (System.nanoTime() - lastSnapshot))
                        : heartbeat.toNanos();
                Object next = queue.events.poll(wait, TimeUnit.NANOSECONDS);
                session.touch(clock.instant());
                if (next == null) {
                    if (dirty) {
                        event(out, "snapshot", json.snapshot(session.id(), session.search().snapshot()));
                        lastSnapshot = System.nanoTime();
                        dirty = false;
                    } else {
                        write(out, ": still searching\n\n");
                    }
                    continue;
                }
                if (next == COMPLETE) {
                    // completed without Finished: the search was dropped under us; say where it stands
                    event(out, "finished", json.snapshot(session.id(), session.search().snapshot()));
                    return;
                }
                queue.consumed();
                if (next instanceof SearchEvent.TargetChanged t) {
                    event(out, "target", json.target(t.status()));
                } else if (next instanceof SearchEvent.Finished f) {
                    event(out, "finished", json.snapshot(session.id(), f.result()));
                    return;
                } else {
                    dirty = true;  // RecordsAdded or EventsDropped: the next snapshot shows them
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // the server is closing
        } finally {
            queue.cancel();
            ex.close();
        }
    }

    private void event(OutputStream out, String name, JsonNode data) throws IOException {
        // JSON written compactly holds no line break, so one data line carries it
        write(out, "event: " + name + "\ndata: " + json.mapper().writeValueAsString(data) + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The subscriber: events land in a queue the writing thread drains, asked for a window at a time. */
    private static final class Queue implements Flow.Subscriber<SearchEvent> {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        private volatile Flow.@Nullable Subscription subscription;
        private volatile boolean cancelled;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(WINDOW);
            }
        }

        @Override
        public void onNext(SearchEvent item) {
            events.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            events.add(COMPLETE);
        }

        @Override
        public void onComplete() {
            events.add(COMPLETE);
        }

        void consumed() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
