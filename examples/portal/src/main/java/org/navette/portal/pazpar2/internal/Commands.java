package org.navette.portal.pazpar2.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.navette.federation.FederatedSearch;
import org.navette.federation.Federation;
import org.navette.federation.SearchOptions;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetState;
import org.navette.federation.TargetStatus;
import org.navette.match.Cluster;
import org.navette.model.BibRecord;
import org.navette.model.MaterialType;
import org.navette.query.Query;
import org.navette.rank.FacetField;
import org.navette.rank.FacetValue;
import org.navette.rank.RankedCluster;
import org.navette.rank.Ranker;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;

/**
 * The pazpar2 commands ({@code init ping search stat show bytarget termlist record stop}) over a
 * {@link Federation}: parameters in, pazpar2's XML answer out. HTTP is the endpoint's business.
 *
 * <pre>{@code
 * Commands c = new Commands(federation, registry, Duration.ofSeconds(10), Ranker.ofDefaults());
 * Commands.Answer a = c.run(Map.of("command", "init"));
 * a.xml();   // <init><status>OK</status><session>...</session><protocol>1</protocol>...
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; a {@code block=1} command holds its calling thread
 * for at most the block timeout.
 */
public final class Commands {
    /** The termlists a {@code termlist} without {@code name} gives. */
    static final List<String> TERMLISTS = List.of("xtargets", "author", "subject", "date", "medium", "language");
    private static final Map<String, FacetField> FACETS = Map.of("author", FacetField.AUTHOR, "subject",
            FacetField.SUBJECT, "date", FacetField.YEAR, "medium", FacetField.MATERIAL_TYPE, "language",
            FacetField.LANGUAGE, "library", FacetField.LIBRARY);
    private static final int MAX_NUM = 10_000;

    /**
     * One answer.
     *
     * @param httpStatus 200, or pazpar2's 417 for an error (503 when the server is full or closed)
     * @param xml        the document
     */
    public record Answer(int httpStatus, String xml) {
    }

    private final Federation federation;
    private final SessionRegistry sessions;
    private final Duration blockTimeout;
    private final Ranker ranker;
    private final Map<String, String> targetNames;

    public Commands(Federation federation, SessionRegistry sessions, Duration blockTimeout, Ranker ranker) {
        this.federation = Objects.requireNonNull(federation, "federation");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.blockTimeout = Objects.requireNonNull(blockTimeout, "blockTimeout");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        Map<String, String> names = new HashMap<>();
        for (TargetConfig t : federation.targets()) {
            names.put(t.id(), t.get("name") instanceof String n && !n.isBlank() ? n : t.id());
        }
        this.targetNames = Map.copyOf(names);
    }

    /**
     * Runs the command the parameters name; errors become pazpar2's {@code <error>} answer.
     *
     * @throws InterruptedException when the thread is interrupted while a {@code block=1} command waits
     */
    public Answer run(Map<String, String> params) throws InterruptedException {
        try {
            String command = params.get("command");
            if (command == null) {
                throw new CommandException(Pz2Error.MISSING_PARAMETER, "command");
            }
            String xml = switch (command) {
                case "init" -> init();
                case "ping" -> ok(session(params), "ping");
                case "search" -> search(session(params), params);
                case "stat" -> stat(session(params));
                case "show" -> show(session(params), params);
                case "bytarget" -> bytarget(session(params), params);
                case "termlist" -> termlist(session(params), params);
                case "record" -> record(session(params), params);
                case "stop" -> stop(session(params));
                case "settings", "service", "info" -> {
                    session(params);
                    throw new CommandException(Pz2Error.NOT_IMPLEMENTED, command);
                }
                default -> throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "command");
            };
            return new Answer(200, xml);
        } catch (CommandException e) {
            return new Answer(e.httpStatus(), e.toXml());
        }
    }

    private String init() {
        Pz2Session s = sessions.create().orElseThrow(() -> new CommandException(Pz2Error.NO_SERVICE,
                "the session limit is reached; try again later", 503));
        Duration timeout = sessions.idleTimeout();
        // pz2.js pings every keepAlive ms: well inside the idle timeout, as pazpar2 tells it
        Duration keepAlive = timeout.compareTo(Duration.ofSeconds(20)) >= 0 ? timeout.minusSeconds(10) : timeout.dividedBy(2);
        return new XmlAnswer().open("init").element("status", "OK").element("session", s.id()).element("protocol", "1")
                .element("keepAlive", Math.max(1, keepAlive.toMillis())).close().toXml();
    }

    private Pz2Session session(Map<String, String> params) {
        String id = params.get("session");
        if (id == null) {
            throw new CommandException(Pz2Error.MISSING_PARAMETER, "session");
        }
        return sessions.find(id).orElseThrow(() -> new CommandException(Pz2Error.NO_SESSION, id));
    }

    private static String ok(Pz2Session s, String command) {
        return new XmlAnswer().open(command).element("status", "OK").close().toXml();
    }

    private String search(Pz2Session s, Map<String, String> params) {
        String text = params.get("query");
        if (text == null) {
            throw new CommandException(Pz2Error.MISSING_PARAMETER, "query");
        }
        String startrecs = params.get("startrecs");
        if (startrecs != null && number(startrecs, "startrecs", 0, Integer.MAX_VALUE) != 0) {
            throw new CommandException(Pz2Error.NOT_IMPLEMENTED, "startrecs");
        }
        Query query;
        try {
            query = Pz2Query.parse(text);
        } catch (BadQueryException e) {
            throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "query: " + e.getMessage());
        }
        String limit = params.get("limit");
        if (limit != null) {
            query = Pz2Limit.apply(query, limit);
        }
        SearchWatch watch = new SearchWatch();
        SearchOptions.Builder options = SearchOptions.builder().listener(watch);
        String maxrecs = params.get("maxrecs");
        if (maxrecs != null) {
            options.maxRecordsPerTarget(number(maxrecs, "maxrecs", 0, 10_000));
        }
        String sort = params.get("sort");
        if (sort != null) {
            options.sort(ShowSort.parse(sort).order());
        }
        String filter = params.get("filter");
        if (filter != null) {
            options.targets(filterTargets(filter));
        }
        FederatedSearch search;
        try {
            search = federation.search(query, options.build());
        } catch (IllegalStateException e) {
            throw new CommandException(Pz2Error.NO_TARGETS, "the federation is closed", 503);
        }
        s.startSearch(search, watch);
        return ok(s, "search");
    }

    /** pazpar2's {@code pz:id=a|b} filters, all of which must hold; other settings are not kept by Navette. */
    private Set<String> filterTargets(String filter) {
        @Nullable Set<String> chosen = null;
        for (String condition : filter.split(",", -1)) {
            String c = condition.startsWith("|") ? condition.substring(1) : condition;
            if (!c.startsWith("pz:id=")) {
                throw new CommandException(Pz2Error.NOT_IMPLEMENTED, "filter " + condition + " (only pz:id=... is supported)");
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String id : c.substring("pz:id=".length()).split("\\|", -1)) {
                if (targetNames.containsKey(id)) {
                    ids.add(id);
                }
            }
            if (chosen == null) {
                chosen = ids;
            } else {
                chosen.retainAll(ids);
            }
        }
        if (chosen == null || chosen.isEmpty()) {
            throw new CommandException(Pz2Error.NO_TARGETS, "filter " + filter);
        }
        return chosen;
    }

    private String stat(Pz2Session s) {
        List<TargetStatus> targets = snapshotTargets(s);
        long hits = 0;
        long records = 0;
        Map<String, Integer> byState = new HashMap<>();
        for (TargetStatus t : targets) {
            hits += t.hits().orElse(0);
            records += t.fetched();
            byState.merge(clientState(t), 1, Integer::sum);
        }
        int active = active(targets);
        float progress = targets.isEmpty() ? 0f : (targets.size() - active) / (float) targets.size();
        return new XmlAnswer().open("stat").element("activeclients", active).element("hits", hits)
                .element("records", records).element("clients", targets.size())
                .element("unconnected", byState.getOrDefault("Client_Disconnected", 0))
                .element("connecting", byState.getOrDefault("Client_Connecting", 0))
                .element("working", byState.getOrDefault("Client_Working", 0))
                .element("idle", byState.getOrDefault("Client_Idle", 0))
                .element("failed", byState.getOrDefault("Client_Failed", 0))
                .element("error", byState.getOrDefault("Client_Error", 0))
                .element("progress", String.format(Locale.ROOT, "%.2f", progress)).close().toXml();
    }

    private String show(Pz2Session s, Map<String, String> params) throws InterruptedException {
        int start = params.containsKey("start") ? number(params.get("start"), "start", 0, Integer.MAX_VALUE) : 0;
        int num = params.containsKey("num") ? number(params.get("num"), "num", 0, Integer.MAX_VALUE) : 20;
        ShowSort sort = params.containsKey("sort") ? ShowSort.parse(params.get("sort")) : ShowSort.RELEVANCE;
        Pz2Session.Current c = s.current();
        XmlAnswer x = new XmlAnswer().open("show").element("status", "OK");
        if (c == null) {
            return x.element("activeclients", 0).element("merged", 0).element("total", 0).element("start", start)
                    .element("num", 0).close().toXml();
        }
        if ("1".equals(params.get("block"))) {
            long seen = s.answered("show");
            // as pazpar2: wait for the first records; then, unlike it, for news since this session's last show
            c.watch().awaitUntil(() -> c.watch().hasRecords() && c.watch().version() != seen, blockTimeout);
        }
        long version = c.watch().version();
        SearchResult r = c.search().snapshot();
        s.markAnswered("show", version);
        List<RankedCluster> ordered = ordered(c.search(), r, sort);
        int from = Math.min(start, ordered.size());
        int to = (int) Math.min(ordered.size(), (long) from + Math.min(num, MAX_NUM));
        Map<String, String> names = names(r);
        x.element("activeclients", active(r.targets())).element("merged", r.clusters().size())
                .element("total", totalHits(r.targets())).element("start", start).element("num", to - from);
        for (RankedCluster rc : ordered.subList(from, to)) {
            Cluster cl = rc.cluster();
            x.open("hit");
            metadata(x, Metadata.ofCluster(cl, false));
            for (BibRecord m : cl.members()) {
                location(x, m, names, false);
            }
            x.element("count", cl.size());
            if (sort.byRelevance()) {
                x.element("relevance", Math.round(rc.score() * 1000));
            }
            x.element("recid", cl.id());
            x.close();
        }
        return x.close().toXml();
    }

    private List<RankedCluster> ordered(FederatedSearch search, SearchResult r, ShowSort sort) {
        List<RankedCluster> list = r.ranked().sort() == sort.order() ? r.clusters()
                : ranker.rank(search.query(), r.clusterList(), sort.order()).clusters();
        if (sort.reversed()) {
            list = new ArrayList<>(list);
            Collections.reverse(list);
        }
        return list;
    }

    private String bytarget(Pz2Session s, Map<String, String> params) throws InterruptedException {
        awaitNews(s, "bytarget", params);
        boolean v2 = version(params) >= 2;
        XmlAnswer x = new XmlAnswer().open("bytarget").element("status", "OK");
        for (TargetStatus t : snapshotTargets(s)) {
            x.open("target").element("id", t.targetId()).element("name", t.name()).element("hits", t.hits().orElse(0));
            TargetDiagnostic d = t.diagnostic();
            x.element("diagnostic", diagnosticCode(d));
            if (d != null) {
                x.element("message", d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + d.message());
                x.element("addinfo", d.addInfo() == null ? "" : d.addInfo());
            }
            x.element("records", t.fetched()).element("filtered", 0);
            if (v2) {
                x.element("approximation", t.hits().orElse(0));
            }
            x.element("state", clientState(t)).close();
        }
        return x.close().toXml();
    }

    private String termlist(Pz2Session s, Map<String, String> params) throws InterruptedException {
        awaitNews(s, "termlist", params);
        int num = params.containsKey("num") ? number(params.get("num"), "num", 0, MAX_NUM) : 15;
        boolean v2 = version(params) >= 2;
        String nameParam = params.get("name");
        List<String> names = nameParam == null || nameParam.equals("*") ? TERMLISTS : List.of(nameParam.split(",", -1));
        Pz2Session.Current c = s.current();
        @Nullable SearchResult r = c == null ? null : c.search().snapshot();
        List<TargetStatus> targets = r == null ? List.of() : r.targets();
        XmlAnswer x = new XmlAnswer().open("termlist").element("activeclients", active(targets));
        for (String name : names) {
            if (name.equals("xtargets")) {
                x.open("list", "name", name);
                targets.stream().filter(t -> t.hits().orElse(0) > 0)
                        .sorted((a, b) -> Long.compare(b.hits().orElse(0), a.hits().orElse(0))).limit(num)
                        .forEach(t -> {
                            x.open("term").element("id", t.targetId()).element("name", t.name())
                                    .element("frequency", t.hits().orElse(0));
                            if (v2) {
                                x.element("approximation", t.hits().orElse(0)).element("records", t.fetched())
                                        .element("filtered", 0);
                            }
                            x.element("state", clientState(t)).element("diagnostic", diagnosticCode(t.diagnostic()))
                                    .close();
                        });
                x.close();
                continue;
            }
            FacetField field = FACETS.get(name);
            if (field == null || r == null) {
                x.empty("list", "name", name);
                continue;
            }
            x.open("list", "name", name);
            int n = 0;
            for (FacetValue v : r.facets().values(field)) {
                if (n++ >= num) {
                    break;
                }
                String term = field == FacetField.MATERIAL_TYPE ? mediumLabel(v.value()) : v.value();
                x.open("term").element("name", term).element("frequency", v.count()).close();
            }
            x.close();
        }
        return x.close().toXml();
    }

    private String record(Pz2Session s, Map<String, String> params) {
        String id = params.get("id");
        if (id == null) {
            throw new CommandException(Pz2Error.MISSING_PARAMETER, "id");
        }
        Pz2Session.Current c = s.current();
        if (c == null) {
            throw new CommandException(Pz2Error.RECORD_MISSING, id);
        }
        SearchResult r = c.search().snapshot();
        Cluster cluster = r.clusterList().stream().filter(cl -> cl.id().equals(id)).findFirst()
                .orElseThrow(() -> new CommandException(Pz2Error.RECORD_MISSING, id));
        String offsetText = params.get("offset");
        if (offsetText != null) {
            int offset = number(offsetText, "offset", 0, Integer.MAX_VALUE);
            if (offset >= cluster.size()) {
                throw new CommandException(Pz2Error.RECORD_FAIL, "no record at offset given");
            }
            BibRecord m = cluster.members().get(offset);
            return MarcXml.of(m.marc().orElseThrow(() -> new CommandException(Pz2Error.RECORD_FAIL,
                    "the record at offset " + offset + " (" + m.source() + ") has no MARC form")).toMarc4j());
        }
        XmlAnswer x = new XmlAnswer().open("record").element("recid", cluster.id())
                .element("activeclients", active(r.targets()));
        metadata(x, Metadata.ofCluster(cluster, true));
        Map<String, String> names = names(r);
        for (BibRecord m : cluster.members()) {
            location(x, m, names, true);
        }
        return x.close().toXml();
    }

    private String stop(Pz2Session s) {
        Pz2Session.Current c = s.current();
        if (c != null) {
            c.search().cancel();
        }
        return ok(s, "stop");
    }

    /** For {@code block=1}: waits until the search changed since this command's last answer, or ended. */
    private void awaitNews(Pz2Session s, String command, Map<String, String> params) throws InterruptedException {
        Pz2Session.Current c = s.current();
        if (c == null) {
            return;
        }
        if ("1".equals(params.get("block"))) {
            c.watch().awaitChange(s.answered(command), blockTimeout);
        }
        s.markAnswered(command, c.watch().version());
    }

    private static void metadata(XmlAnswer x, List<Metadata.Field> fields) {
        for (Metadata.Field f : fields) {
            x.element("md-" + f.name(), f.value());
        }
    }

    private static void location(XmlAnswer x, BibRecord m, Map<String, String> names, boolean full) {
        String target = m.source().origin();
        x.open("location", "id", target, "name", names.getOrDefault(target, target));
        metadata(x, Metadata.of(m, full));
        x.close();
    }

    private Map<String, String> names(SearchResult r) {
        Map<String, String> names = new HashMap<>(targetNames);
        r.targets().forEach(t -> names.put(t.targetId(), t.name()));
        return names;
    }

    private static List<TargetStatus> snapshotTargets(Pz2Session s) {
        Pz2Session.Current c = s.current();
        return c == null ? List.of() : c.search().snapshot().targets();
    }

    private static int active(List<TargetStatus> targets) {
        return (int) targets.stream().filter(t -> !t.state().isFinal()).count();
    }

    private static long totalHits(List<TargetStatus> targets) {
        return targets.stream().mapToLong(t -> t.hits().orElse(0)).sum();
    }

    /** pazpar2's client states: what its front ends show per target. */
    static String clientState(TargetStatus t) {
        TargetState s = t.state();
        return switch (s) {
            case QUEUED, CONNECTING -> "Client_Connecting";
            case SEARCHING, FETCHING -> "Client_Working";
            case DONE -> "Client_Idle";
            case SKIPPED -> "Client_Failed";
            case CANCELLED -> "Client_Disconnected";
            case FAILED, TIMED_OUT -> t.diagnostic() != null
                    && t.diagnostic().kind() == org.navette.target.DiagnosticKind.CONNECT_FAILED ? "Client_Failed" : "Client_Error";
        };
    }

    /** The diagnostic as pazpar2's number: the target's own code when numeric (Bib-1, SRU), else 100 (unspecified). */
    static int diagnosticCode(@Nullable TargetDiagnostic d) {
        if (d == null) {
            return 0;
        }
        String code = d.code();
        if (code != null) {
            String digits = code.replaceAll("^.*?(\\d+)$", "$1");
            try {
                int n = Integer.parseInt(digits);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not numeric: fall through to the generic code
            }
        }
        return 100;
    }

    private static String mediumLabel(String facetValue) {
        try {
            return Metadata.medium(MaterialType.valueOf(facetValue));
        } catch (IllegalArgumentException e) {
            return facetValue;
        }
    }

    private static int version(Map<String, String> params) {
        String v = params.get("version");
        if (v == null || v.isEmpty() || v.equals("undefined")) {
            return 1;
        }
        return number(v, "version", 0, 1000);
    }

    private static int number(String text, String name, int min, int max) {
        try {
            long n = Long.parseLong(text.trim());
            if (n < min) {
                throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, name);
            }
            return (int) Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, name);
        }
    }
}
