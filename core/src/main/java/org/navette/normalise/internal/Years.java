package org.navette.normalise.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads years from free-text dates ("c1995.", "[1963?]", "1855-1860") and fixed-length date fields.
 *
 * <pre>{@code
 * Years.first("Paris : Gallimard, c1995."); // 1995
 * Years.fixed("19uu");                       // null (unknown digits)
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Years {
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])([12][0-9]{3})(?![0-9])");
    private static final Pattern FILL = Pattern.compile("[|#^ ]{4}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{4}");
    private static final Pattern PARTIAL = Pattern.compile("[0-9]{0,3}[uUxX\\-?|# ]{1,4}");
    /** Years in this range are plausible publication years; others are data errors. */
    public static final int MIN = 1000;
    public static final int MAX = 2100;

    private Years() {
    }

    /** The first plausible year in free text, or null. */
    public static Integer first(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y >= MIN && y <= MAX) {
                return y;
            }
        }
        return null;
    }

    /** Kind of a four-character fixed-field date. */
    public enum Fixed { YEAR, UNKNOWN, INVALID }

    /** Whether a fixed-field date is a year, unknown (blanks, 'u', '|', partial) or invalid. */
    public static Fixed kind(String fourChars) {
        if (fourChars != null && fourChars.length() == 4 && asciiDigits(fourChars)) {
            // the common case, without a regular expression (this runs for every MARC 21 record)
            int y = Integer.parseInt(fourChars);
            return y >= MIN && y <= MAX ? Fixed.YEAR : Fixed.INVALID;
        }
        if (fourChars == null || fourChars.length() != 4 || fourChars.isBlank() || FILL.matcher(fourChars).matches()) {
            return Fixed.UNKNOWN;
        }
        if (DIGITS.matcher(fourChars).matches()) {
            int y = Integer.parseInt(fourChars);
            return y >= MIN && y <= MAX ? Fixed.YEAR : Fixed.INVALID;
        }
        if (PARTIAL.matcher(fourChars).matches()) {
            return Fixed.UNKNOWN;
        }
        return Fixed.INVALID;
    }

    private static boolean asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
