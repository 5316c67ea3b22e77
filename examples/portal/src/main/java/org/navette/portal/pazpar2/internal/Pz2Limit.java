package org.navette.portal.pazpar2.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.navette.query.Field;
import org.navette.query.Query;

/**
 * pazpar2's {@code limit} parameter of {@code search} — how front ends narrow a search by a facet
 * value they show ({@code author=Eco, Umberto|Eco, U.}, {@code subject=Monks}, {@code date=1983})
 * — as query clauses ANDed to the query, which is what pazpar2's default {@code limitmap="ccl: au"}
 * does. Pairs are separated by commas, alternatives by {@code |}; a backslash escapes either.
 * The names are the termlist names and the query qualifiers ({@code au}, {@code su}...).
 *
 * <pre>{@code
 * Query narrowed = Pz2Limit.apply(query, "author=Eco\\, Umberto,date=1983");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Pz2Limit {
    private Pz2Limit() {
    }

    /**
     * The query narrowed by every limit.
     *
     * @throws CommandException malformed {@code limit} for a pair without {@code =} or a name that
     *                          is no searchable field ({@code medium} is counted, not searchable)
     */
    public static Query apply(Query query, String limit) {
        Query out = query;
        for (String pair : split(limit, ',')) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "limit");
            }
            String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            Field field = Pz2Query.qualifierNames().get(name);
            if (field == null) {
                throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "limit " + name);
            }
            @Nullable Query any = null;
            for (String value : split(pair.substring(eq + 1), '|')) {
                String v = unescape(value).trim();
                if (v.isEmpty()) {
                    continue;
                }
                Query one = clause(field, v);
                any = any == null ? one : any.or(one);
            }
            if (any != null) {
                out = out.and(any);
            }
        }
        return out;
    }

    private static Query clause(Field field, String value) {
        try {
            if (field == Field.YEAR) {
                return Pz2Query.parse("date=" + value);
            }
            return Query.term(field, value);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Pz2Error.MALFORMED_PARAMETER_VALUE, "limit: " + e.getMessage());
        }
    }

    /** Splits at unescaped {@code sep}, keeping escapes for the next level. */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }
}
