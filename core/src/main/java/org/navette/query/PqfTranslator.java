package org.navette.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.navette.query.internal.Bib1Attributes;
import org.navette.query.internal.FieldMap;
import org.navette.query.internal.TargetQuery;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;

/**
 * Translates a {@link Query} into a PQF (Prefix Query Format) type-1 query with Bib-1 attributes,
 * as YAZ's {@code ZOOM_query_prefix} and {@code yaz-client} read it.
 *
 * <pre>{@code
 * PqfTranslator pqf = PqfTranslator.ofDefaults();
 * pqf.translate(CqlParser.parse("title=computer and author=collins")).text();
 *     // @and @attr 1=4 @attr 4=2 "computer" @attr 1=1003 @attr 4=2 "collins"
 * pqf.translate(CqlParser.parse("title=\"the computer bible\"")).text();
 *     // @attr 1=4 @attr 4=1 "the computer bible"
 * PqfTranslator koha = PqfTranslator.fromTarget(target);  // "indexes": {"author": "1=1003 4=1"}
 * }</pre>
 *
 * <h2>Attributes</h2>
 * Use attributes (type 1) by default: any 1016, title 4, author 1003, subject 21, isbn 7, issn 8,
 * year 31, publisher 1018, language 54, id 12 (local number). Per clause:
 * <ul>
 *   <li>all words: one term per word with structure 4=2 (word), joined with {@code @and}; words
 *       without any letter or digit (such as {@code &}) are left out, since no word index holds
 *       them; any word: the same joined with {@code @or};</li>
 *   <li>phrase: structure 4=1; exact: structure 4=1 and completeness 6=3 (complete field) &mdash; no
 *       position 3=1, which Zebra refuses in that combination (diagnostic 119) and which
 *       completeness already implies;</li>
 *   <li>{@code < <= > >=}: relation 2=1, 2=2, 2=5, 2=4; a range: {@code @and} of 2=4 and 2=2;</li>
 *   <li>right truncation: 5=1 on the (last) word;</li>
 *   <li>an ISBN term that is one valid ISBN: {@code @or} of its compact ISBN-13 and ISBN-10.</li>
 * </ul>
 * A target's {@code "indexes"} entry is a list of attributes such as {@code "1=1003 4=1"} (a leading
 * {@code @attr} before each is allowed; values may be numbers or names like {@code 1=title}); it
 * must hold a use attribute, and its attributes replace the generated ones of the same type.
 * Every term is written in double quotes with {@code \} and {@code "} escaped, so no user text can
 * become a PQF operator, attribute or second term.
 *
 * <p>Thread-safety: immutable; one instance may translate from many threads.
 */
public final class PqfTranslator implements Translator<Translation> {
    /** The target-file keys this translator reads, besides the common {@code unsupportedFields}. */
    public static final Set<String> TARGET_KEYS = Set.of("indexes");

    private final FieldMap<SortedMap<Integer, String>> attributes;

    private PqfTranslator(FieldMap<SortedMap<Integer, String>> attributes) {
        this.attributes = attributes;
    }

    /** Bib-1 defaults (see the class description), unsupported fields reported. */
    public static PqfTranslator ofDefaults() {
        Map<Field, String> m = FieldMap.inFieldOrder("1=1016", "1=4", "1=1003", "1=21", "1=7", "1=8", "1=31",
                "1=1018", "1=54", "1=12");
        return new PqfTranslator(FieldMap.of(m, Bib1Attributes::parse, UnsupportedFieldPolicy.REPORT));
    }

    /**
     * The {@link #ofDefaults() defaults} with {@code attributes} merged over them.
     *
     * @param attributes field to attribute list ({@code "1=1003 4=1"}); null or {@code ""} means
     *                   the target cannot search the field
     * @throws IllegalArgumentException for a malformed attribute list, naming the field and the value
     */
    public static PqfTranslator of(Map<Field, String> attributes, UnsupportedFieldPolicy policy) {
        return ofDefaults().withIndexes(attributes).withUnsupportedFields(policy);
    }

    /**
     * The translator a target file asks for: its {@code "indexes"} merged over the defaults, and
     * {@code "unsupportedFields"}.
     *
     * @throws IllegalArgumentException naming the target and the bad setting
     */
    public static PqfTranslator fromTarget(TargetConfig target) {
        return FieldMap.configure(target, () -> ofDefaults()
                .withIndexes(FieldMap.indexesOf(target))
                .withUnsupportedFields(FieldMap.policyOf(target)));
    }

    /** This translator with {@code overrides} merged over its attribute lists. */
    public PqfTranslator withIndexes(Map<Field, String> overrides) {
        return new PqfTranslator(attributes.with(overrides, Bib1Attributes::parse));
    }

    public PqfTranslator withUnsupportedFields(UnsupportedFieldPolicy policy) {
        return new PqfTranslator(attributes.with(policy));
    }

    /** The configured attributes for {@code field} ({@code "1=4"}), or empty when the target cannot search it. */
    public Optional<String> attributesFor(Field field) {
        return attributes.get(field).map(Bib1Attributes::format);
    }

    public UnsupportedFieldPolicy unsupportedFields() {
        return attributes.policy();
    }

    /**
     * Translates a query for this target.
     *
     * @throws org.navette.target.TargetException with {@link org.navette.target.DiagnosticKind#UNSUPPORTED_SEARCH}
     *         and the field name as additional information, when a field cannot be searched under
     *         {@link UnsupportedFieldPolicy#REPORT}
     */
    @Override
    public Translation translate(Query q) {
        List<TargetDiagnostic> warnings = attributes.check(q);
        StringBuilder out = new StringBuilder();
        write(TargetQuery.of(q), warnings, out);
        return new Translation(out.toString(), warnings);
    }

    private void write(Query q, List<TargetDiagnostic> warnings, StringBuilder out) {
        if (q instanceof Query.Clause c) {
            clause(c, attributes.resolve(c.field(), warnings), out);
            return;
        }
        Query left;
        Query right;
        if (q instanceof Query.And a) {
            out.append("@and ");
            left = a.left();
            right = a.right();
        } else if (q instanceof Query.Or o) {
            out.append("@or ");
            left = o.left();
            right = o.right();
        } else {
            Query.AndNot n = (Query.AndNot) q;
            out.append("@not ");
            left = n.left();
            right = n.right();
        }
        write(left, warnings, out);
        out.append(' ');
        write(right, warnings, out);
    }

    private static void clause(Query.Clause c, SortedMap<Integer, String> use, StringBuilder out) {
        SortedMap<Integer, String> generated = new TreeMap<>();
        switch (c.relation()) {
            case ALL_WORDS, ANY_WORD -> {
                words(c, use, out);
                return;
            }
            case WITHIN -> throw new IllegalStateException("TargetQuery writes ranges as >= and <=");
            case PHRASE -> generated.put(4, "1");
            case EXACT -> {
                generated.put(4, "1");
                generated.put(6, "3");
            }
            case LESS_THAN -> generated.put(2, "1");
            case LESS_OR_EQUAL -> generated.put(2, "2");
            case GREATER_THAN -> generated.put(2, "5");
            case GREATER_OR_EQUAL -> generated.put(2, "4");
        }
        if (c.rightTruncated()) {
            generated.put(5, "1");
        }
        term(use, generated, c.term(), out);
    }

    private static void words(Query.Clause c, SortedMap<Integer, String> use, StringBuilder out) {
        List<String> all = c.words();
        List<String> words = new ArrayList<>();
        for (String w : all) {
            if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            words = all;
        }
        boolean lastTruncated = c.rightTruncated() && words.get(words.size() - 1).equals(all.get(all.size() - 1));
        String op = c.relation() == Relation.ANY_WORD ? "@or " : "@and ";
        out.append(op.repeat(words.size() - 1));
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            boolean truncated = lastTruncated && i == words.size() - 1;
            term(use, truncated ? Map.of(4, "2", 5, "1") : Map.of(4, "2"), words.get(i), out);
        }
    }

    /** One attributes-plus-term: the generated attributes overridden by the target's of the same type, in type order. */
    private static void term(SortedMap<Integer, String> configured, Map<Integer, String> generated, String term,
                             StringBuilder out) {
        SortedMap<Integer, String> attrs = new TreeMap<>(generated);
        attrs.putAll(configured);
        attrs.forEach((type, value) -> out.append("@attr ").append(type).append('=').append(value).append(' '));
        Bib1Attributes.quote(term, out);
    }

    @Override
    public String toString() {
        return "PqfTranslator[" + attributes + "]";
    }
}
