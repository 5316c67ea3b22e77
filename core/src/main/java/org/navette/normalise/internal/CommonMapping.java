package org.navette.normalise.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.navette.model.BibRecord;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.ProblemKind;

/**
 * Mapping steps shared by MARC21 and UNIMARC: ISBNs, ISSNs, languages, placeholders for unknown
 * places and publishers.
 *
 * <p>Thread-safety: stateless.
 */
final class CommonMapping {
    private static final Pattern FILL = Pattern.compile("[|#^\\-]+");
    private static final Pattern RUN_OF_CODES = Pattern.compile("(?:[A-Za-z]{3})+");
    private static final Pattern LIST_OF_CODES = Pattern.compile("[A-Za-z]{3}[ ,;/]+[A-Za-z ,;/]*");
    private static final Pattern PLACEHOLDER_NOISE = Pattern.compile("[\\[\\]().?\\s]");

    private CommonMapping() {
    }

    /**
     * ISBNs from {@code isbnTag} ($a valid or not, $z cancelled; qualifier in {@code qualifierCode})
     * and ISSNs from {@code issnTag} ($a, $y/$z cancelled): MARC21 020/022, UNIMARC 010/011.
     */
    public static void standardNumbers(Record r, BibRecord.Builder b, String isbnTag, char qualifierCode, String issnTag,
                                       ProblemLog log) {
        for (DataField f : MarcFields.data(r, isbnTag)) {
            String q = MarcFields.join(f, String.valueOf(qualifierCode), " ");
            for (String a : MarcFields.subs(f, 'a')) {
                isbn(b, a, q, isbnTag + "$a", log);
            }
            for (String z : MarcFields.subs(f, 'z')) {
                invalidIsbn(b, z);
            }
        }
        for (DataField f : MarcFields.data(r, issnTag)) {
            for (String a : MarcFields.subs(f, 'a')) {
                issn(b, a, issnTag + "$a", log);
            }
            for (char c : new char[] {'y', 'z'}) {
                for (String v : MarcFields.subs(f, c)) {
                    invalidIssn(b, v);
                }
            }
        }
    }

    /** System control numbers from 035$a (OCLC, BnF, Sudoc... recognised) and URLs from 856$u. */
    public static void systemNumbersAndUrls(Record r, BibRecord.Builder b) {
        for (DataField f : MarcFields.data(r, "035")) {
            for (String a : MarcFields.subs(f, 'a')) {
                Identifier id = Identifiers.systemNumber(a);
                if (id != null) {
                    b.addIdentifier(id);
                }
            }
        }
        for (DataField f : MarcFields.data(r, "856")) {
            for (String u : MarcFields.subs(f, 'u')) {
                String url = DisplayText.clean(u);
                if (url != null) {
                    b.addIdentifier(new Identifier(IdentifierScheme.URL, url));
                    if (Identifiers.isDoiUrl(url)) {
                        doi(b, url);
                    }
                }
            }
        }
    }

    /** Adds the DOI in {@code text}, if it holds one. */
    public static void doi(BibRecord.Builder b, String text) {
        String doi = Identifiers.doi(text);
        if (doi != null) {
            b.addIdentifier(new Identifier(IdentifierScheme.DOI, doi));
        }
    }

    /** The first value of subfield {@code code} across {@code fields} that {@code clean} keeps (not null). */
    public static String firstOf(List<DataField> fields, char code, UnaryOperator<String> clean) {
        for (DataField f : fields) {
            for (String v : MarcFields.subs(f, code)) {
                String c = clean.apply(v);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /** A subject heading: the main part, then each subdivision (subfield codes in {@code subdivisions}) after " -- ". */
    public static String heading(String main, DataField f, String subdivisions) {
        StringBuilder heading = new StringBuilder(main == null ? "" : main);
        for (Subfield s : f.getSubfields()) {
            if (subdivisions.indexOf(s.getCode()) >= 0) {
                String part = DisplayText.trimIsbd(s.getData());
                if (part != null) {
                    if (heading.length() > 0) {
                        heading.append(" -- ");
                    }
                    heading.append(part);
                }
            }
        }
        return heading.toString();
    }

    /**
     * Adds the ISBN in {@code text} (020$a / 010$a); a value that is not a valid ISBN is kept as an
     * ISBN_INVALID identifier with a BAD_VALUE problem.
     */
    public static void isbn(BibRecord.Builder b, String text, String qualifier, String where, ProblemLog log) {
        String v = DisplayText.clean(text);
        if (v == null) {
            return;
        }
        var isbn = Isbn.parse(v);
        if (isbn.isPresent()) {
            Isbn i = isbn.get();
            String q = DisplayText.trimIsbd(qualifier);
            if (q != null) {
                q = q.replaceAll("^\\((.*)\\)$", "$1");
                i = new Isbn(i.isbn13(), null, i.qualifier() == null ? q : i.qualifier() + "; " + q);
            }
            b.addIsbn(i);
        } else if (v.matches(".*[0-9].*")) {
            b.addIdentifier(new Identifier(IdentifierScheme.ISBN_INVALID, compactIsbn(v)));
            log.add(ProblemKind.BAD_VALUE, where + " '" + v + "' is not a valid ISBN; kept as invalid ISBN");
        }
    }

    /** Adds a cancelled or known-invalid ISBN (020$z / 010$z) without complaint. */
    public static void invalidIsbn(BibRecord.Builder b, String text) {
        String v = DisplayText.clean(text);
        if (v != null) {
            b.addIdentifier(new Identifier(IdentifierScheme.ISBN_INVALID, compactIsbn(v)));
        }
    }

    /** "0-8369-6843-3 (pbk.)" to "0836968433"; text without an ISBN-like run stays as it is. */
    static String compactIsbn(String v) {
        Matcher m = Pattern.compile("[0-9][0-9\\- ]{7,16}[0-9Xx]").matcher(v);
        if (m.find()) {
            return m.group().replaceAll("[\\- ]", "").toUpperCase(Locale.ROOT);
        }
        return v;
    }

    /** Adds a valid ISSN, or keeps a wrong one as ISSN_INVALID with a BAD_VALUE problem. */
    public static void issn(BibRecord.Builder b, String text, String where, ProblemLog log) {
        String v = DisplayText.clean(text);
        if (v == null) {
            return;
        }
        String issn = Identifiers.validIssn(v);
        if (issn != null) {
            b.addIssn(issn);
        } else {
            b.addIdentifier(new Identifier(IdentifierScheme.ISSN_INVALID, v));
            log.add(ProblemKind.BAD_VALUE, where + " '" + v + "' is not a valid ISSN; kept as invalid ISSN");
        }
    }

    public static void invalidIssn(BibRecord.Builder b, String text) {
        String v = DisplayText.clean(text);
        if (v != null) {
            b.addIdentifier(new Identifier(IdentifierScheme.ISSN_INVALID, v));
        }
    }

    /**
     * Adds language codes from a coded value: one code, or several run together as old records
     * do ("engfre"). Blank, fill ('|||') and undetermined placeholders add nothing; anything else
     * that is not letters is a BAD_VALUE.
     */
    public static void languages(BibRecord.Builder b, String coded, String where, ProblemLog log) {
        if (coded == null) {
            return;
        }
        String v = coded.strip();
        if (v.length() == 3 && asciiLetter(v.charAt(0)) && asciiLetter(v.charAt(1)) && asciiLetter(v.charAt(2))) {
            b.addLanguage(v);   // one code, the common case: what RUN_OF_CODES would find, without a regular expression
            return;
        }
        if (v.isEmpty() || FILL.matcher(v).matches()) {
            return;
        }
        if (RUN_OF_CODES.matcher(v).matches()) {
            for (int i = 0; i + 3 <= v.length(); i += 3) {
                b.addLanguage(v.substring(i, i + 3));
            }
        } else if (LIST_OF_CODES.matcher(v).matches()) {
            for (String part : v.split("[ ,;/]+")) {
                if (part.matches("[A-Za-z]{3}")) {
                    b.addLanguage(part);
                }
            }
        } else {
            log.add(ProblemKind.BAD_VALUE, where + " '" + v + "' is not a language code");
        }
    }

    /** Null for the placeholders catalogues write when the place is unknown ("[S.l.]", "[Place of publication not identified]"). */
    public static String place(String raw) {
        String v = DisplayText.trimIsbd(raw);
        if (v == null) {
            return null;
        }
        String k = PLACEHOLDER_NOISE.matcher(v.toLowerCase(Locale.ROOT)).replaceAll("");
        if (k.equals("sl") || k.equals("sineloco") || k.equals("slsn") || k.equals("oo") || k.equals("ol")
                || k.startsWith("placeofpublicationnotidentified") || k.equals("lieudepublicationnonidentifié")
                || k.equals("sa") || k.equals("sd")) {
            return null;
        }
        return stripBrackets(v);
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Null for the placeholders catalogues write when the publisher is unknown ("[s.n.]", "[publisher not identified]"). */
    public static String publisher(String raw) {
        String v = DisplayText.trimIsbd(raw);
        if (v == null) {
            return null;
        }
        String k = PLACEHOLDER_NOISE.matcher(v.toLowerCase(Locale.ROOT)).replaceAll("");
        if (k.equals("sn") || k.equals("sinenomine") || k.startsWith("publishernotidentified") || k.equals("snt")
                || k.equals("éditeurnonidentifié") || k.equals("on") || k.equals("oa")) {
            return null;
        }
        return stripBrackets(v);
    }

    /** "[London]" to "London": brackets around the whole value only say the cataloguer supplied it. */
    private static String stripBrackets(String v) {
        if (v.length() > 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']' && v.indexOf(']') == v.length() - 1) {
            return DisplayText.trimIsbd(v.substring(1, v.length() - 1));
        }
        return v;
    }
}
