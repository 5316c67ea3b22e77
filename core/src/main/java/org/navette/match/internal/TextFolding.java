package org.navette.match.internal;

import com.ibm.icu.text.Normalizer2;
import java.util.Locale;
import org.navette.normalise.CharacterReferences;

/**
 * The character-level first stage of the analysis chain: folds case, compatibility forms and
 * diacritics so that "Misérables", "MISERABLES" and "Mise\u0301rables" compare equal.
 *
 * <p>ASCII input (most of it) takes a fast path without ICU. Non-ASCII input goes through ICU's
 * NFKC_Casefold (ligatures, full-width forms, case), then NFD with non-spacing marks dropped, then a
 * few letters that Unicode does not decompose (ø, ł, đ, æ, œ, þ) are spelled out the way library
 * filing rules do.
 *
 * <p>MARC non-sorting markers (U+0098 ... U+009C, and their C1 twins U+0088 ... U+0089) delimit a
 * leading article that catalogues skip when filing; in {@code dropNonSorting} mode the marked text
 * is dropped, otherwise only the markers are.
 *
 * <pre>{@code
 * new TextFolding().fold("Œuvres COMPLÈTES", false); // "oeuvres completes"
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class TextFolding {
    private final Normalizer2 casefold = Normalizer2.getNFKCCasefoldInstance();
    private final Normalizer2 decompose = Normalizer2.getNFDInstance();

    /** Folds {@code text}; never null (an empty string for null input). */
    public String fold(CharSequence text, boolean dropNonSorting) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c == '&' && CharacterReferences.contains(text)) {
                // "M&#252;ller" from a record the normaliser did not read (a citation, a hand-built record)
                return fold(CharacterReferences.decode(text.toString()), dropNonSorting);
            }
        }
        if (ascii) {
            // on ASCII, lower-casing in the root locale changes A-Z only; the JDK's version returns
            // the string itself when nothing changes and is much faster than a copy char by char
            return text.toString().toLowerCase(Locale.ROOT);
        }
        if (CharacterReferences.contains(text)) {
            return fold(CharacterReferences.decode(text.toString()), dropNonSorting);
        }
        String marked = stripNonSorting(text, dropNonSorting);
        String folded = decompose.normalize(casefold.normalize(marked));
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            char c = folded.charAt(i);
            if (c < 0x80 && c != '`') {
                // most of a Latin-script text: kept as it is, without the Unicode property lookups below
                sb.append(c);
                i++;
                continue;
            }
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK || isTransliterationMark(cp)) {
                continue;
            }
            switch (cp) {
                case 'ø' -> sb.append('o');
                case 'ł', 'ŀ' -> sb.append('l');
                case 'đ', 'ð' -> sb.append('d');
                case 'ħ' -> sb.append('h');
                case 'ı' -> sb.append('i');
                case 'æ' -> sb.append("ae");
                case 'œ' -> sb.append("oe");
                case 'þ' -> sb.append("th");
                case 'ŧ' -> sb.append('t');
                case '\u2018', '\u2019', '\u201B', '\u2032', '`', '\u00B4' -> sb.append('\'');
                default -> sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /**
     * ALA-LC romanisation marks (soft/hard signs, ayn, alif) are letters for Unicode but noise for
     * matching: "Muʻjam" and "Mu'jam" and "Mujam" must meet.
     */
    private static boolean isTransliterationMark(int cp) {
        return cp >= 0x02B9 && cp <= 0x02BF;
    }

    private static String stripNonSorting(CharSequence text, boolean dropMarked) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0098' || c == '\u0088') {
                inside = true;
            } else if (c == '\u009C' || c == '\u0089') {
                inside = false;
            } else if (!(inside && dropMarked) && !Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
