package org.navette.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.navette.match.internal.AnalysisChain;
import org.navette.match.internal.EditionNumber;
import org.navette.match.internal.Extent;
import org.navette.match.internal.GoldRushKey;
import org.navette.match.internal.NameKey;
import org.navette.match.internal.PartNumber;
import org.navette.match.internal.TokenFilters;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;

/**
 * Computes {@link MatchKeys} from a record. Never throws on a record the builder can produce:
 * every field is optional and every parser tolerates junk.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
final class KeyExtractor {
    private static final Set<String> PUBLISHER_NOISE = Set.of(
            "editions", "edition", "editeur", "editeurs", "ed", "eds", "verlag", "verlage", "verlagsgesellschaft",
            "press", "pr", "publishing", "publishers", "publisher", "pub", "publ", "publications", "inc", "ltd", "llc",
            "co", "company", "corp", "corporation", "gmbh", "ag", "kg", "sa", "sarl", "srl", "spa", "editore", "editori",
            "editrice", "editorial", "editora", "libreria", "librairie", "books", "book", "nakladatelstvi", "nakl",
            "vydavatelstvi", "wydawnictwo", "wyd", "uitgeverij", "forlag", "förlag", "dr", "the", "et", "cie", "und",
            "sons", "son", "group", "house", "s", "l", "de", "di", "du", "des", "la", "le", "les", "del", "der");
    private static final Set<String> SET_QUALIFIERS = Set.of(
            "set", "serie", "series", "coffret", "ensemble", "complete", "completa", "gesamt", "gesamtwerk", "komplet",
            "obra", "collection");
    private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

    private final AnalysisChain text = new AnalysisChain(false,
            TokenFilters.CONJUNCTION, TokenFilters.ORDINAL, TokenFilters.ROMAN_NUMERAL);
    private final AnalysisChain title = new AnalysisChain(true,
            TokenFilters.LEADING_ARTICLE, TokenFilters.CONJUNCTION, TokenFilters.ORDINAL, TokenFilters.ROMAN_NUMERAL);
    private final GoldRushKey goldRush = new GoldRushKey();

    MatchKeys keys(BibRecord r) {
        String language = null;
        for (String l : r.languages()) {
            if (!NO_LANGUAGE.contains(l)) {
                language = l;
                break;
            }
        }

        // identifiers
        List<String> isbns = new ArrayList<>(r.isbns().size());
        Set<String> setIsbns = new LinkedHashSet<>();
        String isbnPart = null;
        int volumeQualified = 0;
        List<String> volumeIsbns = new ArrayList<>(0);
        for (Isbn i : r.isbns()) {
            isbns.add(i.isbn13());
            List<String> q = i.qualifier() == null ? List.of() : text.analyze(i.qualifier(), null);
            if (q.stream().anyMatch(SET_QUALIFIERS::contains)) {
                setIsbns.add(i.isbn13());
            } else if (!q.isEmpty()) {
                String part = PartNumber.of(q, false);
                if (part != null) {
                    volumeIsbns.add(i.isbn13());
                    isbnPart = part;
                }
            }
        }
        if (volumeIsbns.size() > 1 || (volumeIsbns.size() == 1 && r.isbns().size() > 1 && r.partNumber() == null)) {
            // a record listing per-volume ISBNs describes the set: those ISBNs are weak evidence
            setIsbns.addAll(volumeIsbns);
            isbnPart = null;
        }
        Map<IdentifierKey, Set<String>> ids = new HashMap<>();
        for (Identifier id : r.identifiers()) {
            String v = trustedValue(id);
            if (v != null) {
                IdentifierKey key = id.scheme() == IdentifierScheme.SYSTEM_NUMBER || id.scheme() == IdentifierScheme.CONTROL_NUMBER
                        ? new IdentifierKey(IdentifierScheme.SYSTEM_NUMBER, systemNumberAgency(id))
                        : IdentifierKey.of(id.scheme());
                ids.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(v);
            }
        }

        // title
        List<String> proper = title.analyze(withoutQualifier(r.titleProper()), language);
        List<String> remainder = title.analyze(withoutQualifier(r.titleRemainder()), language);
        List<String> partName = text.analyze(r.partName(), null);
        String part = r.partNumber() == null ? null : PartNumber.of(text.analyze(r.partNumber(), null), true);
        String fromTitle = PartNumber.strip(proper);
        String fromRemainder = PartNumber.strip(remainder);
        String fromPartName = PartNumber.strip(partName);
        if (part == null) {
            part = fromTitle != null ? fromTitle : fromRemainder != null ? fromRemainder : fromPartName;
        }
        if (part == null) {
            part = isbnPart;
        }
        List<String> full = new ArrayList<>(proper.size() + remainder.size() + partName.size());
        full.addAll(proper);
        full.addAll(remainder);
        full.addAll(partName);
        // titles beyond this are run-on text (a scraped paragraph, a whole citation): comparing
        // their heads decides as well and keeps pairwise comparison cheap
        proper = cap(proper);
        full = cap(full);
        if (proper.isEmpty()) {
            proper = new ArrayList<>(full);
        }
        Set<String> titleNumbers = new LinkedHashSet<>();
        for (String t : full) {
            if (Character.isDigit(t.charAt(0)) && t.chars().allMatch(Character::isDigit)) {
                titleNumbers.add(t);
            }
        }

        // responsibility
        List<NameKey> authors = new ArrayList<>(r.authors().size());
        for (Author a : r.authors()) {
            NameKey k = a.kind() == AuthorKind.PERSONAL ? NameKey.personal(a.name(), text) : NameKey.corporate(a.name(), text);
            if (!k.surname().isEmpty()) {
                authors.add(k);
            }
        }
        List<String> responsibility = text.analyze(r.responsibility(), null);

        // publication
        Extent extent = Extent.of(text.analyze(r.extent(), null), r.extent());
        int edition = EditionNumber.of(text.analyze(r.edition(), null));
        List<String> publisher = text.analyze(r.publisher(), null);
        publisher.removeIf(PUBLISHER_NOISE::contains);
        List<String> container = r.series().isEmpty() ? List.of() : text.analyze(r.series().get(0), null);
        if (r.materialType() == MaterialType.ARTICLE && !container.isEmpty() && container.containsAll(full)) {
            // a "title" made of the journal's name identifies nothing (harvesters do this)
            proper = new ArrayList<>();
            full = new ArrayList<>();
            titleNumbers.clear();
        }

        List<String> blocking = blockingKeys(r, isbns, ids, proper, full, authors);
        return new MatchKeys(r, isbns, setIsbns, r.issns(), ids, proper, full, !remainder.isEmpty(), titleNumbers,
                authors, responsibility, r.year(), extent, edition, part, publisher, container, language, blocking,
                this::goldRushKey);
    }

    /** The agency of a qualified system number: "(de-599)" of "(DE-599)ZDB123". */
    private static String systemNumberAgency(Identifier id) {
        String v = id.value().strip().toLowerCase(Locale.ROOT);
        return v.substring(0, v.indexOf(')') + 1).replace(" ", "");
    }

    /** The normalised value of a trusted identifier, or null for ids never matched on. */
    private static String trustedValue(Identifier id) {
        String v = id.value().strip().toLowerCase(Locale.ROOT);
        switch (id.scheme()) {
            case OCLC -> {
                v = v.replaceAll("^\\(ocolc\\)|^ocm|^ocn|^on", "").replaceAll("\\D", "").replaceFirst("^0+", "");
                return v.isEmpty() ? null : v;
            }
            case LCCN -> {
                v = v.replace(" ", "");
                return v.isEmpty() ? null : v;
            }
            case DOI -> {
                v = v.replaceFirst("^(https?://)?(dx\\.)?doi\\.org/", "").replaceFirst("^doi:\\s*", "");
                if (v.endsWith(".") || v.endsWith("/") || v.endsWith("-")) {
                    // cut off in the source ("10.17705/1CAIS."): it would match a whole journal
                    return null;
                }
                // Cochrane-style versions (.pub2, .pub3) and preprint versions (v2) are one work
                v = v.replaceFirst("\\.pub\\d+$", "").replaceFirst("v\\d+$", "");
                // a DOI must have a prefix and a suffix; a bare journal prefix identifies nothing
                int slash = v.indexOf('/');
                return v.startsWith("10.") && slash > 0 && slash < v.length() - 1 ? v : null;
            }
            case BNF, SUDOC, DNB, ZDB, ISMN, OTHER_STANDARD_NUMBER -> {
                v = v.replaceAll("[\\s-]", "");
                return v.isEmpty() ? null : v;
            }
            case SYSTEM_NUMBER, CONTROL_NUMBER -> {
                // only qualified numbers identify a record across catalogues: "(DE-599)ZDB123", "(FrPJT)12345"
                if (v.startsWith("(") && v.indexOf(')') > 1 && v.indexOf(')') < v.length() - 1) {
                    return v.substring(v.indexOf(')') + 1).strip();
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static List<String> blockingKeys(BibRecord r, List<String> isbns, Map<IdentifierKey, Set<String>> ids,
                                             List<String> proper, List<String> full, List<NameKey> authors) {
        List<String> keys = new ArrayList<>();
        for (String i : isbns) {
            keys.add("i" + i);
        }
        if (r.materialType() == MaterialType.SERIAL) {
            for (String s : r.issns()) {
                keys.add("s" + s);
            }
        }
        for (Map.Entry<IdentifierKey, Set<String>> e : ids.entrySet()) {
            for (String v : e.getValue()) {
                keys.add("d" + e.getKey() + "=" + v);
            }
        }
        String surname = authors.isEmpty() ? "" : authors.get(0).surname().get(authors.get(0).surname().size() - 1);
        if (!proper.isEmpty()) {
            if (proper.size() >= 2) {
                keys.add("t" + prefix(proper.get(0)) + " " + prefix(proper.get(1)));
            } else {
                keys.add("t" + proper.get(0) + "|" + prefix(surname));
            }
        }
        if (full.size() >= 2) {
            List<String> longest = new ArrayList<>(new LinkedHashSet<>(full));
            longest.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            if (longest.size() >= 2) {
                String x = prefix(longest.get(0));
                String y = prefix(longest.get(1));
                keys.add("u" + (x.compareTo(y) <= 0 ? x + " " + y : y + " " + x));
            }
        }
        if (!surname.isEmpty() && r.year() != null) {
            keys.add("a" + surname + "|" + r.year());
        }
        return keys;
    }

    /**
     * A title without a closing bracketed qualifier that holds no digit: "(abstract)", "(extended
     * abstract)", "[poster]", "(preliminary version)" say what kind of text a source made of the work,
     * which sources record differently; a qualifier with a number ("(1914-1918)", "[vol. 2]") may name
     * another part, so it stays. The whole title is kept when the qualifier is all there is.
     */
    static String withoutQualifier(String title) {
        if (title == null || title.isEmpty()) {
            return title;
        }
        int end = title.length() - 1;
        while (end > 0 && (title.charAt(end) == ' ' || title.charAt(end) == '.')) {
            end--;
        }
        char close = title.charAt(end);
        if (close != ')' && close != ']') {
            return title;
        }
        int open = title.lastIndexOf(close == ')' ? '(' : '[', end);
        if (open <= 0) {
            return title;
        }
        for (int i = open + 1; i < end; i++) {
            if (Character.isDigit(title.charAt(i))) {
                return title;
            }
        }
        String head = title.substring(0, open).strip();
        return head.isEmpty() ? title : head;
    }

    private static final int MAX_TITLE_WORDS = 40;

    private static List<String> cap(List<String> tokens) {
        return tokens.size() <= MAX_TITLE_WORDS ? tokens : new ArrayList<>(tokens.subList(0, MAX_TITLE_WORDS));
    }

    private static String prefix(String token) {
        return token.length() <= 5 ? token : token.substring(0, 5);
    }

    private String goldRushKey(BibRecord r) {
        if (r.format() == RecordFormat.MARC21 && r.marc().isPresent()) {
            return goldRush.ofMarc21(r.marc().get());
        }
        Author main = r.authors().isEmpty() || !r.authors().get(0).primary() ? null : r.authors().get(0);
        AuthorKind kind = main == null ? null : main.kind();
        // the article a UNIMARC record marks non-sorting is plain text in MARC21 (skipped by 245 ind. 2)
        return goldRush.of(new GoldRushKey.Fields(unmarked(r.titleProper()), unmarked(r.titleRemainder()),
                r.partName() == null ? List.of() : List.of(unmarked(r.partName())), r.partNumber(), null, null, null, null,
                r.year() == null ? null : r.year().toString(), r.extent(), r.edition(), null, r.publisher(),
                leaderType(r.materialType()), kind == AuthorKind.PERSONAL ? main.name() : null,
                kind == AuthorKind.CORPORATE ? main.name() : null, kind == AuthorKind.MEETING ? main.name() : null,
                null, r.carrier() == Carrier.ELECTRONIC));
    }

    private static String unmarked(String s) {
        return s == null ? null : s.replace("\u0098", "").replace("\u009C", "").replace("\u0088", "").replace("\u0089", "");
    }

    /** MARC21 leader/06 for a material type, so UNIMARC and MARC21 records of one edition share the key. */
    private static Character leaderType(MaterialType t) {
        return switch (t) {
            case BOOK, SERIAL, ARTICLE, OTHER -> 'a';
            case SCORE -> 'c';
            case MAP -> 'e';
            case SOUND_RECORDING -> 'i';
            case MUSIC_RECORDING -> 'j';
            case VIDEO -> 'g';
            case GRAPHIC -> 'k';
            case COMPUTER_FILE -> 'm';
            case KIT -> 'o';
            case MIXED_MATERIALS -> 'p';
            case OBJECT -> 'r';
            case MANUSCRIPT -> 't';
        };
    }
}
