package org.navette.query;

import java.util.Locale;

/**
 * What a translator does with a field the target cannot search (one mapped to null or {@code ""}
 * in the target's {@code "indexes"}). Target files choose with {@code "unsupportedFields": "report"}
 * (the default) or {@code "unsupportedFields": "any"}.
 *
 * <pre>{@code
 * PqfTranslator t = PqfTranslator.of(Map.of(Field.ISBN, ""), UnsupportedFieldPolicy.SEARCH_AS_ANY);
 * t.translate(Query.isbn("0836968433")).warnings();  // one UNSUPPORTED_SEARCH warning naming isbn
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum UnsupportedFieldPolicy {
    /**
     * Refuse the query for this target before anything is sent: the translator throws a
     * {@link org.navette.target.TargetException} with {@link org.navette.target.DiagnosticKind#UNSUPPORTED_SEARCH}
     * whose additional information is the field's index name.
     */
    REPORT,
    /** Search the term in {@link Field#ANY} instead, and say so in {@link Translation#warnings()}. */
    SEARCH_AS_ANY;

    /** The value of a target's {@code "unsupportedFields"} setting: {@code "report"} or {@code "any"}. */
    public static UnsupportedFieldPolicy fromSetting(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "report" -> REPORT;
            case "any" -> SEARCH_AS_ANY;
            default -> throw new IllegalArgumentException(
                    "unsupportedFields must be \"report\" or \"any\", was " + (value == null ? "null" : "\"" + value + "\""));
        };
    }

    /** The setting's value for this policy: {@code "report"} or {@code "any"}. */
    public String setting() {
        return this == REPORT ? "report" : "any";
    }
}
