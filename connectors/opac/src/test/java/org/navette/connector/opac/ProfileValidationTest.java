package org.navette.connector.opac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A profile that cannot work fails to load with one message naming the file and the key path. */
class ProfileValidationTest {
    /** A minimal valid profile; the tests break one thing at a time. */
    private static final String VALID = """
            {
              "name": "mine",
              "search": { "path": "search", "fields": { "any": { "q": "{term}" } } },
              "results": {
                "items": "li.hit",
                "fields": {
                  "title": "h2",
                  "year": { "selector": ".year", "steps": [{ "regex": "(\\\\d{4})" }] }
                }
              }
            }
            """;

    private static OpacProfile parse(String json) {
        return OpacProfile.parse(json, "mine.json");
    }

    @Test
    void theMinimalProfileLoads() {
        OpacProfile p = parse(VALID);

        assertThat(p.name()).isEqualTo("mine");
        assertThat(p.source()).isEqualTo("mine.json");
        assertThat(p.description()).isEmpty();
    }

    @Test
    void aProfileFileThatIsNotUtf8SaysSoWithoutAnExceptionClassName(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.json"), VALID.replace("mine", "Génève").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> OpacProfile.load(latin1))
                .isInstanceOf(OpacProfileException.class)
                .hasMessage(latin1 + ": the profile file is not UTF-8 text");
    }

    @Test
    void anUnknownKeyIsNamedWithItsPathAndTheKnownKeys() {
        assertThatThrownBy(() -> parse(VALID.replace("\"items\"", "\"item\"")))
                .isInstanceOf(OpacProfileException.class)
                .hasMessage("mine.json: results.item: unknown key; known keys here are [error, fields, hits, holdings, items, "
                        + "next, nothingFound]")
                .satisfies(e -> {
                    assertThat(((OpacProfileException) e).source()).isEqualTo("mine.json");
                    assertThat(((OpacProfileException) e).keyPath()).isEqualTo("results.item");
                });
    }

    @Test
    void aSelectorThatDoesNotParseIsNamedWithItsPath() {
        assertThatThrownBy(() -> parse(VALID.replace("\"title\": \"h2\"", "\"title\": { \"selector\": \"div[[\" }")))
                .isInstanceOf(OpacProfileException.class)
                .hasMessageStartingWith("mine.json: results.fields.title.selector: unparseable CSS \"div[[\": ");
        assertThatThrownBy(() -> parse(VALID.replace("\"title\": \"h2\"", "\"title\": \"h2:nosuch(1)\"")))
                .hasMessageStartingWith("mine.json: results.fields.title: unparseable CSS \"h2:nosuch(1)\": ");
    }

    @Test
    void aRegexThatDoesNotCompileIsNamedWithItsStep() {
        assertThatThrownBy(() -> parse(VALID.replace("(\\\\d{4})", "(\\\\d{4}")))
                .isInstanceOf(OpacProfileException.class)
                .hasMessage("mine.json: results.fields.year.steps[0].regex: unparseable regex \"(\\d{4}\": Unclosed group");
    }

    @Test
    void missingRequiredPartsAreNamed() {
        assertThatThrownBy(() -> parse(VALID.replace("\"items\": \"li.hit\",", "")))
                .hasMessage("mine.json: results.items: required key is missing");
        assertThatThrownBy(() -> parse(VALID.replace("\"title\": \"h2\",", "")))
                .hasMessage("mine.json: results.fields: required field 'title' is missing (give it here or in detail.fields)");
        assertThatThrownBy(() -> parse(VALID.replace("\"path\": \"search\", ", "")))
                .hasMessage("mine.json: search.path: required key is missing");
        assertThatThrownBy(() -> parse(VALID.replace("\"fields\": { \"any\": { \"q\": \"{term}\" } }", "\"method\": \"GET\"")))
                .hasMessage("mine.json: search: give either 'fields' (form parameters per field) or 'query' (a query-language "
                        + "template), not neither");
    }

    @Test
    void fieldsStepsAndValuesMustBeKnown() {
        assertThatThrownBy(() -> parse(VALID.replace("\"title\": \"h2\"", "\"titel\": \"h2\", \"title\": \"h2\"")))
                .hasMessageStartingWith("mine.json: results.fields.titel: unknown record field; known fields are title, titleRemainder,");
        assertThatThrownBy(() -> parse(VALID.replace("{ \"regex\": \"(\\\\d{4})\" }", "\"squeeze\"")))
                .hasMessageStartingWith("mine.json: results.fields.year.steps[0]: unknown step \"squeeze\"; known steps are trim,");
        assertThatThrownBy(() -> parse(VALID.replace("\"year\":", "\"materialType\": { \"selector\": \".t\", \"steps\": "
                + "[{ \"map\": [[\"(?i)buch\", \"BOOKS\"]] }] }, \"year\":")))
                .hasMessage("mine.json: results.fields.materialType.steps[0].map[0][1]: \"BOOKS\" is not one of BOOK, SERIAL, "
                        + "ARTICLE, SCORE, MAP, SOUND_RECORDING, MUSIC_RECORDING, VIDEO, GRAPHIC, COMPUTER_FILE, KIT, "
                        + "MIXED_MATERIALS, MANUSCRIPT, OBJECT, OTHER");
        assertThatThrownBy(() -> parse(VALID.replace("{ \"regex\": \"(\\\\d{4})\" }", "{ \"replace\": [\"(a)\", \"$2\"] }")))
                .hasMessage("mine.json: results.fields.year.steps[0].replace[1]: refers to group $2 but the pattern has 1 group(s)");
        assertThatThrownBy(() -> parse(VALID.replace("\"any\": { \"q\": \"{term}\" }", "\"any\": { \"q\": \"term\" }")))
                .hasMessage("mine.json: search.fields.any: no parameter value contains {term}");
        assertThatThrownBy(() -> parse(VALID.replace("\"any\"", "\"everything\"")))
                .hasMessage("mine.json: search.fields.everything: unknown query field; known fields are [any, title, author, "
                        + "subject, isbn, issn, year, publisher, language, id]");
    }

    @Test
    void jsonProfilesTakeJsonPointersAndHolderColumnsOnlyExistInRows() {
        String json = VALID.replace("\"name\": \"mine\",", "\"name\": \"mine\", \"format\": \"json\",")
                .replace("\"items\": \"li.hit\"", "\"items\": \"/docs\"")
                .replace("\"title\": \"h2\"", "\"title\": \"/title\"")
                .replace("\"selector\": \".year\"", "\"selector\": \"/year\"");
        assertThat(parse(json).name()).isEqualTo("mine");
        assertThatThrownBy(() -> parse(json.replace("\"/title\"", "\"h2.title\"")))
                .hasMessage("mine.json: results.fields.title: unparseable JSON pointer \"h2.title\": a JSON pointer starts with '/'");
        assertThatThrownBy(() -> parse(VALID.replace("\"title\": \"h2\"", "\"title\": { \"column\": \"Titel\" }")))
                .hasMessage("mine.json: results.fields.title.column: 'column' only works in the fields of HTML holdings rows");
    }

    @Test
    void brokenJsonAndDuplicateKeysAreRejected() {
        assertThatThrownBy(() -> parse("{ \"name\": \"mine\", "))
                .isInstanceOf(OpacProfileException.class)
                .hasMessageStartingWith("mine.json: not valid JSON: ");
        assertThatThrownBy(() -> parse(VALID.replace("\"name\": \"mine\",", "\"name\": \"mine\", \"name\": \"again\",")))
                .hasMessageStartingWith("mine.json: not valid JSON: Duplicate field 'name'");
    }

    @Test
    void commentsAreAllowedAsKeysAndAsJavaComments() {
        OpacProfile p = parse(VALID.replace("\"name\": \"mine\",", "// my library\n\"comment\": \"for testing\", \"name\": \"mine\","));

        assertThat(p.name()).isEqualTo("mine");
    }

    static Iterable<String> builtIns() {
        return OpacProfile.builtInNames();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInProfileLoadsUnderItsName(String name) {
        OpacProfile p = OpacProfile.builtIn(name);

        assertThat(p.name()).isEqualTo(name);
        assertThat(p.source()).isEqualTo("profiles/" + name + ".json");
        assertThat(p.description()).isNotBlank();
    }

    @Test
    void profilesResolveByBuiltInNameOrByFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);

        assertThat(OpacProfile.resolve("bib2").source()).isEqualTo("profiles/bib2.json");
        assertThat(OpacProfile.resolve(file.toString()).source()).isEqualTo(file.toString());
        assertThatThrownBy(() -> OpacProfile.resolve("koha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPAC profile 'koha' is neither a built-in profile [vufind, bibliotheca, sisis, bib2, spydus, slub, "
                        + "generic] nor a readable file");
        Files.writeString(file, VALID.replace("\"li.hit\"", "\"li[\""), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OpacProfile.load(file)).hasMessageStartingWith(file + ": results.items: unparseable CSS \"li[\"");
    }
}
