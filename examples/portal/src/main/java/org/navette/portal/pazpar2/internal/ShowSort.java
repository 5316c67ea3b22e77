package org.navette.portal.pazpar2.internal;

import java.util.Locale;
import org.navette.rank.SortOrder;

/**
 * pazpar2's {@code sort} parameter ({@code relevance}, {@code title:1}, {@code date:0}...) as a
 * Navette {@link SortOrder} and a direction. pazpar2 reads a field without {@code :0}/{@code :1} as
 * decreasing; so does this. Only the first field of a comma-separated list orders the hits: Navette's
 * orders already end in their own deterministic tie-breaks.
 *
 * <pre>{@code
 * ShowSort s = ShowSort.parse("date:0");   // YEAR_NEWEST, not reversed
 * ShowSort t = ShowSort.parse("title:1");  // TITLE, not reversed (A to Z)
 * }</pre>
 *
 * @param order    Navette's order
 * @param reversed true when the hits are shown in the opposite of {@code order}
 *
 * <p>Thread-safety: immutable.
 */
public record ShowSort(SortOrder order, boolean reversed) {
    public static final ShowSort RELEVANCE = new ShowSort(SortOrder.RELEVANCE, false);

    /**
     * @throws CommandException (malformed parameter value {@code sort}) for an unknown field or direction
     */
    public static ShowSort parse(String sort) {
        String[] fields = sort.split(",", -1);
        for (int i = 1; i < fields.length; i++) {
            one(fields[i]);   // checked like pazpar2 checks them, though only the first orders the hits
        }
        return one(fields[0]);
    }

    /** True when the hits should show the relevance score, as pazpar2 does for relevance sorts. */
    public boolean byRelevance() {
        return order == SortOrder.RELEVANCE;
    }

    private static ShowSort one(String part) {
        String field = part;
        boolean increasing = false;
        int colon = part.indexOf(':');
        if (colon >= 0) {
            field = part.substring(0, colon);
            String dir = part.substring(colon + 1);
            if (!dir.equals("0") && !dir.equals("1")) {
                throw bad();
            }
            increasing = dir.equals("1");
        }
        return switch (field.toLowerCase(Locale.ROOT)) {
            // decreasing relevance is best first
            case "relevance" -> new ShowSort(SortOrder.RELEVANCE, increasing);
            case "title" -> new ShowSort(SortOrder.TITLE, !increasing);
            case "author" -> new ShowSort(SortOrder.AUTHOR, !increasing);
            case "date", "year" -> new ShowSort(increasing ? SortOrder.YEAR_OLDEST : SortOrder.YEAR_NEWEST, false);
            default -> throw bad();
        };
    }

    private static CommandException bad() {
        return new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "sort");
    }
}
