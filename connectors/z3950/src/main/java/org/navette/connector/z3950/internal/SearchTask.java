package org.navette.connector.z3950.internal;

import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.navette.model.RawRecord;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * One search on one Z39.50 target, as a state machine an {@link EventLoop} drives: get a connection
 * from the pool (or wait for one without holding a thread), connect and init if it is new, search
 * (the first chunk of records comes piggybacked), present the rest chunk by chunk, copying every
 * record out of native memory before the result set is destroyed. Deadlines, cancellation and
 * errors all end in {@link #finish}, which releases the result set and returns or destroys the
 * connection, so no path leaks a native object.
 *
 * <pre>{@code
 * SearchTask task = new SearchTask(target, "@attr 1=4 computer", List.of(), request, listener, completion);
 * loop.add(task);                     // on the loop's thread
 * }</pre>
 *
 * <p>Thread-safety: confined to its loop's thread, except the cancellation and pool callbacks, which
 * only {@link EventLoop#post post} to the loop.
 */
final class SearchTask {
    /** Receives the end of a search, on the loop's thread. */
    public interface Completion {
        void succeeded(SearchOutcome outcome);

        void failed(TargetException failure);
    }

    private enum Stage {
        NEW, WAITING, CONNECTING, SEARCHING, FETCHING, DONE;

        Phase phase() {
            return switch (this) {
                case NEW, WAITING, CONNECTING -> Phase.CONNECTING;
                case SEARCHING -> Phase.SEARCHING;
                case FETCHING, DONE -> Phase.FETCHING;
            };
        }
    }

    private final ZoomTarget target;
    private final String pqf;
    private final SearchRequest request;
    private final SearchListener listener;
    private final Completion completion;
    private static final CString START = CString.of("start");
    private static final CString COUNT = CString.of("count");
    private static final CString PRESENT_CHUNK = CString.of("presentChunk");

    private final List<TargetDiagnostic> warnings = new ArrayList<>();
    /** Reused for every record this search copies (loop thread only). */
    private final IntByReference length = new IntByReference();
    private final int chunk;
    private final long first;

    private EventLoop loop;
    private Stage stage = Stage.NEW;
    private long deadline = Long.MAX_VALUE;
    private long connectDeadline = Long.MAX_VALUE;
    private Duration budget;
    private ConnectionPool.Waiter waiter;
    private AutoCloseable cancelRegistration;
    private ZoomConnection connection;
    private ZoomResultSet resultSet;
    private long hits = -1;
    private boolean hitsReported;
    private int fetched;
    private long next;
    private long end;
    private long pendingEnd;

    public SearchTask(ZoomTarget target, String pqf, List<TargetDiagnostic> translationWarnings, SearchRequest request,
                      SearchListener listener, Completion completion) {
        this.target = target;
        this.pqf = pqf;
        this.request = request;
        this.listener = listener;
        this.completion = completion;
        this.warnings.addAll(translationWarnings);
        Z3950Settings s = target.settings();
        this.chunk = s.presentChunk() > 0 ? s.presentChunk() : request.chunkSize();
        this.first = request.startRecord() - 1L;
    }

    /** Starts on {@code loop} (loop thread). */
    void start(EventLoop eventLoop) {
        this.loop = eventLoop;
        long now = loop.now();
        Z3950Settings s = target.settings();
        budget = request.timeout();
        if (s.timeout() != null && s.timeout().compareTo(budget) < 0) {
            budget = s.timeout();
        }
        deadline = now + budget.toNanos();
        connectDeadline = s.connectTimeout() == null ? deadline : Math.min(deadline, now + s.connectTimeout().toNanos());
        stage = Stage.WAITING;
        cancelRegistration = request.cancellation().onCancel(() -> loop.post(this::cancelled));
        if (!tell(() -> listener.onPhase(Phase.CONNECTING))) {
            return;
        }
        for (TargetDiagnostic w : warnings) {
            if (!tell(() -> listener.onWarning(w))) {
                return;
            }
        }
        if (request.cancellation().isCancelled()) {
            cancelled(); // before it began: never touch the network
            return;
        }
        waiter = lease -> loop.post(() -> leased(lease));
        ConnectionPool.Lease lease = target.pool().acquire(waiter);
        if (lease != null) {
            leased(lease);
        }
    }

    private void leased(ConnectionPool.Lease lease) {
        if (stage == Stage.DONE) {
            target.pool().giveBack(lease);
            return;
        }
        waiter = null;
        Z3950Settings s = target.settings();
        boolean fresh = lease.connection() == null;
        if (fresh) {
            try {
                connection = target.zoom().createConnection(s.zoomOptions());
            } catch (RuntimeException e) {
                target.pool().giveBack(lease);
                fail(new TargetDiagnostic(DiagnosticKind.INTERNAL_ERROR, null,
                        "could not create a ZOOM connection: " + e.getMessage(), null, false));
                return;
            }
        } else {
            connection = lease.connection();
        }
        stage = Stage.CONNECTING;
        // on a pooled connection this only lets ZOOM reconnect should the server have dropped it meanwhile
        connection.connect(s.host(), s.port());
        if (!fresh) {
            startSearch();
        }
    }

    private void startSearch() {
        stage = Stage.SEARCHING;
        if (!tell(() -> listener.onPhase(Phase.SEARCHING))) {
            return;
        }
        long firstChunk = Math.min(chunk, request.maxRecords());
        connection.option(START, Long.toString(first));
        connection.option(COUNT, Long.toString(firstChunk));
        connection.option(PRESENT_CHUNK, Integer.toString(chunk));
        next = first;
        pendingEnd = first + firstChunk;
        try {
            resultSet = connection.searchPqf(pqf);
        } catch (RuntimeException e) {
            fail(new TargetDiagnostic(DiagnosticKind.INTERNAL_ERROR, null, "ZOOM search failed: " + e.getMessage(),
                    null, false));
        }
    }

    /** Processes ZOOM's pending events and moves on when the current request completed (loop thread). */
    void pump() {
        while (connection != null && (stage == Stage.CONNECTING || stage == Stage.SEARCHING || stage == Stage.FETCHING)) {
            if (connection.process() != 0) {
                if (stage == Stage.SEARCHING && connection.lastEvent() == Yaz.EVENT_RECV_SEARCH) {
                    reportHitsEarly();
                }
                continue;
            }
            if (!connection.isIdle()) {
                return; // waits for its socket
            }
            operationComplete();
        }
    }

    private void reportHitsEarly() {
        if (resultSet != null && !connection.error().isError()) {
            reportHits(resultSet.size());
        }
    }

    private void reportHits(long count) {
        hits = count;
        if (!hitsReported) {
            hitsReported = true;
            tell(() -> listener.onHits(count));
        }
    }

    private void operationComplete() {
        ZoomError e = connection.error();
        if (e.isError()) {
            // a Bib-1 diagnostic to a search leaves a healthy connection; ZOOM's own errors do not
            boolean reusable = !e.isZoomError() && stage != Stage.CONNECTING;
            fail(ZoomDiagnostics.of(e, stage.phase(), target.settings().hostPort()), reusable);
            return;
        }
        switch (stage) {
            case CONNECTING -> startSearch();
            case SEARCHING -> {
                reportHits(resultSet.size());
                if (stage == Stage.DONE) {
                    return;
                }
                end = Math.min(hits, first + request.maxRecords());
                if (next >= end) {
                    succeed();
                    return;
                }
                stage = Stage.FETCHING;
                if (tell(() -> listener.onPhase(Phase.FETCHING))) {
                    collect(false);
                }
            }
            case FETCHING -> collect(true);
            default -> throw new IllegalStateException("operation completed in stage " + stage);
        }
    }

    /**
     * Hands over the records of the pending range that arrived. After the search (piggyback) a
     * missing record only means it still has to be presented; after an explicit present it means
     * the target did not deliver it, which is a warning.
     */
    private void collect(boolean presented) {
        long to = Math.min(pendingEnd, end);
        List<RawRecord> records = new ArrayList<>();
        long pos = next;
        while (pos < to) {
            ZoomRecord zr = resultSet.recordNow(pos);
            if (zr == null) {
                if (!presented) {
                    break;
                }
                warn(new TargetDiagnostic(DiagnosticKind.RECORD_FAILED, null,
                        "record " + (pos + 1) + " was not delivered by the target", null, false));
            } else {
                RecordCopier.Copy copy = target.copier().copy(zr, pos + 1, length);
                if (copy.record() != null) {
                    records.add(copy.record());
                } else {
                    warn(copy.problem());
                }
            }
            pos++;
        }
        next = pos;
        if (stage == Stage.DONE) {
            return;
        }
        if (!records.isEmpty()) {
            fetched += records.size();
            if (!tell(() -> listener.onRecords(List.copyOf(records)))) {
                return;
            }
        }
        if (next >= end) {
            succeed();
            return;
        }
        long n = Math.min(chunk, end - next);
        pendingEnd = next + n;
        resultSet.request(next, n);
    }

    private void warn(TargetDiagnostic w) {
        warnings.add(w);
        tell(() -> listener.onWarning(w));
    }

    /** The socket polled ready (loop thread). */
    void socketReady(int zoomMask) {
        if (connection != null && !connection.isDestroyed()) {
            connection.fireSocket(zoomMask);
        }
    }

    /** The deadline that matters now: the connect deadline until connected, then the search deadline. */
    long deadline() {
        return switch (stage) {
            case NEW, WAITING, CONNECTING -> connectDeadline;
            case DONE -> Long.MAX_VALUE;
            default -> deadline;
        };
    }

    void checkDeadline(long now) {
        if (stage != Stage.DONE && now - deadline() >= 0) {
            Z3950Settings s = target.settings();
            boolean connecting = stage == Stage.WAITING || stage == Stage.CONNECTING;
            String what = stage == Stage.WAITING
                    ? "no free connection to " + s.hostPort() + " (pool of " + s.poolSize() + ") within "
                    : "no answer from " + s.hostPort() + " within ";
            Duration limit = connecting && s.connectTimeout() != null && s.connectTimeout().compareTo(budget) < 0
                    ? s.connectTimeout() : budget;
            fail(new TargetDiagnostic(DiagnosticKind.TIMEOUT, null,
                    what + seconds(limit) + " while " + stage.name().toLowerCase(Locale.ROOT), null, connecting), false);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private void cancelled() {
        if (stage != Stage.DONE) {
            fail(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search cancelled"), false);
        }
    }

    void interrupted() {
        if (stage != Stage.DONE) {
            fail(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "search interrupted"), false);
        }
    }

    void loopClosed() {
        if (stage != Stage.DONE) {
            fail(TargetDiagnostic.of(DiagnosticKind.CANCELLED, "the Z39.50 multiplexer was closed"), false);
        }
    }

    /** Ends a search that never started because no loop would take it. */
    void rejected(TargetDiagnostic diagnostic) {
        if (stage == Stage.NEW) {
            stage = Stage.DONE;
            completion.failed(new TargetException(diagnostic));
        }
    }

    /** The connection in use, or null (loop thread). */
    ZoomConnection connection() {
        return connection;
    }

    public boolean isDone() {
        return stage == Stage.DONE;
    }

    /** Calls the listener; a throwing listener ends the search (it broke its contract). */
    private boolean tell(Runnable call) {
        try {
            call.run();
            return stage != Stage.DONE;
        } catch (RuntimeException e) {
            fail(new TargetDiagnostic(DiagnosticKind.INTERNAL_ERROR, null, "search listener threw " + e, null, false),
                    false);
            return false;
        }
    }

    private void fail(TargetDiagnostic diagnostic) {
        fail(diagnostic, false);
    }

    private void fail(TargetDiagnostic diagnostic, boolean reusable) {
        if (stage == Stage.DONE) {
            return;
        }
        finish(reusable);
        completion.failed(new TargetException(diagnostic));
    }

    private void succeed() {
        if (stage == Stage.DONE) {
            return;
        }
        finish(true);
        completion.succeeded(new SearchOutcome(Math.max(hits, 0), fetched, warnings));
    }

    /** Releases everything this search holds, whatever state it is in. */
    private void finish(boolean reusable) {
        stage = Stage.DONE;
        if (resultSet != null) {
            resultSet.destroy();
            resultSet = null;
        }
        if (connection != null) {
            ZoomConnection c = connection;
            connection = null;
            target.pool().release(c, reusable);
        } else if (waiter != null) {
            target.pool().cancel(waiter);
            waiter = null;
        }
        if (cancelRegistration != null) {
            try {
                cancelRegistration.close();
            } catch (Exception ignored) {
                // removing a listener from a list cannot fail in a way that matters here
            }
        }
        if (loop != null) {
            loop.remove(this);
        }
    }
}
