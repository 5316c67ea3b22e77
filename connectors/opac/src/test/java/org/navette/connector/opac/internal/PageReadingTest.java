package org.navette.connector.opac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.navette.connector.opac.SavedPages;

/** How pages are decoded and unwrapped and how text is laid out in lines: the ground the selectors stand on. */
class PageReadingTest {
    private static final Charset LATIN1 = Charset.forName("windows-1252");

    @Test
    void theHeaderCharsetWinsOverMetaWhichWinsOverTheProfilesAndUtf8IsTheLastResort() {
        byte[] metaLatin1 = "<html><head><meta http-equiv=\"Content-type\" content=\"text/html;charset=ISO-8859-1\">"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bare = "<html><body>x".getBytes(StandardCharsets.US_ASCII);

        assertThat(Page.charsetOf(metaLatin1, "UTF-8", null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Page.charsetOf(metaLatin1, null, StandardCharsets.UTF_8)).isEqualTo(LATIN1);
        assertThat(Page.charsetOf(metaLatin1, "no-such-charset", null)).isEqualTo(LATIN1);
        assertThat(Page.charsetOf(bare, null, StandardCharsets.ISO_8859_1)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(Page.charsetOf(bare, null, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Page.charsetOf(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}, null, StandardCharsets.ISO_8859_1))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aLatin1PageDecodesWithItsUmlautsAndBadBytesBecomeReplacementCharacters() {
        byte[] bib2 = SavedPages.bytes("opacclient/bib2/detail.htm");

        String text = Page.decode(bib2, Page.charsetOf(bib2, null, null));

        assertThat(text).contains("Kletterführer Frankenjura").doesNotContain("\uFFFD");
        assertThat(Page.decode(new byte[] {'a', (byte) 0xFC, 'b'}, StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb");
    }

    @Test
    void scriptsThatWriteHtmlAreReplacedByWhatTheyWrite() {
        String html = "<table><script type=\"text/javascript\">\n if (2 != 0) {\n"
                + " document.writeln('<tr class=\"odd\">');\n document.writeln('  <td>F2799A<br>F\\u00fchrer</td>');\n"
                + " document.write(\"<td>\" + x + 'it\\'s</td>');\n document.writeln('</tr>');\n } else { anzahl=anzahl+1; };\n"
                + "</script><script src=\"a.js\"></script><script>var y = 1;</script></table>";

        String out = DocumentWriteUnwrapper.unwrap(html);

        assertThat(out).isEqualTo("<table><tr class=\"odd\">  <td>F2799A<br>Führer</td><td>it's</td></tr>"
                + "<script src=\"a.js\"></script><script>var y = 1;</script></table>");
    }

    @Test
    void unclosedScriptsAndBrokenLiteralsLeaveThePageReadable() {
        assertThat(DocumentWriteUnwrapper.unwrap("<p>a</p><script>document.write('<b>x")).isEqualTo("<p>a</p><script>document.write('<b>x");
        assertThat(DocumentWriteUnwrapper.unwrap("<script>document.write('\\x4');</script>")).isEqualTo("x4");
        assertThat(DocumentWriteUnwrapper.unwrap("<SCRIPT>document.write('<i>y</i>')</SCRIPT>z")).isEqualTo("<i>y</i>z");
    }

    @Test
    void linesKeepEmptyFirstLinesSoThatPositionsStayMeaningful() {
        Element withAuthor = Jsoup.parse("<span>Schwertner, Sebastian<br>Panico Alpinverlagag, Köngen</span>").selectFirst("span");
        Element withoutAuthor = Jsoup.parse("<span><br>Bruckmann Verlag GmbH, München</span>").selectFirst("span");
        Element labelled = Jsoup.parse("<table><tr><td><div style=\"float:right\"><a>x</a></div><strong>Titel:</strong>\n  Agile  BI <br/>"
                + "<strong>Jahr:</strong> 2016<br/><p>&nbsp;</p><a>in die Merkliste</a></td></tr></table>").selectFirst("td");

        assertThat(PageNode.lines(withAuthor)).isEqualTo("Schwertner, Sebastian\nPanico Alpinverlagag, Köngen");
        assertThat(PageNode.lines(withoutAuthor)).isEqualTo("\nBruckmann Verlag GmbH, München");
        assertThat(PageNode.lines(labelled)).isEqualTo("x\nTitel: Agile BI\nJahr: 2016\n\nin die Merkliste");
    }

    @Test
    void aPageNestedDeeperThanBrowsersAllowIsABadResponseNotAMinuteOfSelectorWork() {
        ProfileSpec bib2 = (ProfileSpec) org.navette.connector.opac.OpacProfile.builtIn("bib2");
        byte[] deep = ("<div>".repeat(Page.MAX_DEPTH + 10) + "x").getBytes(StandardCharsets.US_ASCII);
        byte[] fine = ("<div>".repeat(Page.MAX_DEPTH - 10) + "x").getBytes(StandardCharsets.US_ASCII);

        assertThat(Page.parse(bib2, "http://x/", fine, null).root().element().text()).isEqualTo("x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Page.parse(bib2, "http://x/", deep, null))
                .isInstanceOf(org.navette.target.TargetException.class)
                .hasMessage("BAD_RESPONSE opac:too-deep profile bib2: the page nests elements more than 512 levels deep; not read "
                        + "(http://x/)");
    }

    @Test
    void countsIgnoreGroupSeparatorsAndStopAtTheFirstNumber() {
        assertThat(PageInterpreter.count(List.of("Gefunden: 1.234"))).isEqualTo(1234L);
        assertThat(PageInterpreter.count(List.of("lieferte 2 543 Treffer, Seite 1"))).isEqualTo(2543L);
        assertThat(PageInterpreter.count(List.of("(1/2543)"))).isEqualTo(1L);
        assertThat(PageInterpreter.count(List.of("keine", "73 Treffer"))).isEqualTo(73L);
        assertThat(PageInterpreter.count(List.of("99999999999999999999"))).isNull();
        assertThat(PageInterpreter.count(List.of("none"))).isNull();
    }
}
