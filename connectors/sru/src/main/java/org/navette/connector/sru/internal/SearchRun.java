package org.navette.connector.sru.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * The paging state of one search: which page to ask for next, what a page means (hits, records,
 * warnings, fatal diagnostics), when to stop. The same state machine drives the blocking and the
 * asynchronous search, so that both behave alike.
 *
 * <p>Paging follows {@code nextRecordPosition} when the server sends it and counts records when it
 * does not (Zebra never sends it); it stops at maxRecords, at the hit count, and when a page brings
 * nothing new, so that a confused server cannot make it loop.
 *
 * <p>Thread-safety: not thread-safe; one page at a time, which both search paths guarantee.
 */
public final class SearchRun {
    /**
     * One page to request.
     *
     * @param start 1-based startRecord
     * @param size  maximumRecords (0 asks for the hit count only)
     */
    public record Page(int start, int size) {
    }

    private final String origin;
    private final SruSettings settings;
    private final int maxRecords;
    private final int chunkSize;
    private final SearchListener listener;
    private final Clock clock;
    private final Instant deadline;
    private final List<TargetDiagnostic> warnings = new ArrayList<>();
    private long hits = -1;
    private int position;
    private int consumed;
    private int delivered;
    private boolean done;
    private boolean started;
    private boolean answered;

    public SearchRun(String origin, SruSettings settings, int startRecord, int maxRecords, int chunkSize,
                     Duration timeout, SearchListener listener, Clock clock) {
        this.origin = origin;
        this.settings = settings;
        this.position = startRecord;
        this.maxRecords = maxRecords;
        this.chunkSize = chunkSize;
        this.listener = listener;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
    }

    /** The next page to request, or null when the search is complete. Reports the phase. */
    public Page next() {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            listener.onPhase(Phase.SEARCHING);
            return new Page(position, Math.min(chunkSize, maxRecords));
        }
        int wanted = Math.min(chunkSize, maxRecords - consumed);
        if (wanted <= 0 || position > hits) {
            done = true;
            return null;
        }
        listener.onPhase(Phase.FETCHING);
        return new Page(position, (int) Math.min(wanted, hits - position + 1));
    }

    /** Time left in the search's budget; zero or negative once it is spent. */
    public Duration remaining() {
        return Duration.between(clock.instant(), deadline);
    }

    public boolean deadlinePassed() {
        Duration left = remaining();
        return left.isNegative() || left.isZero();
    }

    /**
     * Takes in one parsed page: hit count, records, warnings.
     *
     * @throws TargetException when the page is a fatal diagnostic or not a usable answer
     */
    public void accept(Page page, SruResponse response) {
        List<SruDiagnostic> diagnostics = response.diagnostics();
        if (!response.hasNumberOfRecords()) {
            if (!diagnostics.isEmpty()) {
                throw new TargetException(SruDiagnosticKinds.whole(diagnostics.get(0)));
            }
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.BAD_RESPONSE,
                    "SRU response without numberOfRecords or diagnostics"));
        }
        if (response.numberOfRecords() != hits) {
            hits = response.numberOfRecords();
            listener.onHits(hits);
        }
        boolean outOfRange = diagnostics.stream().anyMatch(d -> d.standardNumber() == 61);
        if (!diagnostics.isEmpty() && response.records().isEmpty() && page.size() > 0 && page.start() <= hits
                && !outOfRange) {
            // e.g. 66 unknown schema: the server counted hits but will give no record at all
            throw new TargetException(SruDiagnosticKinds.whole(diagnostics.get(0)));
        }
        for (SruDiagnostic d : diagnostics) {
            if (d.standardNumber() != 61) {
                warn(SruDiagnosticKinds.whole(d));
            }
        }
        List<SruRecord> records = response.records();
        if (records.size() > page.size()) {
            records = records.subList(0, page.size()); // a server that sends more than asked for
        }
        List<RawRecord> chunk = new ArrayList<>(records.size());
        for (SruRecord r : records) {
            RawRecord raw = toRaw(r);
            if (raw != null) {
                chunk.add(raw);
            }
        }
        if (!chunk.isEmpty()) {
            listener.onRecords(List.copyOf(chunk));
            delivered += chunk.size();
        }
        consumed += records.size();
        int next = response.nextRecordPosition() > page.start() ? response.nextRecordPosition()
                : page.start() + records.size();
        if (records.isEmpty() || page.size() == 0 || next <= page.start()) {
            done = true;
        }
        position = next;
        answered = true;
    }

    /**
     * Takes in a failed page: before the first answer the search fails; after it, the records
     * already delivered stand and the failure becomes a warning (partial results).
     *
     * @throws TargetException when the search as a whole fails
     */
    public void fail(TargetException failure) {
        if (!answered || failure.diagnostic().kind() == DiagnosticKind.CANCELLED) {
            done = true;
            throw failure;
        }
        warn(failure.diagnostic());
        done = true;
    }

    /** A warning found outside the pages (a query field searched as {@code any}...). */
    public void warn(TargetDiagnostic warning) {
        warnings.add(warning);
        listener.onWarning(warning);
    }

    public SearchOutcome outcome() {
        return new SearchOutcome(Math.max(hits, 0), delivered, warnings);
    }

    private RawRecord toRaw(SruRecord r) {
        SruRecord.Content content = r.content();
        if (content instanceof SruRecord.Surrogate s) {
            warn(SruDiagnosticKinds.surrogate(s.diagnostic(), r.position()));
            return null;
        }
        if (content instanceof SruRecord.Unusable u) {
            warn(TargetDiagnostic.of(DiagnosticKind.RECORD_FAILED, null, u.reason(),
                    "record " + r.position() + (r.schema() == null ? "" : ", schema " + r.schema())));
            return null;
        }
        SruRecord.Data data = (SruRecord.Data) content;
        return RawRecord.ofXml(origin, data.syntax(), data.xml(), formatOf(r, data));
    }

    /** The configured format first, then what the record or its schema says; null lets the normaliser detect. */
    private RecordFormat formatOf(SruRecord r, SruRecord.Data data) {
        if (data.syntax() == RecordSyntax.DUBLIN_CORE_XML) {
            return RecordFormat.DUBLIN_CORE;
        }
        if (settings.format() != null) {
            return settings.format();
        }
        if (data.formatAttribute() != null) {
            String f = data.formatAttribute().toLowerCase(Locale.ROOT);
            if (f.contains("unimarc")) {
                return RecordFormat.UNIMARC;
            }
            if (f.contains("marc21") || f.equals("usmarc")) {
                return RecordFormat.MARC21;
            }
        }
        String schema = (r.schema() == null ? settings.recordSchema() : r.schema()).toLowerCase(Locale.ROOT);
        if (schema.contains("unimarc")) {
            return RecordFormat.UNIMARC;
        }
        if (schema.contains("marc21") || schema.contains("marcxml")) {
            return RecordFormat.MARC21;
        }
        return null;
    }
}
