package org.navette.connector.opac.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.navette.connector.opac.internal.ProfileSpec.Detail;
import org.navette.connector.opac.internal.ProfileSpec.Detector;
import org.navette.connector.opac.internal.ProfileSpec.Holdings;
import org.navette.connector.opac.internal.ProfileSpec.Pick;
import org.navette.connector.opac.internal.ProfileSpec.Results;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Reads one page with a profile: is it an error page, a "nothing found" page, a single record's
 * page or a result list; and what do its items, fields, holdings and links say. Pure: no I/O.
 *
 * <p>A page whose shape no longer matches the profile is a {@code PROFILE_MISMATCH}
 * {@link TargetException}, never a silent empty result.
 *
 * <p>Thread-safety: not thread-safe (the trace is per search); one per search.
 */
final class PageInterpreter {
    private final ProfileSpec profile;
    private final Trace trace;
    private final Deadline deadline;
    private String lastUrl;
    private HttpUrl lastBase;

    PageInterpreter(ProfileSpec profile, Trace trace, Deadline deadline) {
        this.profile = profile;
        this.trace = trace;
        this.deadline = deadline;
    }

    /** What a search request's answer is. */
    sealed interface Reading permits NothingFound, SingleRecord, ResultList { }

    /** The OPAC says it found nothing. */
    record NothingFound() implements Reading { }

    /** The OPAC went straight to one record's page (single hit). */
    record SingleRecord(Scraped record) implements Reading { }

    /**
     * A list of results.
     *
     * @param hits    the hit count the page states, or null when it states none the profile can read
     * @param items   the items, in page order
     * @param nextUrl the next page's absolute URL, or null
     */
    record ResultList(Long hits, List<Scraped> items, String nextUrl) implements Reading { }

    /**
     * Reads a search result page (the first or a following one).
     *
     * @throws TargetException for an error page (the kind the profile gives) or a page that does not
     *                         match the profile ({@code PROFILE_MISMATCH})
     */
    Reading readSearchPage(Page page) {
        return readSearchPage(page, true);
    }

    /**
     * Reads a result page; on a following page ({@code first} false) an empty list is the end of
     * the results (paging by page number runs past the last page), not a changed page.
     */
    Reading readSearchPage(Page page, boolean first) {
        Results results = profile.results();
        PageNode root = page.root();
        if (results.nothingFound() != null && detected(results.nothingFound(), root) != null) {
            return new NothingFound();
        }
        if (results.error() != null) {
            String text = detected(results.error(), root);
            if (text != null) {
                throw new TargetException(TargetDiagnostic.of(results.error().kind(), "opac:error-page",
                        "profile " + profile.name() + ": the OPAC answered with an error page: " + abbreviate(text),
                        page.url()));
            }
        }
        Detail detail = profile.detail();
        if (detail != null && detail.detect() != null && !detail.detect().select(root).isEmpty()) {
            return new SingleRecord(readRecordPage(page, 1));
        }
        Long hits = results.hits() == null ? null : count(values(results.hits(), root, page.url()));
        List<PageNode> items = results.items().select(root);
        if (items.isEmpty()) {
            if (hits != null && hits == 0) {
                return new NothingFound();
            }
            if (!first) {
                return new ResultList(hits, List.of(), null);
            }
            throw mismatch(page, hits == null
                    ? "result selector \"" + results.items().source() + "\" matched nothing, and neither the hit count"
                      + (results.hits() == null ? "" : " (\"" + results.hits().describe() + "\")")
                      + " nor a nothing-found marker"
                      + (results.nothingFound() == null ? "" : " (\"" + results.nothingFound().locator().source() + "\")")
                      + " says the search found nothing: the page has changed shape or is not a result page"
                    : "result selector \"" + results.items().source() + "\" matched nothing on a page that has "
                      + hits + " hits");
        }
        List<Scraped> out = new ArrayList<>(items.size());
        int position = 0;
        for (PageNode item : items) {
            deadline.check();
            trace.record("result item", ++position, page.url());
            out.add(read(item, page.url(), "results.fields", results.fields(), results.holdings()));
        }
        Pick title = results.fields().get(RecordField.TITLE);
        if (title != null && out.stream().allMatch(s -> s.first(RecordField.TITLE) == null)) {
            throw mismatch(page, "field title (\"" + title.describe() + "\") matched nothing in any of the "
                    + out.size() + " result items matched by \"" + results.items().source() + "\"");
        }
        String next = null;
        if (results.next() != null) {
            next = absoluteOn(page.url(), firstOrNull(values(results.next(), root, page.url())));
        }
        return new ResultList(hits, out, next);
    }

    /** Reads a record's own page (detail page) with the profile's {@code detail} part. */
    Scraped readRecordPage(Page page, int position) {
        Detail detail = profile.detail();
        trace.record("record page", position, page.url());
        Holdings holdings = detail.holdings() != null && detail.holdings().page() == null ? detail.holdings() : null;
        Scraped s = read(page.root(), page.url(), "detail.fields", detail.fields(), holdings);
        if (s.fields().isEmpty() && s.holdings().isEmpty() && !detail.fields().isEmpty()) {
            throw mismatch(page, "no detail field matched on the record page");
        }
        return s;
    }

    /** The link to a separate holdings page, when the profile reads holdings from one; else null. */
    String holdingsPageUrl(Page page) {
        Detail detail = profile.detail();
        if (detail == null || detail.holdings() == null || detail.holdings().page() == null) {
            return null;
        }
        return absoluteOn(page.url(), firstOrNull(values(detail.holdings().page(), page.root(), page.url())));
    }

    /** Reads the holdings rows of a separate holdings page. */
    List<Map<HoldingField, String>> readHoldingsPage(Page page) {
        return holdings(profile.detail().holdings(), page.root(), page.url(), "detail.holdings.fields");
    }

    private Scraped read(PageNode node, String pageUrl, String path, Map<RecordField, Pick> picks, Holdings holdings) {
        Map<RecordField, List<String>> fields = new EnumMap<>(RecordField.class);
        for (Map.Entry<RecordField, Pick> e : picks.entrySet()) {
            List<String> v = values(e.getValue(), node, pageUrl);
            if (e.getKey() == RecordField.DETAIL_URL) {
                String abs = absoluteOn(pageUrl, firstOrNull(v));
                v = abs == null ? List.of() : List.of(abs);
            }
            if (!e.getKey().multiValued() && v.size() > 1) {
                v = List.of(v.get(0));
            }
            fields.put(e.getKey(), v);
        }
        List<Map<HoldingField, String>> rows = holdings == null ? List.of()
                : holdings(holdings, node, pageUrl, path.replace("fields", "holdings.fields"));
        return new Scraped(fields, rows, pageUrl);
    }

    private List<Map<HoldingField, String>> holdings(Holdings spec, PageNode node, String pageUrl, String path) {
        List<Map<HoldingField, String>> rows = new ArrayList<>();
        for (PageNode row : spec.rows().select(node)) {
            Map<HoldingField, String> values = new EnumMap<>(HoldingField.class);
            for (Map.Entry<HoldingField, Pick> e : spec.fields().entrySet()) {
                String v = firstOrNull(values(e.getValue(), row, pageUrl));
                if (v != null) {
                    values.put(e.getKey(), v);
                }
            }
            if (!values.isEmpty()) {
                rows.add(values);
            }
        }
        return rows;
    }

    /** Runs a pick (and its fallbacks while it yields nothing): selector, extraction, steps; blanks dropped; traced. */
    List<String> values(Pick pick, PageNode context, String pageUrl) {
        List<String> out = List.of();
        for (Pick p = pick; p != null && out.isEmpty(); p = p.orElse()) {
            out = valuesOf(p, context, pageUrl);
        }
        return out;
    }

    private List<String> valuesOf(Pick pick, PageNode context, String pageUrl) {
        List<PageNode> nodes = pick.column() == null ? pick.locator().select(context) : column(pick, context);
        List<String> values = new ArrayList<>();
        for (PageNode n : nodes) {
            values.addAll(n.values(pick.extract(), pick.attribute()));
        }
        HttpUrl base = base(pageUrl);
        Step.StepContext ctx = new Step.StepContext() {
            @Override
            public HttpUrl base() {
                return base;
            }

            @Override
            public CharSequence guard(String text) {
                return deadline.guard(text);
            }
        };
        for (Step step : pick.steps()) {
            values = step.apply(values, ctx);
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            String c = PageNode.collapseKeepingLines(v);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        trace.field(pick.path(), pick.describe(), nodes.size(), out);
        return out;
    }

    /**
     * The cell of a holdings row under the table header that matches the pick's column pattern
     * (then narrowed by its selector, if any): tables whose columns differ per site (SISIS) are read
     * by header text, not position.
     */
    private static List<PageNode> column(Pick pick, PageNode row) {
        org.jsoup.nodes.Element tr = row.element();
        if (tr == null) {
            return List.of();
        }
        org.jsoup.nodes.Element table = tr.closest("table");
        if (table == null) {
            return List.of();
        }
        org.jsoup.nodes.Element header = table.selectFirst("tr:has(th)");
        if (header == null) {
            return List.of();
        }
        int index = -1;
        int i = 0;
        for (org.jsoup.nodes.Element cell : header.children()) {
            if (pick.column().matcher(cell.text()).find()) {
                index = i;
                break;
            }
            i += Math.max(1, parseSpan(cell.attr("colspan")));
        }
        if (index < 0) {
            return List.of();
        }
        int at = 0;
        for (org.jsoup.nodes.Element cell : tr.children()) {
            if (at == index) {
                PageNode node = PageNode.of(cell);
                return pick.locator() instanceof Locator.Self ? List.of(node) : pick.locator().select(node);
            }
            at += Math.max(1, parseSpan(cell.attr("colspan")));
            if (at > index) {
                break;
            }
        }
        return List.of();
    }

    private static int parseSpan(String s) {
        return s.matches("\\d{1,3}") ? Integer.parseInt(s) : 1;
    }

    /** The text of the detector's first matching node (containing its pattern, when it has one), or null. */
    private String detected(Detector detector, PageNode root) {
        for (PageNode n : detector.locator().select(root)) {
            String text = String.join(" ", n.values(PageNode.Extract.TEXT, null));
            if (detector.matches() == null || detector.matches().matcher(deadline.guard(text)).find()) {
                return text.isEmpty() ? detector.locator().source() : text;
            }
        }
        return null;
    }

    private TargetException mismatch(Page page, String what) {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.PROFILE_MISMATCH, "opac:profile-mismatch",
                "profile " + profile.name() + ": " + what, page.url()));
    }

    /** Reads a count such as "Gefunden: 1.234" or "2 543": the first number, group separators ignored. */
    static Long count(List<String> values) {
        for (String v : values) {
            StringBuilder digits = new StringBuilder();
            boolean started = false;
            for (int i = 0; i < v.length() && digits.length() <= 15; i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                    started = true;
                } else if (started && !(isGroupSeparator(c) && i + 1 < v.length() && Character.isDigit(v.charAt(i + 1)))) {
                    break;
                }
            }
            if (digits.length() > 0 && digits.length() <= 15) {
                return Long.parseLong(digits.toString());
            }
        }
        return null;
    }

    private static boolean isGroupSeparator(char c) {
        return c == '.' || c == ',' || c == '\'' || c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    /** The page URL parsed once per page: OkHttp's parser is not free and a list has hundreds of values. */
    private HttpUrl base(String pageUrl) {
        if (!pageUrl.equals(lastUrl)) {
            lastUrl = pageUrl;
            lastBase = HttpUrl.parse(pageUrl);
        }
        return lastBase;
    }

    private String absoluteOn(String pageUrl, String link) {
        if (link == null) {
            return null;
        }
        HttpUrl b = base(pageUrl);
        HttpUrl resolved = b == null ? HttpUrl.parse(link.strip()) : b.resolve(link.strip());
        return resolved == null ? null : resolved.toString();
    }

    private static String firstOrNull(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
