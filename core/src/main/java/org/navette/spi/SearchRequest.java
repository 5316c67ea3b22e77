package org.navette.spi;

import java.time.Duration;
import java.util.Objects;
import org.navette.query.Query;

/**
 * What a connector is asked to do for one search: the query, which records to fetch, in what
 * chunks, within what time, and the signal that tells it to stop.
 *
 * <pre>{@code
 * SearchRequest req = SearchRequest.builder(Query.title("computer"))
 *         .maxRecords(50).chunkSize(10).timeout(Duration.ofSeconds(10)).build();
 * }</pre>
 *
 * @param query        the query, translated by the connector for its target
 * @param startRecord  1-based position of the first record to fetch
 * @param maxRecords   how many records to fetch at most (0: only count hits)
 * @param chunkSize    how many records to ask for per request/present, and to hand over per
 *                     {@link SearchListener#onRecords} call
 * @param timeout      the time budget for the whole search on this target
 * @param cancellation tells the connector to stop
 */
public record SearchRequest(Query query, int startRecord, int maxRecords, int chunkSize, Duration timeout,
                            CancellationSignal cancellation) {
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        if (startRecord < 1) {
            throw new IllegalArgumentException("startRecord must be >= 1, was " + startRecord);
        }
        if (maxRecords < 0) {
            throw new IllegalArgumentException("maxRecords must be >= 0, was " + maxRecords);
        }
        if (chunkSize < 1 || chunkSize > 1000) {
            throw new IllegalArgumentException("chunkSize must be within 1..1000, was " + chunkSize);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        Objects.requireNonNull(cancellation, "cancellation");
    }

    public static Builder builder(Query query) {
        return new Builder(query);
    }

    /** Builds {@link SearchRequest}s: defaults start 1, max 20, chunk 10, timeout 30 s, a fresh signal. */
    public static final class Builder {
        private final Query query;
        private int startRecord = 1;
        private int maxRecords = 20;
        private int chunkSize = 10;
        private Duration timeout = Duration.ofSeconds(30);
        private CancellationSignal cancellation = new CancellationSignal();

        private Builder(Query query) {
            this.query = query;
        }

        public Builder startRecord(int startRecord) { this.startRecord = startRecord; return this; }
        public Builder maxRecords(int maxRecords) { this.maxRecords = maxRecords; return this; }
        public Builder chunkSize(int chunkSize) { this.chunkSize = chunkSize; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder cancellation(CancellationSignal cancellation) { this.cancellation = cancellation; return this; }

        public SearchRequest build() {
            return new SearchRequest(query, startRecord, maxRecords, chunkSize, timeout, cancellation);
        }
    }
}
