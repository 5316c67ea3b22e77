package org.navette.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.navette.federation.FederatedSearch;
import org.navette.federation.SearchEvent;
import org.navette.federation.SearchResult;
import org.navette.query.CqlParser;
import org.navette.query.Query;
import org.navette.testing.MutableClock;

class SearchRegistryTest {
    private final MutableClock clock = MutableClock.atEpoch();

    /** A search that runs until the test ends it, and counts its cancellations. */
    static final class FakeSearch implements FederatedSearch {
        volatile boolean done;
        volatile int cancelled;

        @Override public String id() { return "s"; }
        @Override public Query query() { return CqlParser.parse("x"); }
        @Override public SearchResult snapshot() { throw new UnsupportedOperationException(); }
        @Override public boolean isDone() { return done; }
        @Override public SearchResult await(Duration timeout) { throw new UnsupportedOperationException(); }
        @Override public SearchResult await() { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<SearchResult> result() { return new CompletableFuture<>(); }
        @Override public void cancel() { cancelled++; done = true; }
        @Override public CompletableFuture<Void> released() { return CompletableFuture.completedFuture(null); }
        @Override public void subscribe(Flow.Subscriber<? super SearchEvent> subscriber) { throw new UnsupportedOperationException(); }
    }

    @Test
    void oneSearchMoreThanTheRunningLimitIsRefusedWith429AndTheLimitFreesAsSearchesEnd() {
        SearchRegistry r = new SearchRegistry(2, 10, Duration.ofMinutes(1), clock);
        FakeSearch a = new FakeSearch();
        r.start(() -> a);
        r.start(FakeSearch::new);

        assertThatThrownBy(() -> r.start(FakeSearch::new)).isInstanceOf(LimitExceeded.class)
                .hasMessageContaining("2 searches are running").extracting(e -> ((LimitExceeded) e).status()).isEqualTo(429);
        a.done = true;
        assertThat(r.start(FakeSearch::new).id()).isNotBlank();
        assertThat(r.size()).isEqualTo(3);
    }

    @Test
    void aFullRegistryDropsTheFinishedSearchAskedAboutLeastRecently() {
        SearchRegistry r = new SearchRegistry(1, 2, Duration.ofMinutes(1), clock);
        FakeSearch first = new FakeSearch();
        FakeSearch second = new FakeSearch();
        SearchSession s1 = r.start(() -> first);
        first.done = true;
        clock.advance(Duration.ofSeconds(1));
        SearchSession s2 = r.start(() -> second);
        second.done = true;
        clock.advance(Duration.ofSeconds(1));
        r.get(s1.id());  // s1 asked about again: s2 is now the least recent

        SearchSession s3 = r.start(FakeSearch::new);

        assertThat(r.get(s2.id())).isEmpty();
        assertThat(r.get(s1.id())).isPresent();
        assertThat(r.get(s3.id())).isPresent();
        assertThat(r.size()).isEqualTo(2);
    }

    @Test
    void aSearchNotAskedAboutForTheExpiryIsCancelledAndDropped() {
        SearchRegistry r = new SearchRegistry(4, 10, Duration.ofMinutes(10), clock);
        FakeSearch idle = new FakeSearch();
        SearchSession kept = r.start(FakeSearch::new);
        SearchSession dropped = r.start(() -> idle);

        clock.advance(Duration.ofMinutes(6));
        r.get(kept.id());
        clock.advance(Duration.ofMinutes(5));

        assertThat(r.sweep()).isEqualTo(1);
        assertThat(r.get(dropped.id())).isEmpty();
        assertThat(idle.cancelled).isEqualTo(1);
        assertThat(r.get(kept.id())).isPresent();
    }

    @Test
    void idsAreUnguessableAndDistinct() {
        SearchRegistry r = new SearchRegistry(100, 100, Duration.ofMinutes(1), clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            FakeSearch f = new FakeSearch();
            f.done = true;
            ids.add(r.start(() -> f).id());
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void closingCancelsEverySearchAndRefusesNewOnes() {
        SearchRegistry r = new SearchRegistry(4, 10, Duration.ofMinutes(1), clock);
        FakeSearch running = new FakeSearch();
        r.start(() -> running);

        r.close();

        assertThat(running.cancelled).isEqualTo(1);
        assertThat(r.size()).isZero();
        assertThatThrownBy(() -> r.start(FakeSearch::new)).isInstanceOf(IllegalStateException.class);
    }
}
