package org.navette.connector.solr.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.navette.model.Isbn;
import org.navette.query.Query;
import org.navette.query.Relation;
import org.navette.query.Translator;

/**
 * Navette's query model as Solr request parameters over the VuFind fields: each clause an
 * {@code edismax} query with field weights (title above subtitle above series, main author above
 * others), phrases, right truncation and ranges; booleans as Solr's {@code bool} parser. Terms go
 * in parameters of their own ({@code v=$t1}), never spliced into query syntax, so no user text
 * can change the query's structure.
 *
 * <pre>{@code
 * SolrQueryTranslator.Parameters p = new SolrQueryTranslator().translate(CqlParser.parse("title=rose and year<1990"));
 * p.q();       // "{!bool must=$c1 must=$c2}"
 * p.params();  // c1 -> "{!edismax qf='title_short^5 ...' mm=100% v=$t1}", t1 -> "rose", ...
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class SolrQueryTranslator implements Translator<SolrQueryTranslator.Parameters> {

    /** The main query and the parameters it refers to. */
    public record Parameters(String q, Map<String, String> params) {
        public Parameters {
            params = Map.copyOf(params);
        }
    }

    private static final String TITLE = "title_short^5 title^3 title_full^2 title_sub series";
    private static final String AUTHOR = "author^3 author2";

    @Override
    public Parameters translate(Query query) {
        Map<String, String> params = new LinkedHashMap<>();
        int[] counter = {0};
        String root = node(query, params, counter);
        return new Parameters("{!query v=$" + root + "}", params);
    }

    /** Writes {@code query}'s parameter(s) and returns the name of the one that holds it. */
    private static String node(Query query, Map<String, String> params, int[] counter) {
        String name = "c" + (++counter[0]);
        String value;
        if (query instanceof Query.And a) {
            value = "{!bool must=$" + node(a.left(), params, counter) + " must=$" + node(a.right(), params, counter) + "}";
        } else if (query instanceof Query.Or o) {
            value = "{!bool should=$" + node(o.left(), params, counter) + " should=$" + node(o.right(), params, counter) + "}";
        } else if (query instanceof Query.AndNot n) {
            value = "{!bool must=$" + node(n.left(), params, counter) + " must_not=$" + node(n.right(), params, counter) + "}";
        } else {
            value = clause((Query.Clause) query, params, counter);
        }
        params.put(name, value);
        return name;
    }

    private static String clause(Query.Clause c, Map<String, String> params, int[] counter) {
        return switch (c.field()) {
            case ANY -> text("allfields", c, params, counter);
            case TITLE -> text(TITLE, c, params, counter);
            case AUTHOR -> text(AUTHOR, c, params, counter);
            case SUBJECT -> text("topic^2 genre", c, params, counter);
            case PUBLISHER -> text("publisher", c, params, counter);
            case YEAR -> exact(List.of("publishDate"), c, params, counter);
            case LANGUAGE -> exact(List.of("language"), c, params, counter);
            case ISBN -> exact(List.of("isbn"), isbnForms(c), params, counter);
            case ISSN -> exact(List.of("issn"), List.of(c.term().strip().toUpperCase(java.util.Locale.ROOT)), params, counter);
            case ID -> exact(List.of("id", "local_ids_str_mv", "navette_local_id", "ctrlnum"), List.of(c.term()), params, counter);
        };
    }

    /** Words in analysed fields: all words, any word, a phrase, truncation; ranges fall back to words. */
    private static String text(String qf, Query.Clause c, Map<String, String> params, int[] counter) {
        String terms = "t" + (++counter[0]);
        List<String> words = new ArrayList<>();
        for (String w : c.words()) {
            words.add(ClientUtils.escapeQueryChars(w));
        }
        String mm = c.relation() == Relation.ANY_WORD ? "1" : "100%";
        if (c.relation() == Relation.PHRASE || c.relation() == Relation.EXACT) {
            params.put(terms, "\"" + String.join(" ", words) + "\"");
        } else {
            if (c.rightTruncated()) {
                int last = words.size() - 1;
                words.set(last, words.get(last) + "*");
            }
            params.put(terms, String.join(" ", words));
        }
        return "{!edismax qf='" + qf + "' mm=" + mm + " q.op=" + (mm.equals("1") ? "OR" : "AND") + " v=$" + terms + "}";
    }

    private static String exact(List<String> fields, Query.Clause c, Map<String, String> params, int[] counter) {
        if (c.relation() == Relation.ANY_WORD) {
            return exact(fields, c.words(), params, counter);
        }
        return switch (c.relation()) {
            case LESS_THAN -> range(fields, "*", c.term(), false, false, params, counter);
            case LESS_OR_EQUAL -> range(fields, "*", c.term(), false, true, params, counter);
            case GREATER_THAN -> range(fields, c.term(), "*", false, false, params, counter);
            case GREATER_OR_EQUAL -> range(fields, c.term(), "*", true, false, params, counter);
            case WITHIN -> range(fields, c.term(), c.upperBound(), true, true, params, counter);
            default -> c.rightTruncated() ? prefix(fields, c.term(), params, counter)
                    : exact(fields, List.of(c.term()), params, counter);
        };
    }

    /** Any of {@code values} in any of {@code fields}, as whole values. */
    private static String exact(List<String> fields, List<String> values, Map<String, String> params, int[] counter) {
        StringBuilder bool = new StringBuilder("{!bool");
        for (String f : fields) {
            for (String v : values) {
                String t = "t" + (++counter[0]);
                params.put(t, v);
                String c = "c" + (++counter[0]);
                params.put(c, "{!term f=" + f + " v=$" + t + "}");
                bool.append(" should=$").append(c);
            }
        }
        return bool.append('}').toString();
    }

    private static String prefix(List<String> fields, String stem, Map<String, String> params, int[] counter) {
        StringBuilder bool = new StringBuilder("{!bool");
        String t = "t" + (++counter[0]);
        params.put(t, stem);
        for (String f : fields) {
            String c = "c" + (++counter[0]);
            params.put(c, "{!prefix f=" + f + " v=$" + t + "}");
            bool.append(" should=$").append(c);
        }
        return bool.append('}').toString();
    }

    private static String range(List<String> fields, String from, String to, boolean fromIncluded, boolean toIncluded,
            Map<String, String> params, int[] counter) {
        StringBuilder bool = new StringBuilder("{!bool");
        for (String f : fields) {
            String c = "c" + (++counter[0]);
            params.put(c, "{!lucene}" + f + ":" + (fromIncluded ? "[" : "{") + bound(from) + " TO " + bound(to)
                    + (toIncluded ? "]" : "}"));
            bool.append(" should=$").append(c);
        }
        return bool.append('}').toString();
    }

    private static String bound(String value) {
        return value.equals("*") ? "*" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An ISBN as both stored forms (ISBN-13 and ISBN-10), or as typed when it is not one. */
    private static List<String> isbnForms(Query.Clause c) {
        return Isbn.parse(c.term()).map(i -> i.isbn10() == null ? List.of(i.isbn13()) : List.of(i.isbn13(), i.isbn10()))
                .orElse(List.of(c.term().strip()));
    }
}
