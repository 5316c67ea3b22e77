package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.testpeers.Peers;
import org.navette.testpeers.ZebraPeer;

/**
 * The translations against a real server: Zebra answers the translated CQL over SRU and the
 * translated PQF over Z39.50 (through Debian's {@code yaz-client}) with the hit counts its
 * 70-record {@code marc21} database really has.
 */
@ExtendWith(Peers.class)
class TranslationAgainstZebraIT {
    private static final Pattern SRU_HITS = Pattern.compile("numberOfRecords>(\\d+)<");
    private static final Pattern SRU_DIAGNOSTIC = Pattern.compile("<diag:message>([^<]*)<");
    private static final Pattern Z_HITS = Pattern.compile("Number of hits: (\\d+)");
    private static final Pattern Z_DIAGNOSTIC = Pattern.compile("\\[(\\d+)\\] ([^\\n]*)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest(name = "{0} -> {1} hits")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            computer                                    | 13
            title=computer                              | 10
            author=collins                              | 2
            isbn=0836968433                             | 1
            isbn=978-0-8369-6843-9                      | 1
            id=11224466                                 | 1
            subject=opera                               | 1
            publisher=prentice                          | 1
            language=eng                                | 33
            title all "computer bible"                  | 1
            title any "computer bible"                  | 12
            title="computer bible"                      | 1
            title=="the computer bible"                 | 1
            title=comput*                               | 10
            title="computer bib*"                       | 1
            title=computer not title=bible              | 9
            title all "computer bible" and author=baird | 1
            `title="x\\" or dc.title=\\"computer"`      | 0
            `title="computer\\" or \\"opera"`           | 0
            """)
    // no '==' miss here: Zebra's pqf.properties turns CQL == into an unanchored string match, so
    // title=="computer bible" finds "The computer bible" over SRU; PQF completeness 6=3 does not
    void translatedCqlFindsTheKnownRecordsOverSru(String cql, int hits, ZebraPeer zebra) throws Exception {
        String translated = CqlTranslator.ofDefaults().translate(CqlParser.parse(cql)).text();

        String body = sru(zebra, translated);

        assertThat(SRU_DIAGNOSTIC.matcher(body).find()).as("diagnostic for %s in %s", translated, body).isFalse();
        assertThat(count(SRU_HITS, body)).as(translated).isEqualTo(hits);
    }

    @ParameterizedTest(name = "{0} -> {1} hits")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            computer                                    | 13
            title=computer                              | 10
            author=collins                              | 2
            isbn=0836968433                             | 1
            isbn=0-8369-6843-3                          | 1
            isbn=9780836968439                          | 1
            id=11224466                                 | 1
            any=opera                                   | 4
            subject=opera                               | 1
            title all "computer bible"                  | 1
            title any "computer bible"                  | 12
            title="computer bible"                      | 1
            title=="the computer bible"                 | 1
            title=="computer bible"                     | 0
            title=comput*                               | 10
            title="computer bib*"                       | 1
            title=computer not title=bible              | 9
            year>=1990                                  | 31
            year<=1990                                  | 38
            year within "1990 2000"                     | 24
            year within "1990 2000" and language=eng    | 12
            `title="x\\" @or \\"computer"`              | 0
            `title="@attr 1=4 computer"`                | 0
            `title="computer\\\\"`                      | 10
            """)
    void translatedPqfFindsTheKnownRecordsOverZ3950(String cql, int hits, ZebraPeer zebra) throws Exception {
        String pqf = PqfTranslator.ofDefaults().translate(CqlParser.parse(cql)).text();

        String out = yazClient(zebra, pqf);

        assertThat(Z_DIAGNOSTIC.matcher(out).find()).as("diagnostic for %s in %s", pqf, out).isFalse();
        assertThat(count(Z_HITS, out)).as(pqf).isEqualTo(hits);
    }

    private String sru(ZebraPeer zebra, String cql) throws IOException, InterruptedException {
        String url = zebra.sruUrl(ZebraPeer.MARC21) + "?version=1.2&operation=searchRetrieve&maximumRecords=0&query="
                + URLEncoder.encode(cql, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** Runs one search with Debian's yaz-client, which parses PQF with the same YAZ code as ZOOM. */
    private static String yazClient(ZebraPeer zebra, String pqf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("yaz-client").redirectErrorStream(true).start();
        try {
            p.getOutputStream().write(("open " + zebra.zurl(ZebraPeer.MARC21) + "\nfind " + pqf + "\nquit\n")
                    .getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("yaz-client finished").isTrue();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("hit count in %s", text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
