package org.navette.connector.opac;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.navette.connector.opac.internal.CheckRun;
import org.navette.connector.opac.internal.ProfileSpec;
import org.navette.model.RawRecord;
import org.navette.query.Query;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;

/**
 * Shows what a profile extracts, for librarians writing profiles: which requests were sent, which
 * selector produced which value and which matched nothing, the records that came out and every
 * diagnostic. Behind {@code navette opac-check}.
 *
 * <pre>{@code
 * ProfileCheck.Report r = ProfileCheck.on(OpacProfile.builtIn("bib2"), "https://opac.example.org/webOPACClient/")
 *         .maxRecords(3)
 *         .search(Query.any("klettersteig"));
 * r.requests().forEach(System.out::println);
 * r.scopes().forEach(s -> s.values().forEach(v -> System.out.println(v.path() + " <- " + v.selector() + ": " + v.values())));
 *
 * // a saved page, no network:
 * ProfileCheck.Report saved = ProfileCheck.readPage(OpacProfile.builtIn("bib2"), "https://x/list", bytes, null);
 * }</pre>
 *
 * <p>Thread-safety: instances are not thread-safe (configure, then search once); reports are immutable.
 */
public final class ProfileCheck {
    private final OpacProfile profile;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private int maxRecords = 5;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private ProfileCheck(OpacProfile profile, String url) {
        this.profile = Objects.requireNonNull(profile, "profile");
        settings.put("url", Objects.requireNonNull(url, "url"));
    }

    /** A check of {@code profile} on the OPAC at {@code url} (its base URL, as in a target file). */
    public static ProfileCheck on(OpacProfile profile, String url) {
        return new ProfileCheck(profile, url);
    }

    /** Another target setting (requestsPerSecond, params, exportMarc...), as in a target file. */
    public ProfileCheck setting(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    /** How many records to read (default 5). */
    public ProfileCheck maxRecords(int n) {
        if (n < 0 || n > 1000) {
            throw new IllegalArgumentException("maxRecords must be within 0..1000, was " + n);
        }
        maxRecords = n;
        return this;
    }

    /** The time budget of the whole check (default 30 s). */
    public ProfileCheck timeout(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + d);
        }
        timeout = d;
        return this;
    }

    /** The clock for Retry-After and cookie expiry (tests). */
    public ProfileCheck clock(Clock c) {
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * Runs the search and reports everything; a failing OPAC is a report with a
     * {@link Report#failure()}, not an exception.
     *
     * @throws IllegalArgumentException for a bad setting
     */
    public Report search(Query query) {
        TargetConfig.Builder b = TargetConfig.builder("opac-check", "opac").set("profile", profile.name());
        settings.forEach(b::set);
        TargetConfig target = b.build();
        target.requireKnownKeys(org.navette.connector.opac.internal.OpacSettings.KEYS);
        CheckRun run = new CheckRun();
        run.search(target, spec(profile), SearchRequest.builder(query).maxRecords(maxRecords)
                .chunkSize(Math.max(1, Math.min(maxRecords, 1000))).timeout(timeout).build(), clock);
        return Report.of(run);
    }

    /**
     * Reads a saved page as if it answered a search: no request is sent, record pages are not
     * followed.
     *
     * @param pageUrl       the URL the page was saved from (relative links resolve against it)
     * @param headerCharset the charset its server declared, or null to read it from the page
     */
    public static Report readPage(OpacProfile profile, String pageUrl, byte[] body, String headerCharset) {
        CheckRun run = new CheckRun();
        run.readPage(spec(profile), "opac-check", pageUrl, body, headerCharset);
        return Report.of(run);
    }

    private static ProfileSpec spec(OpacProfile profile) {
        if (!(profile instanceof ProfileSpec spec)) {
            throw new IllegalArgumentException("profiles must come from OpacProfile's factories, was "
                    + profile.getClass().getName());
        }
        return spec;
    }

    /**
     * What a check saw.
     *
     * @param requests every request, in order (redirect hops included)
     * @param hits     the hit count, or null when the search failed before one was known
     * @param scopes   the extracted values, per page and per record, in order
     * @param records  the records that came out
     * @param warnings non-fatal diagnostics
     * @param failure  why the search failed, or null
     */
    public record Report(List<Request> requests, Long hits, List<Scope> scopes, List<RawRecord> records,
                         List<TargetDiagnostic> warnings, TargetDiagnostic failure) {
        public Report {
            requests = List.copyOf(requests);
            scopes = List.copyOf(scopes);
            records = List.copyOf(records);
            warnings = List.copyOf(warnings);
        }

        static Report of(CheckRun run) {
            return new Report(
                    run.requests().stream().map(r -> new Request(r.method(), r.url(), r.status(), r.bytes(), r.note())).toList(),
                    run.hits(),
                    run.scopes().stream().map(s -> new Scope(s.name(), s.pageUrl(), s.values().stream()
                            .map(v -> new Value(v.path(), v.selector(), v.matched(), v.values())).toList())).toList(),
                    run.records(), run.warnings(), run.failure());
        }
    }

    /** One request: method, URL, HTTP status (0 when it failed), bytes read, and a note (redirects). */
    public record Request(String method, String url, int status, long bytes, String note) { }

    /** The values read for the page itself ({@code "page"}) or for one record ({@code "result item 3"}). */
    public record Scope(String name, String pageUrl, List<Value> values) {
        public Scope {
            values = List.copyOf(values);
        }
    }

    /**
     * One extracted value.
     *
     * @param path     the key path in the profile ({@code results.fields.title})
     * @param selector the selector and extraction as written
     * @param matched  how many nodes the selector matched (0: matched nothing)
     * @param values   the values after all steps
     */
    public record Value(String path, String selector, int matched, List<String> values) {
        public Value {
            values = List.copyOf(values);
        }
    }
}
