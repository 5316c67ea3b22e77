package org.navette.match.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * Turns citation data into {@link BibRecord}s for the labelled quality sets: BibTeX-like JSON
 * records (CoLRev's bib-dedupe cases) and free-text references as printed in books (ScholarIndex's
 * LinkedBooks set), the latter through a small heuristic parser. Test code: the library itself
 * only reads MARC.
 */
final class CitationRecords {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[4-9]\\d\\d|20[0-2]\\d)");
    private static final Pattern ISSN = Pattern.compile("\\b(\\d{4}-?\\d{3}[\\dXx])\\b");
    private static final Pattern GLUED_INITIAL = Pattern.compile("(\\p{Lu}\\.)(?=\\p{Lu}\\p{Ll})");
    private static final Pattern CONTAINER = Pattern.compile(
            "(?:,|\\.|;)\\s+(?:in|dans|en|In)\\s*:?\\s+(?=\\S)|\\s+in\\s+(?=[«“\"‘])");
    private static final Pattern ROMAN_PART = Pattern.compile("^(?:(?:vol|t|tome|tomo|p|part|parte|bd)\\.?\\s*)?([IVXivx]{1,5}|\\d{1,2})$");
    private static final Pattern PAGES = Pattern.compile("(?:^|\\s)(?:pp?|pag|ρ|ρρ)\\s*[.·]");

    private CitationRecords() {
    }

    /** A BibTeX-like JSON record (ENTRYTYPE, author, title, year, journal, booktitle, pages, doi, isbn...). */
    static BibRecord fromBibtex(JsonNode r, String origin) {
        String id = text(r, "ID");
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, id == null ? "?" : id), RecordFormat.DUBLIN_CORE);
        String type = text(r, "ENTRYTYPE");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        b.materialType(switch (type) {
            case "article", "inproceedings", "incollection", "inbook", "conference" -> MaterialType.ARTICLE;
            case "book", "proceedings", "phdthesis", "mastersthesis", "techreport" -> MaterialType.BOOK;
            default -> MaterialType.OTHER;
        });
        String title = text(r, "title");
        if (title != null) {
            title = title.replace("{", "").replace("}", "");
            int colon = title.indexOf(": ");
            if (colon > 0) {
                b.titleProper(title.substring(0, colon)).titleRemainder(title.substring(colon + 2));
            } else {
                b.titleProper(title);
            }
        }
        for (String name : authors(text(r, "author"))) {
            b.addAuthor(Author.personal(name));
        }
        String year = text(r, "year");
        if (year != null) {
            Matcher m = YEAR.matcher(year);
            if (m.find()) {
                b.year(Integer.parseInt(m.group(1)));
            }
        }
        String container = text(r, "journal") != null ? text(r, "journal") : text(r, "booktitle");
        b.addSeries(container);
        b.extent(text(r, "pages"));
        String doi = text(r, "doi");
        if (doi != null) {
            b.addIdentifier(new Identifier(IdentifierScheme.DOI, doi));
        }
        String isbn = text(r, "isbn");
        if (isbn != null) {
            Isbn.parse(isbn).ifPresentOrElse(b::addIsbn, () -> {
                Matcher m = ISSN.matcher(isbn);
                while (m.find()) {
                    b.addIssn(m.group(1));
                }
            });
        }
        String language = text(r, "language");
        if (language != null && language.matches("[A-Za-z]{3}")) {
            b.addLanguage(language);
        }
        return b.build();
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.asText().strip();
        // CoLRev writes UNKNOWN where a field could not be found
        return s.isEmpty() || s.equalsIgnoreCase("UNKNOWN") ? null : s;
    }

    /** "A and B and C", "A; B; C", or Scopus' glued "Tan A.Schulze A.O'Donnell C. P." */
    static List<String> authors(String field) {
        List<String> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        String s = GLUED_INITIAL.matcher(field).replaceAll("$1; ");
        for (String part : s.split("\\s+and\\s+|;\\s*")) {
            String name = part.strip();
            if (!name.isEmpty() && !name.equalsIgnoreCase("others") && name.chars().anyMatch(Character::isLetter)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * A free-text reference: "G. Lorenzetti, Venezia e il suo estuario, Venezia 1926, p. 381;".
     * Heuristic: an author before the first comma when it looks like a name, then the title up to
     * the imprint (a year, a parenthesis, a page reference), a container after ", in", a volume
     * number as a lone Roman numeral after the title. Places, publishers and pages are ignored.
     */
    static BibRecord fromReference(String raw, String origin, String id) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, id), RecordFormat.DUBLIN_CORE);
        String s = raw.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("(\\p{L})- (\\p{L})", "$1$2");
        s = s.replaceFirst("^(?i)(id\\.|ibid\\.|cfr\\.|cf\\.)\\s*,?\\s*|^(?i)(and|see)\\s+", "");
        // "P. Paoletti. L'architettura...": initials and surname closed by a full stop
        s = s.replaceFirst("^((?:\\p{Lu}\\.\\s*)+\\p{Lu}[\\p{L}'’-]+)\\.\\s+", "$1, ");
        // "Lorenzetti, Giulio. Venezia e il suo estuario": surname, forename, full stop, title
        s = s.replaceFirst("^(\\p{Lu}[\\p{L}'’ -]{1,30}, \\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]*)?)\\.\\s+", "$1, ");
        s = s.replaceFirst("^(\\d{4})\\s+", "");
        // "Lane, F.: Venise" and "Grillo, Susanna: L'équilibre": a colon after a short name is a comma
        s = s.replaceFirst("^([^:,]{1,40},[^:,]{1,25}):\\s", "$1, ");
        String container = null;
        Matcher in = CONTAINER.matcher(s);
        if (in.find() && in.start() > 10) {
            container = s.substring(in.end());
            s = s.substring(0, in.start());
        }
        List<String> parts = splitTopLevel(s);
        int i = 0;
        String author = null;
        if (parts.size() >= 3 && isSurname(parts.get(0)) && (isInitials(parts.get(1)) || isForenames(parts.get(1)))) {
            author = parts.get(0) + ", " + parts.get(1);
            i = 2;
        } else if (parts.size() >= 2 && isName(parts.get(0))) {
            author = parts.get(0);
            i = 1;
        }
        if (author != null) {
            b.addAuthor(Author.personal(author));
        }
        StringBuilder title = new StringBuilder(i < parts.size() ? parts.get(i) : "");
        int next = i + 1;
        // the title runs on over commas into parts that start in lower case or are too long for an imprint
        while (next < parts.size() && (startsLowerCase(parts.get(next)) || parts.get(next).split(" ").length >= 4)
                && !YEAR.matcher(parts.get(next)).find()) {
            title.append(", ").append(parts.get(next++));
        }
        String t = cutAtImprint(title.toString());
        String imprint = String.join(", ", parts.subList(Math.min(next, parts.size()), parts.size()));
        imprint = title.substring(t.length()) + " " + imprint;
        t = unquote(t);
        int stop = t.indexOf(". ");
        if (stop > 0 && t.substring(0, stop).split(" ").length >= 2) {
            String rest = t.substring(stop + 2).strip();
            // a last sentence of one capitalised word is the place of publication ("... maritime. Paris")
            if (!rest.isEmpty() && !(rest.split(" ").length == 1 && Character.isUpperCase(rest.charAt(0)))) {
                b.titleRemainder(rest);
            }
            t = t.substring(0, stop);
        }
        b.titleProper(t);
        Integer year = imprintYear(imprint);
        b.year(year != null ? year : imprintYear(s));
        if (container == null) {
            for (int k = next; k < parts.size(); k++) {
                Matcher part = ROMAN_PART.matcher(parts.get(k).strip());
                if (part.matches()) {
                    b.partNumber(part.group(1));
                    break;
                }
            }
            b.materialType(MaterialType.OTHER);
        } else {
            b.materialType(MaterialType.ARTICLE);
            b.addSeries(unquote(cutAtImprint(container)));
        }
        return b.build();
    }

    /**
     * The first year of the imprint that is not a range of a period ("(1866-1914), Venezia 1999"
     * gives 1999); the start of a range when nothing else is there ("Venise, 1893-1897").
     */
    private static Integer imprintYear(String imprint) {
        Integer rangeStart = null;
        Matcher y = YEAR.matcher(imprint);
        while (y.find()) {
            String after = imprint.substring(y.end()).replaceFirst("^\\s+", "");
            boolean range = after.matches("^[-–—]\\s*\\d{2,4}.*");
            if (!range) {
                return Integer.parseInt(y.group(1));
            }
            if (rangeStart == null) {
                rangeStart = Integer.parseInt(y.group(1));
            }
        }
        return rangeStart;
    }

    private static String cutAtImprint(String title) {
        int cut = title.length();
        Matcher y = YEAR.matcher(title);
        if (y.find()) {
            cut = Math.min(cut, y.start());
        }
        int paren = title.indexOf('(');
        if (paren > 0) {
            cut = Math.min(cut, paren);
        }
        Matcher p = PAGES.matcher(title);
        if (p.find()) {
            cut = Math.min(cut, p.start());
        }
        String t = title.substring(0, cut).strip();
        return t.replaceAll("[\\s,.;:]+$", "");
    }

    private static String unquote(String s) {
        return s.replaceAll("[«»“”\"‘’]", " ").replaceAll("\\s+", " ").strip();
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, k).strip());
                start = k + 1;
            }
        }
        out.add(s.substring(start).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    private static boolean startsLowerCase(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    /** "SANSOVINO", "Lane", "Di Maniago", "García Villoslada". */
    private static boolean isSurname(String s) {
        String[] words = s.split(" ");
        return words.length <= 3 && s.length() <= 30 && Character.isUpperCase(s.codePointAt(0)) && !s.contains(".");
    }

    /** "Francesco", "Pietro Maria": forenames after an inverted surname. */
    private static boolean isForenames(String s) {
        String[] words = s.split(" ");
        return words.length <= 2 && s.length() <= 24 && s.matches("(\\p{Lu}[\\p{Ll}]+\\.?\\s?){1,2}");
    }

    /** "F.", "J.-C.", "Frederic C.", "G. V." */
    private static boolean isInitials(String s) {
        return s.length() <= 20 && s.matches("(\\p{Lu}[\\p{L}]*\\.?[\\s-]*){1,4}") && (s.contains(".") || s.length() <= 3);
    }

    /** "C. Lane", "Giulio Lorenzetti", "R.G. Villoslada", "Hocquet J-C.", "Chastel". */
    private static boolean isName(String s) {
        String[] words = s.split("\\s+");
        if (words.length > 4 || s.length() > 40) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || !(Character.isUpperCase(w.codePointAt(0)) || w.matches("(de|di|da|van|von|der|le|la|du|del)"))) {
                return false;
            }
        }
        return true;
    }
}
