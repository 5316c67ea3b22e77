package org.navette.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid ISBN, normalised to ISBN-13, keeping the ISBN-10 form where one exists.
 *
 * <pre>{@code
 * Isbn isbn = Isbn.parse("0-8369-6843-3 (pbk.)").orElseThrow();
 * isbn.isbn13();    // "9780836968439"
 * isbn.isbn10();    // "0836968433"
 * isbn.qualifier(); // "pbk."
 * }</pre>
 *
 * <p>Invalid or cancelled ISBNs (bad check digit, MARC 020$z) are not {@code Isbn}s: the normaliser
 * keeps them as {@link IdentifierScheme#ISBN_INVALID} identifiers so that nothing is lost.
 *
 * @param isbn13    thirteen digits, check digit verified
 * @param isbn10    ten characters (last may be {@code X}) when the ISBN-13 starts with 978, else null
 * @param qualifier what the record says about this ISBN ("pbk.", "v. 1", "set"), else null
 */
public record Isbn(String isbn13, String isbn10, String qualifier) {
    private static final Pattern CANDIDATE = Pattern.compile("(97[89][\\d\\- ]{10,16}|[\\dXx][\\d\\- Xx]{8,16})");

    public Isbn {
        if (isbn13 == null || !isbn13.matches("97[89]\\d{10}") || !validIsbn13(isbn13)) {
            throw new IllegalArgumentException("isbn13 must be 13 digits with a valid check digit, was " + isbn13);
        }
        String expected10 = isbn13.startsWith("978") ? toIsbn10(isbn13) : null;
        if (isbn10 != null && !isbn10.equals(expected10)) {
            throw new IllegalArgumentException("isbn10 " + isbn10 + " does not correspond to isbn13 " + isbn13);
        }
        isbn10 = expected10;
        if (qualifier != null && qualifier.isBlank()) {
            qualifier = null;
        }
    }

    /**
     * Finds the first ISBN-10 or ISBN-13 in free text such as a MARC 020$a ("0836968433 (pbk.)",
     * "978-2-07-040922-8"). Returns empty when there is none or its check digit is wrong.
     */
    public static Optional<Isbn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String compact = m.group(1).replaceAll("[\\- ]", "").toUpperCase(java.util.Locale.ROOT);
            String isbn13 = null;
            if (compact.length() == 13 && compact.matches("97[89]\\d{10}") && validIsbn13(compact)) {
                isbn13 = compact;
            } else if (compact.length() == 10 && compact.matches("\\d{9}[\\dX]") && validIsbn10(compact)) {
                isbn13 = toIsbn13(compact);
            }
            if (isbn13 != null) {
                return Optional.of(new Isbn(isbn13, null, qualifierOf(text, m.end())));
            }
        }
        return Optional.empty();
    }

    private static String qualifierOf(String text, int afterIsbn) {
        String rest = text.substring(afterIsbn).trim();
        rest = rest.replaceAll("^[\\s:;,.]+", "");
        if (rest.startsWith("(") && rest.contains(")")) {
            rest = rest.substring(1, rest.indexOf(')'));
        }
        rest = rest.trim();
        return rest.isEmpty() ? null : rest;
    }

    /** True when a 10-character ISBN's check digit is right. */
    public static boolean validIsbn10(String isbn10) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = isbn10.charAt(i);
            int v = (c == 'X' || c == 'x') && i == 9 ? 10 : Character.digit(c, 10);
            if (v < 0) {
                return false;
            }
            sum += v * (10 - i);
        }
        return sum % 11 == 0;
    }

    /** True when a 13-digit ISBN/EAN's check digit is right. */
    public static boolean validIsbn13(String isbn13) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int v = Character.digit(isbn13.charAt(i), 10);
            if (v < 0) {
                return false;
            }
            sum += (i % 2 == 0) ? v : 3 * v;
        }
        return sum % 10 == 0;
    }

    /** Converts a valid ISBN-10 to ISBN-13 (978 prefix, new check digit). */
    public static String toIsbn13(String isbn10) {
        String body = "978" + isbn10.substring(0, 9);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int v = body.charAt(i) - '0';
            sum += (i % 2 == 0) ? v : 3 * v;
        }
        return body + ((10 - sum % 10) % 10);
    }

    /** Converts a 978-prefixed ISBN-13 to ISBN-10; null for 979 ISBNs, which have none. */
    public static String toIsbn10(String isbn13) {
        if (!isbn13.startsWith("978")) {
            return null;
        }
        String body = isbn13.substring(3, 12);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return body + (check == 10 ? "X" : Integer.toString(check));
    }

    @Override
    public String toString() {
        return qualifier == null ? isbn13 : isbn13 + " (" + qualifier + ")";
    }
}
