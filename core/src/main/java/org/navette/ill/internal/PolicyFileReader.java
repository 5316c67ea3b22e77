package org.navette.ill.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;
import org.navette.ill.LenderPolicy;
import org.navette.ill.NetworkPolicy;
import org.navette.ill.PolicyFileException;

/**
 * Reads the network policy JSON file ({@code core/POLICY.md}). Jackson's streaming parser rather than
 * data binding, because every error must carry the line and column of the value at fault, and a tree
 * or a bound object has forgotten where its values came from.
 *
 * <p>Two passes: the whole file is read into located values first, then built, so that
 * {@code defaults} may come after {@code libraries} in the file. Stateless.
 */
public final class PolicyFileReader {
    private enum Kind { TEXT, BOOLEAN, WHOLE_NUMBER, NUMBER, TEXT_LIST }

    /** A value and where it starts in the file. */
    private record Located(@Nullable Object value, int line, int column) {
    }

    /** What may appear in {@code defaults}. A key named {@code comment} is allowed everywhere and ignored. */
    private static final Map<String, Kind> DEFAULT_KEYS = keys(
            "lendsLoans", Kind.BOOLEAN, "lendsCopies", Kind.BOOLEAN, "materialTypes", Kind.TEXT_LIST,
            "loanPeriodDays", Kind.WHOLE_NUMBER, "notLoanableStatuses", Kind.TEXT_LIST);

    private static final Map<String, Kind> LIBRARY_KEYS = keys(
            "library", Kind.TEXT, "agency", Kind.TEXT,
            "lendsLoans", Kind.BOOLEAN, "lendsCopies", Kind.BOOLEAN, "materialTypes", Kind.TEXT_LIST,
            "loanPeriodDays", Kind.WHOLE_NUMBER, "suspendedFrom", Kind.TEXT, "suspendedTo", Kind.TEXT,
            "town", Kind.TEXT, "department", Kind.TEXT, "region", Kind.TEXT, "country", Kind.TEXT,
            "latitude", Kind.NUMBER, "longitude", Kind.NUMBER, "endpoint", Kind.TEXT,
            "notLoanableStatuses", Kind.TEXT_LIST);

    private static final Set<String> TOP_KEYS = Set.of("proximity", "defaults", "libraries", "comment");

    private final String source;
    private final JsonParser parser;

    private PolicyFileReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** @throws PolicyFileException when the bytes are not a valid policy file */
    public static NetworkPolicy read(byte[] bytes, String source) {
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            return new PolicyFileReader(source, p).network();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PolicyFileException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PolicyFileException(source, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private NetworkPolicy network() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new PolicyFileException(source, 0, 0, null, "the file is empty; a policy file is one JSON object {...}");
        }
        if (first != JsonToken.START_OBJECT) {
            throw fail(here(), null, "a policy file is one JSON object {...}, not " + found());
        }
        Located proximity = null;
        Map<String, Located> defaults = Map.of();
        List<Map<String, Located>> libraries = new ArrayList<>();
        Located librariesAt = null;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Located keyAt = here();
            if (!TOP_KEYS.contains(key)) {
                throw fail(keyAt, key, "unknown key (known here: proximity, defaults, libraries, comment)");
            }
            if (!seen.add(key)) {
                throw fail(keyAt, key, "given twice");
            }
            parser.nextToken();
            switch (key) {
                case "proximity" -> proximity = value(Kind.TEXT, key);
                case "defaults" -> defaults = object(key, DEFAULT_KEYS);
                case "libraries" -> {
                    librariesAt = here();
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        throw fail(librariesAt, key, "expected a list [...] of libraries, found " + found());
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        libraries.add(object("libraries[" + libraries.size() + "]", LIBRARY_KEYS));
                    }
                }
                default -> value(Kind.TEXT, key); // comment
            }
        }
        if (parser.nextToken() != null) {
            throw fail(here(), null, "text after the end of the policy object");
        }
        return build(proximity, defaults, libraries);
    }

    private NetworkPolicy build(@Nullable Located proximity, Map<String, Located> defaultValues,
                                List<Map<String, Located>> libraries) {
        NetworkPolicy.Builder network = NetworkPolicy.builder();
        if (proximity != null && proximity.value() != null) {
            String text = (String) proximity.value();
            network.proximity(NetworkPolicy.Proximity.parse(text).orElseThrow(() ->
                    fail(proximity, "proximity", "'" + text + "' is neither \"tiers\" nor \"distance\"")));
        }
        NetworkPolicy.Defaults defaults = defaults(defaultValues);
        network.defaults(defaults);
        for (int i = 0; i < libraries.size(); i++) {
            String path = "libraries[" + i + "]";
            Map<String, Located> values = libraries.get(i);
            LenderPolicy policy = library(path, values, defaults);
            Located libraryAt = values.get("library");
            apply(libraryAt, path + ".library", () -> network.library(policy));
        }
        return network.build();
    }

    private NetworkPolicy.Defaults defaults(Map<String, Located> v) {
        NetworkPolicy.Defaults open = NetworkPolicy.Defaults.OPEN;
        int loanPeriodDays = whole(v, "defaults", "loanPeriodDays", open.loanPeriodDays());
        try {
            return new NetworkPolicy.Defaults(bool(v, "lendsLoans", open.lendsLoans()), bool(v, "lendsCopies", open.lendsCopies()),
                    texts(v, "materialTypes", open.materialTypes()), loanPeriodDays,
                    texts(v, "notLoanableStatuses", open.notLoanableStatuses()));
        } catch (IllegalArgumentException e) {
            // the record validates all settings at once; its messages start with the setting's name,
            // which tells us which value in the file to point at
            String setting = e.getMessage().split(" ", 2)[0];
            Located at = v.containsKey(setting) ? v.get(setting) : v.get("");
            throw fail(at, v.containsKey(setting) ? "defaults." + setting : "defaults", e.getMessage());
        }
    }

    private LenderPolicy library(String path, Map<String, Located> v, NetworkPolicy.Defaults defaults) {
        Located start = v.get("");
        Located code = v.get("library");
        if (code == null || code.value() == null) {
            throw fail(start, path, "every library needs its \"library\" code, as its holdings name it");
        }
        LenderPolicy.Builder b = apply(code, path + ".library", () -> LenderPolicy.builder((String) code.value(), defaults));
        set(v, path, "agency", x -> b.agency(AgencyId.parse((String) x)));
        set(v, path, "lendsLoans", x -> b.lendsLoans((Boolean) x));
        set(v, path, "lendsCopies", x -> b.lendsCopies((Boolean) x));
        set(v, path, "materialTypes", x -> b.materialTypes(strings(x)));
        set(v, path, "loanPeriodDays", x -> b.loanPeriodDays(toInt(x)));
        set(v, path, "suspendedFrom", x -> b.suspendedFrom(date((String) x)));
        set(v, path, "suspendedTo", x -> b.suspendedTo(date((String) x)));
        set(v, path, "town", x -> b.town((String) x));
        set(v, path, "department", x -> b.department((String) x));
        set(v, path, "region", x -> b.region((String) x));
        set(v, path, "country", x -> b.country((String) x));
        set(v, path, "latitude", x -> b.latitude((Double) x));
        set(v, path, "longitude", x -> b.longitude((Double) x));
        set(v, path, "endpoint", x -> b.endpoint(URI.create((String) x)));
        set(v, path, "notLoanableStatuses", x -> b.notLoanableStatuses(strings(x)));
        return apply(start, path, b::build);
    }

    private interface Setter {
        void set(Object value);
    }

    private void set(Map<String, Located> values, String path, String key, Setter setter) {
        Located at = values.get(key);
        if (at != null && at.value() != null) {
            apply(at, path + "." + key, () -> {
                setter.set(at.value());
                return null;
            });
        }
    }

    /** Runs a builder step, turning its validation failure into an error at {@code at}. */
    private <T> T apply(@Nullable Located at, String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw fail(at, field, e.getMessage());
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; write it YYYY-MM-DD, e.g. 2027-01-03", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static int toInt(Object value) {
        long n = (Long) value;
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("number out of range: " + n);
        }
        return (int) n;
    }

    private static boolean bool(Map<String, Located> v, String key, boolean otherwise) {
        Located at = v.get(key);
        return at == null || at.value() == null ? otherwise : (Boolean) at.value();
    }

    private static Set<String> texts(Map<String, Located> v, String key, Set<String> otherwise) {
        Located at = v.get(key);
        return at == null || at.value() == null ? otherwise : Set.copyOf(strings(at.value()));
    }

    private int whole(Map<String, Located> v, String path, String key, int otherwise) {
        Located at = v.get(key);
        return at == null || at.value() == null ? otherwise : apply(at, path + "." + key, () -> toInt(at.value()));
    }

    /**
     * An object of known keys, the current token being its start. Its own location is kept under
     * the key {@code ""}, for errors about the object as a whole.
     */
    private Map<String, Located> object(String path, Map<String, Kind> known) throws IOException {
        Located start = here();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail(start, path, "expected an object {...}, found " + found());
        }
        Map<String, Located> out = new LinkedHashMap<>();
        out.put("", start);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Located keyAt = here();
            Kind kind = "comment".equals(key) ? Kind.TEXT : known.get(key);
            if (kind == null) {
                throw fail(keyAt, path + "." + key, "unknown key (known here: " + String.join(", ", known.keySet())
                        + ", comment)");
            }
            if (out.containsKey(key)) {
                throw fail(keyAt, path + "." + key, "given twice");
            }
            parser.nextToken();
            out.put(key, value(kind, path + "." + key));
        }
        out.remove("comment");
        return out;
    }

    /** A value of {@code kind}, the current token being its start; JSON null stands for "not set". */
    private Located value(Kind kind, String field) throws IOException {
        Located at = here();
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return at;
        }
        Object value = switch (kind) {
            case TEXT -> t == JsonToken.VALUE_STRING ? parser.getText() : null;
            case BOOLEAN -> t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE ? t == JsonToken.VALUE_TRUE : null;
            case WHOLE_NUMBER -> t == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
            case NUMBER -> t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDoubleValue() : null;
            case TEXT_LIST -> t == JsonToken.START_ARRAY ? textList(field) : null;
        };
        if (value == null) {
            throw fail(at, field, "expected " + expected(kind) + ", found " + found());
        }
        return new Located(value, at.line(), at.column());
    }

    private List<String> textList(String field) throws IOException {
        List<String> out = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw fail(here(), field, "expected a list of texts, found " + found() + " in it");
            }
            out.add(parser.getText());
        }
        return out;
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case TEXT -> "a text in double quotes";
            case BOOLEAN -> "true or false";
            case WHOLE_NUMBER -> "a whole number";
            case NUMBER -> "a number";
            case TEXT_LIST -> "a list of texts, e.g. [\"book\", \"score\"]";
        };
    }

    /** The current token, as a librarian would recognise it in the file. */
    private String found() throws IOException {
        JsonToken t = parser.currentToken();
        return switch (t) {
            case START_OBJECT -> "an object {...}";
            case START_ARRAY -> "a list [...]";
            case VALUE_STRING -> "the text \"" + parser.getText() + "\"";
            default -> parser.getText();
        };
    }

    private Located here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Located(null, at.getLineNr(), at.getColumnNr());
    }

    private PolicyFileException fail(@Nullable Located at, @Nullable String field, String message) {
        return new PolicyFileException(source, at == null ? 0 : at.line(), at == null ? 0 : at.column(), field, message);
    }

    private static Map<String, Kind> keys(Object... pairs) {
        Map<String, Kind> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
