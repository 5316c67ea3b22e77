package org.navette.match.internal;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.navette.model.MarcRecord;

/**
 * The Gold Rush match key (Colorado Alliance of Research Libraries), version "September 2021" —
 * the one Index Data's {@code matchkeys/goldrush} module computes for ReShare and FOLIO shared
 * indexes, so our keys can be compared with theirs.
 *
 * <p>Components, each padded with underscores to its width, then the whole key lower-cased:
 * title 245 $a$b$p (70), general material designation 245 $h (5), publication year from 008
 * date 2, else 008 date 1, else 264 $c, else 260 $c, else "0000" (4), pagination: the first four
 * contiguous digits of 300 $a (4), edition: the first 3, 2 or 1 contiguous digits of 250 $a or an
 * English ordinal word (3), publisher 264 $b else 260 $b (5), record type leader/06 (1), title parts
 * 245 $p after the first (30), part number 245 $n (10), author 100/110/111 $a (20), inclusive dates
 * 245 $f (15), government document number 086 $a (unpadded), then "e" for electronic resources or
 * "p". The later CoAlliance revisions (95-character title, no GMD, version suffix) are not followed:
 * ReShare keys were built with this one.
 *
 * <p>For a MARC21 record the key is read from the MARC fields, exactly per the specification. Other
 * records (UNIMARC, Dublin Core, scraped pages) get the same components from their normalised
 * fields ({@link Fields}), so that one edition catalogued in MARC21 and in UNIMARC gets one key as
 * far as the two formats carry the same data.
 *
 * <pre>{@code
 * String key = new GoldRushKey().ofMarc21(marcRecord); // 168 characters, "...p" or "...e"
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class GoldRushKey {
    private static final Pattern LEADING_A = Pattern.compile("^ *[aA] +");
    private static final Pattern LEADING_AN = Pattern.compile("^ *[aA]n +");
    private static final Pattern LEADING_THE = Pattern.compile("^ *[tT]he +");
    private static final Pattern FOUR_DIGITS = Pattern.compile("([0-9]{4})");
    private static final Pattern[] DIGIT_RUNS = {
        Pattern.compile("([0-9]{3})"), Pattern.compile("([0-9]{2})"), Pattern.compile("([0-9]{1})")};
    private static final String PUNCTUATION = "\u0020!\"#$()*+,-./:;<=>?@[\\]^_`|~\u00A9";

    private final Normalizer2 nfd = Normalizer2.getNFDInstance();
    private final UnicodeSet diacritics = new UnicodeSet("[:Diacritic:]").freeze();

    /**
     * The key's inputs, as MARC21 would hold them; any may be null.
     *
     * @param leaderType leader/06, the type of record ('a' language material, 'c' score...)
     */
    public record Fields(String titleA, String titleB, List<String> titleP, String titleN, String titleH,
                         String titleF, String f008, String f264c, String f260c, String f300a, String f250a,
                         String f264b, String f260b, Character leaderType, String f100a, String f110a, String f111a,
                         String f086a, boolean electronic) {
        public Fields {
            titleP = titleP == null ? List.of() : List.copyOf(titleP);
        }
    }

    /** The key of a MARC21 record, read from its fields. */
    public String ofMarc21(MarcRecord r) {
        String leader = r.leader();
        Character type = leader.length() > 10 ? leader.charAt(6) : null;
        List<String> parts = r.subfields("245", 'p');
        Fields f = new Fields(sub(r, "245", 'a'), sub(r, "245", 'b'), parts, sub(r, "245", 'n'), sub(r, "245", 'h'),
                sub(r, "245", 'f'), control(r, "008"), sub(r, "264", 'c'), sub(r, "260", 'c'), sub(r, "300", 'a'),
                sub(r, "250", 'a'), sub(r, "264", 'b'), sub(r, "260", 'b'), type, sub(r, "100", 'a'),
                sub(r, "110", 'a'), sub(r, "111", 'a'), sub(r, "086", 'a'), electronic(r));
        return of(f);
    }

    /** The key of the given components. */
    public String of(Fields f) {
        StringBuilder key = new StringBuilder(200);
        key.append(title(f.titleA(), f.titleB(), f.titleP().isEmpty() ? null : f.titleP().get(0)));
        key.append(gmd(f.titleH()));
        key.append(year(f.f008(), f.f264c(), f.f260c()));
        key.append(pagination(f.f300a()));
        key.append(edition(f.f250a()));
        key.append(publisher(f.f264b(), f.f260b()));
        if (f.leaderType() != null) {
            key.append(f.leaderType().charValue());
        }
        key.append(titleParts(f.titleP()));
        key.append(pad(f.titleN() == null ? "" : strip(f.titleN(), '_'), 10));
        StringBuilder author = new StringBuilder();
        for (String a : new String[] {f.f100a(), f.f110a(), f.f111a()}) {
            if (a != null) {
                author.append(unaccent(strip(a, '_')));
            }
        }
        key.append(pad(author.toString(), 20));
        key.append(pad(f.titleF() == null ? "" : strip(f.titleF().replace(" ", ""), '_'), 15));
        if (f.f086a() != null) {
            String g = unaccent(strip(f.f086a(), '_'));
            key.append(g.length() > 32000 ? g.substring(0, 32000) : g);
        }
        key.append(f.electronic() ? 'e' : 'p');
        return lowerKeepingWidth(key);
    }

    private String title(String a, String b, String p) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {a, b, p}) {
            if (s != null) {
                sb.append(strip(s, ' ').trim());
            }
        }
        return pad(unaccent(sb.toString()), 70);
    }

    private String gmd(String h) {
        String s = h == null ? "" : unaccent(h).replaceAll("[^a-zA-Z0-9]", "");
        return pad(s, 5);
    }

    private static String year(String f008, String f264c, String f260c) {
        String year = "";
        if (f008 != null) {
            String date2 = digits(safeSub(f008, 11, 15));
            String date1 = digits(safeSub(f008, 7, 11));
            if (date2.length() == 4 && !date2.equals("9999")) {
                year = date2;
            } else if (date1.length() == 4 && !date1.equals("9999")) {
                year = date1;
            }
        }
        for (String c : new String[] {f264c, f260c}) {
            if (year.isEmpty() && c != null) {
                String d = digits(c);
                if (FOUR_DIGITS.matcher(d).find() && !d.equals("9999")) {
                    year = d;
                }
            }
        }
        return pad(year.isEmpty() ? "0000" : year, 4);
    }

    private static String pagination(String f300a) {
        String s = "";
        if (f300a != null) {
            Matcher m = FOUR_DIGITS.matcher(f300a);
            if (m.find()) {
                s = m.group(1);
            }
        }
        return pad(s, 4);
    }

    private String edition(String f250a) {
        String s = "";
        if (f250a != null) {
            String data = unaccent(f250a);
            for (Pattern p : DIGIT_RUNS) {
                Matcher m = p.matcher(data);
                if (m.find()) {
                    s = m.group(1);
                    break;
                }
            }
            if (s.isEmpty()) {
                String first = data.substring(0, Math.min(3, data.length())).toLowerCase(Locale.ROOT);
                s = switch (first) {
                    case "fir" -> "1";
                    case "sec" -> "2";
                    case "thi" -> "3";
                    case "fou" -> "4";
                    case "fif" -> "5";
                    case "six" -> "6";
                    case "sev" -> "7";
                    case "eig" -> "8";
                    case "nin" -> "9";
                    case "ten" -> "10";
                    default -> "";
                };
            }
        }
        return pad(s, 3);
    }

    private String publisher(String f264b, String f260b) {
        String s = "";
        if (f264b != null) {
            s = unaccent(f264b).toLowerCase(Locale.ROOT);
        } else if (f260b != null) {
            s = unaccent(f260b).toLowerCase(Locale.ROOT);
        }
        return pad(strip(s, ' ').replace(" ", ""), 5);
    }

    private String titleParts(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.size(); i++) {
            String s = strip(unaccent(parts.get(i)).trim(), '_');
            sb.append(s, 0, Math.min(10, s.length()));
        }
        return pad(sb.toString(), 30);
    }

    /** Gold Rush's stripPunctuation(): leading English article, quotes and braces out, punctuation to {@code with}. */
    static String strip(String in, char with) {
        String s = in.replace("%22", "_").replace("%", "_");
        s = LEADING_A.matcher(s).replaceFirst("");
        s = LEADING_AN.matcher(s).replaceFirst("");
        s = LEADING_THE.matcher(s).replaceFirst("");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '{' || c == '}') {
                continue;
            }
            if (c == '&') {
                sb.append("and");
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                sb.append(with);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String unaccent(String s) {
        String d = nfd.normalize(s);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            if (!diacritics.contains(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Lower case one character at a time: {@code String.toLowerCase} turns some characters into
     * two ({@code İ} into {@code i} and a combining dot), which would shift every component after
     * it out of its fixed place.
     */
    private static String lowerKeepingWidth(CharSequence key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            out.append(Character.toLowerCase(key.charAt(i)));
        }
        return out.toString();
    }

    /** Gold Rush's padContent(): runs of spaces to one underscore, cut or padded with underscores. */
    static String pad(String s, int width) {
        String t = s.replaceAll(" +", " ").replace(' ', '_');
        if (t.length() >= width) {
            return t.substring(0, width);
        }
        return t + "_".repeat(width - t.length());
    }

    private static String digits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String safeSub(String s, int from, int to) {
        if (s.length() <= from) {
            return "";
        }
        return s.substring(from, Math.min(to, s.length()));
    }

    private static String sub(MarcRecord r, String tag, char code) {
        return r.firstSubfield(tag, code).orElse(null);
    }

    private static String control(MarcRecord r, String tag) {
        return r.controlField(tag).orElse(null);
    }

    private boolean electronic(MarcRecord r) {
        if (containsWord(sub(r, "245", 'h'), "electronic resource")
                || containsWord(sub(r, "590", 'a'), "electronic reproduction")
                || containsWord(sub(r, "533", 'a'), "electronic reproduction")
                || containsWord(sub(r, "300", 'a'), "online resource")) {
            return true;
        }
        String f007 = control(r, "007");
        if (f007 != null && f007.startsWith("c")) {
            return true;
        }
        String f337 = sub(r, "337", 'a');
        if (f337 != null && f337.startsWith("c")) {
            return true;
        }
        return r.has("086") && r.has("856");
    }

    private boolean containsWord(String field, String phrase) {
        if (field == null) {
            return false;
        }
        return Pattern.compile("\\b" + phrase + "\\b", Pattern.CASE_INSENSITIVE).matcher(unaccent(field)).find();
    }
}
