package org.navette.connector.opac.internal;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.navette.connector.opac.OpacProfile;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.query.Field;
import org.navette.query.UnsupportedFieldPolicy;
import org.navette.target.DiagnosticKind;

/**
 * A loaded and validated OPAC profile: how to search one OPAC product and read its pages. Built by
 * {@link ProfileReader} from the profile's JSON; every selector and pattern is already compiled.
 *
 * <p>Thread-safety: immutable, shared by every search of every target that uses the profile.
 */
public record ProfileSpec(String name, String description, String source, PageFormat format, Charset charset,
                          boolean unwrapDocumentWrite, Session session, Search search, Results results,
                          Detail detail, Export export) implements OpacProfile {

    /** Whether the OPAC answers with HTML pages or a JSON API. */
    public enum PageFormat { HTML, JSON }

    /** A page to fetch before the first search, for OPACs that need a session cookie. */
    public record Session(String path) { }

    /**
     * How a query becomes a request: either form parameters per field ({@code fields}) or one
     * query-language parameter built from templates ({@code query}). {@code singleField}: the form
     * searches one field at a time (a quick search with a category selector).
     */
    public record Search(String method, String path, List<Map.Entry<String, String>> params,
                         Map<Field, List<Map.Entry<String, String>>> fields, QueryTemplate query,
                         boolean singleField, String truncation, String phrase, String removeChars,
                         UnsupportedFieldPolicy unsupportedFields, Paging paging) {
        public Search {
            params = List.copyOf(params);
            fields = fields == null ? null : Map.copyOf(fields);
        }
    }

    /** A query language in one parameter: clause templates per field and boolean templates. */
    public record QueryTemplate(String param, Map<Field, String> clauses, String and, String or, String not) {
        public QueryTemplate {
            clauses = Map.copyOf(clauses);
        }
    }

    /** Paging through a page-number or offset parameter: value of page n (0-based) is {@code first + n * step}. */
    public record Paging(String param, int first, int step, int pageSize) { }

    /** How to read a result list page. */
    public record Results(Pick hits, Locator items, Map<RecordField, Pick> fields, Holdings holdings, Pick next,
                          Detector nothingFound, Detector error) {
        public Results {
            fields = ordered(fields);
        }
    }

    /** How to read one record's own page. */
    public record Detail(Locator detect, boolean follow, Map<RecordField, Pick> fields, Holdings holdings) {
        public Detail {
            fields = ordered(fields);
        }
    }

    /** How to read a holdings (items) table, optionally from a page linked from the record's page. */
    public record Holdings(Pick page, Locator rows, Map<HoldingField, Pick> fields) {
        public Holdings {
            fields = ordered(fields);
        }
    }

    /** Where a record's lossless MARC export lives: a URL template with {detailUrl}, {id}. */
    public record Export(String url, RecordSyntax syntax, RecordFormat format) { }

    /**
     * A page marker: the selector matches and (when a pattern is given) its text contains the
     * pattern. {@code kind} is the diagnostic an error page yields.
     */
    public record Detector(Locator locator, Pattern matches, DiagnosticKind kind, String path) { }

    /**
     * One value to extract: where ({@code locator}, or a holdings table {@code column} whose
     * header matches a pattern), how ({@code extract}, {@code attribute}), which post-processing
     * {@code steps}, and what to try when all that yields nothing ({@code orElse}); {@code path} is
     * the key path in the profile.
     */
    public record Pick(Locator locator, Pattern column, PageNode.Extract extract, String attribute, List<Step> steps,
                       Pick orElse, String path) {
        public Pick {
            steps = List.copyOf(steps);
        }

        /** The selector and extraction as a profile author would write them. */
        public String describe() {
            String how = switch (extract) {
                case TEXT -> "";
                case ATTR -> " @" + attribute;
                default -> " " + extract.name().toLowerCase(java.util.Locale.ROOT);
            };
            String where = column == null ? locator.source()
                    : "column /" + column.pattern() + "/" + (locator instanceof Locator.Self ? "" : " " + locator.source());
            return where + how;
        }

        /** The same pick with a fallback. */
        Pick withOrElse(Pick fallback) {
            return new Pick(locator, column, extract, attribute, steps, fallback, path);
        }
    }

    /** An unmodifiable copy that keeps the enum's order (so traces list fields in a stable order). */
    static <K extends Enum<K>, V> Map<K, V> ordered(Map<K, V> map) {
        return map.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(map));
    }

    @Override
    public String toString() {
        return "OpacProfile[" + name + " from " + source + "]";
    }
}
