package org.navette.normalise.internal;

import java.util.regex.Pattern;
import org.navette.model.RecordFormat;

/**
 * Tells MARC21 from UNIMARC by content: the tags present (245/008/260/264/300 against 200/101/
 * 210/215/801) and the meaning of 100 (a personal name in MARC21, coded data "YYYYMMDDd..." in
 * UNIMARC) weigh more than what the target or file claims. The claim decides only a tie.
 *
 * <pre>{@code
 * RecordFormat f = FormatDetector.detect(tags::contains, a100, length008, RecordFormat.MARC21);
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class FormatDetector {
    /** UNIMARC 100$a: date entered on file (8 digits or blanks), then a publication date type letter. */
    private static final Pattern UNIMARC_100A = Pattern.compile("^[0-9 |]{8}[a-ku|][0-9 u|]{4}.*");

    /** Which tags the record has. */
    @FunctionalInterface
    public interface Tags {
        boolean has(String tag);
    }

    private FormatDetector() {
    }

    /**
     * @param tags      the record's tags
     * @param first100a the first 100$a (null when absent)
     * @param length008 length of the 008 control field, 0 when absent
     * @param hint      what the source claims, or null
     */
    public static RecordFormat detect(Tags tags, String first100a, int length008, RecordFormat hint) {
        int marc21 = 0;
        int unimarc = 0;
        if (tags.has("245")) {
            marc21 += 3;
        }
        if (length008 >= 30) {
            marc21 += 2;
        }
        for (String t : new String[] {"260", "264", "300", "040", "650", "082"}) {
            if (tags.has(t)) {
                marc21++;
            }
        }
        if (tags.has("200")) {
            unimarc += 3;
        }
        if (first100a != null) {
            if (first100a.length() >= 22 && UNIMARC_100A.matcher(first100a).matches()) {
                unimarc += 3;
            } else {
                marc21++;
            }
        }
        for (String t : new String[] {"101", "210", "215", "801", "606", "225"}) {
            if (tags.has(t)) {
                unimarc++;
            }
        }
        if (marc21 == unimarc || Math.abs(marc21 - unimarc) <= 1 && hint != null) {
            if (hint == RecordFormat.MARC21 || hint == RecordFormat.UNIMARC) {
                return hint;
            }
        }
        return unimarc > marc21 ? RecordFormat.UNIMARC : RecordFormat.MARC21;
    }
}
