package org.navette.match.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads volume / part numbers ("Vol. 2", "Tome II", "Bd. 3", "Teil 2", "part one", "t. 2", "sv. 4")
 * from analysed tokens, so that volume 2 and volume 3 of a set never merge.
 *
 * <pre>{@code
 * PartNumber.of(List.of("tome", "2"), false); // "2"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class PartNumber {
    private static final Set<String> MARKERS = Set.of(
            "vol", "vols", "volume", "volumes", "volumen", "v", "t", "tome", "tomes", "tomo", "tom", "band",
            "bd", "bde", "teil", "tl", "part", "parts", "pt", "partie", "parte", "livre", "liv", "book", "bk", "heft",
            "fasc", "fascicule", "fascicolo", "sv", "svazek", "dil", "cast", "kniha", "deel", "del", "libro", "lib",
            "cuaderno", "chast", "no", "nr", "num", "numero", "number", "n", "ser", "series", "reihe", "jahrg",
            "jg", "anno", "annee", "ano");

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("first", "1"), Map.entry("second", "2"),
            Map.entry("third", "3"), Map.entry("un", "1"), Map.entry("une", "1"), Map.entry("deux", "2"),
            Map.entry("trois", "3"), Map.entry("premier", "1"), Map.entry("premiere", "1"), Map.entry("deuxieme", "2"),
            Map.entry("troisieme", "3"), Map.entry("eins", "1"), Map.entry("zwei", "2"), Map.entry("drei", "3"),
            Map.entry("uno", "1"), Map.entry("due", "2"), Map.entry("tre", "3"), Map.entry("dos", "2"),
            Map.entry("tres", "3"), Map.entry("i", "1"), Map.entry("v", "5"), Map.entry("x", "10"));

    private PartNumber() {
    }

    /**
     * The part number in {@code tokens}: the number after the first volume/part marker, or, when
     * {@code bare} is true (the tokens are a part-number field such as 245$n), the first number at all.
     * Nested numbers ("vol. 2, pt. 1") are joined with dots ("2.1"). Null when there is none.
     */
    public static String of(List<String> tokens, boolean bare) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String number = null;
            if (MARKERS.contains(t) && i + 1 < tokens.size()) {
                number = number(tokens.get(i + 1));
                if (number != null) {
                    i++;
                }
            } else if (bare && sb.length() == 0) {
                number = isDigits(t) ? stripZeros(t) : NUMBER_WORDS.get(t);
            }
            if (number != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(number);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * Like {@link #of(List, boolean)} with {@code bare} false, and removes every marker and number it
     * used from {@code tokens}, so that "Histoire de France. Tome 2" keeps the title words only.
     */
    public static String strip(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < tokens.size(); ) {
            String number = MARKERS.contains(tokens.get(i)) ? number(tokens.get(i + 1)) : null;
            if (number == null) {
                i++;
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(number);
            tokens.remove(i + 1);
            tokens.remove(i);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String number(String t) {
        if (isDigits(t)) {
            return t.length() <= 4 ? stripZeros(t) : null;
        }
        return NUMBER_WORDS.get(t);
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String t) {
        int i = 0;
        while (i < t.length() - 1 && t.charAt(i) == '0') {
            i++;
        }
        return t.substring(i);
    }
}
