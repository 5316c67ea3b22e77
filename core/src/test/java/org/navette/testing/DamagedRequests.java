package org.navette.testing;

import java.util.Locale;
import java.util.Random;
import org.navette.ill.IllRequest;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;

/**
 * Interlending requests made from real records with the damage real requests carry (for the
 * matcher's tests and the batch benchmark): the same five kinds everywhere, so figures compare.
 *
 * <pre>{@code
 * IllRequest q = DamagedRequests.damaged(record, i % DamagedRequests.KINDS, new Random(7));
 * }</pre>
 */
public final class DamagedRequests {
    /** How many kinds of damage {@link #damaged} knows. */
    public static final int KINDS = 5;

    private DamagedRequests() {
    }

    /**
     * The request a patron or a peer would send for {@code r}, with one kind of damage: 0 ISBN in
     * the other length and nothing else; 1 a letter swapped in the title, surname only; 2 the year
     * one off, no ISBN; 3 no subtitle, "Forename Surname" order, no year; 4 lower case without
     * accents, no author.
     */
    public static IllRequest damaged(BibRecord r, int kind, Random rnd) {
        IllRequest.Builder b = IllRequest.builder("req-" + r.source().origin() + "-" + r.source().recordId());
        String title = r.titleRemainder() == null ? r.titleProper() : r.titleProper() + " : " + r.titleRemainder();
        String author = r.authors().isEmpty() ? null : r.authors().get(0).name();
        switch (kind) {
            case 0 -> {
                if (!r.isbns().isEmpty()) {
                    Isbn i = r.isbns().get(0);
                    b.isbn(i.isbn10() != null ? i.isbn10() : i.isbn13());
                } else {
                    b.title(title).author(author).year(r.year());
                }
            }
            case 1 -> b.title(typo(title, rnd)).author(surname(author)).year(r.year());
            case 2 -> b.title(title).author(author).year(r.year() == null ? null : r.year() + 1);
            case 3 -> b.title(r.titleProper()).author(forenameFirst(author));
            default -> b.title(java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)).year(r.year());
        }
        return b.build();
    }

    private static String typo(String title, Random rnd) {
        String[] words = title.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        String w = words[longest];
        if (w.length() >= 5) {
            int p = 1 + rnd.nextInt(w.length() - 3);
            char[] c = w.toCharArray();
            char t = c[p];
            c[p] = c[p + 1];
            c[p + 1] = t;
            words[longest] = new String(c);
        }
        return String.join(" ", words);
    }

    private static String surname(String author) {
        if (author == null) {
            return null;
        }
        int comma = author.indexOf(',');
        return comma > 0 ? author.substring(0, comma) : author;
    }

    private static String forenameFirst(String author) {
        if (author == null) {
            return null;
        }
        int comma = author.indexOf(',');
        return comma > 0 ? author.substring(comma + 1).replaceAll("[,.]$", "").strip() + " " + author.substring(0, comma) : author;
    }

}
