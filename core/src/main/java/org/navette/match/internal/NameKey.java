package org.navette.match.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A personal or corporate name reduced for comparison: surname tokens plus forename initials for
 * persons, all name tokens for bodies. "Hugo, Victor, 1802-1885", "Victor Hugo", "Hugo V." and
 * "HUGO, V." all give surname {@code [hugo]} and initials {@code "v"}; "Beauvoir, Simone de" and
 * "Simone de Beauvoir" give {@code [beauvoir]}.
 *
 * <pre>{@code
 * NameKey.personal("Hugo, Victor, 1802-1885", chain).key(); // "hugo v"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param surname  surname tokens without particles (de, van, von...); for bodies, all tokens
 * @param initials first letters of the forenames, in order; empty when unknown
 * @param personal true for persons
 * @param words    all words of the name (for persons whose name order is uncertain, "Omulo Sylvia")
 * @param ordered  true when the order is known: inverted with a comma, or initials after the surname
 */
public record NameKey(List<String> surname, String initials, boolean personal, List<String> words, boolean ordered) {
    private static final Set<String> PARTICLES = Set.of(
            "de", "du", "des", "da", "das", "do", "dos", "di", "del", "della", "dei", "van", "von", "der", "den",
            "ten", "ter", "zu", "zur", "le", "la", "les", "el", "al", "y", "e", "af", "av", "bin", "ibn");

    public NameKey {
        surname = List.copyOf(surname);
        words = List.copyOf(words);
    }

    /** The surname tokens joined: "hugo", "garcia villoslada". */
    public String surnameKey() {
        return String.join(" ", surname);
    }

    /** Surname plus initials, "hugo v", the author key of a record. */
    public String key() {
        return initials.isEmpty() ? surnameKey() : surnameKey() + " " + initials;
    }

    /**
     * Reads a personal name heading as catalogued ("Surname, Forenames, dates") or as written in
     * citations ("Forenames Surname", "Surname F. G.").
     *
     * @param text the text chain applied to the part before the first comma, and to the rest
     */
    public static NameKey personal(String name, AnalysisChain text) {
        int comma = name.indexOf(',');
        List<String> surname;
        List<String> forenames;
        boolean ordered = true;
        List<String> words;
        if (comma > 0) {
            surname = words(text.analyze(name.substring(0, comma), null));
            forenames = words(text.analyze(name.substring(comma + 1), null));
            words = new ArrayList<>(surname.size() + forenames.size());
            words.addAll(surname);
            words.addAll(forenames);
            if (surname.size() > 1 && isInitials(surname.subList(1, surname.size()))) {
                // "Tan A., Schulze A." written surname-first without a comma before the initials
                forenames = surname.subList(1, surname.size());
                surname = surname.subList(0, 1);
            }
        } else {
            List<String> all = words(text.analyze(name, null));
            words = all;
            if (all.isEmpty()) {
                return new NameKey(List.of(), "", true, List.of(), false);
            }
            int last = all.size() - 1;
            if (all.get(last).length() == 1) {
                // "Tan A. G.": surname first, initials after
                int s = 0;
                while (s < all.size() && all.get(s).length() == 1) {
                    s++;
                }
                if (s == all.size()) {
                    return new NameKey(List.of(), initialsOf(all), true, words, false);
                }
                surname = all.subList(s, s + 1);
                List<String> rest = new ArrayList<>(all.subList(0, s));
                rest.addAll(all.subList(s + 1, all.size()));
                forenames = rest;
            } else {
                // "Victor Hugo", but citations also write "Omulo Sylvia": the order is a guess
                surname = all.subList(last, last + 1);
                forenames = all.subList(0, last);
                ordered = all.get(0).length() == 1;
            }
        }
        List<String> sur = new ArrayList<>(surname.size());
        for (String s : surname) {
            if (!PARTICLES.contains(s) || surname.size() == 1) {
                sur.add(s);
            }
        }
        List<String> fore = new ArrayList<>(forenames.size());
        for (String f : forenames) {
            if (!PARTICLES.contains(f) || f.length() == 1) {
                fore.add(f);
            }
        }
        return new NameKey(sur, initialsOf(fore), true, words, ordered);
    }

    /** A corporate or meeting name: all its tokens. */
    public static NameKey corporate(String name, AnalysisChain text) {
        List<String> words = words(text.analyze(name, null));
        return new NameKey(words, "", false, words, true);
    }

    private static List<String> words(List<String> tokens) {
        // dates ("1802-1885") and numbers are not part of a name
        tokens.removeIf(t -> !t.isEmpty() && Character.isDigit(t.charAt(0)));
        return tokens;
    }

    private static boolean isInitials(List<String> tokens) {
        for (String t : tokens) {
            if (t.length() != 1) {
                return false;
            }
        }
        return true;
    }

    private static String initialsOf(List<String> forenames) {
        StringBuilder sb = new StringBuilder(forenames.size());
        for (String f : forenames) {
            if (!f.isEmpty() && Character.isLetter(f.charAt(0)) && sb.length() < 4) {
                sb.append(f.charAt(0));
            }
        }
        return sb.toString();
    }
}
