package org.navette.normalise.internal;

import static org.navette.normalise.internal.MarcFields.at;
import static org.navette.normalise.internal.MarcFields.data;
import static org.navette.normalise.internal.MarcFields.first;
import static org.navette.normalise.internal.MarcFields.join;
import static org.navette.normalise.internal.MarcFields.sub;
import static org.navette.normalise.internal.MarcFields.subs;

import java.util.List;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.MaterialType;
import org.navette.model.ProblemKind;

/**
 * Maps a UNIMARC bibliographic record onto {@link BibRecord}: title (200), authors (700-702,
 * 710-712, 720-722 with $4 relator codes), identifiers (010/011/013/073/035/001+003/009/856),
 * edition (205), publication (214, else 210), year (100$a/09-12 checked, else 214/210$d), extent
 * (215), languages (101), material type and carrier (leader, 106, 110, 135, 130, 182), series
 * (225, 410) and subjects (60X with $x/$y/$z/$j subdivisions). Holdings: {@link HoldingsMapper}.
 *
 * <p>Thread-safety: stateless.
 */
public final class UnimarcMapper {
    private UnimarcMapper() {
    }

    public static void map(Record r, BibRecord.Builder b, ProblemLog log) {
        title(r, b, log);
        authors(r, b);
        identifiers(r, b, log);
        b.edition(DisplayText.trimIsbd(join(first(r, "205"), "ab", " ")));
        List<DataField> pubs = publication(r);
        b.place(CommonMapping.firstOf(pubs, 'a', CommonMapping::place));
        b.publisher(CommonMapping.firstOf(pubs, 'c', CommonMapping::publisher));
        year(r, pubs, b, log);
        b.extent(DisplayText.trimIsbd(sub(first(r, "215"), 'a')));
        for (DataField f : data(r, "101")) {
            for (String a : subs(f, 'a')) {
                CommonMapping.languages(b, a, "101$a", log);
            }
        }
        String leader = r.getLeader() == null ? "" : r.getLeader().marshal();
        b.materialType(materialType(at(leader, 6), at(leader, 7)));
        b.carrier(carrier(r, at(leader, 6)));
        series(r, b);
        subjects(r, b);
    }

    private static void title(Record r, BibRecord.Builder b, ProblemLog log) {
        DataField t = first(r, "200");
        String proper = DisplayText.trimIsbd(join(t, "a", " ; "));
        if (t != null) {
            b.titleRemainder(DisplayText.trimIsbd(join(t, "e", " : ")));
            b.partNumber(DisplayText.trimIsbd(join(t, "h", ". ")));
            b.partName(DisplayText.trimIsbd(join(t, "i", ". ")));
            b.responsibility(DisplayText.trimIsbd(join(t, "fg", " ; ")));
        }
        if (proper == null) {
            for (String tag : new String[] {"500", "532", "540", "541"}) {
                String alt = DisplayText.trimIsbd(sub(first(r, tag), 'a'));
                if (alt != null) {
                    log.add(ProblemKind.MISSING_TITLE, "no title proper in 200$a; title taken from " + tag + "$a");
                    proper = alt;
                    break;
                }
            }
            if (proper == null) {
                log.add(ProblemKind.MISSING_TITLE, t == null ? "no 200 field" : "200 has no title proper ($a)");
            }
        }
        b.titleProper(proper);
    }

    private static void authors(Record r, BibRecord.Builder b) {
        for (DataField f : r.getDataFields()) {
            String tag = f.getTag();
            if (tag.length() != 3 || tag.charAt(0) != '7' || tag.charAt(1) > '2' || tag.charAt(2) > '2') {
                continue;
            }
            boolean primary = tag.equals("700") || tag.equals("710") || tag.equals("720");
            AuthorKind kind;
            String name;
            if (tag.charAt(1) == '1') {
                kind = f.getIndicator1() == '1' ? AuthorKind.MEETING : AuthorKind.CORPORATE;
                name = joinName(f, "abc", ". ");
            } else {
                kind = tag.charAt(1) == '0' ? AuthorKind.PERSONAL : AuthorKind.CORPORATE;
                name = personalName(f);
            }
            if (name == null) {
                continue;
            }
            String role = DisplayText.trimIsbd(join(f, "4", ", "));
            String dates = DisplayText.trimIsbd(sub(f, 'f'));
            if (dates != null) {
                dates = dates.replaceAll("^[(<]\\s*(.*?)\\s*[)>]$", "$1");
            }
            b.addAuthor(new Author(name, kind, role, dates, primary));
        }
    }

    /** "$a Mazzucato $b , Mariana" to "Mazzucato, Mariana"; numerals ($d) and additions ($c) follow. */
    private static String personalName(DataField f) {
        String a = DisplayText.trimIsbd(join(f, "a", " "));
        String rest = DisplayText.trimIsbd(sub(f, 'b'));
        String name = a == null ? rest : rest == null ? a : a + ", " + rest;
        String numerals = DisplayText.trimIsbd(sub(f, 'd'));
        if (name != null && numerals != null) {
            name = name + " " + numerals;
        }
        return name;
    }

    private static String joinName(DataField f, String codes, String sep) {
        StringBuilder sb = new StringBuilder();
        for (Subfield s : f.getSubfields()) {
            if (codes.indexOf(s.getCode()) >= 0) {
                String v = DisplayText.trimIsbd(s.getData());
                if (v != null) {
                    if (sb.length() > 0) {
                        sb.append(s.getCode() == 'c' ? " " : sep);
                    }
                    sb.append(s.getCode() == 'c' && !v.startsWith("(") ? "(" + v + ")" : v);
                }
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void identifiers(Record r, BibRecord.Builder b, ProblemLog log) {
        CommonMapping.standardNumbers(r, b, "010", 'b', "011", log);
        for (DataField f : data(r, "013")) {
            String v = DisplayText.clean(sub(f, 'a'));
            if (v != null) {
                b.addIdentifier(new Identifier(IdentifierScheme.ISMN, v));
            }
        }
        for (DataField f : data(r, "073")) {
            String v = DisplayText.clean(sub(f, 'a'));
            if (v != null) {
                b.addIdentifier(new Identifier(IdentifierScheme.OTHER_STANDARD_NUMBER, v));
            }
        }
        Marc21Mapper.controlNumber(r, b);
        for (String v009 : MarcFields.controls(r, "009")) {
            Identifier id = Identifiers.sudocFrom009(v009);
            if (id != null) {
                b.addIdentifier(id);
            }
        }
        CommonMapping.systemNumbersAndUrls(r, b);
    }

    /** Publication statements, best first: 214 (2012 onwards) with indicator 2 = 0 (publication), 210, other 214s. */
    private static List<DataField> publication(Record r) {
        List<DataField> out = new java.util.ArrayList<>(2);
        List<DataField> f214 = data(r, "214");
        for (DataField f : f214) {
            if (f.getIndicator2() == '0') {
                out.add(f);
            }
        }
        out.addAll(data(r, "210"));
        for (DataField f : f214) {
            if (f.getIndicator2() != '0') {
                out.add(f);
            }
        }
        return out;
    }

    private static void year(Record r, List<DataField> pubs, BibRecord.Builder b, ProblemLog log) {
        String a100 = sub(first(r, "100"), 'a');
        Integer year = null;
        if (a100 != null && a100.length() >= 13) {
            char type = a100.charAt(8);
            String d1 = a100.substring(9, 13);
            Years.Fixed k = Years.kind(d1);
            if (k == Years.Fixed.YEAR && type != 'u') {
                year = Integer.parseInt(d1);
            } else if (k == Years.Fixed.INVALID) {
                log.add(ProblemKind.BAD_VALUE, "100$a/09-12 '" + d1 + "' is not a year");
            }
        }
        for (int i = 0; year == null && i < pubs.size(); i++) {
            year = Years.first(join(pubs.get(i), "dh", " "));
        }
        b.year(year);
    }

    /** UNIMARC leader/06 type of record, leader/07 bibliographic level. */
    static MaterialType materialType(char type, char level) {
        return switch (type) {
            case 'a' -> level == 's' ? MaterialType.SERIAL : level == 'a' ? MaterialType.ARTICLE : MaterialType.BOOK;
            case 'b' -> MaterialType.MANUSCRIPT;
            case 'c', 'd' -> MaterialType.SCORE;
            case 'e', 'f' -> MaterialType.MAP;
            case 'g' -> MaterialType.VIDEO;
            case 'i' -> MaterialType.SOUND_RECORDING;
            case 'j' -> MaterialType.MUSIC_RECORDING;
            case 'k' -> MaterialType.GRAPHIC;
            case 'l' -> MaterialType.COMPUTER_FILE;
            case 'm' -> MaterialType.KIT;
            case 'r' -> MaterialType.OBJECT;
            default -> MaterialType.OTHER;
        };
    }

    /** 135 or 106$a 's' electronic, 130 or 106$a 't' microform, 182 media type, else print for text. */
    static Carrier carrier(Record r, char type) {
        if (first(r, "135") != null) {
            return Carrier.ELECTRONIC;
        }
        if (first(r, "130") != null) {
            return Carrier.MICROFORM;
        }
        String f106 = DisplayText.clean(sub(first(r, "106"), 'a'));
        if (f106 != null) {
            switch (f106.charAt(0)) {
                case 's', 'o', 'q':
                    return Carrier.ELECTRONIC;
                case 't', 'a', 'b', 'c', 'g':
                    return Carrier.MICROFORM;
                case 'r', 'd', 'e', 'f', 'h', 'j':
                    return Carrier.PRINT;
                default:
                    break;
            }
        }
        for (DataField f : data(r, "182")) {
            String media = DisplayText.clean(sub(f, 'a'));
            if (media != null) {
                switch (media.charAt(0)) {
                    case 'n':
                        return type == 'a' || type == 'c' || type == 'e' || type == 'b' ? Carrier.PRINT : Carrier.OTHER_PHYSICAL;
                    case 'c':
                        return Carrier.ELECTRONIC;
                    case 'h':
                        return Carrier.MICROFORM;
                    case 's', 'v', 'g', 'e', 'p', 'x':
                        return Carrier.OTHER_PHYSICAL;
                    default:
                        break;
                }
            }
        }
        if (type == 'l') {
            return Carrier.ELECTRONIC;
        }
        if ("gijkmr".indexOf(type) >= 0 && type != ' ') {
            return Carrier.OTHER_PHYSICAL;
        }
        if ("abcdef".indexOf(type) >= 0 && type != ' ') {
            return Carrier.PRINT;
        }
        return Carrier.UNKNOWN;
    }

    private static void series(Record r, BibRecord.Builder b) {
        for (DataField f : data(r, "225")) {
            add(b, DisplayText.trimIsbd(join(f, "a", " ")), DisplayText.trimIsbd(join(f, "v", " ")));
        }
        for (DataField f : data(r, "410")) {
            String title = DisplayText.trimIsbd(join(f, "t", " "));
            if (title == null) {
                // the embedded-fields technique puts the series title in $a after "$1 200.."
                title = DisplayText.trimIsbd(join(f, "a", " "));
            }
            add(b, title, DisplayText.trimIsbd(join(f, "v", " ")));
        }
    }

    private static void add(BibRecord.Builder b, String title, String volume) {
        if (title != null) {
            b.addSeries(volume == null ? title : title + " ; " + volume);
        }
    }

    private static void subjects(Record r, BibRecord.Builder b) {
        for (DataField f : r.getDataFields()) {
            String tag = f.getTag();
            if (tag.length() != 3 || tag.charAt(0) != '6' || tag.charAt(1) > '1') {
                continue;
            }
            String main = switch (tag) {
                case "600", "602" -> personalName(f);
                case "601" -> joinName(f, "abc", ". ");
                case "604", "605" -> DisplayText.trimIsbd(join(f, "at", ". "));
                default -> DisplayText.trimIsbd(join(f, "a", " "));
            };
            b.addSubject(CommonMapping.heading(main, f, "jxyz"));
        }
    }
}
