package org.navette.match.internal;

import java.util.List;
import java.util.Set;

/**
 * What an extent / pagination statement says, reduced to numbers: the page count ("xii, 350 p.",
 * "350 s., fot.", "1 online resource (66 p.)"), a page range of a component part ("pp. 395-405",
 * "9848--9853"), or a number of volumes ("3 v.", "2 vol.").
 *
 * <pre>{@code
 * Extent.of(List.of("12", "350", "p"), "xii, 350 p.").pages(); // 350
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param pages      the largest number followed by a page unit, 0 when none
 * @param rangeStart first page of a page range, 0 when none
 * @param rangeEnd   last page of a page range, 0 when none
 * @param volumes    the number of volumes ("3 v."), 0 when none
 */
public record Extent(int pages, int rangeStart, int rangeEnd, int volumes) {
    /** No usable pagination. */
    public static final Extent NONE = new Extent(0, 0, 0, 0);

    private static final Set<String> PAGE_UNITS = Set.of(
            "p", "pp", "page", "pages", "pag", "pagg", "pagine", "paginas", "s", "seiten", "str", "stran", "f", "ff",
            "fol", "feuillets", "leaves", "l", "lvs", "bl", "blz", "sider", "sid", "lk", "old", "c", "стр", "с", "sh");
    private static final Set<String> VOLUME_UNITS = Set.of("v", "vol", "vols", "volumes", "volume", "t", "tomes", "bd", "bde", "bande", "sv", "svazky");

    /** True when this extent carries nothing comparable. */
    public boolean isEmpty() {
        return pages == 0 && rangeStart == 0 && volumes == 0;
    }

    /**
     * Reads {@code tokens} (the extent through the text chain, so Roman numerals are digits already;
     * they are preliminary pages and never the main count because they come first) plus the raw text,
     * used only to spot ranges.
     */
    public static Extent of(List<String> tokens, String raw) {
        if (tokens.isEmpty()) {
            return NONE;
        }
        int[] range = range(raw);
        int pages = 0;
        int volumes = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            int v = number(tokens.get(i));
            if (v <= 0) {
                continue;
            }
            String unit = tokens.get(i + 1);
            if (PAGE_UNITS.contains(unit)) {
                pages = Math.max(pages, v);
            } else if (VOLUME_UNITS.contains(unit) && v < 1000) {
                volumes = Math.max(volumes, v);
            }
        }
        if (range != null && pages == 0) {
            return new Extent(0, range[0], range[1], 0);
        }
        if (pages == 0 && volumes == 0) {
            // "350" alone, or "350 [2]": a bare number is a page count in practice
            if (tokens.size() <= 3) {
                int v = number(tokens.get(0));
                if (v > 0 && v < 20000) {
                    pages = v;
                }
            }
        }
        return pages == 0 && volumes == 0 ? NONE : new Extent(pages, 0, 0, volumes <= 1 ? 0 : volumes);
    }

    private static int[] range(String raw) {
        if (raw == null) {
            return null;
        }
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            if (!Character.isDigit(raw.charAt(i)) || (i > 0 && Character.isLetterOrDigit(raw.charAt(i - 1)))) {
                continue;
            }
            int j = i;
            while (j < n && Character.isDigit(raw.charAt(j))) {
                j++;
            }
            int k = j;
            while (k < n && (raw.charAt(k) == '-' || raw.charAt(k) == '\u2013' || raw.charAt(k) == ' ')) {
                k++;
            }
            if (k == j || k >= n || !Character.isDigit(raw.charAt(k)) || raw.substring(j, k).indexOf('-') < 0
                    && raw.substring(j, k).indexOf('\u2013') < 0) {
                i = j;
                continue;
            }
            int l = k;
            while (l < n && Character.isDigit(raw.charAt(l))) {
                l++;
            }
            if (j - i > 6 || l - k > 6) {
                return null;
            }
            int start = Integer.parseInt(raw.substring(i, j));
            int end = Integer.parseInt(raw.substring(k, l));
            if (end < start && l - k < j - i) {
                // "1234-56" abbreviates 1234-1256
                String s = raw.substring(i, j);
                end = Integer.parseInt(s.substring(0, s.length() - (l - k)) + raw.substring(k, l));
            }
            return start > 0 && end >= start ? new int[] {start, end} : null;
        }
        return null;
    }

    private static int number(String t) {
        return TokenFilters.digitsValue(t, 6);
    }
}
