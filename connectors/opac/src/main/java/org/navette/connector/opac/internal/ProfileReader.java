package org.navette.connector.opac.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.navette.connector.opac.OpacProfile;
import org.navette.connector.opac.OpacProfileException;
import org.navette.connector.opac.internal.ProfileSpec.Detail;
import org.navette.connector.opac.internal.ProfileSpec.Detector;
import org.navette.connector.opac.internal.ProfileSpec.Export;
import org.navette.connector.opac.internal.ProfileSpec.Holdings;
import org.navette.connector.opac.internal.ProfileSpec.PageFormat;
import org.navette.connector.opac.internal.ProfileSpec.Paging;
import org.navette.connector.opac.internal.ProfileSpec.Pick;
import org.navette.connector.opac.internal.ProfileSpec.QueryTemplate;
import org.navette.connector.opac.internal.ProfileSpec.Results;
import org.navette.connector.opac.internal.ProfileSpec.Search;
import org.navette.connector.opac.internal.ProfileSpec.Session;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSyntax;
import org.navette.query.Field;
import org.navette.query.UnsupportedFieldPolicy;
import org.navette.target.DiagnosticKind;

/**
 * Reads profile JSON into a {@link ProfileSpec}, validating everything at once: unknown keys,
 * selectors that do not parse, regexes that do not compile, missing required parts. Every problem
 * is an {@link OpacProfileException} naming the profile and the key path.
 *
 * <p>Profiles may carry {@code "comment"} keys anywhere and {@code //} comments.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class ProfileReader {
    /** The profiles shipped in {@code org/navette/connector/opac/profiles/}. */
    private static final List<String> BUILT_IN = List.of(
            "vufind", "bibliotheca", "sisis", "bib2", "spydus", "slub", "generic");
    private static final String RESOURCE_DIR = "/org/navette/connector/opac/profiles/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern GROUP_REF = Pattern.compile("\\$(\\d+)|\\$\\{");

    private final String source;

    private ProfileReader(String source) {
        this.source = source;
    }

    /** Names of the built-in profiles, in a stable order. */
    public static Set<String> builtInNames() {
        return new LinkedHashSet<>(BUILT_IN);
    }

    /** Loads a built-in profile. */
    public static OpacProfile builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown built-in OPAC profile '" + name + "'; built-in profiles are " + BUILT_IN);
        }
        String resource = RESOURCE_DIR + name + ".json";
        try (InputStream in = ProfileReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile resource missing from the jar: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "profiles/" + name + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in profile " + resource, e);
        }
    }

    /** Loads a profile file. */
    public static OpacProfile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            // the exception's own text ("Input length = 1") says nothing to whoever wrote the file
            throw new OpacProfileException(file.toString(), "", "the profile file is not UTF-8 text");
        } catch (IOException e) {
            throw new OpacProfileException(file.toString(), "", "cannot read the profile file: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** A built-in name or a file path. */
    public static OpacProfile resolve(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("OPAC profile must name a built-in profile " + BUILT_IN + " or a JSON file");
        }
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("OPAC profile '" + nameOrPath + "' is neither a built-in profile "
                    + BUILT_IN + " nor a readable file");
        }
        return load(file);
    }

    /** Parses profile JSON; {@code source} names it in messages. */
    public static ProfileSpec parse(String json, String source) {
        JsonNode root;
        try {
            root = JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .build()
                    .readTree(json);
        } catch (JsonProcessingException e) {
            throw new OpacProfileException(source, "", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new OpacProfileException(source, "", "the profile is empty");
        }
        ProfileReader reader = new ProfileReader(source);
        return reader.profile(reader.new At(root, ""));
    }

    // ---------------------------------------------------------------- structure

    private ProfileSpec profile(At at) {
        at.object("name", "description", "format", "charset", "preprocess", "session", "search", "results",
                "detail", "export");
        String name = at.requiredString("name");
        if (!NAME.matcher(name).matches()) {
            throw at.child("name").fail("must be 1-64 lower-case letters, digits, '-' or '_', was \"" + name + "\"");
        }
        PageFormat format = at.has("format")
                ? enumValue(at.child("format"), PageFormat.class, at.child("format").text())
                : PageFormat.HTML;
        Charset charset = null;
        if (at.has("charset")) {
            At c = at.child("charset");
            try {
                charset = Charset.forName(c.text());
            } catch (IllegalArgumentException e) {
                throw c.fail("unknown charset \"" + c.text() + "\"");
            }
        }
        boolean unwrap = false;
        if (at.has("preprocess")) {
            At p = at.child("preprocess");
            for (At step : p.elements()) {
                if (!step.text().equals("documentWrite")) {
                    throw step.fail("unknown preprocessing step \"" + step.text() + "\"; known: documentWrite");
                }
                unwrap = true;
            }
        }
        Session session = null;
        if (at.has("session")) {
            At s = at.child("session");
            s.object("path");
            session = new Session(s.requiredString("path"));
        }
        Search search = search(at.required("search"));
        Results results = results(at.required("results"), format);
        Detail detail = at.has("detail") ? detail(at.child("detail"), format) : null;
        Export export = at.has("export") ? export(at.child("export")) : null;
        if (!results.fields().containsKey(RecordField.TITLE)
                && (detail == null || !detail.fields().containsKey(RecordField.TITLE))) {
            throw at.child("results").child("fields").fail("required field 'title' is missing "
                    + "(give it here or in detail.fields)");
        }
        return new ProfileSpec(name, at.has("description") ? at.child("description").text() : "", source, format,
                charset, unwrap, session, search, results, detail, export);
    }

    private Search search(At at) {
        at.object("method", "path", "params", "fields", "query", "singleField", "truncation", "phrase", "removeChars",
                "unsupportedFields", "paging");
        String method = at.has("method") ? at.child("method").text().toUpperCase(Locale.ROOT) : "GET";
        if (!method.equals("GET") && !method.equals("POST")) {
            throw at.child("method").fail("must be GET or POST, was \"" + at.child("method").text() + "\"");
        }
        String path = at.requiredString("path");
        List<Map.Entry<String, String>> params = at.has("params") ? stringMap(at.child("params")) : List.of();
        if (at.has("fields") == at.has("query")) {
            throw at.fail("give either 'fields' (form parameters per field) or 'query' (a query-language template), not "
                    + (at.has("fields") ? "both" : "neither"));
        }
        Map<Field, List<Map.Entry<String, String>>> fields = null;
        QueryTemplate query = null;
        if (at.has("fields")) {
            At f = at.child("fields");
            f.requireObject();
            fields = new EnumMap<>(Field.class);
            for (At field : f.members()) {
                Field key = queryField(field);
                List<Map.Entry<String, String>> templates = stringMap(field);
                if (templates.stream().noneMatch(e -> e.getValue().contains("{term}"))) {
                    throw field.fail("no parameter value contains {term}");
                }
                fields.put(key, templates);
            }
            if (fields.isEmpty()) {
                throw f.fail("must map at least one field");
            }
        } else {
            query = queryTemplate(at.child("query"));
        }
        boolean singleField = at.has("singleField") && at.child("singleField").bool();
        if (singleField && fields == null) {
            throw at.child("singleField").fail("only applies to form profiles (search.fields)");
        }
        String truncation = templateWithTerm(at, "truncation");
        String phrase = templateWithTerm(at, "phrase");
        String removeChars = at.has("removeChars") ? at.child("removeChars").text() : "";
        UnsupportedFieldPolicy unsupported = UnsupportedFieldPolicy.SEARCH_AS_ANY;
        if (at.has("unsupportedFields")) {
            try {
                unsupported = UnsupportedFieldPolicy.fromSetting(at.child("unsupportedFields").text());
            } catch (IllegalArgumentException e) {
                throw at.child("unsupportedFields").fail(e.getMessage());
            }
        }
        boolean hasAny = fields != null ? fields.containsKey(Field.ANY) : query.clauses().containsKey(Field.ANY);
        if (unsupported == UnsupportedFieldPolicy.SEARCH_AS_ANY && !hasAny) {
            throw at.child(at.has("unsupportedFields") ? "unsupportedFields" : "fields")
                    .fail("unsupported fields are searched as 'any', but no 'any' field is mapped "
                            + "(map one, or set unsupportedFields to \"report\")");
        }
        Paging paging = null;
        if (at.has("paging")) {
            At p = at.child("paging");
            p.object("param", "first", "step", "pageSize");
            paging = new Paging(p.requiredString("param"), p.integer("first", 1, 0), p.integer("step", 1, 1),
                    p.integer("pageSize", -1, 1));
        }
        return new Search(method, path, params, fields, query, singleField, truncation, phrase, removeChars, unsupported,
                paging);
    }

    private QueryTemplate queryTemplate(At at) {
        at.object("param", "clauses", "and", "or", "not");
        String param = at.requiredString("param");
        At c = at.required("clauses");
        c.requireObject();
        Map<Field, String> clauses = new EnumMap<>(Field.class);
        for (At clause : c.members()) {
            String t = clause.text();
            if (!t.contains("{term}")) {
                throw clause.fail("template must contain {term}, was \"" + t + "\"");
            }
            clauses.put(queryField(clause), t);
        }
        if (clauses.isEmpty()) {
            throw c.fail("must map at least one field");
        }
        String and = booleanTemplate(at, "and");
        String or = booleanTemplate(at, "or");
        String not = booleanTemplate(at, "not");
        return new QueryTemplate(param, clauses, and, or, not);
    }

    private String booleanTemplate(At at, String key) {
        if (!at.has(key)) {
            return null;
        }
        String t = at.child(key).text();
        if (!t.contains("{left}") || !t.contains("{right}")) {
            throw at.child(key).fail("template must contain {left} and {right}, was \"" + t + "\"");
        }
        return t;
    }

    private String templateWithTerm(At at, String key) {
        if (!at.has(key)) {
            return null;
        }
        String t = at.child(key).text();
        if (!t.contains("{term}")) {
            throw at.child(key).fail("template must contain {term}, was \"" + t + "\"");
        }
        return t;
    }

    private Field queryField(At at) {
        for (Field f : Field.values()) {
            if (f.indexName().equals(at.key())) {
                return f;
            }
        }
        List<String> known = new ArrayList<>();
        for (Field f : Field.values()) {
            known.add(f.indexName());
        }
        throw at.fail("unknown query field; known fields are " + known);
    }

    private Results results(At at, PageFormat format) {
        at.object("hits", "items", "fields", "holdings", "next", "nothingFound", "error");
        Pick hits = at.has("hits") ? pick(at.child("hits"), format, null) : null;
        Locator items = locator(at.required("items"), format);
        Map<RecordField, Pick> fields = recordFields(at.required("fields"), format);
        if (fields.isEmpty()) {
            throw at.child("fields").fail("must extract at least one field");
        }
        Holdings holdings = at.has("holdings") ? holdings(at.child("holdings"), format) : null;
        Pick next = at.has("next") ? pick(at.child("next"), format, null) : null;
        Detector nothing = at.has("nothingFound") ? detector(at.child("nothingFound"), format, false) : null;
        Detector error = at.has("error") ? detector(at.child("error"), format, true) : null;
        return new Results(hits, items, fields, holdings, next, nothing, error);
    }

    private Detail detail(At at, PageFormat format) {
        at.object("detect", "follow", "fields", "holdings");
        Locator detect = at.has("detect") ? locator(at.child("detect"), format) : null;
        boolean follow = !at.has("follow") || at.child("follow").bool();
        Map<RecordField, Pick> fields = at.has("fields") ? recordFields(at.child("fields"), format) : Map.of();
        Holdings holdings = at.has("holdings") ? holdings(at.child("holdings"), format) : null;
        if (fields.isEmpty() && holdings == null) {
            throw at.fail("give 'fields' or 'holdings' (or both)");
        }
        return new Detail(detect, follow, fields, holdings);
    }

    private Holdings holdings(At at, PageFormat format) {
        at.object("page", "rows", "fields");
        Pick page = at.has("page") ? pick(at.child("page"), format, null) : null;
        Locator rows = locator(at.required("rows"), format);
        At f = at.required("fields");
        f.requireObject();
        Map<HoldingField, Pick> fields = new EnumMap<>(HoldingField.class);
        for (At field : f.members()) {
            HoldingField key = HoldingField.ofKey(field.key()).orElseThrow(
                    () -> field.fail("unknown holding field; known fields are " + HoldingField.keys()));
            fields.put(key, pick(field, format, key == HoldingField.AVAILABILITY
                    ? org.navette.model.Availability.class : null, true));
        }
        if (fields.isEmpty()) {
            throw f.fail("must extract at least one holding field");
        }
        return new Holdings(page, rows, fields);
    }

    private Export export(At at) {
        at.object("url", "syntax", "format");
        String url = at.requiredString("url");
        RecordSyntax syntax = RecordSyntax.MARCXML;
        if (at.has("syntax")) {
            String s = at.child("syntax").text().toLowerCase(Locale.ROOT);
            syntax = switch (s) {
                case "marcxml" -> RecordSyntax.MARCXML;
                case "iso2709" -> RecordSyntax.ISO2709;
                default -> throw at.child("syntax").fail("must be marcxml or iso2709, was \"" + s + "\"");
            };
        }
        RecordFormat format = RecordFormat.MARC21;
        if (at.has("format")) {
            String f = at.child("format").text();
            try {
                format = RecordFormat.fromCode(f);
            } catch (IllegalArgumentException e) {
                throw at.child("format").fail("must be marc21 or unimarc, was \"" + f + "\"");
            }
            if (format != RecordFormat.MARC21 && format != RecordFormat.UNIMARC) {
                throw at.child("format").fail("must be marc21 or unimarc, was \"" + f + "\"");
            }
        }
        return new Export(url, syntax, format);
    }

    private Map<RecordField, Pick> recordFields(At at, PageFormat format) {
        at.requireObject();
        Map<RecordField, Pick> fields = new EnumMap<>(RecordField.class);
        for (At field : at.members()) {
            RecordField key = RecordField.ofKey(field.key()).orElseThrow(
                    () -> field.fail("unknown record field; known fields are " + RecordField.keys()));
            fields.put(key, pick(field, format, key.constants()));
        }
        return fields;
    }

    private Detector detector(At at, PageFormat format, boolean error) {
        if (at.node.isTextual()) {
            return new Detector(locator(at, format), null, error ? DiagnosticKind.TARGET_DIAGNOSTIC : null, at.path);
        }
        if (error) {
            at.object("selector", "matches", "kind");
        } else {
            at.object("selector", "matches");
        }
        Locator locator = locator(at.required("selector"), format);
        Pattern matches = at.has("matches") ? regex(at.child("matches"), at.child("matches").text()) : null;
        DiagnosticKind kind = error ? DiagnosticKind.TARGET_DIAGNOSTIC : null;
        if (error && at.has("kind")) {
            kind = enumValue(at.child("kind"), DiagnosticKind.class, at.child("kind").text());
        }
        return new Detector(locator, matches, kind, at.path);
    }

    // ---------------------------------------------------------------- picks and steps

    private Pick pick(At at, PageFormat format, Class<? extends Enum<?>> values) {
        return pick(at, format, values, false);
    }

    /**
     * A pick: a selector string, an object, or an array of those tried in order until one yields a
     * value. {@code column} (a holdings cell found by its table header) only makes sense in rows.
     */
    private Pick pick(At at, PageFormat format, Class<? extends Enum<?>> values, boolean inRow) {
        if (at.node.isArray()) {
            List<At> alternatives = at.elements();
            if (alternatives.isEmpty()) {
                throw at.fail("an array of alternatives must not be empty");
            }
            Pick result = null;
            for (int i = alternatives.size() - 1; i >= 0; i--) {
                At alt = alternatives.get(i);
                if (alt.node.isArray()) {
                    throw alt.fail("alternatives cannot nest");
                }
                Pick p = pick(alt, format, values, inRow);
                result = result == null ? p : p.withOrElse(result);
            }
            return result;
        }
        if (at.node.isTextual()) {
            return new Pick(locator(at, format), null, PageNode.Extract.TEXT, null, List.of(), null, at.path);
        }
        at.object("selector", "column", "extract", "steps");
        Locator locator = at.has("selector") ? locator(at.child("selector"), format) : new Locator.Self();
        Pattern column = null;
        if (at.has("column")) {
            if (!inRow || format == PageFormat.JSON) {
                throw at.child("column").fail("'column' only works in the fields of HTML holdings rows");
            }
            column = regex(at.child("column"), at.child("column").text());
        }
        PageNode.Extract extract = PageNode.Extract.TEXT;
        String attribute = null;
        if (at.has("extract")) {
            At e = at.child("extract");
            String how = e.text();
            if (format == PageFormat.JSON && !how.equals("text")) {
                throw e.fail("JSON profiles read values as text only, was \"" + how + "\"");
            }
            if (how.startsWith("@") && how.length() > 1) {
                extract = PageNode.Extract.ATTR;
                attribute = how.substring(1);
            } else {
                extract = switch (how) {
                    case "text" -> PageNode.Extract.TEXT;
                    case "ownText" -> PageNode.Extract.OWN_TEXT;
                    case "lines" -> PageNode.Extract.LINES;
                    case "html" -> PageNode.Extract.HTML;
                    default -> throw e.fail("must be text, ownText, lines, html or @attribute, was \"" + how + "\"");
                };
            }
        }
        List<Step> steps = at.has("steps") ? steps(at.child("steps"), values) : List.of();
        return new Pick(locator, column, extract, attribute, steps, null, at.path);
    }

    private List<Step> steps(At at, Class<? extends Enum<?>> values) {
        List<Step> steps = new ArrayList<>();
        for (At s : at.elements()) {
            if (s.node.isTextual()) {
                steps.add(switch (s.text()) {
                    case "trim" -> new Step.Trim(null);
                    case "absUrl" -> new Step.AbsoluteUrl();
                    case "first" -> new Step.First();
                    case "last" -> new Step.Last();
                    case "unescape" -> new Step.Unescape();
                    default -> throw s.fail("unknown step \"" + s.text() + "\"; known steps are trim, absUrl, first, "
                            + "last, unescape, {trim}, {regex}, {split}, {join}, {replace}, {template}, {map}");
                });
                continue;
            }
            if (!s.node.isObject() || s.node.size() != 1) {
                throw s.fail("a step is a name (\"trim\") or an object with exactly one key ({\"regex\": \"...\"})");
            }
            At arg = s.members().get(0);
            steps.add(switch (arg.key()) {
                case "trim" -> new Step.Trim(arg.text());
                case "regex" -> new Step.Capture(regex(arg, arg.text()));
                case "split" -> new Step.Split(regex(arg, arg.text()));
                case "join" -> new Step.Join(arg.text());
                case "template" -> new Step.Template(templateWithValue(arg));
                case "replace" -> replace(arg);
                case "map" -> map(arg, values);
                default -> throw arg.fail("unknown step; known steps are trim, absUrl, first, last, unescape, {trim}, "
                        + "{regex}, {split}, {join}, {replace}, {template}, {map}");
            });
        }
        return steps;
    }

    private String templateWithValue(At at) {
        String t = at.text();
        if (!t.contains("{value}")) {
            throw at.fail("template must contain {value}, was \"" + t + "\"");
        }
        return t;
    }

    private Step replace(At at) {
        List<At> parts = at.elements();
        if (parts.size() != 2) {
            throw at.fail("must be [\"pattern\", \"replacement\"]");
        }
        Pattern p = regex(parts.get(0), parts.get(0).text());
        String replacement = parts.get(1).text();
        Matcher refs = GROUP_REF.matcher(replacement);
        while (refs.find()) {
            if (refs.group(1) == null) {
                throw parts.get(1).fail("named group references ${...} are not supported; use $1");
            }
            int group = Integer.parseInt(refs.group(1));
            if (group > p.matcher("").groupCount()) {
                throw parts.get(1).fail("refers to group $" + group + " but the pattern has "
                        + p.matcher("").groupCount() + " group(s)");
            }
        }
        return new Step.Replace(p, replacement);
    }

    private Step map(At at, Class<? extends Enum<?>> values) {
        List<Map.Entry<Pattern, String>> rules = new ArrayList<>();
        for (At rule : at.elements()) {
            List<At> parts = rule.elements();
            if (parts.size() != 2) {
                throw rule.fail("a map rule is [\"pattern\", \"VALUE\"]");
            }
            String value = parts.get(1).text();
            if (values != null && !RecordField.isConstant(values, value)) {
                throw parts.get(1).fail("\"" + value + "\" is not one of " + RecordField.constants(values));
            }
            rules.add(new AbstractMap.SimpleImmutableEntry<>(regex(parts.get(0), parts.get(0).text()),
                    values == null ? value : value.toUpperCase(Locale.ROOT)));
        }
        if (rules.isEmpty()) {
            throw at.fail("must have at least one rule");
        }
        return new Step.MapValues(rules);
    }

    private Pattern regex(At at, String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw at.fail("unparseable regex \"" + pattern + "\": " + e.getDescription());
        }
    }

    private Locator locator(At at, PageFormat format) {
        String selector = at.text();
        if (selector.isBlank()) {
            throw at.fail("selector must not be blank");
        }
        if (format == PageFormat.JSON) {
            try {
                return Locator.JsonPath.parse(selector);
            } catch (IllegalArgumentException e) {
                throw at.fail("unparseable JSON pointer \"" + selector + "\": " + e.getMessage());
            }
        }
        try {
            return new Locator.Css(QueryParser.parse(selector), selector);
        } catch (RuntimeException e) {
            throw at.fail("unparseable CSS \"" + selector + "\": " + e.getMessage());
        }
    }

    private <E extends Enum<E>> E enumValue(At at, Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw at.fail("must be one of " + known + ", was \"" + value + "\"");
    }

    private List<Map.Entry<String, String>> stringMap(At at) {
        at.requireObject();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (At m : at.members()) {
            if (!m.node.isValueNode() || m.node.isNull()) {
                throw m.fail("must be a string, was " + m.node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(m.key(), m.node.asText()));
        }
        return out;
    }

    /** A JSON node with its key path, so that every error can say where it is. */
    private final class At {
        private final JsonNode node;
        private final String path;

        At(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        String key() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        OpacProfileException fail(String problem) {
            return new OpacProfileException(source, path, problem);
        }

        At child(String key) {
            return new At(node.get(key), path.isEmpty() ? key : path + "." + key);
        }

        boolean has(String key) {
            JsonNode v = node.get(key);
            return v != null && !v.isNull();
        }

        At required(String key) {
            if (!has(key)) {
                throw new OpacProfileException(source, path.isEmpty() ? key : path + "." + key, "required key is missing");
            }
            return child(key);
        }

        String requiredString(String key) {
            String v = required(key).text();
            if (v.isBlank()) {
                throw child(key).fail("must not be blank");
            }
            return v;
        }

        String text() {
            if (!node.isTextual()) {
                throw fail("must be a string, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return node.asText();
        }

        boolean bool() {
            if (!node.isBoolean()) {
                throw fail("must be true or false, was " + node);
            }
            return node.asBoolean();
        }

        int integer(String key, int defaultValue, int min) {
            if (!has(key)) {
                if (defaultValue < min) {
                    throw new OpacProfileException(source, path + "." + key, "required key is missing");
                }
                return defaultValue;
            }
            JsonNode v = node.get(key);
            if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > 1_000_000) {
                throw child(key).fail("must be an integer within " + min + "..1000000, was " + v);
            }
            return v.asInt();
        }

        void requireObject() {
            if (!node.isObject()) {
                throw fail("must be a JSON object, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }

        /** Checks this is an object whose keys are all known ("comment" is always allowed). */
        void object(String... known) {
            requireObject();
            Set<String> allowed = new TreeSet<>(List.of(known));
            allowed.add("comment");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String k = e.getKey();
                if (!allowed.contains(k)) {
                    allowed.remove("comment");
                    throw new OpacProfileException(source, path.isEmpty() ? k : path + "." + k,
                            "unknown key; known keys here are " + allowed);
                }
            }
        }

        /** Object members, except comments, in file order. */
        List<At> members() {
            List<At> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals("comment")) {
                    out.add(new At(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
                }
            }
            return out;
        }

        List<At> elements() {
            if (!node.isArray()) {
                throw fail("must be a JSON array, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            List<At> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(new At(node.get(i), path + "[" + i + "]"));
            }
            return out;
        }
    }
}
