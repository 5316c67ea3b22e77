package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.navette.federation.SearchEvent;
import org.navette.model.BibRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

class SearchWatchTest {
    private static final SearchEvent NOTHING = new SearchEvent.RecordsAdded("s1", "t", List.of(), List.of(), List.of());

    @Test
    void awaitChangeReturnsAtTheNextEventNotAtTheTimeout() throws Exception {
        SearchWatch watch = new SearchWatch();
        long seen = watch.version();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return watch.awaitChange(seen, Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        watch.onEvent(NOTHING);

        assertThat(changed.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(watch.version()).isEqualTo(seen + 1);
    }

    @Test
    void awaitChangeGivesUpAfterTheTimeoutWhenNothingHappens() throws Exception {
        SearchWatch watch = new SearchWatch();
        assertThat(watch.awaitChange(watch.version(), Duration.ofMillis(20))).isFalse();
    }

    @Test
    void onlyAChunkWithRecordsCountsAsRecordsArriving() throws Exception {
        SearchWatch watch = new SearchWatch();
        watch.onEvent(new SearchEvent.EventsDropped("s1", 1));
        assertThat(watch.finished()).isFalse();
        assertThat(watch.hasRecords()).isFalse();
        watch.onEvent(NOTHING);
        assertThat(watch.hasRecords()).as("an empty chunk is no record").isFalse();
        watch.onEvent(new SearchEvent.RecordsAdded("s1", "t", List.of(record()), List.of(), List.of()));
        assertThat(watch.hasRecords()).isTrue();
    }

    private static BibRecord record() {
        return BibRecord.builder(new RecordSource("t", "1"), RecordFormat.MARC21).titleProper("Rose").build();
    }
}
