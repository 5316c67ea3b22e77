package org.navette.ill;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where interlending requests' states are kept: an SQL database, by default an embedded H2 file in
 * the batch's folder ({@code DIR/ill-state.mv.db}); any JDBC URL works, so a network can point it
 * at a server. Every event is applied in one transaction (the request row locked, its state
 * updated, the transition and the message's identity recorded, then committed), and a message is
 * recorded once: applying it again reports a duplicate and changes nothing. That is what lets a
 * batch killed mid-way be run again: what was committed is skipped, what was not is applied, and
 * no transition is lost or doubled.
 *
 * <p>Why H2: pure Java in one jar from Maven Central (no native library as SQLite's driver
 * carries), real transactions with row locks, a file that survives a killed process when commits
 * are flushed at once ({@code WRITE_DELAY=0}), and a server mode for a shared database. Only plain
 * JDBC and standard SQL are used here.
 *
 * <pre>{@code
 * try (IllStateStore states = IllStateStore.openIn(Path.of("batch-2026-12"))) {
 *     states.plan("r1", AgencyId.parse("ISIL:FR-39001"), "c42", List.of(lenderA, lenderB), "batch-2026-12");
 *     states.apply(new SentEvent("r1", AgencyId.parse("ISIL:FR-39001"), lenderA, 0));
 *     IllStateStore.Applied a = states.apply(SupplierEvent.of("r1", lenderA, SupplierStatus.LOANED, "msg-1"));
 *     a.outcome();   // APPLIED
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe (one connection, calls serialised; the row lock guards against other processes).
 */
public final class IllStateStore implements AutoCloseable {
    /** What applying an event did. */
    public enum Outcome { APPLIED, DUPLICATE, REFUSED }

    /**
     * The result of {@link #apply}: the outcome, the lifecycle's decision (the refusal when
     * refused; for a duplicate, what the first application decided), and the request afterwards
     * (empty for an unknown request).
     */
    public record Applied(Outcome outcome, Transition transition, Optional<TrackedRequest> request) {
        public Applied {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(transition, "transition");
            Objects.requireNonNull(request, "request");
        }
    }

    private static final int SCHEMA_VERSION = 1;
    private final String url;
    private final Connection connection;
    private final Clock clock;

    private IllStateStore(String url, Connection connection, Clock clock) {
        this.url = url;
        this.connection = connection;
        this.clock = clock;
    }

    /** The embedded H2 database {@code dir/ill-state} (created with the folder when missing). */
    public static IllStateStore openIn(Path dir) {
        return open(url(dir), Clock.systemUTC());
    }

    /** The JDBC URL {@link #openIn} uses for {@code dir}. */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("ill-state") + ";WRITE_DELAY=0";
    }

    public static IllStateStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** The database at {@code jdbcUrl}, its tables created when missing; {@code clock} stamps transitions. */
    public static IllStateStore open(String jdbcUrl, Clock clock) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        try {
            Connection c = DriverManager.getConnection(jdbcUrl);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            IllStateStore s = new IllStateStore(jdbcUrl, c, clock);
            s.createSchema();
            return s;
        } catch (SQLException e) {
            throw new IllStateException("interlending state " + jdbcUrl + ": cannot open: " + e.getMessage(), e);
        }
    }

    private void createSchema() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS ill_schema (version INT NOT NULL)");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS ill_request (request_id VARCHAR(400) PRIMARY KEY, requester VARCHAR(400) NOT NULL,"
                    + " cluster_id VARCHAR(400), batch_id VARCHAR(400) NOT NULL, rota VARCHAR(8000) NOT NULL,"
                    + " lender_index INT NOT NULL, state VARCHAR(40) NOT NULL, version BIGINT NOT NULL)");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS ill_transition (request_id VARCHAR(400) NOT NULL, seq INT NOT NULL,"
                    + " from_state VARCHAR(40), to_state VARCHAR(40) NOT NULL, actor VARCHAR(400) NOT NULL, at_time VARCHAR(40) NOT NULL,"
                    + " message_id VARCHAR(1000) NOT NULL, lender_index INT NOT NULL, note VARCHAR(4000), PRIMARY KEY (request_id, seq))");
            // every message seen, refusals included: a replay must answer as the first run did
            st.executeUpdate("CREATE TABLE IF NOT EXISTS ill_message (request_id VARCHAR(400) NOT NULL, message_id VARCHAR(1000) NOT NULL,"
                    + " outcome VARCHAR(20) NOT NULL, refusal_kind VARCHAR(60), refusal VARCHAR(4000), PRIMARY KEY (request_id, message_id))");
            try (ResultSet rs = st.executeQuery("SELECT version FROM ill_schema")) {
                if (!rs.next()) {
                    st.executeUpdate("INSERT INTO ill_schema (version) VALUES (" + SCHEMA_VERSION + ")");
                } else if (rs.getInt(1) != SCHEMA_VERSION) {
                    throw new SQLException("schema version " + rs.getInt(1) + ", this Navette reads " + SCHEMA_VERSION);
                }
            }
        }
        connection.commit();
    }

    /** The JDBC URL, for messages. */
    public String url() {
        return url;
    }

    /**
     * Records a planned request: {@link RequestState#PLANNED} at its first lender, or
     * {@link RequestState#UNMATCHED} with no lender. Planning it again with the same content does
     * nothing (false).
     *
     * @return whether it was new
     * @throws IllStateException when the request exists with a different requester or rota
     */
    public synchronized boolean plan(String requestId, AgencyId requester, @Nullable String clusterId, List<AgencyId> lenders,
            String batchId) {
        return inTransaction("plan " + requestId, () -> planOne(new Planned(requestId, requester, clusterId, lenders), batchId));
    }

    /**
     * One request to record as planned: see {@link #plan}.
     *
     * @param clusterId the matched work, or null
     * @param lenders   the rota; empty records the request as {@link RequestState#UNMATCHED}
     */
    public record Planned(String requestId, AgencyId requester, @Nullable String clusterId, List<AgencyId> lenders) {
        public Planned {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(requester, "requester");
            lenders = List.copyOf(lenders);
        }
    }

    /**
     * Records many planned requests in one transaction: all of them or, when one conflicts with what
     * is recorded, none. A batch planner commits a few hundred at a time, so a disk that syncs every
     * commit costs one sync per chunk instead of one per request; a chunk lost to a crash is planned
     * again, identically, when the batch is run again.
     *
     * @return how many were new
     * @throws IllStateException when one exists with a different requester or rota (nothing is recorded then)
     */
    public synchronized int planAll(List<Planned> requests, String batchId) {
        if (requests.isEmpty()) {
            return 0;
        }
        return inTransaction("plan " + requests.size() + " requests", () -> {
            int fresh = 0;
            for (Planned p : requests) {
                fresh += planOne(p, batchId) ? 1 : 0;
            }
            return fresh;
        });
    }

    private boolean planOne(Planned p, String batchId) throws SQLException {
        String requestId = p.requestId();
        AgencyId requester = p.requester();
        @Nullable String clusterId = p.clusterId();
        List<AgencyId> lenders = p.lenders();
        Optional<TrackedRequest> existing = read(requestId, true);
        if (existing.isPresent()) {
            TrackedRequest t = existing.get();
            if (!t.requester().equals(requester) || !t.rota().equals(lenders) || !Objects.equals(t.clusterId(), clusterId)) {
                throw new IllStateException("interlending state " + url + ": request " + requestId
                        + " is already planned for " + t.requester() + " with rota " + t.rota() + "; not replanned");
            }
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ill_request (request_id, requester, cluster_id,"
                + " batch_id, rota, lender_index, state, version) VALUES (?, ?, ?, ?, ?, 0, ?, 0)")) {
            ps.setString(1, requestId);
            ps.setString(2, requester.toString());
            ps.setString(3, clusterId);
            ps.setString(4, batchId);
            ps.setString(5, String.join("\n", lenders.stream().map(AgencyId::toString).toList()));
            ps.setString(6, (lenders.isEmpty() ? RequestState.UNMATCHED : RequestState.PLANNED).name());
            ps.executeUpdate();
        }
        return true;
    }

    /** Applies one event in one transaction; see {@link Applied}. */
    public synchronized Applied apply(LifecycleEvent event) {
        Objects.requireNonNull(event, "event");
        return inTransaction("apply " + event.messageId() + " to " + event.requestId(), () -> {
            Optional<TrackedRequest> found = read(event.requestId(), true);
            if (found.isEmpty()) {
                return new Applied(Outcome.REFUSED, new Refusal(RefusalKind.UNRECOGNISED_DATA_VALUE,
                        "unknown request " + event.requestId()), Optional.empty());
            }
            TrackedRequest r = found.get();
            Optional<Transition> seen = seen(event);
            if (seen.isPresent()) {
                return new Applied(Outcome.DUPLICATE, seen.get(), Optional.of(r));
            }
            Transition t = Lifecycle.next(r, event);
            if (t instanceof Refusal refusal) {
                record(event, "refused", refusal);
                return new Applied(Outcome.REFUSED, refusal, Optional.of(r));
            }
            Transition.Move m = (Transition.Move) t;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE ill_request SET state = ?, lender_index = ?,"
                    + " version = version + 1 WHERE request_id = ? AND version = ?")) {
                ps.setString(1, m.to().name());
                ps.setInt(2, m.lenderIndex());
                ps.setString(3, r.requestId());
                ps.setLong(4, r.version());
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("request " + r.requestId() + " changed under this transaction");
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ill_transition (request_id, seq, from_state,"
                    + " to_state, actor, at_time, message_id, lender_index, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.requestId());
                ps.setInt(2, r.history().size() + 1);
                ps.setString(3, m.from().name());
                ps.setString(4, m.to().name());
                ps.setString(5, event.actor().toString());
                ps.setString(6, clock.instant().toString());
                ps.setString(7, event.messageId());
                ps.setInt(8, m.lenderIndex());
                ps.setString(9, m.note());
                ps.executeUpdate();
            }
            record(event, "applied", null);
            return new Applied(Outcome.APPLIED, m, read(r.requestId(), false));
        });
    }

    /** The request with its history, if planned. */
    public synchronized Optional<TrackedRequest> get(String requestId) {
        return inTransaction("read " + requestId, () -> read(requestId, false));
    }

    /** Every request, by id. */
    public synchronized List<TrackedRequest> all() {
        return inTransaction("read all", () -> {
            List<String> ids = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT request_id FROM ill_request ORDER BY request_id")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<TrackedRequest> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                read(id, false).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<Transition> seen(LifecycleEvent e) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT outcome, refusal_kind, refusal FROM ill_message"
                + " WHERE request_id = ? AND message_id = ?")) {
            ps.setString(1, e.requestId());
            ps.setString(2, e.messageId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if ("refused".equals(rs.getString(1))) {
                    return Optional.of(new Refusal(RefusalKind.valueOf(rs.getString(2)), rs.getString(3)));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT from_state, to_state, lender_index, note FROM ill_transition"
                + " WHERE request_id = ? AND message_id = ?")) {
            ps.setString(1, e.requestId());
            ps.setString(2, e.messageId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(new Transition.Move(RequestState.valueOf(rs.getString(1)), RequestState.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getString(4)));
            }
        }
    }

    private void record(LifecycleEvent e, String outcome, @Nullable Refusal refusal) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ill_message (request_id, message_id, outcome,"
                + " refusal_kind, refusal) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, e.requestId());
            ps.setString(2, e.messageId());
            ps.setString(3, outcome);
            ps.setString(4, refusal == null ? null : refusal.kind().name());
            ps.setString(5, refusal == null ? null : refusal.reason());
            ps.executeUpdate();
        }
    }

    private Optional<TrackedRequest> read(String requestId, boolean lock) throws SQLException {
        String sql = "SELECT requester, cluster_id, batch_id, rota, lender_index, state, version FROM ill_request WHERE request_id = ?"
                + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String rota = rs.getString(4);
                List<AgencyId> lenders = rota.isEmpty() ? List.of() : java.util.Arrays.stream(rota.split("\n")).map(AgencyId::parse).toList();
                return Optional.of(new TrackedRequest(requestId, AgencyId.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        lenders, rs.getInt(5), RequestState.valueOf(rs.getString(6)), rs.getLong(7), history(requestId)));
            }
        }
    }

    private List<HistoryEntry> history(String requestId) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, from_state, to_state, actor, at_time, message_id,"
                + " lender_index, note FROM ill_transition WHERE request_id = ? ORDER BY seq")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(2);
                    out.add(new HistoryEntry(rs.getInt(1), from == null ? null : RequestState.valueOf(from),
                            RequestState.valueOf(rs.getString(3)), AgencyId.parse(rs.getString(4)), Instant.parse(rs.getString(5)),
                            rs.getString(6), rs.getInt(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try {
            T out = work.run();
            connection.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IllStateException ise) {
                throw ise;
            }
            throw new IllStateException("interlending state " + url + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllStateException("interlending state " + url + ": cannot close: " + e.getMessage(), e);
        }
    }
}
