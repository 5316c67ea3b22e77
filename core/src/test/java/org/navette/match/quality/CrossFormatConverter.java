package org.navette.match.quality;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.navette.model.Carrier;
import org.navette.model.Isbn;

/**
 * Makes cross-format labelled pairs from real records: converts a MARC21 record to UNIMARC and a
 * UNIMARC record to MARC21 the way a second catalogue would have catalogued the same edition, with
 * the usual variation — ISBD punctuation kept or dropped, ISBN-10 for ISBN-13 (and hyphens), 260 vs
 * 264, a dropped subtitle, edition statements in another language ("2nd ed." / "2e éd."), inverted
 * headings split into surname and forename subfields, a missing LCCN, French extent style. It also
 * derives "another edition" of a record (new edition statement, later year, other ISBN and
 * pagination): a hard negative. Deterministic: every choice comes from the given {@link Random}.
 *
 * <p>Test code: the library has no MARC writer.
 */
final class CrossFormatConverter {
    private static final Pattern TRAILING_ISBD = Pattern.compile("[\\s]*[/:;,=.]+\\s*$");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private final MarcFactory factory = MarcFactory.newInstance();

    /** One edition catalogued in MARC21 by one library, re-catalogued in UNIMARC by another. */
    org.marc4j.marc.Record toUnimarc(org.marc4j.marc.Record m, Carrier carrier, String id, Random rnd) {
        String leader = m.getLeader().marshal();
        org.marc4j.marc.Record u = factory.newRecord("00000n" + unimarcType(leader.charAt(6)) + leader.charAt(7) + "0 2200000   450 ");
        u.addVariableField(factory.newControlField("001", id));
        switch (carrier) {
            case MICROFORM -> addSub(u, "106", ' ', ' ', 'a', "t");
            case ELECTRONIC -> addSub(u, "135", ' ', ' ', 'a', "drnn ---uuuuu");
            case PRINT -> addSub(u, "106", ' ', ' ', 'a', "r");
            default -> {
                // nothing said about the carrier, as in many records
            }
        }
        String f008 = control(m, "008");
        String date1 = f008 != null && f008.length() >= 11 ? f008.substring(7, 11) : "    ";
        String lang = f008 != null && f008.length() >= 38 ? f008.substring(35, 38).strip() : "";
        copyStandardNumbers(m, "020", "022", u, "010", "011", rnd);
        for (DataField f : data(m, "035")) {
            addSub(u, "035", ' ', ' ', 'a', sub(f, 'a'));
        }
        DataField f100 = field("100", ' ', ' ');
        f100.addSubfield(factory.newSubfield('a', "20240101d" + date1 + "    u  y0" + (lang.isEmpty() ? "und" : lang) + "y50      ba"));
        u.addVariableField(f100);
        if (!lang.isBlank()) {
            addSub(u, "101", '0', ' ', 'a', lang);
        }
        DataField t = first(m, "245");
        if (t != null) {
            DataField d = field("200", '1', ' ');
            String a = clean(sub(t, 'a'));
            int nonFiling = Character.isDigit(t.getIndicator2()) ? t.getIndicator2() - '0' : 0;
            if (a != null && nonFiling > 0 && nonFiling < a.length()) {
                a = "\u0098" + a.substring(0, nonFiling) + "\u009C" + a.substring(nonFiling);
            }
            d.addSubfield(factory.newSubfield('a', a == null ? "[Sans titre]" : a));
            String b = clean(sub(t, 'b'));
            if (b != null && rnd.nextInt(4) != 0) {
                d.addSubfield(factory.newSubfield('e', b));
            }
            String c = clean(sub(t, 'c'));
            if (c != null) {
                d.addSubfield(factory.newSubfield('f', c));
            }
            copySub(t, 'n', d, 'h');
            copySub(t, 'p', d, 'i');
            u.addVariableField(d);
        }
        String edition = sub(first(m, "250"), 'a');
        if (edition != null) {
            addSub(u, "205", ' ', ' ', 'a', frenchEdition(edition));
        }
        DataField pub = first(m, "264") != null ? first(m, "264") : first(m, "260");
        if (pub != null) {
            DataField d = field(rnd.nextInt(3) == 0 ? "214" : "210", ' ', rnd.nextBoolean() ? '1' : ' ');
            copySub(pub, 'a', d, 'a');
            copySub(pub, 'b', d, 'c');
            String c = sub(pub, 'c');
            if (c != null) {
                d.addSubfield(factory.newSubfield('d', c.replaceAll("[^0-9\\[\\]?-]", "")));
            }
            u.addVariableField(d);
        }
        DataField ext = first(m, "300");
        if (ext != null) {
            DataField d = field("215", ' ', ' ');
            String a = sub(ext, 'a');
            if (a != null) {
                d.addSubfield(factory.newSubfield('a', frenchExtent(clean(a))));
            }
            copySub(ext, 'b', d, 'c');
            copySub(ext, 'c', d, 'd');
            u.addVariableField(d);
        }
        for (String tag : new String[] {"490", "830"}) {
            for (DataField f : data(m, tag)) {
                addSub(u, "225", '2', ' ', 'a', clean(sub(f, 'a')));
            }
        }
        for (DataField f : data(m, "650")) {
            DataField d = field("606", ' ', ' ');
            copySub(f, 'a', d, 'a');
            for (Subfield s : f.getSubfields('x')) {
                d.addSubfield(factory.newSubfield('x', s.getData()));
            }
            u.addVariableField(d);
        }
        name(m, "100", u, "700", true);
        name(m, "700", u, "701", true);
        name(m, "110", u, "710", false);
        name(m, "710", u, "711", false);
        for (DataField f : data(m, "856")) {
            addSub(u, "856", '4', ' ', 'u', sub(f, 'u'));
        }
        return u;
    }

    /** One edition catalogued in UNIMARC by one library, re-catalogued in MARC21 by another. */
    org.marc4j.marc.Record toMarc21(org.marc4j.marc.Record u, Carrier carrier, String id, Random rnd) {
        String leader = u.getLeader().marshal();
        org.marc4j.marc.Record m = factory.newRecord("00000n" + marc21Type(leader.charAt(6)) + leader.charAt(7) + " a2200000 i 4500");
        m.addVariableField(factory.newControlField("001", id));
        switch (carrier) {
            case MICROFORM -> m.addVariableField(factory.newControlField("007", "he bmb024baca"));
            case ELECTRONIC -> m.addVariableField(factory.newControlField("007", "cr |||||||||||"));
            default -> {
                // print needs no 007
            }
        }
        String a100 = sub(first(u, "100"), 'a');
        String date1 = a100 != null && a100.length() >= 13 ? a100.substring(9, 13) : "    ";
        String lang = sub(first(u, "101"), 'a');
        m.addVariableField(factory.newControlField("008", "240101s" + date1 + "    fr            000 0 "
                + (lang == null || lang.length() != 3 ? "und" : lang) + " d"));
        copyStandardNumbers(u, "010", "011", m, "020", "022", rnd);
        DataField main = first(u, "700");
        if (main != null) {
            DataField d = field("100", '1', ' ');
            d.addSubfield(factory.newSubfield('a', invertedName(main) + ","));
            copySub(main, 'f', d, 'd');
            m.addVariableField(d);
        } else if (first(u, "710") != null) {
            addSub(m, "110", '2', ' ', 'a', sub(first(u, "710"), 'a'));
        }
        DataField t = first(u, "200");
        if (t != null) {
            String a = sub(t, 'a');
            int nonFiling = 0;
            if (a != null && a.indexOf('\u0098') >= 0 && a.indexOf('\u009C') > a.indexOf('\u0098')) {
                nonFiling = a.indexOf('\u009C') - a.indexOf('\u0098') - 1;
                a = a.replace("\u0098", "").replace("\u009C", "");
            }
            DataField d = field("245", main != null ? '1' : '0', (char) ('0' + Math.min(9, nonFiling)));
            String b = sub(t, 'e');
            boolean keepSubtitle = b != null && rnd.nextInt(4) != 0;
            String c = sub(t, 'f');
            // ISBD punctuation, as MARC21 transcribes it
            d.addSubfield(factory.newSubfield('a', a + (keepSubtitle ? " :" : c != null ? " /" : ".")));
            if (keepSubtitle) {
                d.addSubfield(factory.newSubfield('b', b + (c != null ? " /" : ".")));
            }
            if (c != null) {
                d.addSubfield(factory.newSubfield('c', c + "."));
            }
            copySub(t, 'h', d, 'n');
            copySub(t, 'i', d, 'p');
            m.addVariableField(d);
        }
        String edition = sub(first(u, "205"), 'a');
        if (edition != null) {
            addSub(m, "250", ' ', ' ', 'a', englishEdition(edition));
        }
        DataField pub = first(u, "210") != null ? first(u, "210") : first(u, "214");
        if (pub != null) {
            boolean rda = rnd.nextBoolean();
            DataField d = field(rda ? "264" : "260", ' ', rda ? '1' : ' ');
            String place = sub(pub, 'a');
            String publisher = sub(pub, 'c');
            String date = sub(pub, 'd');
            if (place != null) {
                d.addSubfield(factory.newSubfield('a', place + (publisher != null ? " :" : ",")));
            }
            if (publisher != null) {
                d.addSubfield(factory.newSubfield('b', publisher + ","));
            }
            if (date != null) {
                d.addSubfield(factory.newSubfield('c', (rnd.nextInt(3) == 0 ? "c" : "") + date + "."));
            }
            m.addVariableField(d);
        }
        DataField ext = first(u, "215");
        if (ext != null) {
            DataField d = field("300", ' ', ' ');
            String a = sub(ext, 'a');
            if (a != null) {
                d.addSubfield(factory.newSubfield('a', a.replace("-", ", ") + " ;"));
            }
            copySub(ext, 'd', d, 'c');
            m.addVariableField(d);
        }
        for (DataField f : data(u, "225")) {
            addSub(m, "490", '0', ' ', 'a', sub(f, 'a'));
        }
        for (DataField f : data(u, "606")) {
            DataField d = field("650", ' ', '4');
            copySub(f, 'a', d, 'a');
            for (Subfield s : f.getSubfields('x')) {
                d.addSubfield(factory.newSubfield('x', s.getData()));
            }
            m.addVariableField(d);
        }
        for (DataField f : data(u, "701")) {
            DataField d = field("700", '1', ' ');
            d.addSubfield(factory.newSubfield('a', invertedName(f)));
            m.addVariableField(d);
        }
        return m;
    }

    /**
     * Another edition of the same work: a new edition statement, a later year, another ISBN, other
     * pagination. It must not merge with the original.
     */
    org.marc4j.marc.Record otherEdition(org.marc4j.marc.Record m, String id, Random rnd) {
        org.marc4j.marc.Record e = factory.newRecord(m.getLeader().marshal());
        int shift = 3 + rnd.nextInt(8);
        int edition = 2 + rnd.nextInt(3);
        boolean edited = false;
        for (VariableField vf : m.getVariableFields()) {
            String tag = vf.getTag();
            if (vf instanceof ControlField cf) {
                String d = tag.equals("001") ? id : cf.getData();
                if (tag.equals("008") && d.length() >= 11 && d.substring(7, 11).matches("\\d{4}")) {
                    d = d.substring(0, 7) + (Integer.parseInt(d.substring(7, 11)) + shift) + d.substring(11);
                }
                if (tag.equals("008") && d.length() >= 15 && d.substring(11, 15).matches("\\d{4}")) {
                    d = d.substring(0, 11) + (Integer.parseInt(d.substring(11, 15)) + shift) + d.substring(15);
                }
                e.addVariableField(factory.newControlField(tag, d));
                continue;
            }
            DataField f = (DataField) vf;
            DataField copy = field(tag, f.getIndicator1(), f.getIndicator2());
            for (Subfield s : f.getSubfields()) {
                String d = s.getData();
                if ((tag.equals("020") || tag.equals("010")) && s.getCode() == 'a') {
                    d = otherIsbn(d, rnd);
                } else if ((tag.equals("260") || tag.equals("264")) && s.getCode() == 'c' || tag.equals("210") && s.getCode() == 'd') {
                    d = shiftYears(d, shift);
                } else if (tag.equals("100") && s.getCode() == 'a' && d.length() >= 17 && d.substring(9, 13).matches("\\d{4}")) {
                    // UNIMARC coded data: publication dates at 9-12 and 13-16
                    String date2 = d.substring(13, 17).matches("\\d{4}")
                            ? Integer.toString(Integer.parseInt(d.substring(13, 17)) + shift) : d.substring(13, 17);
                    d = d.substring(0, 9) + (Integer.parseInt(d.substring(9, 13)) + shift) + date2 + d.substring(17);
                } else if ((tag.equals("300") || tag.equals("215")) && s.getCode() == 'a') {
                    d = morePages(d);
                } else if ((tag.equals("250") || tag.equals("205")) && s.getCode() == 'a') {
                    d = edition + (tag.equals("250") ? "th ed." : "e éd.");
                    edited = true;
                }
                copy.addSubfield(factory.newSubfield(s.getCode(), d));
            }
            e.addVariableField(copy);
        }
        if (!edited) {
            boolean unimarc = e.getVariableField("200") != null;
            addSub(e, unimarc ? "205" : "250", ' ', ' ', 'a', unimarc ? edition + "e éd. revue" : edition + "nd ed., rev.");
        }
        return e;
    }

    /** Leader/06 in UNIMARC for a MARC21 leader/06 (they differ for manuscripts, e-resources, kits). */
    private static char unimarcType(char marc21) {
        return switch (marc21) {
            case 't' -> 'b';
            case 'm' -> 'l';
            case 'o', 'p' -> 'm';
            default -> marc21;
        };
    }

    private static char marc21Type(char unimarc) {
        return switch (unimarc) {
            case 'b' -> 't';
            case 'l' -> 'm';
            case 'm' -> 'o';
            default -> unimarc;
        };
    }

    /** Records as ISO 2709 bytes, UTF-8. */
    byte[] write(List<org.marc4j.marc.Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter w = new MarcStreamWriter(out, "UTF-8");
        w.setAllowOversizeEntry(true);
        for (org.marc4j.marc.Record r : records) {
            if (r.getLeader().marshal().charAt(9) != 'a' && r.getVariableField("245") != null) {
                r.getLeader().setCharCodingScheme('a');
            }
            w.write(r);
        }
        w.close();
        return out.toByteArray();
    }

    /** ISBNs (written another way) and ISSNs from one format's tags to the other's. */
    private void copyStandardNumbers(org.marc4j.marc.Record from, String isbnTag, String issnTag,
                                     org.marc4j.marc.Record to, String toIsbnTag, String toIssnTag, Random rnd) {
        for (DataField f : data(from, isbnTag)) {
            String a = sub(f, 'a');
            if (a != null) {
                addSub(to, toIsbnTag, ' ', ' ', 'a', isbnVariant(a, rnd));
            }
        }
        for (DataField f : data(from, issnTag)) {
            addSub(to, toIssnTag, ' ', ' ', 'a', sub(f, 'a'));
        }
    }

    private void name(org.marc4j.marc.Record from, String tag, org.marc4j.marc.Record to, String toTag, boolean personal) {
        for (DataField f : data(from, tag)) {
            String a = clean(sub(f, 'a'));
            if (a == null) {
                continue;
            }
            DataField d = field(toTag, personal ? ' ' : '0', personal ? '1' : '2');
            int comma = a.indexOf(',');
            if (personal && comma > 0) {
                d.addSubfield(factory.newSubfield('a', a.substring(0, comma).strip()));
                d.addSubfield(factory.newSubfield('b', a.substring(comma + 1).strip()));
            } else {
                d.addSubfield(factory.newSubfield('a', a));
            }
            copySub(f, 'd', d, 'f');
            to.addVariableField(d);
        }
    }

    private static String invertedName(DataField f) {
        String a = sub(f, 'a');
        String b = sub(f, 'b');
        return b == null ? a : a + ", " + b;
    }

    /** "2nd ed." → "2e éd.", "Third edition" → "3e éd."; unnumbered statements unchanged. */
    private static String frenchEdition(String edition) {
        Matcher n = NUMBER.matcher(edition);
        if (n.find() && n.group(1).length() <= 2) {
            return n.group(1) + "e éd.";
        }
        String e = edition.toLowerCase(Locale.ROOT);
        String[][] words = {{"first", "1re éd."}, {"second", "2e éd."}, {"third", "3e éd."}, {"fourth", "4e éd."}};
        for (String[] w : words) {
            if (e.startsWith(w[0])) {
                return w[1];
            }
        }
        return clean(edition);
    }

    /** "2e éd." → "2nd ed.", "Nouvelle édition" unchanged. */
    private static String englishEdition(String edition) {
        Matcher n = NUMBER.matcher(edition);
        if (n.find() && n.group(1).length() <= 2) {
            int v = Integer.parseInt(n.group(1));
            String suffix = v == 1 ? "st" : v == 2 ? "nd" : v == 3 ? "rd" : "th";
            return v + suffix + " ed.";
        }
        return edition;
    }

    /** French extent style: "xii, 350 p." → "XII-350 p.". */
    private static String frenchExtent(String a) {
        Matcher m = Pattern.compile("^([ivxlc]+), (\\d+) p").matcher(a);
        if (m.find()) {
            return m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2) + " p" + a.substring(m.end());
        }
        return a;
    }

    /** The same ISBN written another way: ISBN-10 as hyphenated ISBN-13 and back, qualifier kept. */
    private static String isbnVariant(String text, Random rnd) {
        return Isbn.parse(text).map(i -> {
            String q = i.qualifier() == null ? "" : " (" + i.qualifier() + ")";
            if (i.isbn10() != null && rnd.nextBoolean()) {
                return (text.replaceAll("[^0-9Xx]", "").length() == 10 ? i.isbn13() : i.isbn10()) + q;
            }
            String s = i.isbn13();
            return s.substring(0, 3) + "-" + s.substring(3, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-"
                    + s.substring(12) + q;
        }).orElse(text);
    }

    /** A different valid ISBN in the same publisher block. */
    private static String otherIsbn(String text, Random rnd) {
        return Isbn.parse(text).map(i -> {
            String body = i.isbn13().substring(0, 9) + String.format(Locale.ROOT, "%03d", rnd.nextInt(1000));
            int sum = 0;
            for (int k = 0; k < 12; k++) {
                sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
            }
            String isbn = body + ((10 - sum % 10) % 10);
            return isbn.equals(i.isbn13()) ? text : isbn;
        }).orElse(text);
    }

    private static String shiftYears(String d, int shift) {
        Matcher m = Pattern.compile("(1[5-9]\\d\\d|20[0-2]\\d)").matcher(d);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Integer.toString(Integer.parseInt(m.group(1)) + shift));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String morePages(String a) {
        Matcher m = Pattern.compile("(\\d+)(\\s*(?:p|s|pages|f)\\b)").matcher(a);
        if (m.find()) {
            int pages = Integer.parseInt(m.group(1));
            return a.substring(0, m.start()) + (pages + Math.max(30, pages / 3)) + m.group(2) + a.substring(m.end());
        }
        return a;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = TRAILING_ISBD.matcher(s).replaceAll("").strip();
        return c.isEmpty() ? null : c;
    }

    private DataField field(String tag, char i1, char i2) {
        return factory.newDataField(tag, i1, i2);
    }

    private void addSub(org.marc4j.marc.Record r, String tag, char i1, char i2, char code, String value) {
        if (value != null && !value.isBlank()) {
            DataField d = field(tag, i1, i2);
            d.addSubfield(factory.newSubfield(code, value));
            r.addVariableField(d);
        }
    }

    private void copySub(DataField from, char code, DataField to, char toCode) {
        String v = from == null ? null : sub(from, code);
        if (v != null && !v.isBlank()) {
            to.addSubfield(factory.newSubfield(toCode, code == 'a' || code == 'b' ? clean(v) == null ? v : clean(v) : v));
        }
    }

    private static String sub(DataField f, char code) {
        if (f == null) {
            return null;
        }
        Subfield s = f.getSubfield(code);
        return s == null ? null : s.getData();
    }

    private static String control(org.marc4j.marc.Record r, String tag) {
        VariableField vf = r.getVariableField(tag);
        return vf instanceof ControlField cf ? cf.getData() : null;
    }

    private static DataField first(org.marc4j.marc.Record r, String tag) {
        VariableField vf = r.getVariableField(tag);
        return vf instanceof DataField df ? df : null;
    }

    private static List<DataField> data(org.marc4j.marc.Record r, String tag) {
        List<DataField> out = new ArrayList<>();
        for (VariableField vf : r.getVariableFields(tag)) {
            if (vf instanceof DataField df) {
                out.add(df);
            }
        }
        return out;
    }
}
