package org.navette.connector.opac.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.navette.model.RawRecord;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Runs a profile with everything recorded, for {@code opac-check}: against a live OPAC (a real
 * search through {@link OpacConnector}) or on a saved page (no network at all).
 *
 * <p>Thread-safety: not thread-safe; one per check.
 */
public final class CheckRun implements Trace {
    /** One request the check made. */
    public record Request(String method, String url, int status, long bytes, String note) { }

    /** One extracted value: where in the profile, with which selector, how many matches, what came out. */
    public record Value(String path, String selector, int matched, List<String> values) { }

    /** The values read for one scope: the page itself, or one record. */
    public record Scope(String name, String pageUrl, List<Value> values) { }

    private final List<Request> requests = new ArrayList<>();
    private final List<Scope> scopes = new ArrayList<>();
    private final List<RawRecord> records = new ArrayList<>();
    private final List<TargetDiagnostic> warnings = new ArrayList<>();
    private List<Value> current;
    private Long hits;
    private TargetDiagnostic failure;

    public List<Request> requests() { return requests; }

    public List<Scope> scopes() { return scopes; }

    public List<RawRecord> records() { return records; }

    public List<TargetDiagnostic> warnings() { return warnings; }

    /** The hit count the search reported, or null when it failed before. */
    public Long hits() { return hits; }

    /** Why the search failed, or null. */
    public TargetDiagnostic failure() { return failure; }

    @Override
    public void request(String method, String url, int status, long bytes, String note) {
        requests.add(new Request(method, url, status, bytes, note));
    }

    @Override
    public void record(String kind, int position, String pageUrl) {
        current = new ArrayList<>();
        scopes.add(new Scope(kind + " " + position, pageUrl, current));
    }

    @Override
    public void field(String path, String selector, int matched, List<String> values) {
        Value v = new Value(path, selector, matched, List.copyOf(values));
        boolean recordLevel = path.contains(".fields") || path.contains(".holdings");
        if (recordLevel && current != null) {
            current.add(v);
            return;
        }
        Scope last = scopes.isEmpty() ? null : scopes.get(scopes.size() - 1);
        if (last != null && last.name().equals("page") && !recordLevel) {
            last.values().add(v);
            return;
        }
        List<Value> page = new ArrayList<>();
        page.add(v);
        scopes.add(new Scope("page", null, page));
        if (recordLevel) {
            current = page;
        }
    }

    /** Searches a live (or local) OPAC through a real connector, recording everything. */
    public void search(TargetConfig target, ProfileSpec profile, SearchRequest request, Clock clock) {
        OpacSettings settings = OpacSettings.of(target);
        try (OpacConnector c = new OpacConnector(target, profile, settings, new HostGates(clock), clock)) {
            SearchOutcome out = c.search(request, new SearchListener() {
                @Override
                public void onHits(long h) {
                    hits = h;
                }

                @Override
                public void onRecords(List<RawRecord> chunk) {
                    records.addAll(chunk);
                }
            }, this);
            hits = out.hits();
            warnings.addAll(out.warnings());
        } catch (TargetException e) {
            failure = e.diagnostic();
        }
    }

    /** Reads one saved page as the answer to a search, without any network. */
    public void readPage(ProfileSpec profile, String targetId, String pageUrl, byte[] body, String headerCharset) {
        request("FILE", pageUrl, 200, body.length, null);
        try {
            OfflineReader.Result r = new OfflineReader(profile, this).read(targetId, pageUrl, body, headerCharset);
            hits = r.hits();
            records.addAll(r.records());
        } catch (TargetException e) {
            failure = e.diagnostic();
        }
    }
}
