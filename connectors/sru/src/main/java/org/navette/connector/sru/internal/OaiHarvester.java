package org.navette.connector.sru.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.CatalogueException;
import org.navette.catalogue.SourceSink;
import org.navette.connector.sru.OaiPmhSource;
import org.navette.model.ProblemKind;
import org.navette.model.RawRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordProblem;
import org.navette.model.RecordSyntax;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * One OAI-PMH repository's harvest: Identify (for the granularity), then ListRecords with
 * {@code metadataPrefix}, {@code set} and {@code from}, following resumption tokens to the end.
 *
 * <ul>
 *   <li>The state returned is the responseDate of the first ListRecords answer, at the
 *       repository's granularity: records changed while the harvest ran are then harvested again
 *       next time rather than missed ({@code from} is inclusive).</li>
 *   <li>{@code noRecordsMatch} is an empty harvest; any other OAI error fails the harvest after the
 *       records before it were delivered.</li>
 *   <li>{@code badResumptionToken} (an expired token, a restarted repository) restarts the list
 *       with the original arguments, at most {@link #MAX_RESTARTS} times; records already delivered
 *       in this read are not delivered again, since the catalogue keeps the first of two records
 *       with one id and would report the second.</li>
 *   <li>HTTP 503 or 429 with {@code Retry-After} (seconds or an HTTP date) waits as asked, capped,
 *       through the injected sleeper, at most {@code maxRetries} times per request.</li>
 * </ul>
 *
 * <pre>{@code
 * OaiHarvester h = new OaiHarvester(spec, url, "marc21", null, client, OaiPmhSource.Sleeper.SYSTEM,
 *         Clock.systemUTC(), 5, Duration.ofMinutes(5));
 * String next = h.harvest(lastState, Normaliser.ofDefaults(), sink);
 * }</pre>
 *
 * <p>Memory: the identifiers delivered in one read are kept (to skip them after a restart), a few
 * dozen bytes per record.
 *
 * <p>Thread-safety: one harvest at a time per instance (a source reads from one thread).
 */
public final class OaiHarvester {
    /** How many times one read restarts its list after badResumptionToken before it gives up. */
    public static final int MAX_RESTARTS = 3;
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Set<String> MARC_PREFIX_HINTS = Set.of("marc", "marcxchange");

    private final String spec;
    private final HttpUrl baseUrl;
    private final String prefix;
    private final @Nullable String set;
    private final @Nullable RecordFormat formatHint;
    private final OkHttpClient client;
    private final OaiPmhSource.Sleeper sleeper;
    private final Clock clock;
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final OaiResponseParser parser = new OaiResponseParser();

    public OaiHarvester(String spec, HttpUrl baseUrl, String prefix, @Nullable String set, OkHttpClient client,
                        OaiPmhSource.Sleeper sleeper, Clock clock, int maxRetries, Duration maxRetryWait) {
        this.spec = spec;
        this.baseUrl = baseUrl;
        this.prefix = prefix;
        this.set = set;
        this.formatHint = formatOfPrefix(spec, prefix);
        this.client = client;
        this.sleeper = sleeper;
        this.clock = clock;
        this.maxRetries = maxRetries;
        this.maxRetryWait = maxRetryWait;
    }

    /** The options an {@code oai:} spec may carry. */
    public static final Set<String> OPTIONS = Set.of("set", "prefix");

    /**
     * What a metadataPrefix promises: a MARC record (MARC21, UNIMARC, or detected) or Dublin Core.
     *
     * @throws IllegalArgumentException for a prefix whose records Navette cannot read (mods, ese...)
     */
    static @Nullable RecordFormat formatOfPrefix(String spec, String prefix) {
        String p = SourceSpecs.lower(prefix);
        if (p.equals("oai_dc") || p.equals("dc")) {
            return RecordFormat.DUBLIN_CORE;
        }
        if (p.contains("unimarc")) {
            return RecordFormat.UNIMARC;
        }
        if (p.contains("marc21") || p.contains("usmarc") || p.equals("marcxml") || p.equals("marc-xml")) {
            return RecordFormat.MARC21;
        }
        if (MARC_PREFIX_HINTS.stream().anyMatch(p::contains)) {
            return null; // marcxchange and the like: the record says MARC21 or UNIMARC, or the normaliser detects it
        }
        throw new IllegalArgumentException("source spec '" + spec + "': metadataPrefix '" + prefix
                + "' is not one Navette reads (MARCXML names such as marc21, marcxml, MARC21-xml, marcxchange; or oai_dc)");
    }

    /** Harvests from {@code state} (null: everything) and returns the state for next time. */
    public String harvest(@Nullable String state, Normaliser normaliser, SourceSink sink) {
        Objects.requireNonNull(normaliser, "normaliser");
        Objects.requireNonNull(sink, "sink");
        boolean byDay = !bySeconds(identify());
        String from = state == null ? null : atGranularity(parseState(state), byDay, state);
        String firstResponseDate = null;
        Set<String> delivered = new HashSet<>();
        long[] position = {0};
        int restarts = 0;
        String token = null;
        while (true) {
            HttpUrl url = token == null ? listRecords(from) : resume(token);
            OaiResponse page = fetch(url);
            if (firstResponseDate == null) {
                firstResponseDate = page.responseDate() == null ? SECONDS.format(clock.instant().atOffset(ZoneOffset.UTC))
                        : page.responseDate();
            }
            if (!page.errors().isEmpty()) {
                if (page.errors().stream().anyMatch(e -> e.code().equals("noRecordsMatch"))) {
                    break; // nothing changed since `from`: a normal, empty harvest
                }
                boolean badToken = token != null && page.errors().stream().anyMatch(e -> e.code().equals("badResumptionToken"));
                if (badToken && restarts < MAX_RESTARTS) {
                    restarts++;
                    token = null; // start the list again with the original from/set/prefix
                    continue;
                }
                throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: " + describe(page.errors())
                        + (badToken ? " after " + restarts + " restarts of the list" : "") + " (request " + url + ")");
            }
            String next = page.resumptionToken();
            if (next != null && next.equals(token)) {
                // checked before delivery: the page is most likely the previous one again
                throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: the repository answered resumptionToken '"
                        + next + "' with the same token again; stopped to avoid an endless loop");
            }
            for (OaiResponse.Record r : page.records()) {
                deliver(r, restarts > 0, delivered, position, normaliser, sink);
            }
            if (next == null) {
                break;
            }
            token = next;
        }
        return atGranularity(parseResponseDate(firstResponseDate), byDay, firstResponseDate);
    }

    private void deliver(OaiResponse.Record r, boolean restarted, Set<String> delivered, long[] position,
                         Normaliser normaliser, SourceSink sink) {
        String id = r.identifier();
        if (r.deleted()) {
            if (id != null) {
                delivered.remove(id);
                sink.deleted(id);
            }
            return; // a deletion without identifier names nothing
        }
        if (id != null && restarted && delivered.contains(id)) {
            return;
        }
        long at = ++position[0];
        ReadResult result;
        if (id == null) {
            result = unreadable(at, "the OAI-PMH header has no identifier");
        } else if (r.content() instanceof OaiResponse.Data d) {
            RecordFormat hint = d.syntax() == RecordSyntax.DUBLIN_CORE_XML ? RecordFormat.DUBLIN_CORE
                    : formatOf(d.formatAttribute(), formatHint == RecordFormat.DUBLIN_CORE ? null : formatHint);
            result = normaliser.normalise(RawRecord.ofXml(spec, d.syntax(), d.xml(), hint), at);
        } else {
            result = unreadable(at, ((OaiResponse.Unusable) r.content()).reason() + " (OAI identifier " + id + ")");
        }
        if (id != null) {
            delivered.add(id);
        }
        sink.record(result, id);
    }

    private ReadResult unreadable(long position, String reason) {
        return new ReadResult(position, null, List.of(new RecordProblem(ProblemKind.UNREADABLE, spec, position, -1, reason)));
    }

    /** marcxchange's format attribute first (the record knows best), then what the prefix promised. */
    private static @Nullable RecordFormat formatOf(@Nullable String attribute, @Nullable RecordFormat fromPrefix) {
        if (attribute != null) {
            String f = SourceSpecs.lower(attribute);
            if (f.contains("unimarc")) {
                return RecordFormat.UNIMARC;
            }
            if (f.contains("marc21") || f.equals("usmarc")) {
                return RecordFormat.MARC21;
            }
        }
        return fromPrefix;
    }

    /** Identify: the granularity; a repository that names none is taken to support days only (the minimum). */
    private @Nullable String identify() {
        HttpUrl url = baseUrl.newBuilder().addQueryParameter("verb", "Identify").build();
        OaiResponse r = fetch(url);
        if (!r.errors().isEmpty()) {
            throw new CatalogueException("OAI-PMH Identify of " + spec + " failed: " + describe(r.errors()));
        }
        return r.granularity();
    }

    private static boolean bySeconds(@Nullable String granularity) {
        return "YYYY-MM-DDThh:mm:ssZ".equals(granularity);
    }

    private HttpUrl listRecords(@Nullable String from) {
        HttpUrl.Builder b = baseUrl.newBuilder().addQueryParameter("verb", "ListRecords")
                .addQueryParameter("metadataPrefix", prefix);
        if (set != null) {
            b.addQueryParameter("set", set);
        }
        if (from != null) {
            b.addQueryParameter("from", from);
        }
        return b.build();
    }

    /** resumptionToken is an exclusive argument: sent with the verb only. */
    private HttpUrl resume(String token) {
        return baseUrl.newBuilder().addQueryParameter("verb", "ListRecords").addQueryParameter("resumptionToken", token)
                .build();
    }

    /** One request, waiting and retrying as a 503/429 with Retry-After asks. */
    private OaiResponse fetch(HttpUrl url) {
        Request request = new Request.Builder().url(url).header("User-Agent", "Navette/0.1 (OAI-PMH harvester)")
                .header("Accept", "text/xml, application/xml;q=0.9, */*;q=0.1").get().build();
        for (int attempt = 0; ; attempt++) {
            Call call = client.newCall(request);
            try (Response response = call.execute()) {
                String retryAfter = response.header("Retry-After");
                int status = response.code();
                if ((status == 503 || status == 429) && retryAfter != null) {
                    if (attempt >= maxRetries) {
                        throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: HTTP " + status
                                + " (Retry-After: " + retryAfter.strip() + ") still after " + maxRetries + " retries (request " + url + ")");
                    }
                    response.close();
                    pause(retryDelay(retryAfter));
                    continue;
                }
                return read(url, response);
            } catch (IOException e) {
                throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: " + url + " could not be read ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
            }
        }
    }

    private OaiResponse read(HttpUrl url, Response response) throws IOException {
        BufferedSource source = response.body().source();
        if (!response.isSuccessful()) {
            // some repositories send their OAI errors with 4xx: read those, report anything else as HTTP
            BufferedSource peek = source.peek();
            peek.request(1024);
            String head = new String(peek.readByteArray(Math.min(1024, peek.getBuffer().size())), StandardCharsets.UTF_8);
            if (!head.contains("OAI-PMH")) {
                throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: HTTP " + response.code() + " "
                        + response.message() + " from " + url);
            }
        }
        LimitedInputStream in = new LimitedInputStream(source.inputStream(), MAX_RESPONSE_BYTES);
        try (InputStream body = in) {
            return parser.parse(body);
        } catch (MalformedSruException e) {
            throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: malformed response to " + url + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            if (in.exceeded()) {
                throw new CatalogueException("OAI-PMH harvest of " + spec + " failed: the response to " + url
                        + " is larger than " + MAX_RESPONSE_BYTES + " bytes", e);
            }
            throw e;
        }
    }

    /** Retry-After in seconds or as an HTTP date, never below zero, capped; unreadable: a default pause. */
    Duration retryDelay(String retryAfter) {
        String v = retryAfter.strip();
        Duration d;
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            d = v.length() > 9 ? maxRetryWait : Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeException e) {
                d = DEFAULT_RETRY_AFTER;
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.compareTo(maxRetryWait) > 0 ? maxRetryWait : d;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogueException("OAI-PMH harvest of " + spec + " interrupted while waiting as the repository asked", e);
        }
    }

    /** A stored state: an OAI datestamp (day or seconds) as this class returned it. */
    private Instant parseState(String state) {
        Instant at = parseDate(state);
        if (at == null) {
            throw new CatalogueException("the stored harvest state of " + spec + " is not an OAI-PMH datestamp: '" + state + "'");
        }
        return at;
    }

    /** A responseDate; one that cannot be read (a broken repository clock format) is replaced by our own clock. */
    private Instant parseResponseDate(String date) {
        Instant at = parseDate(date);
        return at != null ? at : clock.instant();
    }

    private static @Nullable Instant parseDate(String s) {
        String v = s.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A date at the repository's granularity. A state kept in days is sent as days also to a
     * repository that now has seconds: every repository must accept days.
     */
    private static String atGranularity(Instant at, boolean byDay, String original) {
        if (byDay || original.strip().length() == 10) {
            return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return SECONDS.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static String describe(List<OaiResponse.Error> errors) {
        return String.join("; ", errors.stream().map(OaiResponse.Error::toString).toList());
    }
}
