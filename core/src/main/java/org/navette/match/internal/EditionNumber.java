package org.navette.match.internal;

import java.util.List;
import java.util.Map;

/**
 * Reads the edition number out of an edition statement in the languages partner catalogues use:
 * "2nd ed.", "Second edition", "2e éd.", "deuxième édition", "2. Aufl.", "zweite Auflage",
 * "seconda edizione", "segunda edición", "1. vyd.", "Изд. 2-е".
 *
 * <pre>{@code
 * EditionNumber.of(List.of("seconda", "edizione")); // 2
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class EditionNumber {
    private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(
            // English
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10),
            // French
            Map.entry("premiere", 1), Map.entry("premier", 1), Map.entry("deuxieme", 2), Map.entry("seconde", 2),
            Map.entry("troisieme", 3), Map.entry("quatrieme", 4), Map.entry("cinquieme", 5), Map.entry("sixieme", 6),
            Map.entry("septieme", 7), Map.entry("huitieme", 8), Map.entry("neuvieme", 9), Map.entry("dixieme", 10),
            // German (inflected forms)
            Map.entry("erste", 1), Map.entry("ersten", 1), Map.entry("zweite", 2), Map.entry("zweiten", 2),
            Map.entry("dritte", 3), Map.entry("dritten", 3), Map.entry("vierte", 4), Map.entry("vierten", 4),
            Map.entry("funfte", 5), Map.entry("fuenfte", 5), Map.entry("sechste", 6), Map.entry("siebte", 7),
            Map.entry("siebente", 7), Map.entry("achte", 8), Map.entry("neunte", 9), Map.entry("zehnte", 10),
            // Italian, Spanish, Portuguese
            Map.entry("prima", 1), Map.entry("primo", 1), Map.entry("primera", 1), Map.entry("primeira", 1),
            Map.entry("seconda", 2), Map.entry("secondo", 2), Map.entry("segunda", 2), Map.entry("segundo", 2),
            Map.entry("terza", 3), Map.entry("tercera", 3), Map.entry("terceira", 3), Map.entry("quarta", 4),
            Map.entry("cuarta", 4), Map.entry("quinta", 5), Map.entry("sesta", 6), Map.entry("sexta", 6),
            Map.entry("settima", 7), Map.entry("septima", 7), Map.entry("setima", 7), Map.entry("ottava", 8),
            Map.entry("octava", 8), Map.entry("oitava", 8), Map.entry("nona", 9), Map.entry("novena", 9),
            Map.entry("decima", 10),
            // Dutch, Czech, Polish (common short forms)
            Map.entry("eerste", 1), Map.entry("tweede", 2), Map.entry("derde", 3),
            Map.entry("prvni", 1), Map.entry("druhe", 2), Map.entry("treti", 3),
            Map.entry("pierwsze", 1), Map.entry("drugie", 2), Map.entry("trzecie", 3));

    private EditionNumber() {
    }

    /**
     * The edition number of {@code tokens} (the edition statement through the text chain, so
     * ordinals and Roman numerals are already digits), or 0 when the statement names none
     * ("Rev. ed.", "Nouvelle édition"). Numbers of 100 and more are years, not edition numbers.
     */
    public static int of(List<String> tokens) {
        for (String t : tokens) {
            int v = smallNumber(t);
            if (v > 0) {
                return v;
            }
            Integer w = ORDINAL_WORDS.get(t);
            if (w != null) {
                return w;
            }
        }
        return 0;
    }

    /** The value of an all-digit token in 1..99, else 0. */
    static int smallNumber(String t) {
        return TokenFilters.digitsValue(t, 2);
    }
}
