package org.navette.match.internal;

import java.util.List;

/**
 * String similarities for matching: Jaro-Winkler on single words (typos, transliteration
 * variants) and a soft token Dice coefficient on word lists (word order, missing or extra words).
 *
 * <p>Written here rather than taken from commons-text: core keeps light dependencies, the hot loop
 * must not allocate per call beyond two small flag arrays, and we need the token-level combination
 * anyway.
 *
 * <pre>{@code
 * Similarity.weightedDice(List.of("handbook", "of", "chemistry"), List.of("handbook", "of", "physics")); // 0.57
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Similarity {
    /** Two words this similar (and at least {@link #FUZZY_MIN_LENGTH} long) count as the same word. */
    public static final double FUZZY_WORD = 0.92;
    /** Shorter words must be equal: "vol" and "col" are not a typo of each other. */
    public static final int FUZZY_MIN_LENGTH = 5;

    private Similarity() {
    }

    /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        return la <= 64 && lb <= 64 ? jaroWinklerShort(a, b, la, lb, window) : jaroWinklerLong(a, b, la, lb, window);
    }

    /** {@link #jaroWinkler} for two different non-empty words of any length. */
    static double jaroWinklerLong(String a, String b, int la, int lb, int window) {
        boolean[] usedA = new boolean[la];
        boolean[] usedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!usedB[j] && a.charAt(i) == b.charAt(j)) {
                    usedA[i] = true;
                    usedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if (usedA[i]) {
                while (!usedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        return winkler(a, b, la, lb, matches, transpositions);
    }

    /**
     * {@link #jaroWinkler} for words of at most 64 characters (all but a few): which characters are
     * matched is kept in two longs instead of two arrays, since clustering compares millions of
     * word pairs. Same arithmetic, same result.
     */
    static double jaroWinklerShort(String a, String b, int la, int lb, int window) {
        long usedA = 0;
        long usedB = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int to = Math.min(lb - 1, i + window);
            for (int j = Math.max(0, i - window); j <= to; j++) {
                if ((usedB & (1L << j)) == 0 && c == b.charAt(j)) {
                    usedA |= 1L << i;
                    usedB |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        long restA = usedA;
        long restB = usedB;
        while (restA != 0) {
            // the k-th matched character of a against the k-th matched character of b
            if (a.charAt(Long.numberOfTrailingZeros(restA)) != b.charAt(Long.numberOfTrailingZeros(restB))) {
                transpositions++;
            }
            restA &= restA - 1;
            restB &= restB - 1;
        }
        return winkler(a, b, la, lb, matches, transpositions);
    }

    private static double winkler(String a, String b, int la, int lb, int matches, int transpositions) {
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int max = Math.min(4, Math.min(la, lb));
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /**
     * True when two words are equal, or long enough and close enough to be a typo of each other.
     * Words must share their first letter, or their second and third (an OCR'd first letter): that
     * keeps the test cheap, since most word pairs of two different titles fail it at once.
     */
    public static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        // cheap rejections first: most word pairs of two different titles fail on length or first letter
        return a.length() >= FUZZY_MIN_LENGTH && b.length() >= FUZZY_MIN_LENGTH
                && Math.abs(a.length() - b.length()) <= 2
                && (a.charAt(0) == b.charAt(0) || (a.charAt(1) == b.charAt(1) && a.charAt(2) == b.charAt(2)))
                && !isNumber(a) && !isNumber(b)
                && (a.compareTo(b) < 0 ? jaroWinkler(a, b) : jaroWinkler(b, a)) >= FUZZY_WORD;
    }

    /**
     * How many words the two lists share, each word used at most once: exact matches first, then
     * fuzzy ones per {@link #sameWord}. Symmetric: {@code sharedWords(a, b) == sharedWords(b, a)}.
     */
    public static int sharedWords(List<String> a, List<String> b) {
        return (int) shared(a, b, false);
    }

    /**
     * Shared words weighted by {@link #weight}: the total weight of the paired words of both lists.
     * Symmetric.
     */
    private static double shared(List<String> a, List<String> b, boolean weighted) {
        int na = a.size();
        int nb = b.size();
        if (na == 0 || nb == 0) {
            return 0;
        }
        if (na <= 64 && nb <= 64) {
            return sharedShort(a, b, weighted);
        }
        boolean[] usedA = new boolean[na];
        boolean[] usedB = new boolean[nb];
        double shared = 0;
        int pairs = 0;
        for (int i = 0; i < na; i++) {
            String t = a.get(i);
            for (int j = 0; j < nb; j++) {
                if (!usedB[j] && t.equals(b.get(j))) {
                    usedA[i] = true;
                    usedB[j] = true;
                    shared += weighted ? 2 * weight(t) : 1;
                    pairs++;
                    break;
                }
            }
        }
        if (pairs == Math.min(na, nb)) {
            return shared;
        }
        // greedy fuzzy pairing depends on which side leads: take the better of both, so the result is symmetric
        return shared + Math.max(fuzzyPairs(a, usedA.clone(), b, usedB.clone(), weighted),
                fuzzyPairs(b, usedB, a, usedA, weighted));
    }

    /**
     * {@link #shared} for lists of at most 64 words (titles are capped well below): which words are
     * paired is kept in two longs instead of four arrays, since clustering calls this for every
     * compared pair. Same pairing, same result.
     */
    private static double sharedShort(List<String> a, List<String> b, boolean weighted) {
        int na = a.size();
        int nb = b.size();
        long usedA = 0;
        long usedB = 0;
        double shared = 0;
        int pairs = 0;
        for (int i = 0; i < na; i++) {
            String t = a.get(i);
            for (int j = 0; j < nb; j++) {
                if ((usedB & (1L << j)) == 0 && t.equals(b.get(j))) {
                    usedA |= 1L << i;
                    usedB |= 1L << j;
                    shared += weighted ? 2 * weight(t) : 1;
                    pairs++;
                    break;
                }
            }
        }
        if (pairs == Math.min(na, nb)) {
            return shared;
        }
        return shared + Math.max(fuzzyPairsShort(a, usedA, b, usedB, weighted), fuzzyPairsShort(b, usedB, a, usedA, weighted));
    }

    private static double fuzzyPairsShort(List<String> a, long usedA, List<String> b, long usedB, boolean weighted) {
        double pairs = 0;
        for (int i = 0; i < a.size(); i++) {
            if ((usedA & (1L << i)) != 0) {
                continue;
            }
            String t = a.get(i);
            for (int j = 0; j < b.size(); j++) {
                if ((usedB & (1L << j)) == 0 && sameWord(t, b.get(j))) {
                    usedB |= 1L << j;
                    pairs += weighted ? weight(t) + weight(b.get(j)) : 1;
                    break;
                }
            }
        }
        return pairs;
    }

    private static double fuzzyPairs(List<String> a, boolean[] usedA, List<String> b, boolean[] usedB, boolean weighted) {
        double pairs = 0;
        for (int i = 0; i < a.size(); i++) {
            if (usedA[i]) {
                continue;
            }
            String t = a.get(i);
            for (int j = 0; j < b.size(); j++) {
                if (!usedB[j] && sameWord(t, b.get(j))) {
                    usedB[j] = true;
                    pairs += weighted ? weight(t) + weight(b.get(j)) : 1;
                    break;
                }
            }
        }
        return pairs;
    }

    /**
     * How much a word says: short words ("of", "la", "und") little, long ones more, capped, since
     * "Handbook of chemistry" and "Handbook of physics" share two words but not the important one.
     */
    static double weight(String word) {
        if (Character.isDigit(word.charAt(0))) {
            return 4;
        }
        return Math.min(word.length(), 7);
    }

    private static double totalWeight(List<String> words) {
        double w = 0;
        for (String t : words) {
            w += weight(t);
        }
        return w;
    }

    /** Soft Dice coefficient of two word lists: 2 × shared / (|a| + |b|); 0 when either is empty. */
    public static double dice(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        return 2.0 * sharedWords(a, b) / (a.size() + b.size());
    }

    /** Dice coefficient with words weighted by length ({@link #weight}): the title similarity. */
    public static double weightedDice(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        return shared(a, b, true) / (totalWeight(a) + totalWeight(b));
    }

    /** Weighted share of {@code shorter} found in {@code longer}. */
    public static double weightedContainment(List<String> shorter, List<String> longer) {
        if (shorter.isEmpty() || longer.isEmpty()) {
            return 0.0;
        }
        double pairedWeight = shared(shorter, longer, true);
        // shared() counts both sides' weights; the shorter side's share is about half of it
        return Math.min(1.0, pairedWeight / (2 * totalWeight(shorter)));
    }

    /** Share of the shorter list found in the longer one: 1.0 when one title is a prefix/subset of the other. */
    public static double containment(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        return (double) sharedWords(a, b) / Math.min(a.size(), b.size());
    }

    /**
     * Whether {@code shortForm} is an abbreviation of {@code full} word by word, as journal titles
     * are abbreviated (ISO 4, Index Medicus): each word of the short form starts a word of the full
     * form, in order, and the full form's words left out are short function words ("of", "the",
     * "and", "de"). "j clin psychol" abbreviates "journal of clinical psychology"; "commun acm"
     * abbreviates "communications of the acm". Two words at least, and one shortened, so that a
     * single word or an identical list says nothing here.
     */
    public static boolean abbreviates(List<String> shortForm, List<String> full) {
        if (shortForm.size() < 2 || shortForm.size() > full.size()) {
            return false;
        }
        int j = 0;
        boolean shortened = false;
        for (String word : shortForm) {
            while (j < full.size() && !full.get(j).startsWith(word)) {
                if (full.get(j).length() > 3) {
                    return false;
                }
                j++;
            }
            if (j == full.size()) {
                return false;
            }
            shortened |= full.get(j).length() > word.length();
            j++;
        }
        for (; j < full.size(); j++) {
            if (full.get(j).length() > 3) {
                return false;
            }
        }
        return shortened;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0));
    }
}
