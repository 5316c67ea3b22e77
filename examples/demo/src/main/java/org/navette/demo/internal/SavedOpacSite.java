package org.navette.demo.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A BIB2 WebOPAC on 127.0.0.1 serving real saved pages, behaving as the site does: the form
 * posted to {@code list} gets the saved result list whose text contains the searched words, or the
 * site's own "nothing found" page; a record link gets its saved record page, by its record number
 * ({@code C102}); anything else is a 404. The pages are ISO-8859-1, as the site sends them.
 *
 * <pre>{@code
 * try (SavedOpacSite site = SavedOpacSite.start()) {
 *     site.baseUrl();   // http://127.0.0.1:PORT/bib2/ — the target's "url" with profile "bib2"
 * }
 * }</pre>
 *
 * <p>Thread-safety: the server answers from its own threads; {@link #close()} from any thread.
 */
public final class SavedOpacSite implements AutoCloseable {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final String PREFIX = "/bib2/";
    private static final String HTML = "text/html; charset=ISO-8859-1";
    /** The saved result lists, most specific first: a query matching both gets the short one. */
    private static final List<String> RESULT_PAGES = List.of("opac/searchresult_single.htm", "opac/searchresult_multi_page1.htm");
    private static final String NOTHING_FOUND = "opac/searchresult_nothing_found.htm";
    /** Saved record pages by the record number their links carry. */
    private static final Map<String, String> RECORD_PAGES = Map.of("25221", "opac/detail.htm", "3924", "opac/detail_no_cover.htm");
    private static final Pattern RECORD_NUMBER = Pattern.compile("(?:^|&)C102=(\\d+)");
    /** The form fields that carry search words (the profile's fields: keywords, author, ISBN). */
    private static final List<String> TERM_FIELDS = List.of(":Stichwort+F002+F003+F004+F016+F031+F032", "F006+F007", "F015");

    private final List<String> resultPageTexts = new ArrayList<>();
    private @Nullable LoopbackHttpServer http;

    private SavedOpacSite() {
        for (String page : RESULT_PAGES) {
            Document doc = Jsoup.parse(new String(BundledData.bytes(page), LATIN1));
            // BIB2 writes its result list with document.write: the list's words are in the scripts
            String scripts = doc.select("script").stream().map(Element::data).collect(Collectors.joining(" "));
            resultPageTexts.add(fold(doc.text() + " " + Jsoup.parse(scripts).text()));
        }
    }

    /** Starts the site on a free port of 127.0.0.1. */
    public static SavedOpacSite start() throws IOException {
        SavedOpacSite site = new SavedOpacSite();
        site.http = LoopbackHttpServer.start("demo-opac", PREFIX, site::handle);
        return site;
    }

    /** The WebOPAC's directory: the target's {@code url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + PREFIX;
    }

    public int port() {
        return java.util.Objects.requireNonNull(http).port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals("list") && exchange.getRequestMethod().equals("POST")) {
                String form;
                try (InputStream in = exchange.getRequestBody()) {
                    form = new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
                }
                send(exchange, 200, resultPageFor(searchWords(form)));
            } else if (path.equals("list") && query != null) {
                // a "next page" link: only the first page of the long list was saved, so the site is out of pages
                send(exchange, 200, NOTHING_FOUND);
            } else if (path.equals("detail") && query != null && recordPage(query) != null) {
                send(exchange, 200, recordPage(query));
            } else {
                LoopbackHttpServer.respond(exchange, 404, HTML,
                        "<html><body><h1>404</h1><p>This page of the OPAC was not saved.</p></body></html>".getBytes(LATIN1));
            }
        }
    }

    /** The saved list whose text holds every searched word, or the site's "nothing found" page. */
    String resultPageFor(List<String> words) {
        if (!words.isEmpty()) {
            for (int i = 0; i < RESULT_PAGES.size(); i++) {
                String text = resultPageTexts.get(i);
                if (words.stream().allMatch(text::contains)) {
                    return RESULT_PAGES.get(i);
                }
            }
        }
        return NOTHING_FOUND;
    }

    /** The folded words of the search fields of a posted form, truncation stars dropped. */
    static List<String> searchWords(String form) {
        List<String> words = new ArrayList<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), LATIN1);
            if (TERM_FIELDS.contains(name)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), LATIN1);
                for (String w : fold(value).split("[^\\p{L}\\p{N}]+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
        }
        return words;
    }

    private static @Nullable String recordPage(String rawQuery) {
        Matcher m = RECORD_NUMBER.matcher(rawQuery);
        return m.find() ? RECORD_PAGES.get(m.group(1)) : null;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static void send(HttpExchange exchange, int status, String page) throws IOException {
        LoopbackHttpServer.respond(exchange, status, HTML, BundledData.bytes(page));
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }
}
