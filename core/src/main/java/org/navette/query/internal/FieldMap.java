package org.navette.query.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.UnsupportedFieldPolicy;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * A target's index for each field (a CQL index name, a list of Bib-1 attributes...), plus what to
 * do with the fields it has none for. Shared by the PQF and CQL translators so that both read
 * target files the same way.
 *
 * <p>Thread-safety: immutable.
 *
 * @param <V> the parsed form of one field's index
 */
public final class FieldMap<V> {
    private final Map<Field, V> values;
    private final UnsupportedFieldPolicy policy;

    private FieldMap(Map<Field, V> values, UnsupportedFieldPolicy policy) {
        this.values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(values));
        this.policy = policy;
    }

    /**
     * Parses every non-empty index text; fields mapped to null or blank text are unsupported.
     *
     * @param parser parses one index text, throwing {@link IllegalArgumentException} with the reason
     */
    public static <V> FieldMap<V> of(Map<Field, String> texts, Function<String, V> parser, UnsupportedFieldPolicy policy) {
        return new FieldMap<V>(Map.of(), checkPolicy(policy)).with(texts, parser);
    }

    /** This map with {@code overrides} merged over it (null or blank text: the field becomes unsupported). */
    public FieldMap<V> with(Map<Field, String> overrides, Function<String, V> parser) {
        if (overrides == null) {
            throw new IllegalArgumentException("indexes must not be null");
        }
        Map<Field, V> merged = new EnumMap<>(Field.class);
        merged.putAll(values);
        overrides.forEach((field, text) -> {
            if (field == null) {
                throw new IllegalArgumentException("indexes: field must not be null");
            }
            if (text == null || text.isBlank()) {
                merged.remove(field);
            } else {
                try {
                    merged.put(field, parser.apply(text.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("indexes." + field.indexName() + ": " + e.getMessage(), e);
                }
            }
        });
        return new FieldMap<>(merged, policy);
    }

    public FieldMap<V> with(UnsupportedFieldPolicy newPolicy) {
        return new FieldMap<>(values, checkPolicy(newPolicy));
    }

    public UnsupportedFieldPolicy policy() {
        return policy;
    }

    public Optional<V> get(Field field) {
        return Optional.ofNullable(values.get(field));
    }

    /**
     * The index to search for {@code field}: its own, or under {@link UnsupportedFieldPolicy#SEARCH_AS_ANY}
     * the one of {@link Field#ANY} with a warning added to {@code warnings} (once per field).
     *
     * @throws TargetException (UNSUPPORTED_SEARCH, addInfo = field name) when the field cannot be searched
     */
    public V resolve(Field field, List<TargetDiagnostic> warnings) {
        V v = values.get(field);
        if (v != null) {
            return v;
        }
        V any = values.get(Field.ANY);
        if (policy == UnsupportedFieldPolicy.SEARCH_AS_ANY && any != null) {
            String message = "this target cannot search field '" + field.indexName() + "': searched as any";
            if (warnings.stream().noneMatch(w -> field.indexName().equals(w.addInfo()))) {
                warnings.add(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, null, message, field.indexName()));
            }
            return any;
        }
        throw new TargetException(TargetDiagnostic.of(DiagnosticKind.UNSUPPORTED_SEARCH, null,
                "this target cannot search field '" + field.indexName() + "'", field.indexName()));
    }

    /**
     * Checks a whole query up front, so that no translation is half done when a field is refused.
     *
     * @return the warnings so far, a mutable list the translation goes on adding to
     */
    public List<TargetDiagnostic> check(Query q) {
        if (q == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        List<TargetDiagnostic> warnings = new ArrayList<>();
        List<Query> pending = new ArrayList<>();
        pending.add(q);
        while (!pending.isEmpty()) {
            Query next = pending.remove(pending.size() - 1);
            if (next instanceof Query.Clause c) {
                resolve(c.field(), warnings);
            } else if (next instanceof Query.And a) {
                pending.add(a.right());
                pending.add(a.left());
            } else if (next instanceof Query.Or o) {
                pending.add(o.right());
                pending.add(o.left());
            } else if (next instanceof Query.AndNot n) {
                pending.add(n.right());
                pending.add(n.left());
            }
        }
        return warnings;
    }

    /** Field to text from values given in {@link Field} declaration order (any, title, author...). */
    public static Map<Field, String> inFieldOrder(String... texts) {
        Field[] fields = Field.values();
        if (texts.length != fields.length) {
            throw new IllegalArgumentException("expected " + fields.length + " index texts, got " + texts.length);
        }
        Map<Field, String> m = new EnumMap<>(Field.class);
        for (int i = 0; i < fields.length; i++) {
            m.put(fields[i], texts[i]);
        }
        return m;
    }

    /** Builds a translator from a target's settings; a bad setting's message names the target. */
    public static <T> T configure(TargetConfig target, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith("target ") ? m : "target " + target.id() + ": " + m, e);
        }
    }

    /**
     * A target's {@code "indexes"} object as field to text (text null for "cannot search"), its keys
     * checked against the field names.
     */
    public static Map<Field, String> indexesOf(TargetConfig target) {
        Map<Field, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : target.map("indexes").entrySet()) {
            Field field = IndexNames.plain(e.getKey())
                    .filter(f -> f.indexName().equals(e.getKey()))
                    .orElseThrow(() -> new IllegalArgumentException("target " + target.id() + ": 'indexes' has unknown field '"
                            + e.getKey() + "'; fields are " + fieldNames()));
            Object v = e.getValue();
            if (v != null && !(v instanceof String)) {
                throw new IllegalArgumentException("target " + target.id() + ": 'indexes'." + e.getKey()
                        + " must be a string or null, was " + v);
            }
            out.put(field, (String) v);
        }
        return out;
    }

    /** A target's {@code "unsupportedFields"} setting; {@link UnsupportedFieldPolicy#REPORT} when absent. */
    public static UnsupportedFieldPolicy policyOf(TargetConfig target) {
        Optional<String> v = target.string("unsupportedFields");
        try {
            return v.map(UnsupportedFieldPolicy::fromSetting).orElse(UnsupportedFieldPolicy.REPORT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target " + target.id() + ": " + e.getMessage(), e);
        }
    }

    private static String fieldNames() {
        List<String> names = new ArrayList<>();
        for (Field f : Field.values()) {
            names.add(f.indexName());
        }
        return String.join(", ", names);
    }

    private static UnsupportedFieldPolicy checkPolicy(UnsupportedFieldPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("unsupportedFields policy must not be null");
        }
        return policy;
    }

    @Override
    public String toString() {
        return values + " unsupportedFields=" + policy.setting();
    }
}
