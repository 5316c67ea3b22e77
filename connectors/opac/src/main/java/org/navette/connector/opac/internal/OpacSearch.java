package org.navette.connector.opac.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.navette.connector.opac.internal.PageInterpreter.NothingFound;
import org.navette.connector.opac.internal.PageInterpreter.Reading;
import org.navette.connector.opac.internal.PageInterpreter.ResultList;
import org.navette.connector.opac.internal.PageInterpreter.SingleRecord;
import org.navette.connector.opac.internal.ProfileSpec.Export;
import org.navette.connector.opac.internal.ProfileSpec.PageFormat;
import org.navette.connector.opac.internal.ProfileSpec.Paging;
import org.navette.connector.opac.internal.ProfileSpec.Search;
import org.navette.model.RawRecord;
import org.navette.target.DiagnosticKind;
import org.navette.spi.Phase;
import org.navette.spi.SearchListener;
import org.navette.spi.SearchOutcome;
import org.navette.spi.SearchRequest;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * One search on one OPAC target: session page, search request, result pages (next links or a page
 * parameter), each result's own page or MARC export, delivered to the listener in chunks.
 *
 * <p>Partial results are normal: a record page that fails is a warning and the record still
 * arrives from the result list; running out of time after some records ends the search with what
 * it has (and a TIMEOUT warning) instead of failing it.
 *
 * <p>Thread-safety: not thread-safe; runs on one thread, once.
 */
final class OpacSearch {
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final String ACCEPT_JSON = "application/json,*/*;q=0.5";
    private static final String ACCEPT_MARC = "application/marcxml+xml,application/xml;q=0.9,*/*;q=0.5";

    private final String targetId;
    private final ProfileSpec profile;
    private final OpacSettings settings;
    private final PageFetcher fetcher;
    private final PageInterpreter reader;
    private final RecordAssembler assembler;
    private final QueryTranslator translator;
    private final SearchRequest request;
    private final SearchListener listener;
    private final Deadline deadline;
    private final Charset requestCharset;
    private final String accept;

    private final List<TargetDiagnostic> warnings = new ArrayList<>();
    private final List<RawRecord> pending = new ArrayList<>();
    private int delivered;
    private boolean recordPagesAllowed;

    OpacSearch(String targetId, ProfileSpec profile, OpacSettings settings, PageFetcher fetcher, PageInterpreter reader,
               RecordAssembler assembler, QueryTranslator translator, SearchRequest request, SearchListener listener,
               Deadline deadline) {
        this.targetId = targetId;
        this.profile = profile;
        this.settings = settings;
        this.fetcher = fetcher;
        this.reader = reader;
        this.assembler = assembler;
        this.translator = translator;
        this.request = request;
        this.listener = listener;
        this.deadline = deadline;
        this.requestCharset = profile.charset() == null ? StandardCharsets.UTF_8 : profile.charset();
        this.accept = profile.format() == PageFormat.JSON ? ACCEPT_JSON : ACCEPT_HTML;
        boolean wanted = settings.fetchDetails() != null ? settings.fetchDetails()
                : (profile.detail() != null && profile.detail().follow()) || (profile.export() != null && settings.exportMarc());
        this.recordPagesAllowed = wanted;
    }

    SearchOutcome run() {
        listener.onPhase(Phase.CONNECTING);
        if (profile.session() != null) {
            fetcher.get(resolve(profile.session().path()), List.of(), requestCharset, accept, null);
        }
        QueryTranslator.Translation t = translator.translate(request.query());
        t.warnings().forEach(this::warn);
        listener.onPhase(Phase.SEARCHING);

        Paging paging = profile.search().paging();
        int skip = request.startRecord() - 1;
        int pageIndex = 0;
        if (paging != null && paging.pageSize() > 0) {
            pageIndex = skip / paging.pageSize();
            skip = skip % paging.pageSize();
        }
        int position = paging != null && paging.pageSize() > 0 ? pageIndex * paging.pageSize() : 0;
        Page page = searchPage(t.params(), pageIndex, null);
        Reading reading = reader.readSearchPage(page);
        if (reading instanceof NothingFound) {
            listener.onHits(0);
            return outcome(0);
        }
        if (reading instanceof SingleRecord single) {
            listener.onHits(1);
            if (request.maxRecords() > 0 && request.startRecord() == 1) {
                listener.onPhase(Phase.FETCHING);
                deliver(recordFromOwnPage(single.record(), page, 1));
            }
            flush();
            return outcome(1);
        }
        ResultList list = (ResultList) reading;
        Long statedHits = list.hits();
        long seen = list.items().size();
        listener.onHits(statedHits != null ? statedHits : seen + position);
        if (request.maxRecords() == 0) {
            return outcome(statedHits != null ? statedHits : seen + position);
        }
        listener.onPhase(Phase.FETCHING);
        Set<String> visited = new HashSet<>();
        visited.add(page.url());
        int pages = 1;
        while (true) {
            for (Scraped item : list.items()) {
                position++;
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (delivered + pending.size() >= request.maxRecords()) {
                    break;
                }
                deliver(record(item, position));
            }
            if (delivered + pending.size() >= request.maxRecords()) {
                break;
            }
            String nextUrl = list.nextUrl();
            boolean byParameter = nextUrl == null && paging != null
                    && (statedHits == null || (long) (pageIndex + 1) * Math.max(paging.pageSize(), 1) < statedHits);
            if (nextUrl == null && !byParameter) {
                break;
            }
            if (nextUrl != null && visited.contains(nextUrl)) {
                break;
            }
            if (pages >= settings.maxPages()) {
                warn(TargetDiagnostic.of(DiagnosticKind.TARGET_DIAGNOSTIC, "opac:max-pages",
                        "stopped after " + pages + " result pages (maxPages)", null));
                break;
            }
            try {
                flush();
                page = nextUrl != null
                        ? parse(fetcher.get(nextUrl, List.of(), requestCharset, accept, page.url()))
                        : searchPage(t.params(), ++pageIndex, page.url());
            } catch (TargetException e) {
                if (!partialAllowed(e)) {
                    throw e;
                }
                warn(partial(e, "result page " + (pages + 1)));
                break;
            }
            pages++;
            if (!visited.add(page.url()) && nextUrl == null) {
                break;
            }
            Reading more;
            try {
                more = reader.readSearchPage(page, false);
            } catch (TargetException e) {
                // an error page or a changed layout after the first page: keep what arrived
                warn(partial(e, "result page " + pages));
                break;
            }
            if (!(more instanceof ResultList next) || next.items().isEmpty()) {
                break;
            }
            list = next;
            seen += list.items().size();
        }
        flush();
        long hits = statedHits != null ? statedHits : Math.max(seen, position);
        if (statedHits == null) {
            listener.onHits(hits);
        }
        return outcome(hits);
    }

    private Page searchPage(List<Map.Entry<String, String>> params, int pageIndex, String referer) {
        Search search = profile.search();
        List<Map.Entry<String, String>> p = params;
        Paging paging = search.paging();
        if (paging != null) {
            p = new ArrayList<>();
            for (Map.Entry<String, String> e : params) {
                if (!e.getKey().equals(paging.param())) {
                    p.add(e);
                }
            }
            p.add(new AbstractMap.SimpleImmutableEntry<>(paging.param(),
                    Integer.toString(paging.first() + pageIndex * paging.step())));
        }
        String url = resolve(search.path());
        PageFetcher.Fetched f = search.method().equals("POST")
                ? fetcher.post(url, p, requestCharset, accept, referer)
                : fetcher.get(url, p, requestCharset, accept, referer);
        return parse(f);
    }

    private Page parse(PageFetcher.Fetched f) {
        return Page.parse(profile, f.url(), f.body(), f.headerCharset());
    }

    private String resolve(String path) {
        HttpUrl u = settings.baseUrl().resolve(path);
        if (u == null) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.INTERNAL_ERROR, null,
                    "profile " + profile.name() + ": path \"" + path + "\" does not resolve against " + settings.baseUrl(), null));
        }
        return u.toString();
    }

    /** A list item as a raw record: its MARC export, or its own page's fields, or the list's fields. */
    private RawRecord record(Scraped item, int position) {
        Scraped s = item;
        if (recordPagesAllowed && item.detailUrl() != null) {
            RawRecord marc = export(item, position);
            if (marc != null) {
                return marc;
            }
            if (profile.detail() != null && recordPagesAllowed) {
                try {
                    Page own = parse(fetcher.get(item.detailUrl(), List.of(), requestCharset, accept, item.pageUrl()));
                    s = item.completedBy(withHoldingsPage(reader.readRecordPage(own, position), own, position));
                } catch (TargetException e) {
                    recordPageFailed(e, position, item.detailUrl(), "record page");
                }
            }
        }
        return RawRecord.scraped(assembler.assemble(targetId, position, s));
    }

    /** The record whose own page the search landed on (single hit). */
    private RawRecord recordFromOwnPage(Scraped s, Page page, int position) {
        Scraped withLink = s.detailUrl() == null
                ? s.completedBy(new Scraped(Map.of(), List.of(), page.url())) : s;
        if (recordPagesAllowed) {
            RawRecord marc = export(withLink, position);
            if (marc != null) {
                return marc;
            }
            withLink = withHoldingsPage(withLink, page, position);
        }
        return RawRecord.scraped(assembler.assemble(targetId, position, withLink));
    }

    private Scraped withHoldingsPage(Scraped s, Page page, int position) {
        String url = reader.holdingsPageUrl(page);
        if (url == null || !recordPagesAllowed) {
            return s;
        }
        try {
            Page holdings = parse(fetcher.get(url, List.of(), requestCharset, accept, page.url()));
            return s.withHoldings(reader.readHoldingsPage(holdings));
        } catch (TargetException e) {
            recordPageFailed(e, position, url, "holdings page");
            return s;
        }
    }

    /** The record's MARC export, or null when there is none, it is switched off or it failed (warned). */
    private RawRecord export(Scraped s, int position) {
        Export export = profile.export();
        if (export == null || !settings.exportMarc()) {
            return null;
        }
        String url = exportUrl(export.url(), s);
        if (url == null) {
            return null;
        }
        try {
            PageFetcher.Fetched f = fetcher.get(url, List.of(), requestCharset, ACCEPT_MARC, s.detailUrl());
            if (!looksLikeMarc(f.body(), export)) {
                warn(TargetDiagnostic.of(DiagnosticKind.RECORD_FAILED, "opac:export",
                        "record " + position + ": the MARC export is not " + export.syntax().name().toLowerCase(java.util.Locale.ROOT)
                                + "; record read from its page instead", url));
                return null;
            }
            return RawRecord.of(targetId, export.syntax(), f.body(), export.format(), f.headerCharset());
        } catch (TargetException e) {
            recordPageFailed(e, position, url, "MARC export");
            return null;
        }
    }

    private String exportUrl(String template, Scraped s) {
        String url = template;
        String[][] placeholders = {
            {"{detailUrl}", stripQuery(s.detailUrl())},
            {"{recordId}", s.first(RecordField.RECORD_ID)},
            {"{controlNumber}", s.first(RecordField.CONTROL_NUMBER)},
        };
        for (String[] p : placeholders) {
            if (url.contains(p[0])) {
                if (p[1] == null) {
                    return null;
                }
                url = url.replace(p[0], p[1]);
            }
        }
        HttpUrl base = s.detailUrl() != null ? HttpUrl.parse(s.detailUrl()) : settings.baseUrl();
        HttpUrl resolved = base == null ? null : base.resolve(url);
        return resolved == null ? null : resolved.toString();
    }

    private static String stripQuery(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String u = url.substring(0, cut);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** A cheap sanity check: an error page in HTML must not pass as a MARC record. */
    private static boolean looksLikeMarc(byte[] body, Export export) {
        if (body.length == 0) {
            return false;
        }
        if (export.syntax() == org.navette.model.RecordSyntax.ISO2709) {
            if (body.length < 24) {
                return false;
            }
            for (int i = 0; i < 5; i++) {
                if (body[i] < '0' || body[i] > '9') {
                    return false;
                }
            }
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.ISO_8859_1);
        return head.contains("<record") || head.contains(":record") || head.contains("<collection");
    }

    private void recordPageFailed(TargetException e, int position, String url, String what) {
        DiagnosticKind kind = e.diagnostic().kind();
        if (kind == DiagnosticKind.CANCELLED) {
            throw e;
        }
        // a host that asks us to slow down, or answers too slowly, will not do better for the next record
        if (kind == DiagnosticKind.RATE_LIMITED || kind == DiagnosticKind.TIMEOUT) {
            recordPagesAllowed = false;
            warn(TargetDiagnostic.of(kind, e.diagnostic().code(), "record " + position + ": " + what + " not fetched ("
                    + e.diagnostic().message() + "); the remaining records come from the result list only", url));
            return;
        }
        warn(TargetDiagnostic.of(kind == DiagnosticKind.PROFILE_MISMATCH ? kind : DiagnosticKind.RECORD_FAILED,
                e.diagnostic().code(), "record " + position + ": " + what + " failed: " + e.diagnostic().message(), url));
    }

    private boolean partialAllowed(TargetException e) {
        DiagnosticKind k = e.diagnostic().kind();
        return delivered > 0 && k != DiagnosticKind.CANCELLED;
    }

    private TargetDiagnostic partial(TargetException e, String what) {
        TargetDiagnostic d = e.diagnostic();
        return TargetDiagnostic.of(d.kind(), d.code(), what + " failed, results are partial: " + d.message(), d.addInfo());
    }

    private void deliver(RawRecord r) {
        pending.add(r);
        if (pending.size() >= request.chunkSize()) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            List<RawRecord> chunk = List.copyOf(pending);
            pending.clear();
            delivered += chunk.size();
            listener.onRecords(chunk);
        }
    }

    private void warn(TargetDiagnostic d) {
        warnings.add(d);
        listener.onWarning(d);
    }

    private SearchOutcome outcome(long hits) {
        flush();
        return new SearchOutcome(hits, delivered, warnings);
    }
}
