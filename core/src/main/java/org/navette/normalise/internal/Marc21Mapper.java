package org.navette.normalise.internal;

import java.util.ArrayList;
import static org.navette.normalise.internal.MarcFields.at;
import static org.navette.normalise.internal.MarcFields.data;
import static org.navette.normalise.internal.MarcFields.first;
import static org.navette.normalise.internal.MarcFields.join;
import static org.navette.normalise.internal.MarcFields.sub;
import static org.navette.normalise.internal.MarcFields.subs;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * Maps a MARC21 bibliographic record onto {@link BibRecord}: title (245, else 246/240/130/740),
 * authors (1XX/7XX), identifiers (020/022/010/024/035/001+003/856), edition, publication (264/260),
 * year (008 checked, else 264/260$c), extent, languages (008/35-37, 041), material type and
 * carrier (leader, 007, 008, 337/338, 245$h), series (490/830/440) and subjects (6XX).
 * Holdings are mapped by {@link HoldingsMapper}.
 *
 * <p>Thread-safety: stateless.
 */
public final class Marc21Mapper {
    private Marc21Mapper() {
    }

    public static void map(Record r, BibRecord.Builder b, ProblemLog log) {
        String leader = MarcFields.leaderText(r);
        boolean bibliographic = "qwzuvxy".indexOf(at(leader, 6)) < 0;
        if ("acdefgijkmoprtqwzuvxy".indexOf(at(leader, 6)) < 0) {
            log.add(ProblemKind.BAD_LEADER, "leader/06 '" + at(leader, 6) + "' is not a defined type of record; read as bibliographic");
        }
        if (!bibliographic) {
            log.add(ProblemKind.BAD_VALUE, "leader/06 '" + at(leader, 6) + "' is not a bibliographic record type ("
                    + nonBibliographic(at(leader, 6)) + "); mapped as far as it goes");
        }
        title(r, b, log);
        authors(r, b);
        identifiers(r, b, log);
        DataField edition = first(r, "250");
        b.edition(DisplayText.trimIsbd(join(edition, "ab", " ")));
        List<DataField> pubs = publication(r);
        b.place(CommonMapping.firstOf(pubs, 'a', CommonMapping::place));
        b.publisher(CommonMapping.firstOf(pubs, 'b', CommonMapping::publisher));
        year(r, pubs, bibliographic, b, log);
        b.extent(DisplayText.trimIsbd(sub(first(r, "300"), 'a')));
        if (bibliographic) {
            languages(r, b, log);
        }
        String f008 = bibliographic ? MarcFields.control(r, "008") : null;
        b.materialType(materialType(at(leader, 6), at(leader, 7), f008));
        b.carrier(carrier(r, at(leader, 6), f008));
        series(r, b);
        subjects(r, b);
    }

    private static void title(Record r, BibRecord.Builder b, ProblemLog log) {
        DataField t = first(r, "245");
        String proper = DisplayText.trimIsbd(join(t, "a", " "));
        if (proper == null) {
            proper = DisplayText.trimIsbd(join(t, "k", " "));
        }
        if (proper == null && t != null && !t.getSubfields().isEmpty()
                && !Character.isLetterOrDigit(t.getSubfields().get(0).getCode())) {
            proper = DisplayText.trimIsbd(t.getSubfields().get(0).getData());
            if (proper != null) {
                log.add(ProblemKind.MISSING_TITLE, "245 has no $a; title taken from its first subfield (code '"
                        + t.getSubfields().get(0).getCode() + "')");
            }
        }
        if (t != null) {
            b.titleRemainder(DisplayText.trimIsbd(join(t, "b", " ")));
            b.partNumber(DisplayText.trimIsbd(join(t, "n", ". ")));
            b.partName(DisplayText.trimIsbd(join(t, "p", ". ")));
            b.responsibility(DisplayText.trimIsbd(join(t, "c", " ")));
        }
        if (proper == null) {
            for (String tag : new String[] {"246", "240", "130", "740"}) {
                String alt = DisplayText.trimIsbd(sub(first(r, tag), 'a'));
                if (alt != null) {
                    log.add(ProblemKind.MISSING_TITLE, "no title proper in 245$a; title taken from " + tag + "$a");
                    proper = alt;
                    break;
                }
            }
            if (proper == null) {
                log.add(ProblemKind.MISSING_TITLE, t == null ? "no 245 field" : "245 has no title ($a)");
            }
        }
        b.titleProper(proper);
    }

    private static void authors(Record r, BibRecord.Builder b) {
        for (DataField f : r.getDataFields()) {
            String tag = f.getTag();
            boolean primary = tag.equals("100") || tag.equals("110") || tag.equals("111");
            if (!primary && !tag.equals("700") && !tag.equals("710") && !tag.equals("711") && !tag.equals("720")) {
                continue;
            }
            AuthorKind kind = tag.endsWith("10") ? AuthorKind.CORPORATE : tag.endsWith("11") ? AuthorKind.MEETING
                    : AuthorKind.PERSONAL;
            String name = switch (kind) {
                case PERSONAL -> DisplayText.trimIsbd(join(f, "abq", " "));
                case CORPORATE -> DisplayText.trimIsbd(join(f, "ab", " "));
                case MEETING -> DisplayText.trimIsbd(join(f, "a", " "));
            };
            if (name == null) {
                continue;
            }
            String role = DisplayText.trimIsbd(sub(f, '4'));
            if (role == null) {
                role = DisplayText.trimIsbd(join(f, kind == AuthorKind.MEETING ? "j" : "e", ", "));
            }
            String dates = kind == AuthorKind.PERSONAL ? DisplayText.trimIsbd(sub(f, 'd')) : null;
            b.addAuthor(new Author(name, kind, role, dates, primary));
        }
    }

    private static void identifiers(Record r, BibRecord.Builder b, ProblemLog log) {
        CommonMapping.standardNumbers(r, b, "020", 'q', "022", log);
        for (DataField f : data(r, "010")) {
            String lccn = Identifiers.lccn(sub(f, 'a'));
            if (lccn != null) {
                b.addIdentifier(new Identifier(IdentifierScheme.LCCN, lccn));
            }
        }
        for (DataField f : data(r, "024")) {
            String v = DisplayText.clean(sub(f, 'a'));
            if (v != null && f.getIndicator1() == '7' && "doi".equalsIgnoreCase(DisplayText.clean(sub(f, '2')))) {
                CommonMapping.doi(b, v);
            } else if (v != null) {
                b.addIdentifier(new Identifier(f.getIndicator1() == '2' ? IdentifierScheme.ISMN
                        : IdentifierScheme.OTHER_STANDARD_NUMBER, v));
            }
        }
        controlNumber(r, b);
        CommonMapping.systemNumbersAndUrls(r, b);
    }

    /** 001 as CONTROL_NUMBER (qualified by 003), and what it means when 003 names OCLC, DNB... */
    static void controlNumber(Record r, BibRecord.Builder b) {
        String id = DisplayText.clean(MarcFields.control(r, "001"));
        if (id == null) {
            return;
        }
        String org = DisplayText.clean(MarcFields.control(r, "003"));
        b.addIdentifier(new Identifier(IdentifierScheme.CONTROL_NUMBER, org == null ? id : "(" + org + ")" + id));
        Identifier meaning = Identifiers.fromControlNumber(id, org);
        if (meaning != null) {
            b.addIdentifier(meaning);
        }
    }

    /** Publication statements, best first: 264 with second indicator 1 (publication), 260, other 264s. */
    private static List<DataField> publication(Record r) {
        List<DataField> out = new ArrayList<>(2);
        List<DataField> f264 = data(r, "264");
        for (DataField f : f264) {
            if (f.getIndicator2() == '1') {
                out.add(f);
            }
        }
        out.addAll(data(r, "260"));
        for (DataField f : f264) {
            if (f.getIndicator2() != '1') {
                out.add(f);
            }
        }
        return out;
    }

    private static String nonBibliographic(char type) {
        return switch (type) {
            case 'z' -> "authority";
            case 'u', 'v', 'x', 'y' -> "holdings";
            case 'q' -> "community information";
            case 'w' -> "classification";
            default -> "undefined";
        };
    }

    private static void year(Record r, List<DataField> pubs, boolean bibliographic, BibRecord.Builder b, ProblemLog log) {
        String f008 = bibliographic ? MarcFields.control(r, "008") : null;
        Integer year = null;
        if (f008 != null && f008.length() >= 11) {
            char type = f008.charAt(6);
            String d1 = f008.substring(7, 11);
            String d2 = f008.length() >= 15 ? f008.substring(11, 15) : "    ";
            Years.Fixed k1 = Years.kind(d1);
            if (type == 'b') {
                k1 = Years.Fixed.UNKNOWN;
            } else if (k1 == Years.Fixed.YEAR) {
                year = Integer.parseInt(d1);
                // reprints give the reprint date first; catalogues often swap them, and a reprint
                // is never older than its original
                if (type == 'r' && Years.kind(d2) == Years.Fixed.YEAR && Integer.parseInt(d2) > year) {
                    year = Integer.parseInt(d2);
                }
            } else if (k1 == Years.Fixed.INVALID) {
                log.add(ProblemKind.BAD_VALUE, "008/07-10 '" + d1 + "' is not a year");
            }
        }
        for (int i = 0; year == null && i < pubs.size(); i++) {
            year = Years.first(join(pubs.get(i), "c", " "));
        }
        b.year(year);
    }

    private static void languages(Record r, BibRecord.Builder b, ProblemLog log) {
        String f008 = MarcFields.control(r, "008");
        if (f008 != null && f008.length() >= 38) {
            CommonMapping.languages(b, f008.substring(35, 38), "008/35-37", log);
        }
        for (DataField f : data(r, "041")) {
            for (Subfield s : f.getSubfields()) {
                if (s.getCode() == 'a' || s.getCode() == 'd') {
                    CommonMapping.languages(b, s.getData(), "041$" + s.getCode(), log);
                }
            }
        }
    }

    /** Leader/06 type of record and leader/07 bibliographic level, refined by 008 for visual material. */
    static MaterialType materialType(char type, char level, String f008) {
        return switch (type) {
            case 'a' -> level == 's' || level == 'i' && at(f008, 21) != ' ' && at(f008, 21) != '|' ? MaterialType.SERIAL
                    : level == 'a' || level == 'b' ? MaterialType.ARTICLE : MaterialType.BOOK;
            case 't' -> level == 'a' || level == 'b' ? MaterialType.ARTICLE : MaterialType.MANUSCRIPT;
            case 'c', 'd' -> MaterialType.SCORE;
            case 'e', 'f' -> MaterialType.MAP;
            case 'g' -> "fst".indexOf(at(f008, 33)) >= 0 && at(f008, 33) != ' ' ? MaterialType.GRAPHIC : MaterialType.VIDEO;
            case 'i' -> MaterialType.SOUND_RECORDING;
            case 'j' -> MaterialType.MUSIC_RECORDING;
            case 'k' -> MaterialType.GRAPHIC;
            case 'm' -> MaterialType.COMPUTER_FILE;
            case 'o' -> MaterialType.KIT;
            case 'p' -> MaterialType.MIXED_MATERIALS;
            case 'r' -> MaterialType.OBJECT;
            default -> MaterialType.OTHER;
        };
    }

    /** 338 carrier type, then 007, then the 008 form of item, then a 245$h GMD; print for text otherwise. */
    static Carrier carrier(Record r, char type, String f008) {
        for (DataField f : data(r, "338")) {
            String code = DisplayText.clean(sub(f, 'b'));
            Carrier c = code == null ? null : fromRdaCarrier(code);
            if (c != null) {
                return c;
            }
        }
        for (String f007 : MarcFields.controls(r, "007")) {
            if (!f007.isEmpty()) {
                switch (f007.charAt(0)) {
                    case 'c':
                        return Carrier.ELECTRONIC;
                    case 'h':
                        return Carrier.MICROFORM;
                    case 't':
                        return Carrier.PRINT;
                    case 'a', 'd', 'f', 'g', 'k', 'm', 'o', 'q', 'r', 's', 'v', 'z':
                        return Carrier.OTHER_PHYSICAL;
                    default:
                        break;
                }
            }
        }
        int formPos = "efgkor".indexOf(type) >= 0 ? 29 : 23;
        char form = at(f008, formPos);
        if (f008 != null && f008.length() > formPos) {
            switch (form) {
                case 'o', 'q', 's':
                    return Carrier.ELECTRONIC;
                case 'a', 'b', 'c':
                    return Carrier.MICROFORM;
                default:
                    break;
            }
        }
        String gmd = DisplayText.clean(sub(first(r, "245"), 'h'));
        if (gmd != null) {
            String g = gmd.toLowerCase(Locale.ROOT);
            if (g.contains("electronic") || g.contains("computer file") || g.contains("ressource électronique")) {
                return Carrier.ELECTRONIC;
            }
            if (g.contains("microform") || g.contains("microfilm") || g.contains("microfiche")) {
                return Carrier.MICROFORM;
            }
            if (g.contains("sound") || g.contains("video") || g.contains("kit") || g.contains("realia")) {
                return Carrier.OTHER_PHYSICAL;
            }
        }
        if ("actdef".indexOf(type) >= 0 && f008 != null && f008.length() > formPos) {
            return Carrier.PRINT;
        }
        return Carrier.UNKNOWN;
    }

    /** RDA carrier type codes (338$b): n* unmediated volumes and sheets, c* computer, h* microform... */
    static Carrier fromRdaCarrier(String code) {
        if (code.equals("cr") || code.startsWith("c")) {
            return Carrier.ELECTRONIC;
        }
        if (code.startsWith("h")) {
            return Carrier.MICROFORM;
        }
        if (code.startsWith("n")) {
            return code.equals("nr") ? Carrier.OTHER_PHYSICAL : Carrier.PRINT;
        }
        if (code.startsWith("s") || code.startsWith("v") || code.startsWith("g") || code.startsWith("m")
                || code.startsWith("e") || code.startsWith("p")) {
            return Carrier.OTHER_PHYSICAL;
        }
        return null;
    }

    private static void series(Record r, BibRecord.Builder b) {
        for (DataField f : r.getDataFields()) {
            String tag = f.getTag();
            if (tag.equals("490") || tag.equals("440") || tag.equals("830") || tag.equals("800")
                    || tag.equals("810") || tag.equals("811")) {
                String title = tag.startsWith("8") && !tag.equals("830") ? DisplayText.trimIsbd(join(f, "t", " "))
                        : DisplayText.trimIsbd(join(f, "anp", ". "));
                String volume = DisplayText.trimIsbd(join(f, "v", " "));
                if (title != null) {
                    b.addSeries(volume == null ? title : title + " ; " + volume);
                }
            }
        }
    }

    /**
     * The 6XX fields MARC 21 defines as subject access. Others carry no heading a reader would
     * recognise: 69X are local, and libraries fill undefined tags such as 659 with their own codes
     * ("FR9209", "dq"), which would otherwise show up as subject facet values.
     */
    private static final Set<String> SUBJECT_TAGS = Set.of("600", "610", "611", "630",
            "647", "648", "650", "651", "653", "654", "655", "656", "657", "662", "688");

    private static void subjects(Record r, BibRecord.Builder b) {
        for (DataField f : r.getDataFields()) {
            String tag = f.getTag();
            if (!SUBJECT_TAGS.contains(tag)) {
                continue;
            }
            String main = switch (tag) {
                case "600", "610", "611", "630" -> DisplayText.trimIsbd(join(f, "abcdqtnpgl", " "));
                default -> DisplayText.trimIsbd(join(f, "abcd", " "));
            };
            b.addSubject(CommonMapping.heading(main, f, "vxyz"));
        }
    }
}
