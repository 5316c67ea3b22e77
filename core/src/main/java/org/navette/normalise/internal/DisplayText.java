package org.navette.normalise.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Turns catalogue text into display text: NFC, without the MARC/UNIMARC non-sorting markers
 * (U+0088/U+0089 from MARC-8 and ISO 5426, U+0098/U+009C from UTF-8 UNIMARC), without control
 * characters, with runs of blanks collapsed, and without the ISBD punctuation that only separates
 * elements in a catalogue card ("Title :", "Author,", "London ;").
 *
 * <pre>{@code
 * DisplayText.trimIsbd("E Street shuffle :");   // "E Street shuffle"
 * DisplayText.trimIsbd("Deer-Doe, J.");         // "Deer-Doe, J." (an initial keeps its period)
 * DisplayText.clean("\u0098Lo \u009cStato");    // "Lo Stato"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class DisplayText {
    /** Words whose final period belongs to them, not to the ISBD. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "etc", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "dept", "st", "dr", "mr", "mrs", "ms", "no",
            "nos", "vol", "vols", "ed", "eds", "cf", "ca", "fl", "op", "p", "pp", "v", "vs", "al", "illus", "ill",
            "mss", "n.d", "s.l", "s.n", "dir", "rev", "enl", "repr", "pbk", "hbk", "approx", "univ", "assn", "éd",
            "t", "ser", "suppl", "jahrg", "hrsg", "bd", "aufl", "u.s", "a.d", "b.c", "d.c", "u.s.a", "n.y", "d.d",
            "ph.d", "m.d", "s.a", "cie", "coll", "impr", "libr", "trad", "préf");

    /** Place abbreviations of the Anglo-American rules ("Baltimore, Md."), matched with their capitals. */
    private static final Set<String> PLACE_ABBREVIATIONS = Set.of("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del",
            "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
            "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ont", "Que", "Alta", "Sask",
            "Nfld", "Eng", "Scot", "Aust", "Ger", "Fr", "It", "Sp", "Switz", "Neth", "Belg");

    private DisplayText() {
    }

    /** NFC text without non-sorting markers and control characters, blanks collapsed; null when nothing is left. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x88 || c == 0x89 || c == 0x98 || c == 0x9C) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        if (sb.length() == 0) {
            return null;
        }
        return FieldDecoder.nfc(sb.toString());
    }

    /** {@link #clean} and then without leading and trailing ISBD punctuation; null when nothing is left. */
    public static String trimIsbd(String s) {
        String t = clean(s);
        if (t == null) {
            return null;
        }
        int start = 0;
        while (start < t.length() && ",;:/=".indexOf(t.charAt(start)) >= 0 || start < t.length() && t.charAt(start) == ' ') {
            start++;
        }
        int end = t.length();
        boolean changed = true;
        while (changed && end > start) {
            changed = false;
            char c = t.charAt(end - 1);
            if (",;:/=".indexOf(c) >= 0 || c == ' ') {
                end--;
                changed = true;
            } else if (c == '.' && !keepsPeriod(t, start, end - 1)) {
                end--;
                changed = true;
            }
        }
        return end > start ? t.substring(start, end) : null;
    }

    /** True when the period at {@code dot} ends an initial, an abbreviation or an ellipsis. */
    private static boolean keepsPeriod(String t, int start, int dot) {
        if (dot > start && t.charAt(dot - 1) == '.') {
            return true;
        }
        int w = dot;
        while (w > start && !Character.isWhitespace(t.charAt(w - 1)) && t.charAt(w - 1) != '(' && t.charAt(w - 1) != '-'
                && t.charAt(w - 1) != ',') {
            w--;
        }
        String word = t.substring(w, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        if (PLACE_ABBREVIATIONS.contains(word)) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        // "J.R.R." and "U.S." keep their last period, like single initials
        return ABBREVIATIONS.contains(lower) || lower.length() >= 2 && lower.charAt(lower.length() - 2) == '.'
                && Character.isLetter(lower.charAt(lower.length() - 1));
    }

    /** Joins non-null parts with a separator; null when all are null. */
    public static String join(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(sep);
            }
            sb.append(p);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
