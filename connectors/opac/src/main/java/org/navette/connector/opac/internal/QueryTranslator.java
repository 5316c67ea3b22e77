package org.navette.connector.opac.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.navette.connector.opac.internal.ProfileSpec.QueryTemplate;
import org.navette.connector.opac.internal.ProfileSpec.Search;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;
import org.navette.query.Translator;
import org.navette.query.UnsupportedFieldPolicy;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * Turns a {@link Query} into the request parameters a profile describes.
 *
 * <p>Form profiles ({@code search.fields}) take an AND of clauses, one form field per query field;
 * clauses on the same field are joined into one term. OR and NOT need a query-language profile
 * ({@code search.query}) with {@code or}/{@code not} templates. A field the profile cannot search
 * is searched as {@code any} with a warning, or rejected, as the profile (or the target's
 * {@code unsupportedFields} key) says.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
final class QueryTranslator implements Translator<QueryTranslator.Translation> {
    private final ProfileSpec profile;
    private final UnsupportedFieldPolicy unsupported;
    private final Map<String, String> extraParams;

    /** A translator adding only the profile's own constant parameters. */
    QueryTranslator(ProfileSpec profile, UnsupportedFieldPolicy unsupported) {
        this(profile, unsupported, Map.of());
    }

    /**
     * @param extraParams the target's own constant parameters (override the profile's of the same name)
     */
    QueryTranslator(ProfileSpec profile, UnsupportedFieldPolicy unsupported, Map<String, String> extraParams) {
        this.profile = profile;
        this.unsupported = unsupported;
        this.extraParams = Map.copyOf(extraParams);
    }

    /**
     * The translated query.
     *
     * @param params   the request parameters, in order (the profile's constant ones first)
     * @param warnings what had to be loosened (a field searched as any, truncation dropped)
     */
    record Translation(List<Map.Entry<String, String>> params, List<TargetDiagnostic> warnings) {
        Translation {
            params = List.copyOf(params);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @throws TargetException of kind UNSUPPORTED_SEARCH when the profile cannot express the query
     */
    @Override
    public Translation translate(Query query) {
        Search search = profile.search();
        List<TargetDiagnostic> warnings = new ArrayList<>();
        Map<String, String> constants = new LinkedHashMap<>();
        search.params().forEach(e -> constants.put(e.getKey(), e.getValue()));
        constants.putAll(extraParams);
        List<Map.Entry<String, String>> params = new ArrayList<>();
        constants.forEach((k, v) -> params.add(entry(k, v)));
        if (search.fields() != null) {
            form(query, search, params, warnings);
        } else {
            params.add(entry(search.query().param(), template(query, search, warnings)));
        }
        return new Translation(params, warnings);
    }

    private void form(Query query, Search search, List<Map.Entry<String, String>> params, List<TargetDiagnostic> warnings) {
        List<Query.Clause> clauses = new ArrayList<>();
        conjuncts(query, clauses);
        Map<Field, List<String>> terms = new EnumMap<>(Field.class);
        for (Query.Clause c : clauses) {
            Field f = searchableField(c.field(), search.fields().containsKey(c.field()), warnings);
            terms.computeIfAbsent(f, k -> new ArrayList<>()).add(term(c, search, warnings));
        }
        if (search.singleField() && terms.size() > 1) {
            List<String> names = new ArrayList<>();
            terms.keySet().forEach(f -> names.add(f.indexName()));
            if (unsupported == UnsupportedFieldPolicy.REPORT || !search.fields().containsKey(Field.ANY)) {
                throw unsupported("a search in several fields " + names + " (its form searches one field at a time)");
            }
            List<String> all = new ArrayList<>();
            terms.values().forEach(all::addAll);
            terms.clear();
            terms.put(Field.ANY, all);
            warnings.add(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, "opac:single-field",
                    "profile " + profile.name() + " searches one field at a time; " + names + " searched together as any",
                    null));
        }
        for (Map.Entry<Field, List<String>> e : terms.entrySet()) {
            String term = String.join(" ", e.getValue());
            for (Map.Entry<String, String> p : search.fields().get(e.getKey())) {
                params.add(entry(p.getKey(), p.getValue().replace("{term}", term)));
            }
        }
    }

    private void conjuncts(Query q, List<Query.Clause> out) {
        if (q instanceof Query.Clause c) {
            out.add(c);
        } else if (q instanceof Query.And a) {
            conjuncts(a.left(), out);
            conjuncts(a.right(), out);
        } else {
            throw unsupported((q instanceof Query.Or ? "OR" : "NOT")
                    + " (its search form combines fields with AND only)");
        }
    }

    private String template(Query q, Search search, List<TargetDiagnostic> warnings) {
        QueryTemplate t = search.query();
        if (q instanceof Query.Clause c) {
            Field f = searchableField(c.field(), t.clauses().containsKey(c.field()), warnings);
            return t.clauses().get(f).replace("{term}", term(c, search, warnings));
        }
        String op;
        Query left;
        Query right;
        String template;
        if (q instanceof Query.And a) {
            op = "AND";
            template = t.and();
            left = a.left();
            right = a.right();
        } else if (q instanceof Query.Or o) {
            op = "OR";
            template = t.or();
            left = o.left();
            right = o.right();
        } else {
            Query.AndNot n = (Query.AndNot) q;
            op = "NOT";
            template = t.not();
            left = n.left();
            right = n.right();
        }
        if (template == null) {
            throw unsupported(op + " (the profile has no search.query." + op.toLowerCase(java.util.Locale.ROOT)
                    + " template)");
        }
        String l = template(left, search, warnings);
        String r = template(right, search, warnings);
        return template.replace("{left}", l).replace("{right}", r);
    }

    private Field searchableField(Field f, boolean mapped, List<TargetDiagnostic> warnings) {
        if (mapped) {
            return f;
        }
        if (unsupported == UnsupportedFieldPolicy.REPORT || !hasAny()) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, "opac:unsupported-field",
                    "profile " + profile.name() + " cannot search the field " + f.indexName(), f.indexName()));
        }
        warnings.add(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, "opac:unsupported-field",
                "profile " + profile.name() + " cannot search the field " + f.indexName() + "; searched as any",
                f.indexName()));
        return Field.ANY;
    }

    private boolean hasAny() {
        Search s = profile.search();
        return s.fields() != null ? s.fields().containsKey(Field.ANY) : s.query().clauses().containsKey(Field.ANY);
    }

    private String term(Query.Clause c, Search search, List<TargetDiagnostic> warnings) {
        Relation r = c.relation();
        String term = strip(c.term(), search.removeChars());
        if (term.isBlank()) {
            throw new TargetException(TargetDiagnostic.of(DiagnosticKind.QUERY_REJECTED, "opac:empty-term",
                    "profile " + profile.name() + ": the term \"" + c.term() + "\" is empty once the characters "
                            + search.removeChars() + " the OPAC cannot take are removed", c.field().indexName()));
        }
        switch (r) {
            case ALL_WORDS -> { }
            case ANY_WORD -> {
                if (term.strip().contains(" ")) {
                    throw unsupported("the relation 'any' on several words");
                }
            }
            case PHRASE, EXACT -> {
                if (search.phrase() != null) {
                    term = search.phrase().replace("{term}", term);
                }
            }
            default -> throw unsupported("the relation " + r.name().toLowerCase(java.util.Locale.ROOT)
                    + " on " + c.field().indexName());
        }
        if (c.rightTruncated()) {
            if (search.truncation() != null) {
                term = search.truncation().replace("{term}", term);
            } else {
                warnings.add(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, "opac:no-truncation",
                        "profile " + profile.name() + " has no truncation; searched \"" + term + "\" as a whole word",
                        c.field().indexName()));
            }
        }
        return term;
    }

    private static String strip(String term, String chars) {
        if (chars.isEmpty()) {
            return term;
        }
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char ch = term.charAt(i);
            sb.append(chars.indexOf(ch) >= 0 ? ' ' : ch);
        }
        return PageNode.collapse(sb.toString());
    }

    private TargetException unsupported(String what) {
        return new TargetException(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, "opac:unsupported-query",
                "profile " + profile.name() + " cannot express " + what, null));
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return new AbstractMap.SimpleImmutableEntry<>(k, v);
    }
}
