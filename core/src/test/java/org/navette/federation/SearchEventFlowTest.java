package org.navette.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.federation.FakeTarget.answers;
import static org.navette.federation.FakeTarget.waitsFor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.navette.query.Query;

class SearchEventFlowTest {
    @RegisterExtension
    final FakeFederation fixture = new FakeFederation();
    private final FakeConnectors fakes = fixture.fakes;
    private Federation federation;


    /** A subscriber that records everything and requests as told. */
    static final class Recorder implements Flow.Subscriber<SearchEvent> {
        final List<SearchEvent> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> completed = new CompletableFuture<>();
        final long initialRequest;
        final boolean oneAtATime;
        volatile Flow.Subscription subscription;

        Recorder(long initialRequest, boolean oneAtATime) {
            this.initialRequest = initialRequest;
            this.oneAtATime = oneAtATime;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (initialRequest != 0) {
                s.request(initialRequest);
            }
        }

        @Override
        public void onNext(SearchEvent e) {
            events.add(e);
            if (oneAtATime) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable t) {
            completed.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            completed.complete(null);
        }
    }

    private Federation federationOf(int buffer) {
        return fixture.use(fixture.builder().chunkSize(1).maxRecordsPerTarget(30).subscriberBuffer(buffer).build());
    }

    @Test
    void aSubscriberRequestingOneAtATimeGetsEveryEventInOrderThenCompletion() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fakes.with("a", waitsFor(gate, IntStream.range(0, 5).mapToObj(i -> Books.distinct("a", i)).toList()));
        federation = federationOf(1024);
        Recorder r = new Recorder(1, true);

        FederatedSearch s = federation.search(Query.any("x"));
        s.subscribe(r);
        gate.complete(null);
        r.completed.get(10, TimeUnit.SECONDS);

        assertThat(r.events.get(r.events.size() - 1)).isInstanceOf(SearchEvent.Finished.class);
        assertThat(r.events.stream().filter(SearchEvent.RecordsAdded.class::isInstance)).hasSize(5);
        assertThat(r.events).noneMatch(SearchEvent.EventsDropped.class::isInstance);
        assertThat(r.events).allMatch(e -> e.searchId().equals(s.id()));
    }

    @Test
    void aLaggingSubscriberMissesRecordEventsButLearnsHowManyAndStillGetsStatusesAndTheEnd() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fakes.with("a", waitsFor(gate, IntStream.range(0, 30).mapToObj(i -> Books.distinct("a", i)).toList()));
        federation = federationOf(4);
        Recorder lagging = new Recorder(0, false);

        FederatedSearch s = federation.search(Query.any("x"));
        s.subscribe(lagging);
        gate.complete(null);
        SearchResult end = s.await(Duration.ofSeconds(10));
        waitForSubscription(lagging);
        lagging.subscription.request(Long.MAX_VALUE);
        lagging.completed.get(10, TimeUnit.SECONDS);

        long records = lagging.events.stream().filter(SearchEvent.RecordsAdded.class::isInstance).count();
        long dropped = lagging.events.stream().filter(SearchEvent.EventsDropped.class::isInstance)
                .mapToLong(e -> ((SearchEvent.EventsDropped) e).count()).sum();
        assertThat(records).isEqualTo(4);
        assertThat(records + dropped).isEqualTo(30);
        assertThat(lagging.events.stream().filter(SearchEvent.TargetChanged.class::isInstance)
                .map(e -> ((SearchEvent.TargetChanged) e).status().state()))
                .contains(TargetState.DONE);
        assertThat(lagging.events.get(lagging.events.size() - 1)).isInstanceOf(SearchEvent.Finished.class);
        assertThat(end.records()).isEqualTo(30);
    }

    @Test
    void aNonPositiveRequestIsAnErrorForThatSubscriberOnly() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fakes.with("a", waitsFor(gate, List.of(Books.dune("a"))));
        federation = federationOf(16);
        Recorder bad = new Recorder(0, false);
        Recorder good = new Recorder(Long.MAX_VALUE, false);

        FederatedSearch s = federation.search(Query.any("x"));
        s.subscribe(bad);
        s.subscribe(good);
        waitForSubscription(bad);
        bad.subscription.request(0);
        gate.complete(null);
        good.completed.get(10, TimeUnit.SECONDS);

        assertThat(bad.completed).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);
        assertThat(good.events.get(good.events.size() - 1)).isInstanceOf(SearchEvent.Finished.class);
    }

    @Test
    void aSubscriberJoiningAfterTheEndGetsTheFinalResultAndCompletion() throws Exception {
        fakes.with("a", answers(List.of(Books.dune("a"))));
        federation = federationOf(16);
        FederatedSearch s = federation.search(Query.any("x"));
        SearchResult end = s.await(Duration.ofSeconds(10));
        Recorder late = new Recorder(5, false);

        s.subscribe(late);
        late.completed.get(10, TimeUnit.SECONDS);

        assertThat(late.events).hasSize(1);
        assertThat(((SearchEvent.Finished) late.events.get(0)).result().records()).isEqualTo(end.records());
    }

    @Test
    void aCancelledSubscriptionReceivesNothingMore() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fakes.with("a", waitsFor(gate, List.of(Books.dune("a"))));
        federation = federationOf(16);
        Recorder quitter = new Recorder(Long.MAX_VALUE, false);

        FederatedSearch s = federation.search(Query.any("x"));
        s.subscribe(quitter);
        waitForSubscription(quitter);
        quitter.subscription.cancel();
        gate.complete(null);
        s.await(Duration.ofSeconds(10));

        // only what happened before the cancellation (the target connecting) may have arrived
        assertThat(quitter.events).allMatch(e -> e instanceof SearchEvent.TargetChanged t
                && t.status().state() == TargetState.CONNECTING);
        assertThat(quitter.completed).isNotDone();
    }

    private static void waitForSubscription(Recorder r) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (r.subscription == null && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(r.subscription).as("onSubscribe was called").isNotNull();
    }
}
