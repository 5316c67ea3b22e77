package org.navette.federation.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.navette.federation.SearchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Flow.Subscriber} of a federated search, with its demand and its bounded buffer.
 * The search offers events without ever waiting; deliveries run on the subscriber's own
 * {@link SerialLane}, one at a time, as far as the subscriber's demand allows.
 *
 * <p>Buffer policy (documented on {@code FederatedSearch}): at most {@code capacity}
 * {@link SearchEvent.RecordsAdded} events wait; beyond that they are counted and replaced by one
 * {@link SearchEvent.EventsDropped} in their place. Status changes and the final event always wait.
 *
 * <pre>{@code
 * SubscriberChannel ch = new SubscriberChannel(searchId, subscriber, 1024, pool);
 * ch.start();                 // onSubscribe
 * ch.offer(event);            // from the search's lane
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SubscriberChannel implements Flow.Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberChannel.class);

    private final String searchId;
    private final Flow.Subscriber<? super SearchEvent> subscriber;
    private final int capacity;
    private final SerialLane lane;
    /** Events and gap markers in order; guarded by this. */
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private int bufferedRecords;
    private long demand;
    private boolean cancelled;
    private boolean terminalQueued;
    private boolean terminated;

    /** Stands for a run of left-out events until it is delivered as {@link SearchEvent.EventsDropped}. */
    private static final class Gap {
        long count;
    }

    public SubscriberChannel(String searchId, Flow.Subscriber<? super SearchEvent> subscriber, int capacity,
                             Executor pool) {
        this.searchId = searchId;
        this.subscriber = subscriber;
        this.capacity = capacity;
        this.lane = new SerialLane(pool, "subscriber of search " + searchId);
    }

    /** Calls {@code onSubscribe}; must come before any {@link #offer}. */
    public void start() {
        lane.execute(() -> {
            try {
                subscriber.onSubscribe(this);
            } catch (RuntimeException e) {
                LOG.warn("search {}: subscriber {} failed in onSubscribe; cancelled", searchId, subscriber, e);
                cancel();
            }
        });
    }

    /** Queues an event for delivery; never blocks. */
    public void offer(SearchEvent event) {
        synchronized (this) {
            if (cancelled || terminalQueued) {
                return;
            }
            if (event instanceof SearchEvent.RecordsAdded && bufferedRecords >= capacity) {
                Object last = buffer.peekLast();
                Gap gap = last instanceof Gap g ? g : null;
                if (gap == null) {
                    gap = new Gap();
                    buffer.add(gap);
                }
                gap.count++;
                return;
            }
            buffer.add(event);
            if (event instanceof SearchEvent.RecordsAdded) {
                bufferedRecords++;
            }
            if (event instanceof SearchEvent.Finished) {
                terminalQueued = true;
            }
        }
        lane.execute(this::deliver);
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                buffer.clear();
            }
            // Reactive Streams rule 3.9: a non-positive request is an error signalled to the subscriber
            lane.execute(() -> subscriber.onError(new IllegalArgumentException(
                    "Flow.Subscription.request must be > 0, was " + n)));
            return;
        }
        synchronized (this) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        lane.execute(this::deliver);
    }

    @Override
    public void cancel() {
        synchronized (this) {
            cancelled = true;
            buffer.clear();
            bufferedRecords = 0;
        }
    }

    /** Delivers what the demand allows; runs on the lane only. */
    private void deliver() {
        while (true) {
            SearchEvent next;
            boolean last;
            synchronized (this) {
                if (cancelled || terminated || demand == 0 || buffer.isEmpty()) {
                    return;
                }
                Object head = buffer.poll();
                if (head instanceof Gap g) {
                    next = new SearchEvent.EventsDropped(searchId, g.count);
                } else {
                    next = (SearchEvent) head;
                    if (next instanceof SearchEvent.RecordsAdded) {
                        bufferedRecords--;
                    }
                }
                demand--;
                last = next instanceof SearchEvent.Finished;
                terminated = last;
            }
            try {
                subscriber.onNext(next);
                if (last) {
                    subscriber.onComplete();
                }
            } catch (RuntimeException e) {
                LOG.warn("search {}: subscriber {} threw; cancelled", searchId, subscriber, e);
                cancel();
                return;
            }
        }
    }
}
