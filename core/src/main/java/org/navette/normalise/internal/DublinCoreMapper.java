package org.navette.normalise.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.BibRecord;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.ProblemKind;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * Maps a Dublin Core record (SRU {@code srw_dc:dc}, OAI {@code oai_dc:dc}, element names matched
 * without their prefix) onto {@link BibRecord} with format {@link RecordFormat#DUBLIN_CORE}.
 * DC is flat text: titles in "Title : subtitle / responsibility" form and publishers in
 * "Place : Publisher" form (as LoC's SRU writes them) are split; identifiers are recognised as
 * ISBN, ISSN, URL or a system number.
 *
 * <p>Thread-safety: stateless.
 */
public final class DublinCoreMapper {
    /** ISO 639-1 codes whose ISO 639-2/B code is not the terminology code Java returns. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(Map.entry("fra", "fre"),
            Map.entry("deu", "ger"), Map.entry("zho", "chi"), Map.entry("ces", "cze"), Map.entry("nld", "dut"),
            Map.entry("ell", "gre"), Map.entry("fas", "per"), Map.entry("sqi", "alb"), Map.entry("hye", "arm"),
            Map.entry("eus", "baq"), Map.entry("mya", "bur"), Map.entry("kat", "geo"), Map.entry("isl", "ice"),
            Map.entry("mkd", "mac"), Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("ron", "rum"),
            Map.entry("slk", "slo"), Map.entry("bod", "tib"), Map.entry("cym", "wel"));

    private DublinCoreMapper() {
    }

    /** The record, or null (UNREADABLE logged) when the XML yields no element at all. */
    public static BibRecord map(String text, int firstLine, XMLInputFactory factory, String origin, long position,
                                ProblemLog log) {
        Map<String, List<String>> dc = new LinkedHashMap<>();
        String xml = XmlText.repair(text, firstLine, log);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth >= 2) {
                        String name = MarcXmlParser.local(r.getLocalName()).toLowerCase(Locale.ROOT);
                        String value = r.getElementText();
                        depth--;
                        String v = DisplayText.clean(value);
                        if (v != null) {
                            dc.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            String what = XmlText.describe(e, firstLine);
            if (dc.isEmpty()) {
                log.add(ProblemKind.MALFORMED_XML, "not well-formed Dublin Core XML at " + what);
                log.add(ProblemKind.UNREADABLE, "nothing could be read from the record");
                return null;
            }
            log.add(ProblemKind.MALFORMED_XML, "not well-formed Dublin Core XML at " + what
                    + "; the elements before it were kept");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // a string-backed reader has nothing to release
                }
            }
        }
        return build(dc, origin, position, log);
    }

    private static BibRecord build(Map<String, List<String>> dc, String origin, long position, ProblemLog log) {
        String id = null;
        for (String v : dc.getOrDefault("identifier", List.of())) {
            if (Isbn.parse(v).isEmpty() && Identifiers.validIssn(v) == null) {
                id = v;
                break;
            }
        }
        if (id == null) {
            id = "#" + Math.max(1, position);
        }
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, id), RecordFormat.DUBLIN_CORE);
        List<String> titles = dc.getOrDefault("title", List.of());
        if (titles.isEmpty()) {
            log.add(ProblemKind.MISSING_TITLE, "no dc:title");
        } else {
            String t = titles.get(0);
            int slash = t.indexOf(" / ");
            if (slash > 0) {
                b.responsibility(DisplayText.trimIsbd(t.substring(slash + 3)));
                t = t.substring(0, slash);
            }
            int colon = t.indexOf(" : ");
            if (colon > 0) {
                b.titleRemainder(DisplayText.trimIsbd(t.substring(colon + 3)));
                t = t.substring(0, colon);
            }
            b.titleProper(DisplayText.trimIsbd(t));
        }
        boolean first = true;
        for (String c : dc.getOrDefault("creator", List.of())) {
            String name = DisplayText.trimIsbd(c);
            if (name != null) {
                b.addAuthor(new Author(name, AuthorKind.PERSONAL, null, null, first));
                first = false;
            }
        }
        for (String c : dc.getOrDefault("contributor", List.of())) {
            String name = DisplayText.trimIsbd(c);
            if (name != null) {
                b.addAuthor(new Author(name, AuthorKind.PERSONAL, null, null, false));
            }
        }
        for (String s : dc.getOrDefault("subject", List.of())) {
            b.addSubject(DisplayText.trimIsbd(s));
        }
        List<String> publishers = dc.getOrDefault("publisher", List.of());
        if (!publishers.isEmpty()) {
            String p = publishers.get(0);
            int colon = p.indexOf(" : ");
            if (colon > 0) {
                b.place(CommonMapping.place(p.substring(0, colon)));
                p = p.substring(colon + 3);
            }
            b.publisher(CommonMapping.publisher(p));
        }
        for (String d : dc.getOrDefault("date", List.of())) {
            Integer y = Years.first(d);
            if (y != null) {
                b.year(y);
                break;
            }
        }
        for (String l : dc.getOrDefault("language", List.of())) {
            String code = languageCode(l);
            if (code != null) {
                b.addLanguage(code);
            }
        }
        for (String f : dc.getOrDefault("format", List.of())) {
            if (f.matches(".*\\d.*") && !f.contains("/")) {
                b.extent(DisplayText.trimIsbd(f));
                break;
            }
        }
        b.materialType(materialType(dc.getOrDefault("type", List.of())));
        for (String v : dc.getOrDefault("identifier", List.of())) {
            identifier(b, v, log);
        }
        b.characterSet("UTF-8");
        return b.build();
    }

    private static void identifier(BibRecord.Builder b, String v, ProblemLog log) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("doi:") || lower.startsWith("info:doi/") || Identifiers.isDoiUrl(lower)) {
            CommonMapping.doi(b, v);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            b.addIdentifier(new Identifier(IdentifierScheme.URL, v));
            return;
        }
        if (lower.startsWith("doi:") || lower.startsWith("info:doi/")) {
            return;
        }
        if (lower.contains("issn")) {
            CommonMapping.issn(b, v.replaceAll("(?i).*issn:?\\s*", ""), "dc:identifier", log);
            return;
        }
        var isbn = Isbn.parse(v);
        if (isbn.isPresent()) {
            b.addIsbn(isbn.get());
            return;
        }
        if (lower.contains("isbn")) {
            CommonMapping.isbn(b, v.replaceAll("(?i).*isbn:?\\s*", ""), null, "dc:identifier", log);
            return;
        }
        Identifier id = Identifiers.systemNumber(v);
        if (id != null) {
            b.addIdentifier(id);
        }
    }

    /** A 3-letter ISO 639-2/B code from a DC language value ("fre", "fr", "fr-FR", "eng"), or null. */
    static String languageCode(String v) {
        String l = v.strip().toLowerCase(Locale.ROOT);
        if (l.matches("[a-z]{3}")) {
            return BIBLIOGRAPHIC.getOrDefault(l, l);
        }
        if (l.matches("[a-z]{2}([-_][a-z0-9]+)?")) {
            try {
                String t = Locale.forLanguageTag(l.substring(0, 2)).getISO3Language();
                return t.length() == 3 ? BIBLIOGRAPHIC.getOrDefault(t, t) : null;
            } catch (MissingResourceException e) {
                return null;
            }
        }
        return null;
    }

    private static MaterialType materialType(List<String> types) {
        for (String t : types) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.contains("serial") || l.contains("periodical") || l.contains("journal")) {
                return MaterialType.SERIAL;
            }
            if (l.contains("notated music") || l.contains("score")) {
                return MaterialType.SCORE;
            }
            if (l.contains("cartographic") || l.contains("map")) {
                return MaterialType.MAP;
            }
            if (l.contains("moving image") || l.contains("video") || l.contains("film")) {
                return MaterialType.VIDEO;
            }
            if (l.contains("musical") || l.contains("music")) {
                return MaterialType.MUSIC_RECORDING;
            }
            if (l.contains("sound")) {
                return MaterialType.SOUND_RECORDING;
            }
            if (l.contains("image") || l.contains("graphic")) {
                return MaterialType.GRAPHIC;
            }
            if (l.contains("software") || l.contains("dataset") || l.contains("computer")) {
                return MaterialType.COMPUTER_FILE;
            }
            if (l.contains("text") || l.contains("book") || l.contains("monograph")) {
                return MaterialType.BOOK;
            }
        }
        return MaterialType.OTHER;
    }
}
